/**
 * The acceptance test of the geoparser: the places of the seed report (shared/seeds/EXPECTED.md,
 * "Places"), as an analyst would sign them. Runs the whole pipeline (extract) with the gazetteer
 * the tools use; skipped with a reason when ../shared is absent.
 *
 * The golden summary test/places/out/seed.txt is rewritten with REGEN=1 and reviewed in the diff.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRunContext, packageRoot, type Place } from '../../src/core/index.js';
import { extract } from '../../src/pipeline.js';
import { distanceKm } from '../../src/resolve/geo/index.js';
import { formatPlaces } from '../../src/cli/format/places.js';
import { SEED, sharedPath } from '../helpers.js';
import { loadGazetteerForTools } from './toolGazetteer.js';

const seedFile = sharedPath(...SEED);
const skip = seedFile && sharedPath('data', 'geonames') ? false : 'needs ../shared (seed and GeoNames data)';

async function run(): Promise<Place[]> {
  const { gazetteer } = await loadGazetteerForTools();
  const ctx = createRunContext({ gazetteer });
  const x = await extract(ctx, { kind: 'file', path: seedFile! }, { published: { value: '2016-05-13', date: '2016-05-13', how: 'option', raw: '2016-05-13' } });
  return [...x.places];
}

let cached: Promise<Place[]> | null = null;
const places = () => (cached ??= run());
const named = (ps: Place[], text: string) => ps.filter((p) => p.mention.span.text === text);
const near = (p: Place | { lat: number | null; lon: number | null }, lat: number, lon: number, km: number) => p.lat !== null && p.lon !== null && distanceKm(p.lat, p.lon, lat, lon) <= km;

test('seed: Sirte and Misrata resolve to the Libyan cities, not districts or namesakes', { skip }, async () => {
  const ps = await places();
  for (const p of named(ps, 'Sirte')) {
    assert.equal(p.country, 'LY', 'Sirte in Libya');
    assert.ok(near(p, 31.21, 16.59, 10), `Sirte at the city: ${p.lat},${p.lon}`);
    assert.match(p.featureCode ?? '', /^PPL/, 'the city, not Sirte District');
    assert.equal(p.geoPrecision, 1);
  }
  const misrata = named(ps, 'Misrata');
  assert.equal(misrata.length, 1);
  assert.ok(near(misrata[0]!, 32.38, 15.09, 10) && misrata[0]!.country === 'LY', 'Misrata is Misratah, Libya');
  for (const p of named(ps, 'Libya')) assert.equal(p.kind, 'country');
});

test('seed: the five towns are places southwest of Sirte, unresolved or in Libya near it', { skip }, async () => {
  const ps = await places();
  for (const name of ['Al Washka', 'Abu Njeem', 'Wadi Bey', 'Al Balgha', 'Wadi Zamzam']) {
    const [p] = named(ps, name);
    assert.ok(p, `${name} recognized`);
    assert.equal(p.form, 'name');
    if (p.gazetteerId) {
      assert.equal(p.country, 'LY');
      assert.ok(near(p, 31.21, 16.59, 300), `${name} within 300 km of Sirte`);
    } else {
      assert.ok(p.unresolvedReason, `${name} says why it is unresolved`);
      assert.ok(p.relative, `${name} has an approximation`);
      assert.equal(p.relative.direction, 'SW');
      assert.ok(p.relative.geoPrecision === 3 || p.relative.geoPrecision === 2);
      assert.ok(near(p.relative, 31.21, 16.59, 10), 'placed at Sirte, the anchor');
      assert.match(p.relative.reason, /southwest of/i);
      const anchor = ps.find((a) => a.id === p.relative!.anchors[0]);
      assert.equal(anchor?.name, 'Sirte');
    }
  }
  for (const name of ['Wadi Bey', 'Wadi Zamzam']) {
    const [p] = named(ps, name);
    if (!p!.gazetteerId) assert.equal(p!.kind, 'valley', `${name}: a wadi is a valley, not a town`);
  }
});

test('seed: the Harouge and Al-Rouagha mountains, and the 250 km claim from Sirte, checked', { skip }, async () => {
  const ps = await places();
  for (const name of ['Harouge', 'Al-Rouagha']) {
    const [p] = named(ps, name);
    assert.ok(p, `${name} recognized`);
    assert.equal(p.kind, 'mountain');
    const r = p.relative;
    assert.ok(r && r.relation === 'distance' && r.distanceKm === 250, `${name}: the distance claim`);
    const anchor = ps.find((a) => a.id === r.anchors[0]);
    assert.equal(anchor?.name, 'Sirte', 'measured from Sirte ("the city")');
    assert.ok(r.check, 'the claim is checked');
    if (p.gazetteerId) assert.equal(typeof r.check.fits, 'boolean');
    else assert.equal(r.check.fits, null, 'cannot be checked without coordinates, and says so');
    assert.match(r.check.reason, /km|resolved/);
  }
  const city = ps.find((p) => p.mention.span.text === 'the city' && p.form === 'nominal');
  assert.equal(ps.find((p) => p.id === city?.refersTo)?.name, 'Sirte', '"the city" is Sirte');
  const stronghold = ps.find((p) => p.mention.span.text === 'its stronghold');
  assert.equal(ps.find((p) => p.id === stronghold?.refersTo)?.name, 'Sirte', '"its stronghold" is Sirte');
});

test('seed: halfway between Sirte and Misrata is their midpoint, geo_precision 2', { skip }, async () => {
  const ps = await places();
  const [h] = named(ps, 'halfway between Sirte and Misrata');
  assert.ok(h && h.form === 'relative' && h.relative?.relation === 'between');
  assert.ok(near(h, 31.8, 15.85, 15), `midpoint ${h.lat},${h.lon}`);
  assert.equal(h.geoPrecision, 2);
  assert.deepEqual(h.relative.anchors.map((id) => ps.find((p) => p.id === id)?.mention.span.text), ['Sirte', 'Misrata']);
});

test('seed: the Gulf of Sidra is a water body; Mediterranean, Europe and the EU are regions', { skip }, async () => {
  const ps = await places();
  const [gulf] = named(ps, 'Gulf of Sidra');
  assert.ok(gulf && gulf.kind === 'water' && near(gulf, 31.5, 18.0, 150), 'Gulf of Sidra resolved as water');
  const [med] = named(ps, 'Mediterranean');
  assert.ok(med && (med.kind === 'water' || med.kind === 'region'));
  for (const name of ['Europe', 'European Union']) {
    const [p] = named(ps, name);
    assert.ok(p, `${name} recognized`);
    assert.ok(p.kind === 'region' || p.kind === 'continent', `${name} is a region`);
  }
});

test('seed: the US, Britain, France and Italy act (metonymy); "the French" are people', { skip }, async () => {
  const ps = await places();
  const actors = ps.filter((p) => ['US', 'Britain', 'France', 'Italy', 'United States'].includes(p.mention.span.text) && p.usage !== 'modifier');
  // "Since the April 27 battle … special forces troops from Italy and Britain" and the headings
  // "France – President Francois Hollande …": all of them act.
  assert.ok(actors.length >= 10, `found ${actors.length}`);
  for (const p of actors) assert.equal(p.usage, 'metonymic', `${p.mention.span.text} at ${p.mention.span.start} is an actor`);
  // "the French are ready": people, never the place. Either no place mention or a demonym.
  const [french] = named(ps, 'French');
  if (french) assert.equal(french.usage, 'demonym');
  // None of the footer's words reach a place.
  assert.ok(!ps.some((p) => /Print|PDF|Email/.test(p.mention.span.text)));
});

test('seed: golden summary (REGEN=1 rewrites test/places/out/seed.txt)', { skip }, async () => {
  const ps = await places();
  const lines = formatPlaces(ps, { mark: (s) => s, dim: (s) => s }).map((l) => l.replace(/score \d\.\d\d/g, 'score ~'));
  const file = join(packageRoot(), 'test', 'places', 'out', 'seed.txt');
  const text = lines.join('\n') + '\n';
  if (process.env['REGEN'] === '1' || !existsSync(file)) {
    mkdirSync(join(packageRoot(), 'test', 'places', 'out'), { recursive: true });
    writeFileSync(file, text);
  }
  assert.equal(text, readFileSync(file, 'utf8'));
});
