/**
 * Tidy spans: chrono includes a leading "on"/"in"/"at", a leading comma or parenthesis, and
 * sometimes trailing spaces or punctuation ("March 2 ", "on Friday,"). Dates, ranges and relative
 * expressions start at the date itself; vague phrases keep their idiomatic preposition ("at the
 * beginning of the year", "over the last few days"), which their recognizers chose on purpose,
 * and so do offsets ("in two weeks", where "in" says the direction).
 */
import type { RunContext } from '../../core/index.js';
import type { Candidate, Refiner } from '../types.js';

const LEADING = /^(?:[\s,;(（]+|(?:on|in|at)\s+)+/i;
const TRAILING = /[\s,;:)）]+$/;
/** A full stop that ends the sentence, not an abbreviation ("May 5.", "2015." but not "Sept."). */
const FULL_STOP = /(?:\d|[\p{L}]{5,}|May|June|July|year|week|month|days)\.$/u;

export const spanTrimRefiner: Refiner = {
  name: 'spanTrim',
  refine(_ctx: RunContext, text: string, candidates: Candidate[]): Candidate[] {
    for (const c of candidates) {
      let s = text.slice(c.start, c.end);
      // "in two weeks": the "in" makes an offset point forward, so it stays.
      if (c.kind !== 'vague' && c.spec.type !== 'offset') {
        const lead = LEADING.exec(s);
        if (lead && lead[0].length < s.length) {
          c.start += lead[0].length;
          s = s.slice(lead[0].length);
        }
      }
      const trail = TRAILING.exec(s);
      if (trail && trail[0].length < s.length) {
        c.end -= trail[0].length;
        s = s.slice(0, s.length - trail[0].length);
      }
      if (FULL_STOP.test(s)) c.end -= 1;
    }
    return candidates;
  },
};
