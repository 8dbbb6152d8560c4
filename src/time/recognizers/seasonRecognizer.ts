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
import { LEFT, scan } from './scan.js';

const S = '(spring|summer|autumn|fall|winter)';
const RIGHT = '(?![\\p{L}\\p{N}])';

const RE = new RegExp(
  // 1 which, 2 season
  `${LEFT}(this|last|past|next|coming)\\s{1,3}${S}${RIGHT}` +
    // 3 season, 4 year, 5 second year ("2015/16")
    `|${LEFT}(?:the\\s{1,3})?${S}\\s{1,3}(?:of\\s{1,3})?(${YEAR_FRAGMENT})(?:[/–-](\\d{2}|${YEAR_FRAGMENT}))?${RIGHT}` +
    // 6 season
    `|(?<=\\b(?:in|during|by|since|until|through|throughout|over)\\s{1,3})the\\s{1,3}${S}${RIGHT}(?!\\s{1,3}of\\b)`,
  'giu',
);

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
    return scan(RE, text, budget, (m) => {
      const start = m.index;
      const end = m.index + m[0].length;
      if (m[1] !== undefined && m[2] !== undefined) {
        const w = m[1].toLowerCase();
        const which = w === 'last' || w === 'past' ? 'last' : w === 'this' ? 'this' : 'next';
        return candidate(start, end, relativeSpec(which, seasonOfWord(m[2])), 'relative', `time/season/${which}`, 2);
      }
      if (m[3] !== undefined && m[4] !== undefined) {
        const season = seasonOfWord(m[3]);
        let year = Number(m[4]);
        if (season === 'winter' && m[5] !== undefined) {
          // "winter 2015/16" is the winter that ends in 2016.
          const second = m[5].length === 2 ? Math.floor(year / 100) * 100 + Number(m[5]) : Number(m[5]);
          if (second !== year + 1) return null;
          year = second;
        }
        // "winter 2015" alone is the winter that ends in 2015 (December 2014 – February 2015).
        return candidate(start, end, { type: 'season', year, season }, 'date', 'time/season/stated', 2);
      }
      if (m[6] !== undefined) {
        return candidate(start, end, relativeSpec('bare', seasonOfWord(m[6])), 'relative', 'time/season/bare', 2);
      }
      return null;
    });
  },
};
