/**
 * The gazetteer contract every stage sees through the RunContext. Implementations live in
 * src/resolve/gazetteer/; the core only knows this interface.
 */

export interface GazetteerEntry {
  /** Stable id with its source as prefix: `geonames:2210554`, `ne:…`, `user:…`. */
  readonly id: string;
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
  /** GeoNames feature class (A, P, H, T, L, …) and code (PPLA, WAD, MTS, GULF, …). */
  readonly featureClass: string;
  readonly featureCode: string;
  /** ISO 3166-1 alpha-2, or '' for features in no country (seas). */
  readonly country: string;
  readonly admin1: string | null;
  readonly population: number;
}

export interface GazetteerCandidate {
  readonly entry: GazetteerEntry;
  /** The name variant that matched the query. */
  readonly matched: string;
  readonly score: number;
  /** Why it matched, e.g. `exact`, `folded`, `transliteration`, `generic-word`. */
  readonly reasons: readonly string[];
}

export interface LookupOptions {
  readonly country?: string;
  readonly limit?: number;
}

export interface Gazetteer {
  /** Ranked candidates for a place name; `[]` when nothing matches. */
  lookup(name: string, options?: LookupOptions): GazetteerCandidate[];
}
