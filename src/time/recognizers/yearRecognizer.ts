/**
 * Years on their own, which chrono does not read: "in 2015", "since 2011", "2014-2015",
 * "between 2012 and 2014", "the 1990s", "the early 2000s".
 *
 * Strict by default: a four-digit number is a year only after a cue word (in, since, during,
 * until, by, before, after, from, of, around, circa, year) and never when a quantity noun follows
 * ("in 2000 fighters", "by 1990 tonnes": data/time/quantity-nouns.en.txt) or when it is part of a
 * larger number ("2,000", "$3,000", "2015.5", "555-2015"). Decades need "the" ("the 1990s").
 */
import type { RunContext } from '../../core/index.js';
import { loadWordSet } from '../data.js';
import { candidate, type Candidate, type PeriodPart, type Recognizer } from '../types.js';
import { LEFT, scan } from './scan.js';

const QUANTITY_NOUNS = loadWordSet('quantity-nouns.en.txt');

const Y = '((?:19|20)\\d{2})';
const CUE = '(?<=\\b(?:in|since|during|throughout|through|until|till|by|before|after|from|of|around|circa|year|between)\\s{1,3})';
/** Not followed by more number ("2015.5", "2015,000", "2015-123") or a letter/digit. */
const NUMBER_END = '(?![\\p{L}\\p{N}]|[.,:/]\\p{N}|[-–]\\p{N})';

const RE = new RegExp(
  // 1 from/between, 2 year, 3 year
  `${LEFT}(between|from)\\s{1,3}${Y}\\s{1,3}(?:and|to|until|through|till)\\s{1,3}${Y}${NUMBER_END}` +
    // 4 year, 5 second year (2 or 4 digits)
    `|${LEFT}${CUE}${Y}(?:\\s{0,2}[-–/]\\s{0,2}(\\d{2}|(?:19|20)\\d{2}))?${NUMBER_END}` +
    // 6 part, 7 century digits, 8 decade digit
    `|${LEFT}(?<=\\bthe\\s{1,3})(?:(early|mid|late)\\s{0,3}-?\\s{0,3})?(19|20)(\\d)0['’]?s(?![\\p{L}\\p{N}])`,
  'giu',
);

const NEXT_WORD = /^\s{1,3}([\p{L}]+)/u;

/** True when the word after `end` makes the number a quantity. */
export function followedByQuantity(text: string, end: number): boolean {
  const m = NEXT_WORD.exec(text.slice(end, end + 40));
  return !!m && QUANTITY_NOUNS.has((m[1] ?? '').toLowerCase());
}

function secondYear(first: number, raw: string): number | null {
  const y = raw.length === 2 ? Math.floor(first / 100) * 100 + Number(raw) : Number(raw);
  return y > first && y - first <= 50 ? y : null;
}

export const yearRecognizer: Recognizer = {
  name: 'year',
  recognize(_ctx: RunContext, text: string, budget: number): Candidate[] {
    return scan(RE, text, budget, (m) => {
      const start = m.index;
      const end = m.index + m[0].length;
      if (followedByQuantity(text, end)) return null;
      if (m[1] !== undefined && m[2] !== undefined && m[3] !== undefined) {
        const year = Number(m[2]);
        const toYear = secondYear(year, m[3]);
        if (toYear === null) return null;
        return candidate(start, end, { type: 'year', year, toYear }, 'range', `time/year/${m[1].toLowerCase()}-range`, 2);
      }
      if (m[4] !== undefined) {
        const year = Number(m[4]);
        if (m[5] !== undefined) {
          const toYear = secondYear(year, m[5]);
          if (toYear === null) return null;
          return candidate(start, end, { type: 'year', year, toYear }, 'range', 'time/year/range', 2);
        }
        return candidate(start, end, { type: 'year', year }, 'date', 'time/year/cued', 2);
      }
      if (m[7] !== undefined && m[8] !== undefined) {
        const decade = Number(m[7]) * 100 + Number(m[8]) * 10;
        const part = m[6]?.toLowerCase() as PeriodPart | undefined;
        return candidate(start, end, { type: 'decade', decade, ...(part ? { part } : {}) }, 'date', 'time/year/decade', 2);
      }
      return null;
    });
  },
};
