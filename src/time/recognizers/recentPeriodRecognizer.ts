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
 * not periods: a following "of" rules them out, and plural units without a number need past/recent.
 * "the next day" and "the previous week" count from the story's own time, not the reference, and
 * are left alone.
 */
import type { RunContext, TimeGranularity } from '../../core/index.js';
import { candidate, type Candidate, type Recognizer, type Spec } from '../types.js';
import { NUMBER_WORD_FRAGMENT, numberValue } from '../words.js';
import { LEFT, scan } from './scan.js';

const PREP = '(?:(over|during|in|for|within|throughout)\\s{1,3})?';
const UNIT = '(days?|weeks?|months?|years?|fortnight)';
const NOT_OF = '(?![\\p{L}\\p{N}])(?!\\s{1,3}of\\b)';

const RE = new RegExp(
  `${LEFT}${PREP}the\\s{1,3}(last|past|previous|coming|next)\\s{1,3}(?:(${NUMBER_WORD_FRAGMENT})\\s{1,3})?${UNIT}${NOT_OF}` +
    `|${LEFT}${PREP}recent\\s{1,3}(days|weeks|months|years)${NOT_OF}`,
  'giu',
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
    describe: `"${phrase}": ${future ? 'the reference +' : 'the reference −'}${back} days`,
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
      const end = m.index + m[0].length;
      const phrase = m[0].replace(/\s+/g, ' ');
      if (m[6] !== undefined) {
        // "in recent days"
        const unit = m[6].toLowerCase().replace(/s$/, '');
        const c = candidate(m.index, end, rollingSpec(unit, 3, false, phrase), 'vague', 'time/recent/recent-units', 2);
        return c;
      }
      const which = (m[2] ?? '').toLowerCase();
      const future = which === 'coming' || which === 'next';
      const rawUnit = (m[4] ?? '').toLowerCase();
      const plural = rawUnit.endsWith('s');
      const unit = rawUnit.replace(/s$/, '');
      let count = 1;
      if (m[3] !== undefined) {
        const n = numberValue(m[3]);
        if (n === null || n < 1) return null;
        count = n;
      } else if (plural) {
        // "the last days" without a number reads as "final days"; "the past days" is a period.
        if (which === 'last') return null;
        count = 3;
      }
      // "the next day", "the previous week" are told from the story's own time, not the reference.
      if ((which === 'next' || which === 'previous') && m[3] === undefined && !plural) return null;
      return candidate(m.index, end, rollingSpec(unit, count, future, phrase), 'vague', `time/recent/${future ? 'coming' : 'last'}-${unit}`, 2);
    });
  },
};
