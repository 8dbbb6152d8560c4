import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main as run } from '../../src/cli/main.js';
import { fakeIO } from '../helpers.js';

const corpus = [
  { id: 't:1', corpus: 'LGL', text: 'Fighting in Sirte and Misrata spread to Tripoli, Libya.', toponyms: [
    { start: 12, end: 17, name: 'Sirte', lat: 31.20892, lon: 16.58866, geonameid: 2210554, feature: 'PPLA' },
    { start: 22, end: 29, name: 'Misrata', lat: 32.37535, lon: 15.09254, geonameid: 2214846, feature: 'PPLA' },
    { start: 40, end: 47, name: 'Tripoli', lat: 32.88743, lon: 13.18733, geonameid: 2210247, feature: 'PPLC' },
  ] },
];

function corpusFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-eval-'));
  const f = join(dir, 'c.jsonl');
  writeFileSync(f, corpus.map((d) => JSON.stringify(d)).join('\n') + '\n');
  return f;
}

test('sitrep eval geoparse --json prints the fields of EVAL.md', async () => {
  const io = fakeIO();
  const code = await run(['eval', 'geoparse', corpusFile(), '--json'], io);
  assert.equal(code, 0, io.err.join(''));
  const r = JSON.parse(io.out.join('')) as Record<string, unknown>;
  for (const k of ['docs', 'gold', 'predicted', 'precision', 'recall', 'f1', 'f1_overlap', 'acc161', 'acc161_resolved', 'median_km', 'mean_km', 'auc', 'words_per_s']) assert.ok(k in r, k);
  assert.equal(r['gold'], 3);
  assert.equal(r['acc161'], 1);
});

test('--gold-spans scores resolution only; the table names the worst misses', async () => {
  const io = fakeIO();
  assert.equal(await run(['eval', 'geoparse', corpusFile(), '--gold-spans'], io), 0);
  const out = io.out.join('');
  assert.match(out, /gold-spans/);
  assert.match(out, /acc161 \(end to end\)\s+100\.0%/);
  assert.match(out, /Worst misses by cause/);
});

test('usage errors: unknown evaluation, missing file, bad subset', async () => {
  assert.equal(await run(['eval', 'nothing'], fakeIO()), 2);
  assert.equal(await run(['eval', 'geoparse', '/nonexistent.jsonl'], fakeIO()), 2);
  assert.equal(await run(['eval', 'geoparse', corpusFile(), '--subset', 'odd'], fakeIO()), 2);
});
