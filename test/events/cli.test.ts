import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { examplePath, fakeIO } from '../helpers.js';

async function run(args: string[]) {
  const io = fakeIO();
  const code = await main(args, io);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

test('extract --format acled prints ACLED CSV; --format geojson a FeatureCollection; text lists events and claims', async () => {
  const csv = await run(['extract', examplePath('kandahar-ied.txt'), '--published', '2020-10-05', '--format', 'acled']);
  assert.equal(csv.code, 0);
  assert.match(csv.out, /^event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,/);
  assert.match(csv.out, /Remote explosive\/landmine\/IED,Taliban,/);
  const geo = await run(['extract', examplePath('kandahar-ied.txt'), '--published', '2020-10-05', '--format', 'geojson']);
  assert.equal(geo.code, 0);
  assert.equal((JSON.parse(geo.out) as { type: string }).type, 'FeatureCollection');
  const text = await run(['extract', examplePath('geneva-ceasefire.txt'), '--published', '2020-10-23']);
  assert.match(text.out, /Events \(1\)/);
  assert.match(text.out, /Strategic developments \/ Agreement/);
  assert.match(text.out, /Claims \(\d+\)/);
  assert.match(text.out, /AGREE · planned/);
});

test('extract --sources rates the outlet; a bad ratings file is a usage error', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-cli-sources-'));
  const file = join(dir, 'ratings.json');
  writeFileSync(file, JSON.stringify({ 'Test Wire': 'B' }));
  const r = await run(['extract', '--text', 'Gunmen killed two farmers near Jos on Monday.', '--source', 'Test Wire', '--sources', file, '--published', '2021-01-05', '--format', 'json']);
  assert.equal(r.code, 0);
  assert.equal((JSON.parse(r.out) as { document: { source: { reliability: string } } }).document.source.reliability, 'B');
  const missing = await run(['extract', '--text', 'x', '--sources', join(dir, 'nope.json')]);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /--sources: no such file/);
});

test('eval events: help, usage errors, and a run on a small CSV', async () => {
  const help = await run(['eval', 'events', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.out, /Usage: sitrep eval events FILE\.csv/);
  const none = await run(['eval', 'events']);
  assert.equal(none.code, 2);
  const bad = await run(['eval', 'events', 'x.csv', '--limit', '-3']);
  assert.equal(bad.code, 2);
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-cli-eval-'));
  const file = join(dir, 'rows.csv');
  writeFileSync(file, 'event_date,event_type,sub_event_type,actor1,actor2,country,admin1,location,latitude,longitude,fatalities,notes\n2020-05-01,Protests,Peaceful protest,Protesters (Iraq),,Iraq,,,,,0,"On 1 May 2020, teachers protested in Basra."\n');
  // Not an ACLED export (a feed, a CSV without notes): a usage error naming what is missing, not 0 %.
  const feed = join(dir, 'feed.rss');
  writeFileSync(feed, '<rss><channel><item><title>x</title></item></channel></rss>\n');
  const notCsv = await run(['eval', 'events', feed]);
  assert.equal(notCsv.code, 2);
  assert.match(notCsv.err, /not an ACLED CSV export: its header has no event_date, event_type, notes columns/);
  const empty = join(dir, 'empty.csv');
  writeFileSync(empty, 'event_date,event_type,notes\n');
  assert.match((await run(['eval', 'events', empty])).err, /no row with notes/);
  const r = await run(['eval', 'events', file, '--json']);
  assert.equal(r.code, 0);
  const j = JSON.parse(r.out) as Record<string, number>;
  assert.equal(j['rows'], 1);
  assert.equal(j['event_type_acc'], 1);
  assert.equal(j['actor_acc'], 1);
});
