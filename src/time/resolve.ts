/**
 * From what the text says (a Spec) to calendar days, given what is known: the reference day
 * and/or a year inferred from the text. Pure; no clock, no timezone.
 *
 * Years, in order:
 * - stated in the text → provenance `stated`;
 * - unstated, with a reference → the year putting the date closest to the reference, ties to the
 *   past (calendar.closestYear) → `implied`;
 * - unstated, no reference, a year inferred from the text → that year → `inferred`;
 * - otherwise no value, provenance `unknown`.
 * Relative expressions need the reference ("last week") or only a year ("last year", "at the
 * beginning of the year"); they are `implied` by the reference or `inferred` with the text's year.
 *
 * Weekdays: "on Tuesday" is the most recent Tuesday on or before the reference (past tense, the
 * news default) or the first on or after it (future tense); "last Tuesday" the most recent strictly
 * before; "next Tuesday" the first strictly after; "this Tuesday" the one in the reference's week.
 */
import type { Provenance } from '../core/index.js';
import {
  addMonths,
  closestYear,
  closestYearForMonth,
  dayOf,
  isoWeekday,
  isValidDate,
  ymdOf,
  type Day,
} from './calendar.js';
import { anchorYear } from './recognizers/calendarPeriodRecognizer.js';
import { dayPeriod, decadePeriod, monthPeriod, seasonPeriod, weekPeriod, yearPeriod } from './periods.js';
import type { Anchor, DayRef, Period, Spec } from './types.js';

export interface Resolution {
  readonly period: Period | null;
  readonly year: Provenance;
  /** How the year was chosen, for the reason. */
  readonly how: string;
}

const UNKNOWN = (how: string): Resolution => ({ period: null, year: 'unknown', how });

function unstatedYear(a: Anchor, closest: (ref: Day) => number): { year: number; provenance: Provenance; how: string } | null {
  if (a.reference !== null) return { year: closest(a.reference), provenance: 'implied', how: 'year implied by the reference (closest)' };
  if (a.year !== null) return { year: a.year, provenance: 'inferred', how: `year ${a.year} inferred from the text` };
  return null;
}

function dayOfRef(d: DayRef, year: number): Day | null {
  return isValidDate(year, d.month, d.day) ? dayOf(year, d.month, d.day) : null;
}

function resolveDay(d: DayRef, a: Anchor): Resolution {
  if (d.year !== null) {
    const day = dayOfRef(d, d.year);
    return day === null ? UNKNOWN(`no ${d.month}/${d.day} in ${d.year}`) : { period: dayPeriod(day), year: 'stated', how: 'year stated' };
  }
  const y = unstatedYear(a, (ref) => closestYear(ref, d.month, d.day));
  if (!y) return UNKNOWN('no year: no reference date and no year evidence in the text');
  const day = dayOfRef(d, y.year);
  return day === null ? UNKNOWN(`no ${d.month}/${d.day} in ${y.year}`) : { period: dayPeriod(day), year: y.provenance, how: y.how };
}

function resolveDays(from: DayRef, to: DayRef, a: Anchor): Resolution {
  const wraps = to.month < from.month || (to.month === from.month && to.day < from.day);
  let fromYear: number;
  let toYear: number;
  let provenance: Provenance;
  let how: string;
  if (from.year !== null || to.year !== null) {
    fromYear = from.year ?? (wraps ? to.year! - 1 : to.year!);
    toYear = to.year ?? (wraps ? fromYear + 1 : fromYear);
    provenance = 'stated';
    how = 'year stated';
  } else {
    const y = unstatedYear(a, (ref) => closestYear(ref, from.month, from.day));
    if (!y) return UNKNOWN('no year: no reference date and no year evidence in the text');
    fromYear = y.year;
    toYear = wraps ? fromYear + 1 : fromYear;
    provenance = y.provenance;
    how = y.how;
  }
  const start = dayOfRef(from, fromYear);
  const end = dayOfRef(to, toYear);
  if (start === null || end === null || end < start) return UNKNOWN('not a forward range of real days');
  return { period: { start, end, granularity: 'day' }, year: provenance, how };
}

function resolveMonth(spec: Extract<Spec, { type: 'month' }>, a: Anchor): Resolution {
  let year: number;
  let provenance: Provenance;
  let how: string;
  if (spec.year !== null) {
    year = spec.year;
    provenance = 'stated';
    how = 'year stated';
  } else {
    const y = unstatedYear(a, (ref) => closestYearForMonth(ref, spec.month));
    if (!y) return UNKNOWN('no year: no reference date and no year evidence in the text');
    ({ year, provenance, how } = y);
  }
  const first = monthPeriod(year, spec.month, spec.part);
  if (spec.toMonth === undefined) return { period: first, year: provenance, how };
  const toYear = spec.toYear ?? (spec.toMonth < spec.month ? year + 1 : year);
  return { period: { start: first.start, end: monthPeriod(toYear, spec.toMonth).end, granularity: 'month' }, year: provenance, how };
}

function resolveWeekday(spec: Extract<Spec, { type: 'weekday' }>, ref: Day): Day {
  const refWd = isoWeekday(ref);
  const back = (refWd - spec.weekday + 7) % 7; // days back to the most recent on-or-before
  const ahead = (spec.weekday - refWd + 7) % 7; // days ahead to the first on-or-after
  switch (spec.modifier) {
    case 'last':
      return ref - (back === 0 ? 7 : back);
    case 'next':
      return ref + (ahead === 0 ? 7 : ahead);
    case 'this':
      return weekPeriod(ref).start + spec.weekday - 1;
    default:
      return spec.tense === 'future' ? ref + ahead : ref - back;
  }
}

function resolveOffset(spec: Extract<Spec, { type: 'offset' }>, a: Anchor): Resolution {
  if (spec.unit === 'year') {
    const y = anchorYear(a);
    if (y === null) return UNKNOWN('needs the reference year');
    return { period: yearPeriod(y + spec.amount), year: a.reference !== null ? 'implied' : 'inferred', how: 'counted from the reference year' };
  }
  if (a.reference === null) return UNKNOWN('relative to the reference date, which is unknown');
  if (spec.unit === 'month') {
    const r = ymdOf(a.reference);
    const m = addMonths(r.year, r.month, spec.amount);
    return { period: monthPeriod(m.year, m.month), year: 'implied', how: 'counted from the reference' };
  }
  const day = a.reference + spec.amount;
  return { period: spec.unit === 'week' ? weekPeriod(day) : dayPeriod(day), year: 'implied', how: 'counted from the reference' };
}

const RANK: Record<Provenance, number> = { stated: 0, given: 1, implied: 2, inferred: 3, unknown: 4 };

/** Resolve a spec against an anchor. */
export function resolveSpec(spec: Spec, a: Anchor): Resolution {
  switch (spec.type) {
    case 'day':
      return resolveDay(spec.date, a);
    case 'days':
      return resolveDays(spec.from, spec.to, a);
    case 'month':
      return resolveMonth(spec, a);
    case 'season':
      return { period: seasonPeriod(spec.year, spec.season), year: 'stated', how: 'year stated' };
    case 'year': {
      const first = yearPeriod(spec.year, spec.part);
      const period = spec.toYear === undefined ? first : { start: first.start, end: yearPeriod(spec.toYear).end, granularity: 'year' as const };
      return { period, year: 'stated', how: 'year stated' };
    }
    case 'decade':
      return { period: decadePeriod(spec.decade, spec.part), year: 'stated', how: 'decade stated' };
    case 'weekday':
      if (a.reference === null) return UNKNOWN('a weekday needs the reference date');
      return { period: dayPeriod(resolveWeekday(spec, a.reference)), year: 'implied', how: `${spec.modifier ?? spec.tense} weekday from the reference` };
    case 'offset':
      return resolveOffset(spec, a);
    case 'span': {
      let to = resolveSpec(spec.to, a);
      let from = resolveSpec(spec.from, a);
      const fromStated = from.year === 'stated';
      const toStated = to.year === 'stated';
      // "March 2015 to April", "from April 1 to September": an unstated end year follows the start.
      if (from.period && !toStated) {
        const startYear = ymdOf(from.period.start).year;
        for (const y of [startYear, startYear + 1]) {
          const fixed = withYear(spec.to, y);
          const r = fixed ? resolveSpec(fixed, a) : null;
          if (r?.period && r.period.end >= from.period.start) {
            to = r;
            break;
          }
        }
      }
      // "July through December 1986": an unstated start year comes from the stated end.
      if (to.period && toStated && !fromStated) {
        const endYear = ymdOf(to.period.end).year;
        for (const y of [endYear, endYear - 1]) {
          const fixed = withYear(spec.from, y);
          const r = fixed ? resolveSpec(fixed, a) : null;
          if (r?.period && r.period.start <= to.period.end) {
            from = r;
            break;
          }
        }
      }
      if (!from.period || !to.period) return UNKNOWN(from.period ? to.how : from.how);
      if (to.period.end < from.period.start) return UNKNOWN('range ends before it starts');
      const granularity = from.period.granularity === 'day' && to.period.granularity === 'day' ? 'day' : 'month';
      // The weaker provenance of the two ends, counting an end given its year by the other as the other's.
      const year = fromStated || toStated ? 'stated' : RANK[from.year] >= RANK[to.year] ? from.year : to.year;
      return { period: { start: from.period.start, end: to.period.end, granularity }, year, how: fromStated || toStated ? 'year stated' : from.how };
    }
    case 'relative': {
      const period = spec.compute(a);
      if (!period) return UNKNOWN(spec.needs === 'reference' ? 'relative to the reference date, which is unknown' : 'needs a year: no reference date and no year evidence');
      return {
        period,
        year: a.reference !== null ? 'implied' : 'inferred',
        how: a.reference !== null ? spec.describe : `${spec.describe}; year inferred from the text`,
      };
    }
  }
}

/** A day or month spec with the year set (stated by the other end of its range). */
function withYear(spec: Spec, year: number): Spec | null {
  if (spec.type === 'day') return { type: 'day', date: { ...spec.date, year } };
  if (spec.type === 'month') return { ...spec, year };
  return null;
}

/** Whether the anchor can resolve this spec at all (for warnings). */
export function needsOf(spec: Spec): 'nothing' | 'year' | 'reference' {
  switch (spec.type) {
    case 'day':
      return spec.date.year === null ? 'year' : 'nothing';
    case 'days':
      return spec.from.year === null && spec.to.year === null ? 'year' : 'nothing';
    case 'month':
      return spec.year === null ? 'year' : 'nothing';
    case 'weekday':
      return 'reference';
    case 'offset':
      return spec.unit === 'year' ? 'year' : 'reference';
    case 'relative':
      return spec.needs;
    case 'span': {
      const a = needsOf(spec.from);
      const b = needsOf(spec.to);
      return a === 'reference' || b === 'reference' ? 'reference' : a === 'year' || b === 'year' ? 'year' : 'nothing';
    }
    default:
      return 'nothing';
  }
}
