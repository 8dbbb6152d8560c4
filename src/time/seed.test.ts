/**
 * Acceptance on the shared seed (DEBKA Weekly, "ISIS Overruns More of Libya…"): with the
 * publication date, and without one (the year must come from the text, never from the clock).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TimeExpression } from '../core/index.js';
import { SEED_MISSING, compact, seedText, withTimes } from './testing.js';

const SEED = seedText();

function bySpan(times: readonly TimeExpression[], span: string): TimeExpression {
  const t = times.find((x) => x.span.text === span);
  assert.ok(t, `no expression ${JSON.stringify(span)} in ${JSON.stringify(times.map((x) => x.span.text))}`);
  return t;
}

test('seed with reference 2016-05-13: every date resolves exactly', { skip: SEED === null ? SEED_MISSING : false }, () => {
  const text = SEED!;
  withTimes(text, '2016-05-13', (r) => {
    assert.equal(r.yearInference, null);
    assert.deepEqual(r.warnings, []);
    assert.deepEqual(compact(r), [
      '"last week" relative at 2016-05-02..2016-05-08 week p2 implied',
      '"May 5-6" range at 2016-05-05..2016-05-06 day p2 implied',
      '"April 27" date at 2016-04-27..2016-04-27 day p1 implied',
      '"at the beginning of the year" vague during 2016-01-01..2016-02-29 month p3 implied',
      '"over the last few days" vague during 2016-05-10..2016-05-13 week p2 implied',
      '"June 23" date at 2016-06-23..2016-06-23 day p1 implied',
    ]);
    // Spans are exact: the text at the offsets is the span text, in the right sentence.
    for (const t of r.times) assert.equal(text.slice(t.span.start, t.span.end), t.span.text);
    assert.ok(text.slice(bySpan(r.times, 'May 5-6').span.start - 7).startsWith('of the May 5-6 offensive'));
    const april = bySpan(r.times, 'April 27');
    assert.ok(text.slice(april.span.start - 10).startsWith('Since the April 27 battle'));
    // The attributive reading is explained, and "Since" is kept as supporting evidence.
    assert.ok(april.evidence.rules.includes('time/relation/attributive'));
    assert.match(april.evidence.reason ?? '', /battle/);
    assert.deepEqual(april.evidence.spans.map((s) => s.text), ['Since', 'April 27']);
    assert.match(text.slice(bySpan(r.times, 'June 23').span.end), /^ referendum on leaving\sthe European Union/);
    assert.deepEqual(r.times.map((t) => t.id), ['t1', 't2', 't3', 't4', 't5', 't6']);
  });
});

test('seed without reference: year 2016 inferred from the EU referendum, never the clock', { skip: SEED === null ? SEED_MISSING : false }, () => {
  withTimes(SEED!, null, (r) => {
    const yi = r.yearInference;
    assert.ok(yi);
    assert.equal(yi.year, 2016);
    assert.equal(yi.provenance, 'inferred');
    assert.match(yi.evidence.reason ?? '', /June 23 \+ referendum on leaving the European Union → 2016-06-23 \(EU referendum\)/);
    assert.ok(yi.evidence.rules.includes('time/year/anchor-event'));
    assert.ok(yi.evidence.rules.includes('time/year/office-holders'));
    // (the seed has a no-break space in "leaving the")
    const evidence = yi.evidence.spans.map((s) => s.text.replace(/\s+/g, ' '));
    for (const s of ['June 23', 'referendum on leaving the European Union', 'Obama administration', 'Prime Minister David Cameron', 'President Francois Hollande']) {
      assert.ok(evidence.includes(s), `evidence span ${s}`);
    }
    assert.deepEqual(compact(r), [
      '"last week" relative at null unknown',
      '"May 5-6" range at 2016-05-05..2016-05-06 day p2 inferred',
      '"April 27" date at 2016-04-27..2016-04-27 day p1 inferred',
      '"at the beginning of the year" vague during 2016-01-01..2016-02-29 month p3 inferred',
      '"over the last few days" vague during null unknown',
      '"June 23" date at 2016-06-23..2016-06-23 day p1 inferred',
    ]);
    // Relative expressions cannot resolve without the publication date, and the user is told.
    assert.deepEqual(r.warnings.map((w) => w.code), ['time.reference-unknown']);
    const thisYear = new Date().getUTCFullYear();
    if (thisYear !== 2016) for (const t of r.times) assert.ok(!t.value?.start.startsWith(String(thisYear)));
  });
});

test('seed without reference and without the anchor: year unknown, values empty, one warning', { skip: SEED === null ? SEED_MISSING : false }, () => {
  // Remove the referendum and the office holders: nothing in the text fixes the year any more.
  const text = SEED!.replace(/referendum on leaving\sthe European Union/, 'vote on the matter')
    .replace('Obama administration', 'American government')
    .replace('President Francois Hollande', 'the French president')
    .replace('Prime Minister David Cameron', 'the British prime minister');
  withTimes(text, null, (r) => {
    assert.equal(r.yearInference?.year, null);
    assert.equal(r.yearInference?.provenance, 'unknown');
    for (const t of r.times) {
      assert.equal(t.value, null, t.span.text);
      assert.equal(t.year, 'unknown', t.span.text);
    }
    assert.deepEqual(r.warnings.map((w) => w.code).sort(), ['time.reference-unknown', 'time.year-unknown']);
  });
});
