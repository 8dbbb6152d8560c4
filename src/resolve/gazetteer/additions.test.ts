/**
 * User additions and layer precedence: user > imported > bundled.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SitrepError } from '../../core/errors.js';
import { importFiles } from './import.js';
import { openGazetteer } from './open.js';
import { dataDir, packageRoot } from './paths.js';

let dir = '';
let imported = '';
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-add-'));
  imported = join(dir, 'ly.sgz');
  await importFiles([join(packageRoot(), 'test', 'gazetteer', 'LY-sample.txt')], { out: imported });
});
after(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

test('a new place from a CSV is found, with its provenance', () => {
  const csv = write('mine.csv', 'name,alternatenames,lat,lon,feature,country,source,note\nQasr Umm Zurzur,"Gasr Um Zerzour|Zurzur fort",31.1,16.7,S.FT,LY,"imagery, 2016","old fort, approximate"\n');
  const gaz = openGazetteer(null, {}, { additions: [csv] });
  const c = gaz.lookup('Kasr Oum Zurzur')[0]!;
  assert.equal(c.entry.name, 'Qasr Umm Zurzur');
  assert.deepEqual(c.entry.alternateNames, ['Qasr Umm Zurzur', 'Gasr Um Zerzour', 'Zurzur fort']);
  assert.equal(c.entry.layer, 'user');
  assert.equal(c.entry.source, 'user:imagery, 2016 — old fort, approximate');
  assert.ok(c.reasons.includes('user-addition'));
  assert.equal(c.entry.id, 'user:qasr-umm-zurzur');
  assert.equal(c.level, 'variant', 'qasr/kasr, umm/oum, ou/u');
});

test('precedence: user > imported > bundled for the same id; removals hide lower entries and names', () => {
  const csv = write(
    'override.csv',
    [
      'id,name,lat,lon,feature,country,source',
      'geonames:2210554,Sirte,31.2,16.6,P.PPLA,LY,analyst: corrected point', // overrides the bundled city
      'geonames:99000001,Wadi Bey,30.9,15.5,H.WAD,LY,analyst: local spelling', // overrides the imported wadi
      '!geonames:266826', // hide Tripoli, Lebanon
      '!name:Misurata', // nobody below matches "Misurata" any more
    ].join('\n'),
  );
  const gaz = openGazetteer(imported, {}, { additions: [csv] });
  const sirte = gaz.lookup('Sirte')[0]!;
  assert.equal(sirte.entry.id, 'geonames:2210554');
  assert.equal(sirte.entry.layer, 'user');
  assert.equal(sirte.entry.lat, 31.2);
  // the bundled copy of the same id is gone, even when looked up by a name only it has
  assert.ok(!gaz.lookup('Qasr Sirt').some((c) => c.entry.id === 'geonames:2210554' && c.entry.layer === 'bundled'));
  const bey = gaz.lookup('Wadi Bey')[0]!;
  assert.equal(bey.entry.layer, 'user');
  assert.equal(bey.entry.name, 'Wadi Bey');
  assert.ok(!gaz.lookup('Tripoli').some((c) => c.entry.id === 'geonames:266826'));
  assert.equal(gaz.get('geonames:266826'), null);
  assert.ok(!gaz.lookup('Misurata').some((c) => c.matched === 'Misurata'));
  assert.equal(gaz.lookup('Misratah')[0]?.entry.id, 'geonames:2214846', 'other names still match');
  // without the additions, everything is back
  const plain = openGazetteer(imported, {});
  assert.equal(plain.lookup('Sirte')[0]!.entry.layer, 'bundled');
  assert.equal(plain.lookup('Wadi Bey')[0]!.entry.layer, 'imported');
  assert.ok(plain.lookup('Tripoli').some((c) => c.entry.id === 'geonames:266826'));
});

test('JSON additions and SITREP_GAZETTEER_ADDITIONS', () => {
  const json = write('mine.json', JSON.stringify({ places: [{ name: 'Camp Delta Nine', lat: 30, lon: 15, feature: 'S.CMP', country: 'LY', source: 'field report' }], remove: ['name:Sirte'] }));
  const gaz = openGazetteer(null, { SITREP_GAZETTEER_ADDITIONS: json });
  assert.equal(gaz.lookup('Camp Delta Nine')[0]?.entry.featureCode, 'CMP');
  assert.ok(!gaz.lookup('Sirte').some((c) => c.matched === 'Sirte'));
});

test('the shipped example file is valid', () => {
  const gaz = openGazetteer(null, {}, { additions: [join(dataDir(), 'additions.example.csv')] });
  assert.equal(gaz.lookup('Al Washka')[0]?.entry.layer, 'user');
  assert.ok(!gaz.lookup('Tripoli US').length || gaz.lookup('Tripoli US')[0]!.entry.country !== 'US');
});

test('bad additions name the file and line', () => {
  const cases: [string, RegExp][] = [
    ['name,lat,lon,country\nX,30,15,LY\n', /line 2: "X" needs a source/],
    ['name,lat,lon,source\nX,300,15,me\n', /line 2: "X" needs lat between -90 and 90/],
    ['name,lat,lon,source,color\n', /line 1: unknown column "color"/],
    ['name,lat,lon,source\n!bogus\n', /line 2: "!bogus" — a removal is/],
    ['name,lat,lon,source,country\nX,30,15,me,Libya\n', /line 2: country "LIBYA" should be an ISO 3166 alpha-2 code/],
  ];
  for (const [text, re] of cases) {
    const p = write('bad.csv', text);
    assert.throws(() => openGazetteer(null, {}, { additions: [p] }), (e: unknown) => e instanceof SitrepError && re.test(e.message) && e.message.includes('bad.csv'), re.source);
  }
  assert.throws(() => openGazetteer(null, {}, { additions: [join(dir, 'none.csv')] }), /no such additions file/);
});
