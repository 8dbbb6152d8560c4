/**
 * The report's country, as its other names state it: "Derna" in a report that also says
 * "Libyan" is Darnah, Libya, not Derna, Romania, though Derna is the Romanian village's own name
 * and only another name of the Libyan city. The ranker weighs the document's focus among many
 * features; here the focus is a rule, with a guard: a namesake in the report's country replaces
 * the choice only when no other name of the report points elsewhere and the namesake is not far
 * smaller (a report on Texas naming "Paris" still means Paris, France unless it says otherwise).
 */
import type { GazetteerEntry } from '../core/index.js';

/**
 * A namesake in the report's country may be this much smaller than the place chosen elsewhere and
 * still replace it (Tripoli, Lebanon, ~230k, for Tripoli, Libya, ~1.1M, in a report on Lebanon).
 */
export const MAX_POPULATION_RATIO = 10;

/** The other names' chosen countries: how many distinct names put the report in each. */
export function countryVotes(others: readonly { text: string; country: string | null }[], own: string): Map<string, number> {
  const seen = new Set<string>();
  const votes = new Map<string, number>();
  for (const o of others) {
    const key = o.text.toLowerCase();
    if (!o.country || key === own.toLowerCase() || seen.has(`${key}|${o.country}`)) continue;
    seen.add(`${key}|${o.country}`);
    votes.set(o.country, (votes.get(o.country) ?? 0) + 1);
  }
  return votes;
}

/** The single country the other names point to, or null when none or more than one. */
export function soleCountry(votes: ReadonlyMap<string, number>): string | null {
  return votes.size === 1 ? [...votes.keys()][0]! : null;
}

/**
 * Index of the candidate to keep: the choice when it is in `country`; else the most probable
 * candidate in `country` that matched the name itself (not a fuzzy spelling) and is at most
 * MAX_POPULATION_RATIO times smaller; else the choice.
 */
export function preferInCountry(cands: readonly Pick<GazetteerEntry, 'country' | 'population'>[], fuzzy: readonly boolean[], probs: readonly number[], chosen: number, country: string): number {
  if (chosen < 0 || cands[chosen]!.country === country) return chosen;
  const pop = cands[chosen]!.population;
  let best = -1;
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i]!;
    if (c.country !== country || fuzzy[i] || c.population * MAX_POPULATION_RATIO < pop) continue;
    if (best < 0 || (probs[i] ?? 0) > (probs[best] ?? 0)) best = i;
  }
  return best >= 0 ? best : chosen;
}
