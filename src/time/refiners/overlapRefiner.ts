/**
 * One expression per stretch of text. Candidates are taken by priority (our specific recognizers
 * 2-3 over chrono 1), then length, then position; a candidate that overlaps one already taken is
 * dropped. "May 30-June 2" (range, 3) beats chrono's "30-June" (1); "over the last few days" (2)
 * beats chrono's "last few days" (1); "the past week" beats "past week".
 *
 * Linear in the text: occupancy is a byte per character, and spans are short.
 */
import type { RunContext } from '../../core/index.js';
import type { Candidate, Refiner } from '../types.js';

export const overlapRefiner: Refiner = {
  name: 'overlap',
  refine(ctx: RunContext, text: string, candidates: Candidate[]): Candidate[] {
    const order = candidates
      .filter((c) => c.end > c.start)
      .sort((a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start);
    const taken = new Uint8Array(text.length);
    const kept: Candidate[] = [];
    const dropped: string[] = [];
    outer: for (const c of order) {
      for (let i = c.start; i < c.end; i++) {
        if (taken[i]) {
          dropped.push(text.slice(c.start, c.end));
          continue outer;
        }
      }
      taken.fill(1, c.start, c.end);
      kept.push(c);
    }
    if (dropped.length) ctx.debug('time', () => ({ refiner: 'overlap', dropped }));
    return kept.sort((a, b) => a.start - b.start);
  },
};
