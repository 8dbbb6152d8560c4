/**
 * Drops a month name that stands alone without a cue: "the March on Washington", "March is…".
 * A month with neither day nor year (chrono's ENMonthNameParser) stays only when a cue word comes
 * right before it — a preposition (in, since, until, by, during, from, to, of, before, after,
 * between, through), a modifier (early, mid, late, last, this, next) or a list joiner (and, or,
 * a dash) — or a possessive/determiner never does ("the March", "its May"). Chrono itself already
 * ignores lower-case "may" in most places; chronoNoiseFilter drops the rest.
 */
import type { RunContext } from '../../core/index.js';
import type { Candidate, Refiner } from '../types.js';

const CUE_BEFORE =
  /(?:^|[^\p{L}])(?:in|since|until|till|by|during|from|to|of|before|after|between|through|throughout|early|mid|late|last|this|next|and|or|around|in\s+late|in\s+early)\s{1,3}$|[-–]\s{0,2}$/iu;

function isBareMonth(c: Candidate): boolean {
  return c.spec.type === 'month' && c.spec.year === null && c.spec.part === undefined && c.spec.toMonth === undefined;
}

export const bareMonthFilter: Refiner = {
  name: 'bareMonth',
  refine(ctx: RunContext, text: string, candidates: Candidate[]): Candidate[] {
    const dropped: string[] = [];
    const kept = candidates.filter((c) => {
      if (!isBareMonth(c)) return true;
      const before = text.slice(Math.max(0, c.start - 16), c.start);
      if (CUE_BEFORE.test(before)) return true;
      dropped.push(text.slice(c.start, c.end));
      return false;
    });
    if (dropped.length) ctx.debug('time', () => ({ filter: 'bareMonth', dropped }));
    return kept;
  },
};
