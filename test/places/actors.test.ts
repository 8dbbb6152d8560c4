/**
 * The report's actors as country evidence for its places (src/resolve/actorCountries.ts), composed
 * as the pipeline composes it: the early actor pass, then the geoparser. Made-up sentences.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRunContext, type Place } from '../../src/core/index.js';
import { reportActors } from '../../src/events/index.js';
import { actorCountries, LIGHT_WEIGHT } from '../../src/resolve/actorCountries.js';
import { openGazetteer } from '../../src/resolve/gazetteer/open.js';
import { geoparse } from '../../src/resolve/geoparse.js';
import { analyze } from '../../src/text/index.js';
import { actorDictionary } from '../../src/recognize/actors/dictionary.js';
import { recognizeActors } from '../../src/recognize/actors/recognizer.js';
import { reportWords } from '../../src/events/doc.js';

const ctx = createRunContext({ gazetteer: openGazetteer(null, {}), referenceDate: '2020-05-01' });
function places(text: string, withActors = true): Place[] {
  const { tokens, sentences } = analyze(text);
  const actors = withActors ? reportActors(ctx, text, sentences, tokens).countries : [];
  return geoparse(ctx, text, tokens, { actorCountries: actors }).places;
}
const find = (ps: Place[], s: string) => ps.find((p) => p.mention.span.text === s);
function countriesOf(text: string) {
  const { tokens, sentences } = analyze(text);
  return actorCountries(recognizeActors(actorDictionary(), text, reportWords(text, sentences, tokens), { date: '2020-05-01' }));
}

test('local actors weigh fully, a state\'s plain forces lightly, leaders and migrants not at all', () => {
  const w = (text: string) => Object.fromEntries(countriesOf(text).map((c) => [c.country, c.weight]));
  assert.deepEqual(w('Houthi fighters and GNA forces advanced; Hezbollah fired rockets.'), { YE: 1, LY: 1, LB: 1 });
  assert.deepEqual(w('Lebanese rioters and Lebanese police clashed.'), { LB: 1 });
  assert.deepEqual(w('US forces and the Turkish Army moved; Russian warplanes bombed the town.'), { US: LIGHT_WEIGHT, TR: LIGHT_WEIGHT, RU: LIGHT_WEIGHT });
  assert.deepEqual(w('Syrian refugees and Israeli settlers gathered.'), {});
  // A coalition acting in one country votes for that country, not its leader's.
  assert.deepEqual(w('The Saudi-led coalition struck the area.'), { YE: 1 });
});

test('the actors tell the country a bare name is in: "pro-Houthi forces shelled Hays city" is Hays, Yemen', () => {
  const p = find(places('Pro-Houthi forces shelled Hays city on Monday.'), 'Hays');
  assert.equal(p?.country, 'YE');
  assert.match(p!.evidence.reason ?? '', /the report's actors are of YE: Pro-Houthi forces/);
  assert.ok(p!.evidence.rules.includes('place/resolve/actors'));
  // Without the actors the hamlet in the US wins: the actors are what moved it.
  assert.equal(find(places('Pro-Houthi forces shelled Hays city on Monday.', false), 'Hays')?.country, 'US');
});

test('Lebanese rioters in Tripoli are in Lebanon, though "the US dollar" names another country', () => {
  const text = 'Lebanese rioters demonstrating against the high US dollar exchange rate blocked roads in Tripoli.';
  assert.equal(find(places(text), 'Tripoli')?.country, 'LB');
  assert.equal(find(places(text, false), 'Tripoli')?.country, 'LY');
});

test('GNA and LNA fighting in "As Sabaa (Tripoli)" is in Libya', () => {
  const ps = places('GNA forces attacked LNA positions in As Sabaa (Tripoli).');
  assert.equal(find(ps, 'Tripoli')?.country, 'LY');
  assert.equal(find(places('GNA forces attacked LNA positions in As Sabaa (Tripoli).', false), 'Tripoli')?.country, 'LB');
});

test('foreign forces acting abroad do not drag places home', () => {
  assert.equal(find(places('US forces raided a house in Tripoli.'), 'Tripoli')?.country, 'LY');
  assert.notEqual(find(places('Turkish troops in Syria shelled the town of Tal Abyad.'), 'Tal Abyad')?.country, 'TR');
  assert.equal(find(places('Russian warplanes bombed Tripoli.'), 'Tripoli')?.country, 'LY');
  // Houthi strikes on Saudi towns stay in Saudi Arabia.
  assert.equal(find(places('Houthi fighters fired missiles at Najran.'), 'Najran')?.country, 'SA');
});

test('the names still win where they agree: Hezbollah fighters in Qusayr and Homs are in Syria', () => {
  const ps = places('Hezbollah fighters clashed with rebels in Qusayr and Homs.');
  assert.equal(find(ps, 'Qusayr')?.country, 'SY');
  assert.equal(find(ps, 'Homs')?.country, 'SY');
});

test('the names\' own country comes first: Kenyan police fighting al Shabaab (Somali) in Kwale are in Kenya', () => {
  assert.equal(find(places('Kenyan police shot dead two al Shabaab suspects in Kwale.'), 'Kwale')?.country, 'KE');
});

test('a place word inside a local actor\'s name is the actor\'s: Saudi-led coalition strikes in Al Jawf are in Yemen', () => {
  const text = 'Saudi-led coalition airstrikes targeted a district of Al Jawf.';
  assert.equal(find(places(text), 'Al Jawf')?.country, 'YE');
  assert.equal(find(places(text, false), 'Al Jawf')?.country, 'SA');
});
