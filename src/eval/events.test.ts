import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { actorDictionary } from '../recognize/actors/dictionary.js';
import { actorKey, evalEvents, goldRows, mapOldType } from './events.js';
import { csvField, parseCsv } from './events-csv.js';
import { sharedPath } from '../../test/helpers.js';

test('CSV: RFC 4180 fields, doubled quotes, line breaks inside quotes, CRLF', () => {
  assert.deepEqual(parseCsv('a,b\r\n"x, y","he said ""no""\nthen"\r\n'), [['a', 'b'], ['x, y', 'he said "no"\nthen']]);
  assert.equal(csvField('plain'), 'plain');
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.throws(() => parseCsv('"never closed'), /never closed/);
});

test('old ACLED types map to today’s (ACLED.md), sub-types left open where the mapping leaves them', () => {
  assert.deepEqual(mapOldType('Battle-Non-state actor overtakes territory'), { types: ['Battles'], sub: 'Non-state actor overtakes territory' });
  assert.deepEqual(mapOldType('Remote Violence'), { types: ['Explosions/Remote violence'], sub: null });
  assert.deepEqual(mapOldType('Riots/Protests'), { types: ['Protests', 'Riots'], sub: null });
  assert.deepEqual(mapOldType('Non-violent activity by a conflict actor'), { types: ['Strategic developments'], sub: null });
  assert.equal(mapOldType('Something else'), null);
});

test('actor names compare after folding, period suffixes, acronyms and aliases', () => {
  const d = actorDictionary();
  const same = (a: string, b: string) => actorKey(d, a).some((k) => actorKey(d, b).includes(k));
  assert.ok(same('Military Forces of Libya (2014-)', 'Military Forces of Libya'));
  assert.ok(same('HTS: Hayat Tahrir al Sham', 'Hayat Tahrir al-Sham'));
  assert.ok(same('Islamic State (Cyrenaica Province)', 'Islamic State (Libya)'));
  assert.ok(same('Al Shabaab', 'al-Shabaab'));
  assert.ok(!same('Military Forces of Libya (2014-) Haftar Faction', 'Military Forces of Libya (2016-) Government of National Accord'));
  assert.ok(!same('Protesters (Iran)', 'Protesters (Iraq)'));
  // An era name the dictionary gives as an actor's earlier name is that actor; other factions stay apart.
  assert.ok(same('Military Forces of Libya (2014-)', 'Military Forces of Libya (2014-) Haftar Faction'));
  assert.ok(!same('Military Forces of Libya (2014-)', 'Military Forces of Libya (2016-) Government of National Accord'));
  assert.ok(!same('Military Forces of Yemen (2012-)', 'Military Forces of Yemen (2016-) Supreme Political Council'));
  // A unit of an era's forces is those forces; units of a state are that state's forces.
  assert.ok(same('Military Forces of Libya (2016-) Presidential Guard', 'Military Forces of Libya (2016-) Government of National Accord'));
  assert.ok(!same('Military Forces of Libya (2016-) Presidential Guard', 'Military Forces of Libya (2014-) Haftar Faction'));
  assert.ok(same('Military Forces of Turkey (2016-) Gendarmerie', 'Military Forces of Turkey'));
});

test('eval events on a small CSV: every EVAL.md field, best match and first-ranked scoring', async () => {
  const csv = [
    'event_date,event_type,sub_event_type,actor1,actor2,country,admin1,location,latitude,longitude,fatalities,notes',
    '2020-05-01,Protests,Peaceful protest,Protesters (Iraq),,Iraq,Thi-Qar,Nassriya,31.05,46.26,0,"On 1 May 2020, dozens of graduates protested in Nassriya demanding jobs."',
    '2020-05-02,Battles,Armed clash,Al Shabaab,Military Forces of Somalia,Somalia,Bay,Baidoa,3.11,43.65,3,"On 2 May 2020, Al Shabaab fighters clashed with Somali army troops near Baidoa, killing three soldiers."',
    '2015-03-03,Remote violence,,Unidentified Armed Group (Nigeria),,Nigeria,Borno,Maiduguri,11.84,13.16,0,"A bomb exploded at a market in Maiduguri on 3 March."',
  ].join('\n');
  assert.equal(goldRows(csv).length, 3);
  const r = await evalEvents('mini.csv', csv, { gazetteer: null, gazetteerName: 'none' });
  for (const k of ['rows', 'extracted', 'event_type_acc', 'sub_event_type_acc', 'actor_acc', 'date_acc', 'location_25km', 'admin1_acc', 'fatalities_acc', 'rows_per_s', 'events_per_row', 'event_type_acc_top1', 'sub_event_type_acc_top1'] as const) {
    assert.equal(typeof r[k], 'number', k);
  }
  assert.equal(r.rows, 3);
  assert.equal(r.sub_event_type_rows, 2, 'the old "Remote violence" row has no sub-type to score');
  assert.equal(r.event_type_acc, 1);
  assert.equal(r.date_acc, 1);
  assert.equal(r.fatalities_acc, 1);
  assert.equal(r.location_25km, 0, 'no gazetteer: no coordinates');
});

test('eval events on the ACLED dev files (first rows): it runs and scores sensibly', { skip: sharedPath('data', 'events', 'acled') ? false : 'the ACLED dev files are not present' }, async () => {
  const file = sharedPath('data', 'events', 'acled', 'acled-mena-2020-newschema.dev.csv')!;
  const r = await evalEvents(file, readFileSync(file, 'utf8'), { gazetteer: null, gazetteerName: 'none', limit: 60 });
  assert.equal(r.rows, 60);
  assert.ok(r.event_type_acc > 0.7, `event_type_acc ${r.event_type_acc}`);
  assert.ok(r.events_per_row < 2);
});
