/**
 * A month name with last/next/this ("kidnapped last July", "elections next March", "this June"):
 * "last July" is the most recent July before the reference month, never the coming one, which
 * the closest-year rule alone would pick in a March report; "next March" the first one after it;
 * "this June" the reference year's. Kind `relative`, month granularity (ACLED precision 3).
 * A day after the month ("last July 4") is left to chrono.
 */
import type { RunContext } from '../../core/index.js';
import { ymdOf } from '../calendar.js';
import { monthPeriod } from '../periods.js';
import { candidate, type Candidate, type Recognizer } from '../types.js';
import { MONTH_FRAGMENT, isCapitalised, monthNumber } from '../words.js';
import { scan, wordStartsAt } from './scan.js';

const RE = new RegExp(`(last|next|this|past|coming)\\s{1,3}(${MONTH_FRAGMENT})(?![\\p{L}\\p{N}])(?!\\.?\\s{0,3}\\d)`, 'giu');

/** The year of the month named, counted from the reference month. */
export function modifiedMonthYear(which: string, month: number, refYear: number, refMonth: number): number {
  if (which === 'last' || which === 'past') return month < refMonth ? refYear : refYear - 1;
  if (which === 'next' || which === 'coming') return month > refMonth ? refYear : refYear + 1;
  return refYear;
}

export const modifiedMonthRecognizer: Recognizer = {
  name: 'modifiedMonth',
  recognize(_ctx: RunContext, text: string, budget: number): Candidate[] {
    return scan(RE, text, budget, (m) => {
      if (!wordStartsAt(text, m.index)) return null;
      const which = m[1]!.toLowerCase();
      const monthWord = m[2]!;
      const month = monthNumber(monthWord);
      if (month === null || !isCapitalised(monthWord)) return null;
      return candidate(
        m.index,
        m.index + m[0].length,
        {
          type: 'relative',
          needs: 'reference',
          describe: `the ${which === 'past' ? 'last' : which === 'coming' ? 'next' : which} ${monthWord} counted from the reference month`,
          compute: (a) => {
            if (a.reference === null) return null;
            const ref = ymdOf(a.reference);
            return monthPeriod(modifiedMonthYear(which, month, ref.year, ref.month), month);
          },
        },
        'relative',
        `time/month/${which}`,
        2,
      );
    });
  },
};
