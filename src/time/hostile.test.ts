/**
 * Hostile input: the stage must finish and return a bounded number of results. We assert counts,
 * never times (wall-clock goes to `npm run bench`). Inputs are the ones that made chrono or a
 * careless regex quadratic: long runs of digits and dashes, 100k "May " repeats, a month followed
 * by 100k spaces (chrono keeps a whitespace-backtracking regression for the same reason).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRunContext } from '../core/index.js';
import { resolveTimes } from './index.js';
import { chunksOf, MAX_CHUNK_CHARS } from './chrono/chunks.js';

const ctx = createRunContext({ referenceDate: '2016-05-13' });

test('hostile: 1 MB of digits and dashes', () => {
  const text = '1-2-'.repeat(262_144);
  assert.equal(text.length, 1_048_576);
  const r = resolveTimes(ctx, text);
  assert.equal(r.times.length, 0);
});

test('hostile: 1 MB of date-like digits and dashes stops at the cap and says so', () => {
  const text = '12-05-2016-'.repeat(95_000);
  const r = resolveTimes(createRunContext({ referenceDate: '2016-05-13', limits: { maxTimeExpressions: 500 } }), text);
  assert.ok(r.times.length <= 500);
  assert.deepEqual(r.warnings.map((w) => w.code), ['limits.truncated']);
});

test('hostile: 100k "May " repeats', () => {
  const text = 'May '.repeat(100_000);
  const r = resolveTimes(ctx, text);
  assert.equal(r.times.length, 0);
});

test('hostile: 125k "May 5-6 " repeats are capped by limits.maxTimeExpressions', () => {
  const text = 'May 5-6 '.repeat(125_000);
  const r = resolveTimes(createRunContext({ referenceDate: '2016-05-13', limits: { maxTimeExpressions: 1000 } }), text);
  assert.equal(r.times.length, 1000);
  assert.equal(r.times[999]!.id, 't1000');
  assert.equal(r.warnings[0]?.code, 'limits.truncated');
});

test('hostile: a month name followed by 100k spaces', () => {
  const text = `May${' '.repeat(100_000)}5`;
  const r = resolveTimes(ctx, text);
  assert.ok(r.times.length <= 1);
});

test('hostile: 1 MB without any trigger never reaches chrono and finds nothing', () => {
  const text = 'lorem ipsum dolor sit amet '.repeat(40_000);
  const r = resolveTimes(ctx, text);
  assert.equal(r.times.length, 0);
});

test('chunks: bounded, contiguous, cut at paragraph or sentence ends when possible', () => {
  const para = 'The army said it held the town. '.repeat(50) + '\n';
  const text = para.repeat(20);
  const chunks = chunksOf(text);
  assert.equal(chunks[0]!.start, 0);
  assert.equal(chunks.at(-1)!.end, text.length);
  for (let i = 0; i < chunks.length; i++) {
    const c = chunks[i]!;
    assert.ok(c.end - c.start <= MAX_CHUNK_CHARS);
    if (i > 0) assert.equal(c.start, chunks[i - 1]!.end);
    if (c.end < text.length) assert.match(text.slice(c.end - 2, c.end), /(\. |\n)$/);
  }
  const blob = 'x'.repeat(10_000);
  assert.deepEqual(chunksOf(blob).map((c) => c.end - c.start), [4000, 4000, 2000]);
});
