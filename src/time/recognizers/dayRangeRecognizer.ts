/**
 * Ranges of days written with month names: chrono reads "May 30-June 2" as "30-June", "from 3 to
 * 5 June" as 3 to 5 o'clock, and "between 3 and 5 June" as "5 June". One `range` candidate each:
 *
 *   month-day    "May 5-6", "May 5 to 6, 2016", "between May 5 and 6"        time/range/month-day
 *   day-month    "5-6 May", "from 3 to 5 June", "between 3 and 5 June 2016"  time/range/day-month
 *   month-month  "May 30-June 2", "Dec 30, 2015 - Jan 2, 2016"                time/range/month-day-month-day
 *   day-day      "30 May-2 June", "30 May 2015 to 2 June 2015"                time/range/day-month-day-month
 *
 * "between" needs "and", "from" needs a dash/to/until/through; otherwise the prefix stays out of
 * the span. A range must go forward and last at most MAX_RANGE_DAYS (a wrap from December into
 * January is the next year).
 */
import type { RunContext } from '../../core/index.js';
import { dayOf, isValidMonthDay } from '../calendar.js';
import { candidate, type Candidate, type DayRef, type Recognizer } from '../types.js';
import { DAY_FRAGMENT, MONTH_FRAGMENT, YEAR_FRAGMENT, isCapitalised, monthNumber } from '../words.js';
import { LEFT, groupStart, scan } from './scan.js';

export const MAX_RANGE_DAYS = 120;

const PREFIX = '(?:(between|from)\\s{1,3})?';
const SEP = '(\\s{0,3}[-–—]\\s{0,3}|\\s{1,3}(?:to|through|till|until|and)\\s{1,3})';
const M = `(${MONTH_FRAGMENT})`;
const D = DAY_FRAGMENT;
const Y = `(?:,?\\s{1,3}(${YEAR_FRAGMENT}))?`;
const RIGHT = '(?![\\p{L}\\p{N}])';

interface Form {
  readonly rule: string;
  readonly re: RegExp;
  /** Reads the groups after the prefix (group 1) as from/to. */
  readonly read: (g: (i: number) => string | undefined) => { from: Parts; to: Parts; sep: string } | null;
}

interface Parts {
  readonly month: string;
  readonly day: string;
  readonly year: string | undefined;
}

const FORMS: readonly Form[] = [
  {
    rule: 'time/range/month-day-month-day',
    re: new RegExp(`${LEFT}${PREFIX}${M}\\s{1,3}${D}${Y}${SEP}${M}\\s{1,3}${D}${Y}${RIGHT}`, 'giud'),
    read: (g) => ({
      from: { month: g(2)!, day: g(3)!, year: g(4) },
      sep: g(5)!,
      to: { month: g(6)!, day: g(7)!, year: g(8) },
    }),
  },
  {
    rule: 'time/range/day-month-day-month',
    re: new RegExp(`${LEFT}${PREFIX}${D}\\s{1,3}${M}${Y}${SEP}${D}\\s{1,3}${M}${Y}${RIGHT}`, 'giud'),
    read: (g) => ({
      from: { day: g(2)!, month: g(3)!, year: g(4) },
      sep: g(5)!,
      to: { day: g(6)!, month: g(7)!, year: g(8) },
    }),
  },
  {
    rule: 'time/range/month-day',
    re: new RegExp(`${LEFT}${PREFIX}${M}\\s{1,3}${D}${SEP}${D}${Y}${RIGHT}`, 'giud'),
    read: (g) => ({
      from: { month: g(2)!, day: g(3)!, year: g(6) },
      sep: g(4)!,
      to: { month: g(2)!, day: g(5)!, year: g(6) },
    }),
  },
  {
    rule: 'time/range/day-month',
    re: new RegExp(`${LEFT}${PREFIX}${D}${SEP}${D}\\s{1,3}${M}${Y}${RIGHT}`, 'giud'),
    read: (g) => ({
      from: { day: g(2)!, month: g(5)!, year: g(6) },
      sep: g(3)!,
      to: { day: g(4)!, month: g(5)!, year: g(6) },
    }),
  },
];

function dayRef(p: Parts): DayRef | null {
  if (!isCapitalised(p.month)) return null; // "may", "march" are words
  const month = monthNumber(p.month);
  const day = Number(p.day);
  if (month === null || !isValidMonthDay(month, day)) return null;
  return { year: p.year ? Number(p.year) : null, month, day };
}

/** Forward, and not longer than MAX_RANGE_DAYS, with a December→January wrap allowed. */
export function plausibleRange(from: DayRef, to: DayRef): boolean {
  const fy = from.year ?? to.year ?? 2000;
  let ty = to.year ?? fy;
  if (from.year === null && to.year !== null && (from.month > to.month || (from.month === to.month && from.day > to.day))) {
    // "Dec 30 - Jan 2, 2016": the stated year belongs to the end.
    return plausibleRange({ ...from, year: to.year - 1 }, to);
  }
  if (to.year === null && (to.month < from.month || (to.month === from.month && to.day <= from.day))) ty = fy + 1;
  // Leap-safe: February 29 needs a leap year; 2000 is one.
  const a = dayOf(fy, from.month, from.day);
  const b = dayOf(ty, to.month, to.day);
  return b > a && b - a <= MAX_RANGE_DAYS;
}

export const dayRangeRecognizer: Recognizer = {
  name: 'dayRange',
  recognize(_ctx: RunContext, text: string, budget: number): Candidate[] {
    const out: Candidate[] = [];
    for (const form of FORMS) {
      out.push(
        ...scan(form.re, text, budget - out.length, (m) => {
          const parts = form.read((i) => m[i]);
          if (!parts) return null;
          const from = dayRef(parts.from);
          const to = dayRef(parts.to);
          if (!from || !to || !plausibleRange(from, to)) return null;
          const sep = parts.sep.trim().toLowerCase();
          const prefix = m[1]?.toLowerCase();
          // The prefix belongs to the range only when it pairs with the separator.
          const prefixFits = (prefix === 'between' && sep === 'and') || (prefix === 'from' && sep !== 'and');
          const start = prefix && !prefixFits ? groupStart(m, 2) : m.index;
          const c = candidate(start, m.index + m[0].length, { type: 'days', from, to }, 'range', form.rule, 3);
          if (prefix && prefixFits) c.rules.push(`time/range/${prefix}`);
          return c;
        }),
      );
    }
    return out;
  },
};
