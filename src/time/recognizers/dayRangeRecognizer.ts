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
 * the span. Without "between", "and" joins a list of days ("on 3 and 5 June"), not a range
 * (unless the days are consecutive). A range must go forward and last at most MAX_RANGE_DAYS (a
 * wrap from December into January is the next year). Month names must be capitalised.
 */
import type { RunContext } from '../../core/index.js';
import { dayOf, isValidMonthDay } from '../calendar.js';
import { candidate, type Candidate, type DayRef, type Recognizer } from '../types.js';
import { CAPITALISED_MONTH_FRAGMENT, DAY_FRAGMENT, YEAR_FRAGMENT, isCapitalised, monthNumber } from '../words.js';
import { before, freeOnLeft, scan, wordStart } from './scan.js';

export const MAX_RANGE_DAYS = 120;

const SEP = '(\\s{0,3}[-–—]\\s{0,3}|\\s{1,3}(?:to|through|till|until|and|TO|THROUGH|TILL|UNTIL|AND)\\s{1,3})';
const M = `(${CAPITALISED_MONTH_FRAGMENT})`;
const D = DAY_FRAGMENT;
const Y = `(?:,?\\s{1,3}(${YEAR_FRAGMENT}))?`;
const RIGHT = '(?![A-Za-z0-9_])';
const PREFIX = /(?:^|[^\p{L}])(between|from)\s{1,3}$/iu;

interface Parts {
  readonly month: string;
  readonly day: string;
  readonly year: string | undefined;
}

interface Form {
  readonly re: RegExp;
  /** Reads the groups as from/to and names the rule. */
  readonly read: (g: (i: number) => string | undefined) => { from: Parts; to: Parts; sep: string; rule: string };
}

/**
 * Two regexes, each starting with a concrete token (a month name, a digit) so V8 can skip ahead;
 * "between"/"from" and the left boundary are checked on the text before the match.
 */
const FORMS: readonly Form[] = [
  {
    // May 5-6 [, 2016] | May 30[, 2015]-June 2[, 2015]
    re: new RegExp(`${M}\\s{1,3}${D}${Y}${SEP}(?:${M}\\s{1,3})?${D}${Y}${RIGHT}`, 'g'),
    read: (g) =>
      g(5) !== undefined
        ? {
            from: { month: g(1)!, day: g(2)!, year: g(3) },
            sep: g(4)!,
            to: { month: g(5)!, day: g(6)!, year: g(7) },
            rule: 'time/range/month-day-month-day',
          }
        : {
            from: { month: g(1)!, day: g(2)!, year: g(3) ?? g(7) },
            sep: g(4)!,
            to: { month: g(1)!, day: g(6)!, year: g(7) },
            rule: 'time/range/month-day',
          },
  },
  {
    // 5-6 May [2016] | 30 May[ 2015]-2 June[ 2015]
    re: new RegExp(`${D}(?:\\s{1,3}${M}${Y})?${SEP}${D}\\s{1,3}${M}${Y}${RIGHT}`, 'g'),
    read: (g) =>
      g(2) !== undefined
        ? {
            from: { day: g(1)!, month: g(2)!, year: g(3) },
            sep: g(4)!,
            to: { day: g(5)!, month: g(6)!, year: g(7) },
            rule: 'time/range/day-month-day-month',
          }
        : {
            from: { day: g(1)!, month: g(6)!, year: g(7) },
            sep: g(4)!,
            to: { day: g(5)!, month: g(6)!, year: g(7) },
            rule: 'time/range/day-month',
          },
  },
];

function dayRef(p: Parts): DayRef | null {
  if (!isCapitalised(p.month)) return null; // "may", "march" are words
  const month = monthNumber(p.month);
  const day = Number(p.day);
  if (month === null || !isValidMonthDay(month, day)) return null;
  return { year: p.year ? Number(p.year) : null, month, day };
}

function consecutive(from: DayRef, to: DayRef): boolean {
  const y = from.year ?? to.year ?? 2000;
  return dayOf(to.year ?? y, to.month, to.day) - dayOf(y, from.month, from.day) === 1;
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
          if (!freeOnLeft(text, m.index)) return null;
          const parts = form.read((i) => m[i]);
          const from = dayRef(parts.from);
          const to = dayRef(parts.to);
          if (!from || !to || !plausibleRange(from, to)) return null;
          if (parts.rule === 'time/range/month-day' && parts.from.year !== undefined && m[3] !== undefined) {
            // "May 5, 2015 - 6" is not a range of days.
            return null;
          }
          const sep = parts.sep.trim().toLowerCase();
          const prefix = before(text, m.index, PREFIX, 12);
          const word = prefix?.[1]?.toLowerCase();
          // The prefix belongs to the range only when it pairs with the separator.
          const fits = (word === 'between' && sep === 'and') || (word === 'from' && sep !== 'and');
          // "on 3 and 5 June", "on December 30 and January 2" list days; only "between" makes a
          // range of them (two consecutive days are the same either way).
          if (sep === 'and' && word !== 'between' && !consecutive(from, to)) return null;
          const start = prefix && fits ? wordStart(prefix) : m.index;
          const c = candidate(start, m.index + m[0].length, { type: 'days', from, to }, 'range', parts.rule, 3);
          if (fits) c.rules.push(`time/range/${word}`);
          return c;
        }),
      );
    }
    return out;
  },
};
