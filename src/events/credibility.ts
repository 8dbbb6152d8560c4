/**
 * Information credibility on the Admiralty scale, from the report's own wording. One report can only
 * lower its claims or leave them unjudged; corroboration by another, independent source named in the
 * same report raises them a little.
 *
 *   6  cannot be judged: a single source says it plainly (the starting point of every claim)
 *   5  improbable: hedged and also denied in the report
 *   4  doubtful: the report hedges it ("reportedly", "allegedly", "unconfirmed", "claimed") or
 *      another party denies it
 *   3  possibly true: a second, independent source in the report says the same
 *   2  probably true: the side it harms confirms it, or two more sources do
 *   1  confirmed: never from one report (needs corroboration across reports)
 */
import type { Credibility, Modality } from '../core/index.js';

export interface CredibilityInput {
  readonly modalities: readonly Modality[];
  /** Hedging words found ("reportedly"); "reported" modality implies at least one. */
  readonly hedged: boolean;
  /** Someone in the report denies it. */
  readonly denied: boolean;
  /** Independent sources in the report that say the same (beyond the first). */
  readonly corroborations: number;
}

export function credibilityOf(x: CredibilityInput): Credibility {
  const hedged = x.hedged || x.modalities.includes('reported');
  if (hedged && x.denied) return 5;
  if (hedged || x.denied) return 4;
  if (x.corroborations >= 2) return 2;
  if (x.corroborations === 1) return 3;
  return 6;
}
