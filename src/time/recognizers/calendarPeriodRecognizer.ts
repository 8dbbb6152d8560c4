/**
 * Calendar periods named relative to the reference: "last week", "this month", "next year",
 * "last weekend", "over the weekend". Chrono reads "last week" as the reference minus seven days
 * and "this week" as starting on Sunday; ACLED codes the whole calendar week, so we do:
 *
 *   last week      the Monday–Sunday week before the reference week      granularity week, precision 2
 *   this week      the reference's Monday–Sunday week
 *   last month     the whole calendar month before the reference month   precision 3
 *   last year      the whole calendar year before                         (needs only a year)
 *   last weekend   Saturday–Sunday before the reference week
 *   this weekend   Saturday–Sunday of the reference week
 *   the weekend    (over/at/during) this weekend when the reference is a Saturday or Sunday, else
 *                  the last one: news looks back
 *
 * "the last week" / "the past week" (a rolling seven days) belong to recentPeriodRecognizer.
 */
import type { RunContext } from '../../core/index.js';
import { isoWeekday, ymdOf, type Day } from '../calendar.js';
import { monthPeriod, weekPeriod, yearPeriod } from '../periods.js';
import { candidate, type Anchor, type Candidate, type Period, type Recognizer, type Spec } from '../types.js';
import { addMonths } from '../calendar.js';
import { before, scan, wordStart, wordStartsAt } from './scan.js';

type Which = 'last' | 'this' | 'next';

const THE = /(?:^|[^\p{L}])the\s{1,3}$/iu;
const WEEKEND_PREP = /(?:^|[^\p{L}])(over|at|during)\s{1,3}$/iu;

const RE = new RegExp(
  `(last|past|this|next|coming)\\s{1,3}(week|month|year|weekend)(?![A-Za-z0-9_])` +
    `|the\\s{1,3}weekend(?![A-Za-z0-9_])`,
  'gi',
);

/** The reference's year, or the inferred year when there is no reference. */
export function anchorYear(a: Anchor): number | null {
  return a.reference !== null ? ymdOf(a.reference).year : a.year;
}

export function weekendPeriod(reference: Day, which: Which): Period {
  const week = weekPeriod(reference);
  const sat = week.start + 5;
  const shift = which === 'last' ? -7 : which === 'next' ? 7 : 0;
  return { start: sat + shift, end: sat + shift + 1, granularity: 'day' };
}

function spec(unit: string, which: Which): Spec {
  const shift = which === 'last' ? -1 : which === 'next' ? 1 : 0;
  switch (unit) {
    case 'week':
      return {
        type: 'relative',
        needs: 'reference',
        describe: `${which} week: the Monday–Sunday week ${which === 'this' ? 'of' : which === 'last' ? 'before' : 'after'} the reference week`,
        compute: (a) => (a.reference === null ? null : weekPeriod(a.reference + 7 * shift)),
      };
    case 'month':
      return {
        type: 'relative',
        needs: 'reference',
        describe: `${which} month: the calendar month ${which === 'this' ? 'of' : which === 'last' ? 'before' : 'after'} the reference month`,
        compute: (a) => {
          if (a.reference === null) return null;
          const r = ymdOf(a.reference);
          const m = addMonths(r.year, r.month, shift);
          return monthPeriod(m.year, m.month);
        },
      };
    case 'year':
      return {
        type: 'relative',
        needs: 'year',
        describe: `${which} year: the calendar year ${which === 'this' ? 'of' : which === 'last' ? 'before' : 'after'} the reference`,
        compute: (a) => {
          const y = anchorYear(a);
          return y === null ? null : yearPeriod(y + shift);
        },
      };
    default:
      return {
        type: 'relative',
        needs: 'reference',
        describe: `${which} weekend: Saturday–Sunday of the ${which === 'this' ? 'reference' : which === 'last' ? 'previous' : 'next'} week`,
        compute: (a) => (a.reference === null ? null : weekendPeriod(a.reference, which)),
      };
  }
}

const bareWeekend: Spec = {
  type: 'relative',
  needs: 'reference',
  describe: 'the weekend: the one holding the reference if it is a Saturday or Sunday, else the last one (past bias)',
  compute: (a) => {
    if (a.reference === null) return null;
    return weekendPeriod(a.reference, isoWeekday(a.reference) >= 6 ? 'this' : 'last');
  },
};

export const calendarPeriodRecognizer: Recognizer = {
  name: 'calendarPeriod',
  recognize(_ctx: RunContext, text: string, budget: number): Candidate[] {
    return scan(RE, text, budget, (m) => {
      if (!wordStartsAt(text, m.index)) return null;
      const end = m.index + m[0].length;
      if (m[1] === undefined) {
        const prep = before(text, m.index, WEEKEND_PREP, 12);
        const start = prep ? wordStart(prep) : m.index;
        return candidate(start, end, bareWeekend, 'relative', 'time/period/the-weekend', 2);
      }
      // "the last week" / "the past year" are rolling periods (recentPeriodRecognizer).
      if (before(text, m.index, THE, 8)) return null;
      const word = m[1].toLowerCase();
      const which: Which = word === 'last' || word === 'past' ? 'last' : word === 'this' ? 'this' : 'next';
      const unit = (m[2] ?? '').toLowerCase();
      return candidate(m.index, end, spec(unit, which), 'relative', `time/period/${which}-${unit}`, 2);
    });
  },
};
