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

/**
 * When the report's actors put it in a country (actorCountries.ts), a choice elsewhere smaller than
 * this weighs nothing against them: "pro-Houthi forces shelled Hays" is Hays, Yemen, not a hamlet
 * of 1,851 in the US, whatever their sizes.
 */
export const SMALL_TOWN = 10_000;

/** Each country the names' choices are in, with the distinct names (lower-cased) that put it there. */
export function namesByCountry(names: readonly { text: string; country: string | null }[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const o of names) {
    if (!o.country) continue;
    const set = out.get(o.country) ?? new Set<string>();
    set.add(o.text.toLowerCase());
    out.set(o.country, set);
  }
  return out;
}

/**
 * The single country the names other than `own` point to, or null when none or more than one.
 * Linear in the number of countries, so a list of 5,000 names stays linear overall.
 */
export function soleCountryWithout(byCountry: ReadonlyMap<string, ReadonlySet<string>>, own: string): string | null {
  const key = own.toLowerCase();
  let found: string | null = null;
  for (const [country, names] of byCountry) {
    if (names.size - (names.has(key) ? 1 : 0) === 0) continue;
    if (found !== null) return null;
    found = country;
  }
  return found;
}

/**
 * Index of the candidate to keep: the choice when it is in `country`; else the most probable
 * candidate in `country` that matched the name itself (not a fuzzy spelling) and is at most
 * MAX_POPULATION_RATIO times smaller; else the choice.
 */
export function preferInCountry(cands: readonly Pick<GazetteerEntry, 'country' | 'population'>[], fuzzy: readonly boolean[], probs: readonly number[], chosen: number, country: string, smallBelow = 0): number {
  if (chosen < 0 || cands[chosen]!.country === country) return chosen;
  // A choice smaller than `smallBelow` is no evidence against the country: any namesake may replace it.
  const pop = cands[chosen]!.population < smallBelow ? 0 : cands[chosen]!.population;
  let best = -1;
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i]!;
    if (c.country !== country || fuzzy[i] || c.population * MAX_POPULATION_RATIO < pop) continue;
    if (best < 0 || (probs[i] ?? 0) > (probs[best] ?? 0)) best = i;
  }
  return best >= 0 ? best : chosen;
}
