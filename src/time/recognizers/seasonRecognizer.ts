/**
 * Seasons (meteorological, northern hemisphere; see periods.ts):
 *
 *   "summer 2015", "the summer of 2015", "winter 2015/16"   stated           time/season/stated
 *   "this spring", "last summer", "next winter"             relative         time/season/this|last|next
 *   "in the spring", "during the summer"                    closest to the reference (or of the
 *                                                           inferred year)   time/season/bare
 *
 * Never a bare season word: "the Arab Spring", "prices fall", "the fall of Mosul" are not dates,
 * so a season needs this/last/next, a year, or "in/during/… the" before it (and "of" after it
 * only when a year follows).
 */
import type { RunContext } from '../../core/index.js';
import { closestSeason, lastSeason, nextSeason, seasonPeriod, thisSeason } from '../periods.js';
import { candidate, type Candidate, type Recognizer, type Season, type Spec } from '../types.js';
import { YEAR_FRAGMENT } from '../words.js';
import { anchorYear } from './calendarPeriodRecognizer.js';
import { after, before, scan, wordStart, wordStartsAt } from './scan.js';

const SEASON = /(spring|summer|autumn|fall|winter)(?![A-Za-z0-9_])/gi;
const MODIFIER = /(?:^|[^\p{L}])(this|last|past|next|coming)\s{1,3}$/iu;
const STATED = new RegExp(`^\\s{1,3}(?:of\\s{1,3})?(${YEAR_FRAGMENT})(?:[/–-](\\d{2}|${YEAR_FRAGMENT}))?(?![\\p{L}\\p{N}])`, 'iu');
const THE = /(?:^|[^\p{L}])(the)\s{1,3}$/iu;
const BARE_PREFIX = /(?:^|[^\p{L}])(?:in|during|by|since|until|through|throughout|over)\s{1,3}(the)\s{1,3}$/iu;
const OF_AFTER = /^\s{1,3}of\b/i;

function seasonOfWord(word: string): Season {
  const w = word.toLowerCase();
  return w === 'fall' ? 'autumn' : (w as Season);
}

function relativeSpec(which: 'this' | 'last' | 'next' | 'bare', season: Season): Spec {
  return {
    type: 'relative',
    needs: which === 'this' || which === 'bare' ? 'year' : 'reference',
    describe:
      which === 'bare'
        ? `the ${season} closest to the reference (or of the inferred year)`
        : `${which} ${season}: the ${which === 'this' ? 'closest' : which === 'last' ? 'most recent finished' : 'next'} ${season}`,
    compute: (a) => {
      if (a.reference !== null) {
        if (which === 'last') return lastSeason(a.reference, season);
        if (which === 'next') return nextSeason(a.reference, season);
        return which === 'this' ? thisSeason(a.reference, season) : closestSeason(a.reference, season);
      }
      const y = anchorYear(a);
      return (which === 'this' || which === 'bare') && y !== null ? seasonPeriod(y, season) : null;
    },
  };
}

export const seasonRecognizer: Recognizer = {
  name: 'season',
  recognize(_ctx: RunContext, text: string, budget: number): Candidate[] {
    return scan(SEASON, text, budget, (m) => {
      if (!wordStartsAt(text, m.index)) return null;
      const word = m[1] ?? '';
      const season = seasonOfWord(word);
      const at = m.index;
      const end = at + m[0].length;
      const the = before(text, at, THE, 8);
      const theStart = the ? wordStart(the) : at;

      // summer 2015, the summer of 2015, winter 2015/16
      const stated = after(text, end, STATED, 24);
      if (stated?.[1]) {
        let year = Number(stated[1]);
        if (season === 'winter' && stated[2] !== undefined) {
          // "winter 2015/16" is the winter that ends in 2016.
          const second = stated[2].length === 2 ? Math.floor(year / 100) * 100 + Number(stated[2]) : Number(stated[2]);
          if (second !== year + 1) return null;
          year = second;
        }
        // "winter 2015" alone is the winter that ends in 2015 (December 2014 – February 2015).
        SEASON.lastIndex = stated.index + stated[0].length;
        return candidate(theStart, SEASON.lastIndex, { type: 'season', year, season }, 'date', 'time/season/stated', 2);
      }

      // this spring, last summer, next winter
      const mod = before(text, at, MODIFIER, 12);
      if (mod?.[1]) {
        const w = mod[1].toLowerCase();
        const which = w === 'last' || w === 'past' ? 'last' : w === 'this' ? 'this' : 'next';
        const start = wordStart(mod);
        return candidate(start, end, relativeSpec(which, season), 'relative', `time/season/${which}`, 2);
      }

      // in the spring, during the summer (not "in the fall of Mosul")
      const bare = before(text, at, BARE_PREFIX, 24);
      if (bare && !after(text, end, OF_AFTER, 8)) {
        return candidate(theStart, end, relativeSpec('bare', season), 'relative', 'time/season/bare', 2);
      }
      return null;
    });
  },
};
