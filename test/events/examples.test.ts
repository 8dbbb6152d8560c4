/**
 * The dozen example reports written for the events stage (examples/README.md), each run through the
 * whole pipeline with its dateline's date as the publication date. Each test states what an analyst
 * codes from the report; places are not checked here (the geoparser's job), except where two places
 * must keep two events apart (Khartoum and Omdurman, given as the geoparser would).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRunContext, type Extraction } from '../../src/core/index.js';
import { extract } from '../../src/pipeline.js';
import { analyze } from '../../src/text/index.js';
import { extractEvents } from '../../src/events/index.js';
import { resolveTimes } from '../../src/time/index.js';
import { examplePath } from '../helpers.js';
import { places } from './fixtures.js';
import { loadGazetteer } from '../../src/resolve/gazetteerSource.js';

// The whole pipeline as `sitrep extract` runs it: with the bundled gazetteer (loaded once).
const gazetteer = await loadGazetteer(null, {});

async function run(file: string, published: string): Promise<Extraction> {
  return extract(createRunContext({ gazetteer }), { kind: 'file', path: examplePath(file) }, { published: { value: published, date: published, how: 'option', raw: published } });
}

const only = (x: Extraction) => {
  assert.ok(x.events.length >= 1, 'an event');
  return x.events[0]!;
};

test('air strike: eleven killed in words, the army’s denial lowers credibility and is kept as a claim', async () => {
  const x = await run('ariha-airstrike.txt', '2021-03-14');
  assert.equal(x.events.length, 1);
  const e = only(x);
  assert.equal(`${e.eventType} / ${e.subEventType}`, 'Explosions/Remote violence / Air/drone strike');
  assert.equal(e.fatalities, 11);
  assert.equal(e.fatalityBasis, 'stated');
  assert.equal(e.date, '2021-03-13', '"on Saturday" before a Sunday report');
  assert.equal(e.actor2, 'Civilians (Syria)');
  assert.equal(e.credibility, 4, 'denied by the army');
  assert.ok(x.claims.some((c) => c.verb === 'FIGHT' && c.modality === 'negated' && c.actor === 'Military Forces of Syria'));
});

test('IED: three policemen killed, the Taliban’s claim of responsibility names the perpetrator; the defused device is its own event', async () => {
  const x = await run('kandahar-ied.txt', '2020-10-05');
  const e = only(x);
  assert.equal(e.subEventType, 'Remote explosive/landmine/IED');
  assert.equal(e.actor1, 'Taliban');
  assert.equal(e.actor2, 'Police Forces of Afghanistan');
  assert.equal(e.fatalities, 3, '"at least three policemen", the two wounded not counted');
  assert.ok(e.fields['actor1']!.rules.includes('actor1/claimed-responsibility'));
  assert.ok(x.events.some((v) => v.subEventType === 'Disrupted weapons use'));
});

test('suicide bomb: "dozens" yields to a counted figure, the lowest of the sources; a habit is not an event', async () => {
  const x = await run('maiduguri-suicide.txt', '2019-06-09');
  assert.equal(x.events.length, 1);
  const e = only(x);
  assert.equal(e.subEventType, 'Suicide bomb');
  assert.equal(e.fatalities, 14, 'hospital count (14) over "dozens" (12 by convention) and "more than thirty"');
  assert.equal(e.actor1, 'Unidentified Armed Group (Nigeria)', 'no group claimed it');
  const habit = x.claims.find((c) => c.actor?.startsWith('Boko Haram'));
  assert.equal(habit?.modality, 'hypothetical', '"has repeatedly targeted markets" is a generality');
});

test('shelling: "a woman and her two children" are three deaths; wounded civilians are not counted', async () => {
  const x = await run('taiz-shelling.txt', '2022-01-22');
  const e = only(x);
  assert.equal(e.subEventType, 'Shelling/artillery/missile attack');
  assert.equal(e.actor1, 'Military Forces of Yemen (2016-) Supreme Political Council');
  assert.equal(e.fatalities, 3);
  assert.equal(e.modality, 'reported', '"medical sources said"');
});

test('attack on civilians: nineteen killed with machetes, suspected ADF', async () => {
  const x = await run('beni-massacre.txt', '2021-08-30');
  const e = only(x);
  assert.equal(`${e.eventType} / ${e.subEventType}`, 'Violence against civilians / Attack');
  assert.equal(e.actor1, 'ADF: Allied Democratic Forces');
  assert.equal(e.actor2, 'Civilians (Democratic Republic of Congo)');
  assert.equal(e.interaction, 27);
  assert.equal(e.civilianTargeting, true);
  assert.equal(e.fatalities, 19);
});

test('abduction: thirty students taken, nobody killed, a ransom refused (a negated claim)', async () => {
  const x = await run('zamfara-abduction.txt', '2021-02-26');
  const e = only(x);
  assert.equal(e.subEventType, 'Abduction/forced disappearance');
  assert.equal(e.actor1, 'Unidentified Armed Group (Nigeria)');
  assert.deepEqual(e.assocActor2, ['Students (Nigeria)']);
  assert.equal(e.fatalities, 0);
  const ransom = x.claims.find((c) => c.verb === 'PAY');
  assert.equal(ransom?.modality, 'negated');
  assert.equal(ransom?.actor, 'Government of Nigeria');
});

test('protest and riot: tear gas and arrests in Khartoum, burning tyres in Omdurman — two events; a march planned is a claim', () => {
  const text = readFileSync(examplePath('khartoum-protests.txt'), 'utf8');
  const { tokens, sentences } = analyze(text);
  const ps = places(text, [
    { mention: 'KHARTOUM', name: 'Khartoum', lat: 15.5518, lon: 32.5324, country: 'SD', featureCode: 'PPLC' },
    { mention: 'Sudan', lat: 15.5, lon: 32.5, country: 'SD', featureCode: 'PCLI', geoPrecision: 3 },
    { mention: 'Khartoum', nth: 1, lat: 15.5518, lon: 32.5324, country: 'SD', featureCode: 'PPLC' },
    { mention: 'Omdurman', nth: 1, lat: 15.6445, lon: 32.4777, country: 'SD', featureCode: 'PPL' },
  ]);
  const r = extractEvents(createRunContext({ referenceDate: '2021-11-17' }), { text, sentences, tokens, times: resolveTimes(createRunContext({ referenceDate: '2021-11-17' }), text).times, places: ps });
  const at = (name: string) => r.events.find((e) => r.places.find((p) => p.id === e.placeId)?.name === name);
  const khartoum = at('Khartoum');
  const omdurman = at('Omdurman');
  assert.equal(`${khartoum?.eventType} / ${khartoum?.subEventType}`, 'Protests / Protest with intervention');
  assert.equal(khartoum?.actor1, 'Protesters (Sudan)');
  assert.equal(khartoum?.actor2, 'Police Forces of Sudan');
  assert.equal(`${omdurman?.eventType} / ${omdurman?.subEventType}`, 'Riots / Violent demonstration');
  assert.equal(omdurman?.actor1, 'Rioters (Sudan)');
  const march = r.claims.find((c) => c.verb === 'PROTEST' && c.modality === 'planned');
  assert.ok(march, 'the march planned for Saturday');
});

test('agreement: a ceasefire signed by both sides; the prisoner exchange and the talks are plans', async () => {
  const x = await run('geneva-ceasefire.txt', '2020-10-23');
  const e = only(x);
  assert.equal(`${e.eventType} / ${e.subEventType}`, 'Strategic developments / Agreement');
  assert.equal(e.actor1, 'Government of Libya (2016-2021) Government of National Accord');
  assert.equal(e.actor2, 'Military Forces of Libya (2014-) Haftar Faction');
  const swap = x.claims.find((c) => c.verb === 'AGREE' && c.modality === 'planned');
  assert.deepEqual(swap?.actors, ['Government of Libya (2016-2021) Government of National Accord', 'Military Forces of Libya (2014-) Haftar Faction'], '"the two sides"');
  assert.ok(x.claims.some((c) => c.verb === 'CONSULT' && c.modality === 'planned'));
  assert.ok(x.claims.some((c) => c.verb === 'RETREAT' && /foreign fighters are to leave/.test(c.text)));
});

test('base established; an attack reported by one side and denied by the other', async () => {
  const x = await run('menaka-base.txt', '2022-04-03');
  const base = x.events.find((e) => e.subEventType === 'Headquarters or base established');
  assert.equal(base?.actor1, 'Military Forces of Mali');
  assert.equal(base?.date, '2022-04-03');
  const attack = x.events.find((e) => e.subEventType === 'Armed clash');
  assert.equal(attack?.actor2, 'Military Forces of Mali', 'a patrol is the army');
  assert.equal(attack?.timePrecision, 2, '"last week"');
  assert.equal(attack?.credibility, 4, 'denied by the CMA');
  const denial = x.claims.find((c) => c.verb === 'FIGHT' && c.modality === 'negated');
  assert.equal(denial?.actor, 'CMA: Coordination of Azawad Movements');
});

test('looting: shops looted and a warehouse burned, nobody hurt', async () => {
  const x = await run('bangui-looting.txt', '2020-05-12');
  const e = only(x);
  assert.equal(`${e.eventType} / ${e.subEventType}`, 'Strategic developments / Looting/property destruction');
  assert.equal(e.actor1, 'Unidentified Armed Group (Central African Republic)');
  assert.equal(e.fatalities, 0);
  assert.equal(e.fatalityBasis, 'none');
});

test('two conflicting reports of one attack: one event, the lower toll, the denied capture not coded', async () => {
  const x = await run('mogadishu-conflicting.txt', '2020-09-07');
  assert.equal(x.events.length, 1);
  const e = only(x);
  assert.equal(`${e.eventType} / ${e.subEventType}`, 'Battles / Armed clash', 'the base "had fallen" is denied: no territory change');
  assert.deepEqual([e.actor1, e.actor2].sort(), ['Al Shabaab', 'Military Forces of Somalia']);
  assert.equal(e.fatalities, 13, 'army: three soldiers and ten militants (13) against Al-Shabaab’s twenty');
  assert.ok(e.fields['fatalities']!.rules.includes('fatalities/lowest-of-sources'));
  assert.equal(e.credibility, 4);
});

test('arrests with weapons seized: an arrest, not a grenade attack; a plot is a plan', async () => {
  const x = await run('arish-arrests.txt', '2018-07-19');
  assert.equal(x.events.length, 1);
  const e = only(x);
  assert.equal(`${e.eventType} / ${e.subEventType}`, 'Strategic developments / Arrests');
  assert.equal(e.actor1, 'Police Forces of Egypt');
  assert.equal(e.fatalities, 0);
  const plot = x.claims.find((c) => c.verb === 'FIGHT');
  assert.equal(plot?.modality, 'planned');
});

test('the start-up example (sirte-offensive.txt): captures with their own dates, control since 2015, deaths, claims', async () => {
  const x = await run('sirte-offensive.txt', '2016-05-13');
  const captures = x.events.filter((e) => e.subEventType === 'Non-state actor overtakes territory');
  assert.ok(captures.length >= 1, 'the villages taken');
  for (const e of captures) {
    assert.equal(e.actor1, 'Islamic State (Libya)');
    assert.equal(e.date, '2016-05-05', 'the two-day assault of May 5-6, not "since early 2015" of the relative clause');
    assert.equal(e.modality, 'occurred', '"reportedly" hedges the patrols, not the captures');
  }
  const clash = x.events.find((e) => e.subEventType === 'Armed clash' && e.date === '2016-04-27');
  assert.ok(clash, 'the April 27 clash');
  assert.equal(clash.fatalities, 4, '"lost four men"');
  // "Militias from Misrata … lost four men in a clash with the jihadists": the town's militia
  // against IS — not the men lost, and "the jihadists" is no town's militia.
  assert.deepEqual([clash.actor1, clash.actor2].sort(), ['Islamic State (Libya)', 'Misratah Communal Militia (Libya)']);
  // "local officials said", "its patrols": a source and IS's own men are not the other side.
  for (const e of captures) assert.ok(!/Government|Military Forces/.test(e.actor2 ?? ''), String(e.actor2));
  const hold = x.control.find((c) => c.status === 'holds' && c.place === 'Sirte');
  assert.ok(hold, 'the group holds Sirte');
  assert.equal(hold.actor, 'Islamic State (Libya)');
  assert.equal(hold.since, '2015-01-01');
  const uk = x.claims.find((c) => c.actor?.includes('United Kingdom'));
  assert.ok(uk && uk.modalities.includes('negated') && uk.modalities.includes('conditional'), 'Britain will not commit troops until after June 23');
  assert.ok(x.claims.some((c) => c.verb === 'RETREAT' && c.actor?.includes('France')), 'France has cooled');
  assert.ok(!x.events.some((e) => e.date?.startsWith('2015')), 'nothing happened in 2015 in this report');
});
