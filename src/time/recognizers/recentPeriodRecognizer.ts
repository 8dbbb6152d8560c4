/**
 * Rolling periods that end (or start) at the reference: "over the last few days", "in recent
 * days", "in the past few days", "the past week", "over the past two months", "in the coming
 * days". Kind `vague`, relation `during`.
 *
 *   N days     reference-N … reference        ("few" = 3, "couple of" = 2, "several" = 5)
 *   N weeks    reference-7N+1 … reference     (one week = seven days, precision 2)
 *   N months   reference-30N+1 … reference
 *   N years    reference-365N+1 … reference
 *   recent days/weeks/months: as "the last few …"
 *   coming/next: the same lengths forward from the reference
 *
 * Granularity: a span of at most seven days is a `week`, longer spans of days or weeks a `month`,
 * months a `month`, years a `year`. "the last days of Gaddafi" and "the last year of his term" are
 * not periods: a following "of" rules them out, plural units without a number need past/recent,
 * and a singular "the last year" needs a preposition ("over the last year").
 * "the next day" and "the previous week" count from the story's own time, not the reference, and
 * are left alone.
 */
import type { RunContext, TimeGranularity } from '../../core/index.js';
import { candidate, type Candidate, type Recognizer, type Spec } from '../types.js';
import { NUMBER_WORD_FRAGMENT, numberValue } from '../words.js';
import { before, scan, wordStart, wordStartsAt } from './scan.js';

const PREP = /(?:^|[^\p{L}])(over|during|in|for|within|throughout)\s{1,3}$/iu;
const UNIT = '(days?|weeks?|months?|years?|fortnight)';
const NOT_OF = '(?![\\p{L}\\p{N}])(?!\\s{1,3}of\\b)';

const RE = new RegExp(
  `the\\s{1,3}(last|past|previous|coming|next)\\s{1,3}(?:(${NUMBER_WORD_FRAGMENT})\\s{1,3})?${UNIT}(?![A-Za-z0-9_])(?!\\s{1,3}of\\b)` +
    `|recent\\s{1,3}(days|weeks|months|years)(?![A-Za-z0-9_])(?!\\s{1,3}of\\b)` +
    // "last two weeks", "past few days" without "the": the number is required
    `|(last|past|coming|next)\\s{1,3}(${NUMBER_WORD_FRAGMENT})\\s{1,3}${UNIT}(?![A-Za-z0-9_])(?!\\s{1,3}of\\b)`,
  'gi',
);

const UNIT_DAYS: Record<string, number> = { day: 1, week: 7, fortnight: 14, month: 30, year: 365 };

function granularityOf(unit: string, days: number): TimeGranularity {
  if (unit === 'year') return 'year';
  if (unit === 'month') return 'month';
  return days <= 7 ? 'week' : 'month';
}

function rollingSpec(unit: string, count: number, future: boolean, phrase: string): Spec {
  const per = UNIT_DAYS[unit] ?? 1;
  // Days count back from the reference and keep it ("the last 3 days" = 4 calendar days, the
  // reference included); longer units count whole units ending on the reference.
  const back = unit === 'day' ? count : per * count - 1;
  const granularity = granularityOf(unit, back + 1);
  return {
    type: 'relative',
    needs: 'reference',
    describe: future ? `"${phrase}": the reference through ${back} days after it` : `"${phrase}": ${back} days before the reference through the reference`,
    compute: (a) =>
      a.reference === null
        ? null
        : future
          ? { start: a.reference, end: a.reference + back, granularity }
          : { start: a.reference - back, end: a.reference, granularity },
  };
}

export const recentPeriodRecognizer: Recognizer = {
  name: 'recentPeriod',
  recognize(_ctx: RunContext, text: string, budget: number): Candidate[] {
    return scan(RE, text, budget, (m) => {
      if (!wordStartsAt(text, m.index)) return null;
      const end = m.index + m[0].length;
      // A leading "over"/"in"/"during"… is part of the idiom and of the span.
      const prep = before(text, m.index, PREP, 16);
      const start = prep ? wordStart(prep) : m.index;
      const phrase = text.slice(start, end).replace(/\s+/g, ' ');
      if (m[4] !== undefined) {
        // "in recent days"
        const unit = m[4].toLowerCase().replace(/s$/, '');
        return candidate(start, end, rollingSpec(unit, 3, false, phrase), 'vague', 'time/recent/recent-units', 2);
      }
      const which = (m[1] ?? m[5] ?? '').toLowerCase();
      const number = m[2] ?? m[6];
      const future = which === 'coming' || which === 'next';
      const rawUnit = (m[3] ?? m[7] ?? '').toLowerCase();
      const plural = rawUnit.endsWith('s');
      const unit = rawUnit.replace(/s$/, '');
      let count = 1;
      if (number !== undefined) {
        const n = numberValue(number);
        if (n === null || n < 1) return null;
        count = n;
      } else if (plural) {
        // "the last days" without a number reads as "final days"; "the past days" is a period.
        if (which === 'last') return null;
        count = 3;
      }
      // "the last year the government released figures": singular "the last …" is the final one
      // unless a preposition makes it a period ("over the last year"); "the past year" is fine.
      if (which === 'last' && number === undefined && !plural && !prep) return null;
      // "the next day", "the previous week" are told from the story's own time, not the reference.
      if ((which === 'next' || which === 'previous') && number === undefined && !plural) return null;
      return candidate(start, end, rollingSpec(unit, count, future, phrase), 'vague', `time/recent/${future ? 'coming' : 'last'}-${unit}s`, 2);
    });
  },
};
