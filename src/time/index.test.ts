/**
 * The stage contract: sorted, non-overlapping expressions with exact spans, sequential ids, values
 * consistent with their precision; no dependence on the machine's timezone; loud misuse.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SitrepError, createRunContext } from '../core/index.js';
import { CHRONO_PARSERS, DROPPED_PARSERS } from './chrono/chronoRecognizer.js';
import { resolveTimes, type TimeResult } from './index.js';
import { acledPrecision } from './precision.js';
import { compact, repoRoot, seedText } from './testing.js';

function checkContract(text: string, r: TimeResult): void {
  let previousEnd = 0;
  r.times.forEach((t, i) => {
    assert.equal(t.id, `t${i + 1}`);
    assert.equal(text.slice(t.span.start, t.span.end), t.span.text);
    assert.ok(t.span.start >= previousEnd, `overlap or disorder at ${JSON.stringify(t.span.text)}`);
    assert.ok(t.span.end > t.span.start);
    previousEnd = t.span.end;
    if (t.value) {
      assert.ok(t.value.start <= t.value.end, `${t.value.start}..${t.value.end}`);
      assert.equal(t.value.acledPrecision, acledPrecision(t.value));
      assert.notEqual(t.year, 'unknown');
    } else {
      assert.equal(t.year, 'unknown');
    }
    for (const s of t.evidence.spans) assert.equal(text.slice(s.start, s.end), s.text);
    assert.ok(t.evidence.rules.length > 0);
    assert.ok(t.evidence.reason);
  });
}

const NEWS = resolve(repoRoot(), '..', 'shared', 'data', 'news', 'reuters21578.jsonl');

test('contract: 300 Reuters stories, with and without their dates', { skip: existsSync(NEWS) ? false : `${NEWS} is not available` }, () => {
  const docs = readFileSync(NEWS, 'utf8')
    .split('\n')
    .slice(0, 300)
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { text: string; date: string | null });
  let found = 0;
  for (const d of docs) {
    for (const reference of [d.date, null]) {
      const r = resolveTimes(createRunContext({ referenceDate: reference }), d.text);
      checkContract(d.text, r);
      assert.equal(r.yearInference === null, reference !== null);
      found += r.times.length;
    }
  }
  assert.ok(found > 300, `found ${found}`);
});

test('contract: the seed', { skip: seedText() === null ? 'no seed' : false }, () => {
  const text = seedText()!;
  for (const reference of ['2016-05-13', null]) checkContract(text, resolveTimes(createRunContext({ referenceDate: reference }), text));
});

test('contract: empty text', () => {
  assert.deepEqual(resolveTimes(createRunContext({ referenceDate: '2016-05-13' }), ''), { times: [], yearInference: null, warnings: [] });
  const none = resolveTimes(createRunContext(), '');
  assert.deepEqual(none.times, []);
  assert.equal(none.yearInference?.year, null);
  assert.deepEqual(none.warnings, []);
});

test('contract: a bad reference date is a usage error, not a silent guess', () => {
  assert.throws(
    () => resolveTimes(createRunContext({ referenceDate: '2016-02-30' }), 'on May 5'),
    (e: unknown) => e instanceof SitrepError && e.code === 'usage.bad-date',
  );
});

test('chrono: the clock-time parser is dropped, and the drop list matches what chrono loads', () => {
  for (const p of DROPPED_PARSERS) assert.ok(!CHRONO_PARSERS.includes(p));
  assert.ok(CHRONO_PARSERS.includes('ENMonthNameMiddleEndianParser'));
  assert.ok(CHRONO_PARSERS.includes('ENWeekdayParser'));
});

const TZ_TEXT =
  'On December 30 and January 2, yesterday, last week, on Sunday, two days ago, this year and last month, ' +
  'over the last few days and earlier this month, and since May 5-6.';

test('timezone: results do not depend on the machine timezone (chrono #452)', () => {
  const saved = process.env.TZ;
  try {
    for (const reference of ['2016-12-31', '2017-01-01', '2016-03-27', '2016-05-13', null]) {
      const run = (tz: string) => {
        process.env.TZ = tz;
        return compact(resolveTimes(createRunContext({ referenceDate: reference }), TZ_TEXT));
      };
      const utc = run('UTC');
      assert.ok(utc.length >= 8, JSON.stringify(utc));
      for (const tz of ['Pacific/Kiritimati', 'America/Los_Angeles', 'Pacific/Pago_Pago', 'Asia/Jakarta', 'Europe/London']) {
        assert.deepEqual(run(tz), utc, `TZ=${tz} reference ${reference}`);
      }
    }
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
});

test('timezone: year-boundary references resolve to the right calendar days', () => {
  const r = resolveTimes(createRunContext({ referenceDate: '2017-01-01' }), TZ_TEXT);
  const at = (span: string) => r.times.find((t) => t.span.text === span)?.value;
  assert.equal(at('December 30')?.start, '2016-12-30');
  assert.equal(at('January 2')?.start, '2017-01-02');
  assert.equal(at('yesterday')?.start, '2016-12-31');
  assert.deepEqual([at('last week')?.start, at('last week')?.end], ['2016-12-19', '2016-12-25']);
  assert.equal(at('Sunday')?.start, '2017-01-01');
  assert.deepEqual([at('last month')?.start, at('last month')?.end], ['2016-12-01', '2016-12-31']);
});
