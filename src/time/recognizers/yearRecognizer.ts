/**
 * Years on their own, which chrono does not read: "in 2015", "since 2011", "2014-2015",
 * "between 2012 and 2014", "the 1990s", "the early 2000s".
 *
 * Strict by default: a four-digit number is a year only after a cue word (in, since, during,
 * until, by, before, after, from, of, around, circa, year) and never when a quantity noun follows
 * ("in 2000 fighters", "by 1990 tonnes": data/time/quantity-nouns.en.txt) or when it is part of a
 * larger number ("2,000", "$3,000", "2015.5", "555-2015"). Decades need "the" ("the 1990s").
 *
 * Scans digits first and checks the context with short anchored regexes (scan.ts).
 */
import type { RunContext } from '../../core/index.js';
import { loadWordSet } from '../data.js';
import { candidate, type Candidate, type PeriodPart, type Recognizer } from '../types.js';
import { after, before, freeOnLeft, scan, wordStart } from './scan.js';

const QUANTITY_NOUNS = loadWordSet('quantity-nouns.en.txt');

const YEAR = /(?:19|20)\d{2}/g;
const CUE = /(?:^|[^\p{L}])(?:in|since|during|throughout|through|until|till|by|before|after|from|of|around|circa|year)\s{1,3}$/iu;
const RANGE_PREFIX = /(?:^|[^\p{L}])(between|from)\s{1,3}$/iu;
const RANGE_REST = /^\s{1,3}(?:and|to|until|through|till)\s{1,3}((?:19|20)\d{2})(?![\p{L}\p{N}]|[.,:/]\p{N}|[-–]\p{N})/iu;
const DECADE_PREFIX = /(?:^|[^\p{L}])the\s{1,3}(?:(early|mid|late)\s{0,3}-?\s{0,3})?$/iu;
const DECADE_SUFFIX = /^['’]?s(?![\p{L}\p{N}])/u;
const SHORT_RANGE = /^\s{0,2}[-–/]\s{0,2}(\d{2}|(?:19|20)\d{2})(?![\p{L}\p{N}]|[.,:/]\p{N}|[-–]\p{N})/u;
/** What may follow a year: not more number ("2015.5", "2015,000", "2015-123"), not a letter or digit. */
const NUMBER_END = /^(?![\p{L}\p{N}]|[.,:/]\p{N}|[-–]\p{N})/u;
const NEXT_WORD = /^\s{1,3}([\p{L}]+)/u;

/** True when the word after `end` makes the number a quantity. */
export function followedByQuantity(text: string, end: number): boolean {
  const m = after(text, end, NEXT_WORD, 40);
  return !!m && QUANTITY_NOUNS.has((m[1] ?? '').toLowerCase());
}

function secondYear(first: number, raw: string): number | null {
  const y = raw.length === 2 ? Math.floor(first / 100) * 100 + Number(raw) : Number(raw);
  return y > first && y - first <= 50 ? y : null;
}

export const yearRecognizer: Recognizer = {
  name: 'year',
  recognize(_ctx: RunContext, text: string, budget: number): Candidate[] {
    return scan(YEAR, text, budget, (m) => {
      const at = m.index;
      let end = at + 4;
      if (!freeOnLeft(text, at)) return null;
      const year = Number(m[0]);

      // the 1990s, the early 2000s (decades end in 0)
      const decade = m[0].endsWith('0') ? after(text, end, DECADE_SUFFIX, 3) : null;
      if (decade) {
        const the = before(text, at, DECADE_PREFIX, 24);
        if (!the) return null;
        const part = the[1]?.toLowerCase() as PeriodPart | undefined;
        const start = part ? the.index + the[0].toLowerCase().indexOf(part) : at;
        end += decade[0].length;
        YEAR.lastIndex = end;
        return candidate(start, end, { type: 'decade', decade: year, ...(part ? { part } : {}) }, 'date', 'time/year/decade', 2);
      }

      // from 2014 to 2016, between 2012 and 2014
      const prefix = before(text, at, RANGE_PREFIX, 16);
      const rest = prefix ? after(text, end, RANGE_REST, 24) : null;
      if (prefix?.[1] && rest?.[1]) {
        const toYear = secondYear(year, rest[1]);
        const rangeEnd = rest.index + rest[0].length;
        if (toYear !== null && !followedByQuantity(text, rangeEnd)) {
          YEAR.lastIndex = rangeEnd;
          const start = wordStart(prefix);
          return candidate(start, rangeEnd, { type: 'year', year, toYear }, 'range', `time/year/${prefix[1].toLowerCase()}-range`, 2);
        }
      }

      // in 2015, since 2011, in 2014-15
      if (!before(text, at, CUE, 16)) return null;
      const short = after(text, end, SHORT_RANGE, 12);
      if (short?.[1]) {
        const toYear = secondYear(year, short[1]);
        if (toYear === null) return null;
        end += short[0].length;
        if (followedByQuantity(text, end)) return null;
        YEAR.lastIndex = end;
        return candidate(at, end, { type: 'year', year, toYear }, 'range', 'time/year/range', 2);
      }
      if (!after(text, end, NUMBER_END, 2) || followedByQuantity(text, end)) return null;
      return candidate(at, end, { type: 'year', year }, 'date', 'time/year/cued', 2);
    });
  },
};
