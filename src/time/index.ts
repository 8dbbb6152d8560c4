/**
 * Time stage: find every date and time expression in the clean text and resolve it against the
 * reference date of the RunContext.
 *
 * Contract: `resolveTimes(ctx, text)` → expressions sorted by span start, non-overlapping.
 *
 * The whole pipeline is written here, in order (the composition root); each step is one file:
 *
 *   recognize   our recognizers for what chrono misses or misreads, then chrono once over the text
 *   refine      drop bare month names → trim spans → resolve overlaps → weekday + stated date →
 *               year suffixes → relations → weekday tense
 *   cap         ctx.limits.maxTimeExpressions (warning `limits.truncated`)
 *   year        no reference date: infer the year from the text (never from the clock)
 *   resolve     each candidate → a TimeExpression with value, precision, provenance and evidence
 */
import type { RunContext, TimeExpression, TimeValue, Warning, YearInference } from '../core/index.js';
import { spanOf, usageError } from '../core/index.js';
import { isoOf, parseIsoDay } from './calendar.js';
import { chronoRecognizer } from './chrono/chronoRecognizer.js';
import { bareMonthFilter } from './filters/bareMonthFilter.js';
import { datedNameFilter } from './filters/datedNameFilter.js';
import { namedPeriodFilter } from './filters/namedPeriodFilter.js';
import { precisionOfDays } from './precision.js';
import { calendarPeriodRecognizer } from './recognizers/calendarPeriodRecognizer.js';
import { dayRangeRecognizer } from './recognizers/dayRangeRecognizer.js';
import { modifiedMonthRecognizer } from './recognizers/modifiedMonthRecognizer.js';
import { monthPartRecognizer } from './recognizers/monthPartRecognizer.js';
import { periodPartRecognizer } from './recognizers/periodPartRecognizer.js';
import { recentPeriodRecognizer } from './recognizers/recentPeriodRecognizer.js';
import { seasonRecognizer } from './recognizers/seasonRecognizer.js';
import { yearRecognizer } from './recognizers/yearRecognizer.js';
import { overlapRefiner } from './refiners/overlapRefiner.js';
import { relationRefiner } from './refiners/relationRefiner.js';
import { spanTrimRefiner } from './refiners/spanTrimRefiner.js';
import { weekdayDateRefiner } from './refiners/weekdayDateRefiner.js';
import { weekdayTenseRefiner } from './refiners/weekdayTenseRefiner.js';
import { yearSuffixRefiner } from './refiners/yearSuffixRefiner.js';
import { needsOf, resolveSpec } from './resolve.js';
import type { Anchor, Candidate, Recognizer, Refiner } from './types.js';
import { inferYear } from './year/yearInference.js';

export { acledPrecision } from './precision.js';
export { addDays, daysBetween, weekStartIso } from './calendar.js';

export interface TimeResult {
  readonly times: TimeExpression[];
  /** Set when the reference had no date: the year the text itself points to, and why. */
  readonly yearInference: YearInference | null;
  readonly warnings: Warning[];
}

/**
 * Recognizers. Order does not matter for the result (overlaps are settled by priority in
 * overlapRefiner); the priority each one gives its candidates does:
 *   3  dayRange: explicit day ranges chrono misreads ("May 30-June 2", "from 3 to 5 June")
 *   2  recentPeriod, calendarPeriod, periodPart, monthPart, modifiedMonth, season, year: our readings of
 *      phrases chrono reads differently ("last week" as a calendar week) or not at all
 *   1  chrono: every other date
 */
const RECOGNIZERS: readonly Recognizer[] = [
  dayRangeRecognizer,
  recentPeriodRecognizer,
  calendarPeriodRecognizer,
  periodPartRecognizer,
  monthPartRecognizer,
  modifiedMonthRecognizer,
  seasonRecognizer,
  yearRecognizer,
  chronoRecognizer,
];

const REFINERS: readonly Refiner[] = [
  // Drops only; before overlaps, so that a dropped "the March" never wins one.
  bareMonthFilter,
  // Before overlaps: lengths are compared on the spans that will be reported.
  spanTrimRefiner,
  // Drops only; after trimming, as it reads the words right before and after the span.
  namedPeriodFilter,
  // Drops only; "the 6 April Movement" (reads the word after the span, so after trimming).
  datedNameFilter,
  // One candidate per stretch of text; everything after relies on non-overlapping, sorted input.
  overlapRefiner,
  // Merges "Friday [9 January]" into one expression worth the stated day (needs sorted, non-overlapping input).
  weekdayDateRefiner,
  // Merges "May 30-June 2" + "last year" (needs both candidates, so after overlaps).
  yearSuffixRefiner,
  // Grows spans leftwards over a preposition ("since April 27"), never into the previous candidate.
  relationRefiner,
  // Reads the clause around bare weekdays; independent of spans.
  weekdayTenseRefiner,
];

/** Candidates one recognizer may add, as a multiple of the output cap (hostile input). */
const BUDGET_FACTOR = 2;

/**
 * Find every date and time expression in `text` and resolve it against `ctx.reference.date`.
 *
 * Without a reference date the year comes from the text (stated years, dated events, office
 * holders; see year/yearInference.ts), never from the clock; relative expressions ("last week")
 * then have no value and a `time.reference-unknown` warning says so.
 *
 * @throws SitrepError `usage.bad-date` when the reference date is not a calendar date.
 * @example
 * const ctx = createRunContext({ referenceDate: '2016-05-13' });
 * resolveTimes(ctx, 'As a result of the May 5-6 offensive, …').times[0];
 * // { id: 't1', span: { start: 19, end: 26, text: 'May 5-6' }, kind: 'range', relation: 'at',
 * //   value: { start: '2016-05-05', end: '2016-05-06', granularity: 'day', acledPrecision: 2 },
 * //   year: 'implied', evidence: { spans: […], rules: ['time/range/month-day', 'time/year/closest'], reason: '…' } }
 */
export function resolveTimes(ctx: RunContext, text: string): TimeResult {
  const referenceDay = ctx.reference.date === null ? null : parseIsoDay(ctx.reference.date);
  if (ctx.reference.date !== null && referenceDay === null) {
    throw usageError('bad-date', `time: the reference date ${JSON.stringify(ctx.reference.date)} is not a calendar date`, 'Give it as YYYY-MM-DD, e.g. 2016-05-13.');
  }
  const warnings: Warning[] = [];
  const max = ctx.limits.maxTimeExpressions;
  const budget = max * BUDGET_FACTOR + 16;

  // Recognize.
  let candidates: Candidate[] = [];
  for (const r of RECOGNIZERS) {
    const found = r.recognize(ctx, text, budget);
    ctx.debug('time', () => ({ recognizer: r.name, found: found.map((c) => text.slice(c.start, c.end)) }));
    candidates = candidates.concat(found);
  }
  candidates.sort((a, b) => a.start - b.start);

  // Refine.
  for (const f of REFINERS) candidates = f.refine(ctx, text, candidates);

  // Cap.
  if (candidates.length > max) {
    const cut = candidates[max]!;
    warnings.push({
      code: 'limits.truncated',
      stage: 'time',
      message: `time: kept the first ${max} time expressions of ${candidates.length} (limits.maxTimeExpressions)`,
      span: { start: cut.start, end: text.length },
    });
    candidates = candidates.slice(0, max);
  }

  // Year.
  const yearInference = referenceDay === null ? inferYear(ctx, text, candidates) : null;
  const anchor: Anchor = { reference: referenceDay, year: yearInference?.year ?? null };

  // Resolve.
  const times: TimeExpression[] = [];
  let needYear: Candidate | null = null;
  let needReference: Candidate | null = null;
  let unresolved = 0;
  candidates.forEach((c, i) => {
    const res = resolveSpec(c.spec, anchor);
    const span = spanOf(text, c.start, c.end);
    let value: TimeValue | null = null;
    if (res.period && res.period.end >= res.period.start) {
      const { start, end, granularity } = res.period;
      value = { start: isoOf(start), end: isoOf(end), granularity, acledPrecision: precisionOfDays(start, end, granularity) };
    } else {
      unresolved++;
      const needs = needsOf(c.spec);
      if (needs === 'year') needYear ??= c;
      if (needs === 'reference') needReference ??= c;
    }
    const rules = [...c.rules];
    if (res.year === 'inferred') rules.push('time/year/inferred');
    else if (res.how.includes('closest')) rules.push('time/year/closest');
    const shown = value
      ? `${value.start === value.end ? value.start : `${value.start}..${value.end}`} (${value.granularity}, precision ${value.acledPrecision})`
      : 'unresolved';
    const reason = [`"${span.text}" → ${shown}: ${res.how}`, ...c.notes].join('; ');
    const spans = [span, ...c.extraSpans.map((s) => spanOf(text, s.start, s.end))].sort((a, b) => a.start - b.start);
    times.push({
      id: `t${i + 1}`,
      span,
      kind: c.kind,
      relation: c.relation,
      value,
      year: res.year,
      evidence: { spans, rules, reason },
    });
  });

  if (needYear !== null) {
    const c: Candidate = needYear;
    warnings.push({
      code: 'time.year-unknown',
      stage: 'time',
      message: 'time: dates are written without a year, and neither a reference date nor the text gives one; their values are left empty',
      span: { start: c.start, end: c.end },
    });
  }
  if (needReference !== null) {
    const c: Candidate = needReference;
    warnings.push({
      code: 'time.reference-unknown',
      stage: 'time',
      message: 'time: relative expressions ("last week", "on Tuesday") need the publication date, which is unknown; their values are left empty',
      span: { start: c.start, end: c.end },
    });
  }
  ctx.debug('time', () => ({ times: times.length, unresolved, warnings: warnings.map((w) => w.code) }));
  return { times, yearInference, warnings };
}
