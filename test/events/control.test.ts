/**
 * Territorial control and actor coreference on short made-up reports, through the whole pipeline
 * with the bundled gazetteer (as `sitrep extract` runs).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRunContext, type Extraction } from '../../src/core/index.js';
import { extract } from '../../src/pipeline.js';
import { loadGazetteer } from '../../src/resolve/gazetteerSource.js';

const gazetteer = await loadGazetteer(null, {});

async function run(text: string, published: string): Promise<Extraction> {
  return extract(createRunContext({ gazetteer }), { kind: 'inline', text }, { published: { value: published, date: published, how: 'option', raw: published } });
}

test('a base overrun inside a province does not hand the province over', async () => {
  const x = await run('Al-Shabaab fighters overran a military base in Lower Shabelle on Saturday, killing at least 12 soldiers.', '2019-03-03');
  assert.ok(x.events.length >= 1);
  assert.deepEqual(x.control.filter((c) => c.status === 'gained').map((c) => c.place), []);
});

test('"X has held the town of Y since …": a hold with its first day; "the militants" is the group named before', async () => {
  const x = await run('Al-Shabaab fighters attacked a base on Saturday. The militants have held the town of Jilib since January.', '2019-03-03');
  const hold = x.control.find((c) => c.status === 'holds');
  assert.ok(hold, JSON.stringify(x.control));
  assert.equal(hold.actor, 'Al Shabaab');
  assert.equal(hold.place, 'Jilib');
  assert.equal(hold.since, '2019-01-01');
  assert.ok(hold.evidence.spans.some((s) => s.text === 'since January'));
});

test('"held a meeting in X" is no control', async () => {
  const x = await run('The rebels held a meeting in Jilib on Saturday.', '2019-03-03');
  assert.deepEqual(x.control, []);
});

test('two sides in two sentences are two events; a capital that acts is its government; "X east of the city" is not the city', async () => {
  const x = await run('Russian forces shelled residential areas of Kharkiv overnight, killing at least seven people. Ukrainian troops recaptured the village of Mala Rohan east of the city after heavy fighting. Moscow denied targeting civilians.', '2022-03-10');
  const shelling = x.events.find((e) => e.subEventType === 'Shelling/artillery/missile attack');
  const capture = x.events.find((e) => e.subEventType === 'Government regains territory');
  assert.ok(shelling && capture, x.events.map((e) => e.subEventType).join(','));
  assert.equal(shelling.actor1, 'Military Forces of Russia');
  assert.equal(shelling.fatalities, 7);
  assert.equal(capture.actor1, 'Military Forces of Ukraine');
  const city = x.places.find((p) => p.mention.span.text === 'the city');
  assert.equal(city?.refersTo && x.places.find((p) => p.id === city.refersTo)?.name, 'Kharkiv');
  assert.ok(x.claims.some((c) => c.verb === 'REJECT' && c.actor === 'Government of Russia'), x.claims.map((c) => `${c.verb}:${c.actor}`).join(','));
});

test('ACLED admin1: the division of the event place, of the place an unresolved one is located by, none for a midpoint across two', async () => {
  const { toAcledCsv, ACLED_COLUMNS } = await import('../../src/export/acled.js');
  const { parseCsv } = await import('../../src/eval/events-csv.js');
  const rows = (x: Extraction) => parseCsv(toAcledCsv(x, { timestamp: 0 }).replace(/\r\n$/, '')).slice(1).map((r) => Object.fromEntries(ACLED_COLUMNS.map((c, i) => [c, r[i]])));
  const taiz = rows(await run('Houthi forces shelled a neighbourhood of Taiz on Friday, killing three civilians.', '2022-01-22'));
  assert.equal(taiz[0]!['admin1'], 'Ta‘izz');
  const mid = rows(await run('Islamic State fighters clashed with militias halfway between Sirte and Misrata on Friday.', '2016-05-13'));
  assert.equal(mid[0]!['location'], 'halfway between Sirte and Misrata');
  assert.equal(mid[0]!['admin1'], '');
});
