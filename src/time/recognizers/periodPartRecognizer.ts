/**
 * Parts of a year, month or week that is stated or relative to the reference:
 *
 *   "at the beginning of the year", "the end of last year", "the start of 2016"   time/period-part/<part>
 *   "early this year", "mid-2016", "late last month", "early next week"           time/period-part/<part>
 *   "earlier this year/month/week"  the period's first day … the day before the reference
 *   "later this year/month/week"    the day after the reference … the period's last day
 *
 * "the year" is the reference's year ("…was ready at the beginning of the year"). Parts follow
 * periods.ts; kind `vague`, relation `during`. A leading "at" is part of the idiom and of the span;
 * "by"/"until"/"since" are left to relationRefiner. Year parts need only a year, so they resolve
 * with an inferred year when there is no reference; month and week parts need the reference.
 */
import type { RunContext } from '../../core/index.js';
import { addMonths, monthEnd, monthStart, ymdOf, type Day } from '../calendar.js';
import { monthPeriod, weekPeriod, yearPeriod } from '../periods.js';
import { candidate, type Anchor, type Candidate, type Period, type PeriodPart, type Recognizer, type Spec } from '../types.js';
import { YEAR_FRAGMENT } from '../words.js';
import { anchorYear } from './calendarPeriodRecognizer.js';
import { partOf } from './monthPartRecognizer.js';
import { before, scan, wordStart, wordStartsAt } from './scan.js';

const RIGHT = '(?![\\p{L}\\p{N}])';
const UNIT = '(year|month|week)';
const WHICH = '(the|this|last|next)';
const AT = /(?:^|[^\p{L}])at\s{1,3}$/iu;

const RE = new RegExp(
  // 1 part, 2 which, 3 unit | 4 year
  `the\\s{1,3}(beginning|start|middle|end)\\s{1,3}of\\s{1,3}(?:${WHICH}\\s{1,3}${UNIT}|(${YEAR_FRAGMENT}))(?![A-Za-z0-9_])` +
    // 5 part, 6 which, 7 unit | 8 year
    `|(early|mid|late)(?:\\s{0,3}-\\s{0,3}|\\s{1,3})(?:(this|last|next)\\s{1,3}${UNIT}|(${YEAR_FRAGMENT}))(?![A-Za-z0-9_])` +
    // 9 earlier/later, 10 unit
    `|(earlier|later)\\s{1,3}(?:this|in\\s{1,3}the)\\s{1,3}${UNIT}(?![A-Za-z0-9_])`,
  'gi',
);

function shiftOf(which: string): number {
  const w = which.toLowerCase();
  return w === 'last' ? -1 : w === 'next' ? 1 : 0;
}

function partSpec(unit: string, shift: number, part: PeriodPart, phrase: string): Spec {
  if (unit === 'year') {
    return {
      type: 'relative',
      needs: 'year',
      describe: `"${phrase}": ${part} of the ${shift === 0 ? "reference's" : shift < 0 ? 'previous' : 'next'} year`,
      compute: (a) => {
        const y = anchorYear(a);
        return y === null ? null : yearPeriod(y + shift, part);
      },
    };
  }
  if (unit === 'month') {
    return {
      type: 'relative',
      needs: 'reference',
      describe: `"${phrase}": ${part} of the ${shift === 0 ? "reference's" : shift < 0 ? 'previous' : 'next'} month`,
      compute: (a) => {
        if (a.reference === null) return null;
        const r = ymdOf(a.reference);
        const m = addMonths(r.year, r.month, shift);
        return monthPeriod(m.year, m.month, part);
      },
    };
  }
  return {
    type: 'relative',
    needs: 'reference',
    describe: `"${phrase}": ${part} of the ${shift === 0 ? "reference's" : shift < 0 ? 'previous' : 'next'} week`,
    compute: (a) => (a.reference === null ? null : weekPeriod(a.reference + 7 * shift, part)),
  };
}

function whole(unit: string, reference: Day): Period {
  const r = ymdOf(reference);
  if (unit === 'year') return yearPeriod(r.year);
  if (unit === 'month') return { start: monthStart(r.year, r.month), end: monthEnd(r.year, r.month), granularity: 'month' };
  return weekPeriod(reference);
}

/** "earlier this year": the period's start … the day before the reference (or the reference itself on day one). */
function earlierLaterSpec(unit: string, later: boolean, phrase: string): Spec {
  return {
    type: 'relative',
    needs: unit === 'year' ? 'year' : 'reference',
    describe: later ? `"${phrase}": from the day after the reference to the end of the ${unit}` : `"${phrase}": from the start of the ${unit} to the day before the reference`,
    compute: (a: Anchor) => {
      if (a.reference === null) {
        // Only a year is known: the whole year is all we can say.
        const y = unit === 'year' ? anchorYear(a) : null;
        return y === null ? null : yearPeriod(y);
      }
      const p = whole(unit, a.reference);
      const granularity = unit === 'week' ? 'week' : 'month';
      if (later) return { start: Math.min(a.reference + 1, p.end), end: p.end, granularity };
      return { start: p.start, end: Math.max(a.reference - 1, p.start), granularity };
    },
  };
}

export const periodPartRecognizer: Recognizer = {
  name: 'periodPart',
  recognize(_ctx: RunContext, text: string, budget: number): Candidate[] {
    return scan(RE, text, budget, (m) => {
      if (!wordStartsAt(text, m.index)) return null;
      // "at the beginning of the year": the "at" is part of the idiom and of the span.
      const at = m[1] !== undefined ? before(text, m.index, AT, 8) : null;
      const start = at ? wordStart(at) : m.index;
      const end = m.index + m[0].length;
      const phrase = text.slice(start, end).replace(/\s+/g, ' ');
      if (m[9] !== undefined) {
        const unit = (m[10] ?? '').toLowerCase();
        const later = m[9].toLowerCase() === 'later';
        return candidate(start, end, earlierLaterSpec(unit, later, phrase), 'vague', `time/period-part/${later ? 'later' : 'earlier'}-${unit}`, 2);
      }
      const partWord = m[1] ?? m[5];
      if (!partWord) return null;
      const part = partOf(partWord);
      const year = m[4] ?? m[8];
      if (year !== undefined) {
        return candidate(start, end, { type: 'year', year: Number(year), part }, 'vague', `time/period-part/${part}-year`, 2);
      }
      const which = m[2] ?? m[6] ?? 'this';
      const unit = (m[3] ?? m[7] ?? '').toLowerCase();
      return candidate(start, end, partSpec(unit, shiftOf(which), part, phrase), 'vague', `time/period-part/${part}-${unit}`, 2);
    });
  },
};
