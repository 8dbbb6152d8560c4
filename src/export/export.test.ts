import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRunContext, type Extraction } from '../core/index.js';
import { extract } from '../pipeline.js';
import { parseCsv } from '../eval/events-csv.js';
import { ACLED_COLUMNS, toAcledCsv } from './acled.js';
import { toGeoJson } from './geojson.js';
import { EVENTS_SCHEMA, toEventsJson } from './json.js';

const TEXT = 'KHARTOUM, Sudan, November 17, 2021 – Gunmen attacked a village near Nyala, killing two "farmers", witnesses said. Police later arrested three suspects.\n';

async function run(text = TEXT): Promise<Extraction> {
  return extract(createRunContext(), { kind: 'inline', text }, { published: { value: '2021-11-17', date: '2021-11-17', how: 'option', raw: '2021-11-17' } });
}

test('ACLED CSV: today’s columns in ACLED’s order, one row per event, RFC 4180 quoting', async () => {
  const x = await run();
  const csv = toAcledCsv(x, { timestamp: 1637107200 });
  assert.match(csv, /\r\n$/);
  const rows = parseCsv(csv.replace(/\r\n$/, ''));
  assert.deepEqual(rows[0], [...ACLED_COLUMNS]);
  assert.equal(ACLED_COLUMNS.length, 31);
  assert.equal(rows.length - 1, x.events.length);
  const row = Object.fromEntries(ACLED_COLUMNS.map((c, i) => [c, rows[1]![i]]));
  assert.equal(row['event_type'], 'Violence against civilians');
  assert.equal(row['event_date'], '2021-11-17');
  assert.equal(row['country'], 'Sudan');
  assert.equal(row['iso'], '729');
  assert.equal(row['region'], 'Northern Africa');
  assert.equal(row['fatalities'], '2');
  assert.equal(row['interaction'], '37');
  assert.equal(row['timestamp'], '1637107200');
  assert.ok(row['notes']!.includes('"farmers"'), 'quotes survive the round trip');
  assert.ok(csv.includes('""farmers""'), 'quotes are doubled inside a quoted field');
});

test('GeoJSON: RFC 7946 FeatureCollection, [longitude, latitude], null geometry when unplaced', async () => {
  const x = await run();
  const fc = toGeoJson(x, { timestamp: 0 });
  assert.equal(fc.type, 'FeatureCollection');
  assert.ok(fc.features.length >= x.events.length);
  for (const f of fc.features) {
    assert.equal(f.type, 'Feature');
    if (f.geometry) {
      assert.equal(f.geometry.type, 'Point');
      const [lon, lat] = f.geometry.coordinates as [number, number];
      assert.ok(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90);
      const p = x.places.find((q) => q.lat !== null && Math.abs(q.lat - lat) < 1e-5 && Math.abs(q.lon! - lon) < 1e-5);
      assert.ok(p, 'coordinates are [lon, lat] of a place');
    }
    assert.ok(['event', 'control', 'claim'].includes(String(f.properties['kind'])));
  }
  JSON.parse(JSON.stringify(fc));
});

test('JSON export: events, claims, control, actors and their places, schema-tagged', async () => {
  const x = await run();
  const j = JSON.parse(toEventsJson(x)) as { schema: string; events: unknown[]; places: { id: string }[] };
  assert.equal(j.schema, EVENTS_SCHEMA);
  assert.equal(j.events.length, x.events.length);
  for (const p of j.places) assert.ok(x.events.some((e) => e.placeId === p.id) || x.claims.some((c) => c.placeId === p.id) || x.control.some((c) => c.placeId === p.id));
});

test('a report with no events exports a header and an empty collection', async () => {
  const x = await run('The markets opened as usual on Monday and the weather was fine.\n');
  assert.equal(toAcledCsv(x).trim(), ACLED_COLUMNS.join(','));
  assert.deepEqual(toGeoJson(x).features.filter((f) => f.properties['kind'] === 'event'), []);
});
