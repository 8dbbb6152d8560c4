/**
 * The bundled index against its inputs in ../shared/data (skipped when that folder is absent):
 * every Libyan town of the newer cities file is there with its coordinates, duplicates across the
 * two cities files resolve to the newer row, Natural Earth features and admin-1 joins are present,
 * and the manifest describes the shipped file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openGazetteer } from './open.js';
import { bundledIndexPath, dataDir, packageRoot } from './paths.js';

const shared = resolve(packageRoot(), '..', 'shared', 'data');
const skip = existsSync(join(shared, 'geonames', 'cities15000.txt')) ? false : 'needs ../shared/data (GeoNames and Natural Earth extracts) beside the repo';
const gaz = openGazetteer(null, {}, { bundled: true });

test('every Libyan town of cities15000 is in the bundle with its coordinates (newer row wins)', { skip }, () => {
  const rows = readFileSync(join(shared, 'geonames', 'cities15000.txt'), 'utf8')
    .split('\n')
    .map((l) => l.split('\t'))
    .filter((c) => c[8] === 'LY');
  assert.ok(rows.length >= 50);
  for (const c of rows) {
    const e = gaz.get(`geonames:${c[0]}`);
    assert.ok(e, `geonames:${c[0]} ${c[1]}`);
    assert.equal(e.name, c[1]);
    assert.ok(Math.abs(e.lat - Number(c[4])) < 1e-5 && Math.abs(e.lon - Number(c[5])) < 1e-5, c[1]);
    assert.equal(e.population, Number(c[14]));
  }
  // 2214846 is "Mişrātah" in the 2023 cities500 and "Misratah" in the 2025 cities15000
  assert.equal(gaz.get('geonames:2214846')!.name, 'Misratah');
});

test('Natural Earth features and admin-1 joins are in the bundle', { skip }, () => {
  const ne = (file: string) => readFileSync(join(shared, 'naturalearth', file), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
  const gulf = ne('ne_10m_geography_marine_polys.jsonl').find((f) => f.name === 'Gulf of Sidra')!;
  const e = gaz.get(`ne:${gulf.ne_id as number}`)!;
  assert.equal(e.featureCode, 'GULF');
  assert.deepEqual(e.extent, (gulf.bbox as number[]).map((x) => Math.round(x * 1e4) / 1e4));
  // Libya's admin-1 regions carry GeoNames ids and Natural Earth label points
  for (const f of ne('ne_10m_admin_1_states_provinces.jsonl').filter((x) => x.iso_a2 === 'LY')) {
    const a = gaz.get(`geonames:${f.gn_id as number}`);
    if (!a) continue; // NE ids that GeoNames admin1 codes do not list are added as ne: entries
    assert.equal(a.featureCode, 'ADM1');
    assert.equal(a.lat, f.lat);
    assert.equal(a.coordinateSource, 'ne-label');
  }
  assert.ok(gaz.lookup('Haruj', { country: 'LY' })[0]?.entry.source === 'naturalearth');
});

test('the manifest matches the shipped bundle and records its inputs', () => {
  const m = JSON.parse(readFileSync(join(dataDir(), 'manifest.json'), 'utf8')) as { sha256: string; bytes: number; inputs: { file: string; sha256: string }[] };
  const bytes = readFileSync(bundledIndexPath());
  assert.equal(bytes.length, m.bytes);
  assert.equal(createHash('sha256').update(bytes).digest('hex'), m.sha256);
  assert.ok(m.inputs.some((i) => i.file === 'cities15000.txt' && i.sha256 === '936f848ae7000c5985e0cc6bbec1e92660960f3da57abd9d7a74adec3b268480'));
  assert.ok(!m.inputs.some((i) => /acled|geoparse|lgl|wiktor|geovirus/i.test(i.file)), 'nothing from ACLED or the annotated corpora');
  assert.ok(bytes.length < 25 * 1024 * 1024);
});

test('countries and continents carry the points of data/gazetteer/points.txt', () => {
  const lines = readFileSync(join(dataDir(), 'points.txt'), 'utf8')
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim())
    .filter(Boolean)
    .map((l) => l.split('\t'));
  assert.ok(lines.length > 190, `${lines.length} points`);
  const byCode = new Map(lines.map(([k = '', la, lo]) => [k, { lat: Number(la), lon: Number(lo) }]));
  for (const [code, name] of [['LY', 'Libya'], ['US', 'United States'], ['RU', 'Russia'], ['GB', 'United Kingdom']] as const) {
    const hit = gaz.lookup(name, { country: code }).find((c) => c.entry.featureCode === 'PCLI');
    assert.ok(hit, name);
    const want = byCode.get(code)!;
    assert.ok(Math.abs(hit.entry.lat - want.lat) < 1e-4 && Math.abs(hit.entry.lon - want.lon) < 1e-4, `${name}: ${hit.entry.lat},${hit.entry.lon}`);
    assert.equal(hit.entry.coordinateSource, 'source');
  }
  const europe = gaz.lookup('Europe').find((c) => c.entry.featureCode === 'CONT');
  assert.ok(europe && Math.abs(europe.entry.lat - byCode.get('continent:Europe')!.lat) < 1e-4);
});
