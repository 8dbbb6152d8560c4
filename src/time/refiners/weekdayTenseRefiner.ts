/**
 * A bare weekday ("on Tuesday") is read as the most recent such day on or before the reference —
 * news reports look back — unless its clause speaks of the future ("elections will be held on
 * Sunday", "talks scheduled for Monday": data/time/future-cues.en.txt), then it is the first such
 * day on or after the reference. Weekdays with last/this/next keep their modifier.
 *
 * The clause is the text between the nearest sentence or clause break (. ! ? ; or a line break)
 * on each side, at most 100 characters each way.
 */
import type { RunContext } from '../../core/index.js';
import { loadData, phrasePattern } from '../data.js';
import type { Candidate, Refiner } from '../types.js';

const CUES = loadData('future-cues.en.txt').flatMap((e) => e.fields);
/** Whole words; a cue that starts with an apostrophe ("'ll") attaches to the word before it. */
const FUTURE = new RegExp(
  `(?:(?<![\\p{L}'’])(?:${CUES.filter((c) => !/^['’]/.test(c)).map(phrasePattern).join('|')})` +
    `|(?:${CUES.filter((c) => /^['’]/.test(c)).map(phrasePattern).join('|') || '(?!)'}))(?![\\p{L}])`,
  'iu',
);

const REACH = 100;
const BREAK = /[.!?;\n]/;

export function clauseAround(text: string, start: number, end: number): string {
  let a = start;
  while (a > 0 && start - a < REACH && !BREAK.test(text.charAt(a - 1))) a--;
  let b = end;
  while (b < text.length && b - end < REACH && !BREAK.test(text.charAt(b))) b++;
  return text.slice(a, b);
}

export const weekdayTenseRefiner: Refiner = {
  name: 'weekdayTense',
  refine(_ctx: RunContext, text: string, candidates: Candidate[]): Candidate[] {
    return candidates.map((c) => {
      if (c.spec.type !== 'weekday' || c.spec.modifier !== null) return c;
      if (!FUTURE.test(clauseAround(text, c.start, c.end))) return c;
      return { ...c, spec: { ...c.spec, tense: 'future' }, rules: [...c.rules, 'time/weekday/future-tense'] };
    });
  },
};
