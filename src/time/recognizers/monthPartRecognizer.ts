/**
 * Parts of a named month: "mid-May", "early June", "late April 2015", "the end of May", "the
 * beginning of June 2016". Thirds of the month (see periods.ts); kind `vague`, relation `during`.
 * Chrono reads "early June" as June 1 and "mid-May" not at all.
 */
import type { RunContext } from '../../core/index.js';
import { candidate, type Candidate, type PeriodPart, type Recognizer } from '../types.js';
import { MONTH_FRAGMENT, YEAR_FRAGMENT, isCapitalised, monthNumber } from '../words.js';
import { before, scan, wordStart, wordStartsAt } from './scan.js';

const M = `(${MONTH_FRAGMENT})`;
const Y = `(?:,?\\s{1,3}(?:of\\s{1,3})?(${YEAR_FRAGMENT}))?`;
const RIGHT = '(?![\\p{L}\\p{N}])';
const AT_THE = /(?:^|[^\p{L}])(?:(at)\s{1,3})?(the)\s{1,3}$/iu;

const RE = new RegExp(
  `(early|mid|late)(?:\\s{0,3}-\\s{0,3}|\\s{1,3})(?:in\\s{1,3})?${M}${Y}(?![A-Za-z0-9_])` +
    `|(beginning|start|middle|end)\\s{1,3}of\\s{1,3}${M}${Y}(?![A-Za-z0-9_])`,
  'gi',
);

export function partOf(word: string): PeriodPart {
  switch (word.toLowerCase()) {
    case 'early':
      return 'early';
    case 'mid':
      return 'mid';
    case 'late':
      return 'late';
    case 'beginning':
    case 'start':
      return 'beginning';
    case 'middle':
      return 'middle';
    default:
      return 'end';
  }
}

export const monthPartRecognizer: Recognizer = {
  name: 'monthPart',
  recognize(_ctx: RunContext, text: string, budget: number): Candidate[] {
    return scan(RE, text, budget, (m) => {
      if (!wordStartsAt(text, m.index)) return null;
      const partWord = m[1] ?? m[4];
      const monthWord = m[2] ?? m[5];
      const yearWord = m[3] ?? m[6];
      // "(at) the end of May": take "the" and an idiomatic "at" into the span.
      const lead = m[4] !== undefined ? before(text, m.index, AT_THE, 12) : null;
      const start = lead ? wordStart(lead) : m.index;
      if (!partWord || !monthWord || !isCapitalised(monthWord)) return null;
      const month = monthNumber(monthWord);
      if (month === null) return null;
      const part = partOf(partWord);
      return candidate(
        start,
        m.index + m[0].length,
        { type: 'month', year: yearWord ? Number(yearWord) : null, month, part },
        'vague',
        `time/month-part/${part}`,
        2,
      );
    });
  },
};
