/**
 * Drops chrono readings that are names or habits, not dates:
 *
 *   "the last days of Gaddafi", "the last year of his term", "the next week he…"
 *       a relative word after "the" names a period of the story (recentPeriodRecognizer has
 *       already claimed the rolling readings it accepts: "the past week", "the last few days")
 *   "the Sunday Times", "Sunday Telegraph", "a Friday prayer", "every Friday"
 *       a bare weekday after a determiner or "every"/"each", or before a capitalised word that is
 *       not a month, is part of a name or a habit
 */
import type { RunContext } from '../../core/index.js';
import type { Candidate, Refiner } from '../types.js';
import { monthNumber } from '../words.js';

const RELATIVE_START = /^(?:last|past|next|this|previous|coming)\s/i;
const THE_BEFORE = /(?:^|[^\p{L}])the\s{1,3}$/iu;
const DETERMINER_BEFORE = /(?:^|[^\p{L}])(?:the|a|an|every|each|one)\s{1,3}$/iu;
const CAPITALISED_AFTER = /^\s{1,3}(\p{Lu}[\p{L}]*)/u;

function fromChrono(c: Candidate): boolean {
  return c.rules[0] === 'time/chrono';
}

export const namedPeriodFilter: Refiner = {
  name: 'namedPeriod',
  refine(ctx: RunContext, text: string, candidates: Candidate[]): Candidate[] {
    const dropped: string[] = [];
    const kept = candidates.filter((c) => {
      if (!fromChrono(c)) return true;
      const s = text.slice(c.start, c.end);
      const before = text.slice(Math.max(0, c.start - 12), c.start);
      let drop = false;
      if ((c.spec.type === 'offset' || c.spec.type === 'weekday') && RELATIVE_START.test(s) && THE_BEFORE.test(before)) drop = true;
      if (c.spec.type === 'weekday' && c.spec.modifier === null) {
        if (DETERMINER_BEFORE.test(before)) drop = true;
        const next = CAPITALISED_AFTER.exec(text.slice(c.end, c.end + 24))?.[1];
        if (next !== undefined && monthNumber(next) === null) drop = true;
      }
      if (drop) dropped.push(s);
      return !drop;
    });
    if (dropped.length) ctx.debug('time', () => ({ filter: 'namedPeriod', dropped }));
    return kept;
  },
};
