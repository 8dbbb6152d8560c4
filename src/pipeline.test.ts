/**
 * Acceptance test of the first slice of the pipeline on the seed report (../shared/seeds): the
 * footer is gone and the dates of EXPECTED.md resolve with the right precision and spans, with a
 * publication date and without one.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRunContext, type Extraction } from './core/index.js';
import { parsePublishedOption } from './ingest/index.js';
import { extract } from './pipeline.js';
import { sharedPath, SEED } from '../test/helpers.js';

const seed = sharedPath(...SEED);
const skip = !seed && 'needs ../shared/seeds';

function dates(x: Extraction) {
  return x.times.map((t) => ({
    text: t.span.text,
    ok: x.document.text.slice(t.span.start, t.span.end) === t.span.text,
    value: t.value && `${t.value.start}..${t.value.end}`,
    precision: t.value?.acledPrecision ?? null,
    year: t.year,
  }));
}

test('seed with --published 2016-05-13: every date of EXPECTED.md, exact spans and precision', { skip }, async () => {
  const x = await extract(createRunContext(), { kind: 'file', path: seed! }, { published: parsePublishedOption('2016-05-13', 'UTC') });
  assert.ok(!x.document.text.includes('Print Friendly'));
  for (const s of x.sentences) assert.ok(!s.span.text.includes('Print Friendly'));
  const got = dates(x);
  assert.ok(got.every((d) => d.ok), 'every span indexes the clean text');
  const find = (text: string) => got.find((d) => d.text === text || d.text.includes(text));
  assert.deepEqual(find('May 5-6'), { text: 'May 5-6', ok: true, value: '2016-05-05..2016-05-06', precision: 2, year: 'implied' });
  assert.equal(find('last week')?.value, '2016-05-02..2016-05-08');
  assert.equal(find('last week')?.precision, 2);
  assert.equal(find('April 27')?.value, '2016-04-27..2016-04-27');
  assert.equal(find('April 27')?.precision, 1);
  assert.equal(find('June 23')?.value, '2016-06-23..2016-06-23');
  assert.equal(find('over the last few days')?.value?.endsWith('..2016-05-13'), true);
  assert.equal(find('at the beginning of the year')?.value?.startsWith('2016-01-01..'), true);
  assert.equal(find('at the beginning of the year')?.precision, 3);
  assert.equal(x.yearInference, null, 'a publication date makes year inference unnecessary');
});

test('seed without a publication date: the year is inferred as 2016 with its reason, never the current year', { skip }, async () => {
  const x = await extract(createRunContext(), { kind: 'file', path: seed! });
  assert.equal(x.yearInference?.year, 2016);
  assert.equal(x.yearInference?.provenance, 'inferred');
  assert.match(x.yearInference?.evidence.reason ?? '', /referendum/i);
  assert.ok(x.yearInference!.evidence.spans.some((s) => /referendum/.test(s.text)));
  const got = dates(x);
  assert.equal(got.find((d) => d.text === 'May 5-6')?.value, '2016-05-05..2016-05-06');
  assert.equal(got.find((d) => d.text === 'May 5-6')?.year, 'inferred');
  // Relative dates need the publication day itself: left empty, with a warning, not guessed.
  assert.equal(got.find((d) => d.text === 'last week')?.value, null);
  assert.ok(x.warnings.some((w) => w.code === 'time.no-publication-date'));
  assert.ok(!JSON.stringify(x.times).includes(`${new Date().getUTCFullYear()}-`));
});
