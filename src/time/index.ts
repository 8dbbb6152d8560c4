/**
 * Time stage: find every date and time expression in the clean text and resolve it against the
 * reference date of the RunContext.
 *
 * Contract: `resolveTimes(ctx, text)` → expressions sorted by span start, non-overlapping.
 */
import type { RunContext, TimeExpression, Warning, YearInference } from '../core/index.js';

export interface TimeResult {
  readonly times: TimeExpression[];
  /** Set when the reference had no date: the year the text itself points to, and why. */
  readonly yearInference: YearInference | null;
  readonly warnings: Warning[];
}

export function resolveTimes(_ctx: RunContext, _text: string): TimeResult {
  return { times: [], yearInference: null, warnings: [] };
}
