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

  // --- added by the gazetteer capability (issue 5); all read lazily from the index

  /** GeoNames geonameid when the place has one (also for Natural Earth countries/admin-1 joined to GeoNames). */
  readonly geonameId?: number | null;
  /** Name of the admin1 division (`Surt`), when known. */
  readonly admin1Name?: string | null;
  /** admin2 code as GeoNames spells it (`2208403`), and its name. */
  readonly admin2?: string | null;
  readonly admin2Name?: string | null;
  /** Other countries the feature touches or belongs to (GeoNames cc2; bordering countries of a sea). */
  readonly otherCountries?: readonly string[];
  /** IANA timezone of the place (`Africa/Tripoli`), when known. */
  readonly timezone?: string | null;
  /** Extent of an area [west, south, east, north] in degrees, when known. */
  readonly extent?: readonly [number, number, number, number] | null;
  /** Approximate radius of the extent in km (half its diagonal), when an extent is known. */
  readonly radiusKm?: number | null;
  /** Every name the index keeps for the place, primary first. */
  readonly alternateNames?: readonly string[];
  /** Where the record came from: `geonames`, `naturalearth`, `user:<provenance>` … */
  readonly source?: string;
  /** How lat/lon were obtained: `source`, `ne-label`, `bbox-centre`, `towns` (derived from its towns). */
  readonly coordinateSource?: string;
  /** Which layer answered: `user`, `imported`, `bundled`. */
  readonly layer?: string;
}

/** How a name matched, best first. */
export type MatchLevel = 'exact' | 'folded' | 'generic' | 'variant';

export interface GazetteerCandidate {
  readonly entry: GazetteerEntry;
  /** The name variant that matched the query. */
  readonly matched: string;
  readonly score: number;
  /** Why it matched, e.g. `exact`, `folded`, `transliteration`, `generic-word`. */
  readonly reasons: readonly string[];
  /** The match level (added by issue 5). */
  readonly level?: MatchLevel;
}

export interface LookupOptions {
  readonly country?: string;
  readonly limit?: number;
  /** Weakest match level to return (default `variant`: everything the index accepts). */
  readonly minLevel?: MatchLevel;
}

/** One span of a token stream that names a place (see `Gazetteer.matchTokens`). */
export interface TokenMatch {
  /** Index of the first token and one past the last. */
  readonly start: number;
  readonly end: number;
  /** The span's tokens joined with single spaces, as looked up. */
  readonly text: string;
  readonly candidates: readonly GazetteerCandidate[];
}

export interface TokenMatchOptions extends LookupOptions {
  /** Only start a span at a token whose first letter is upper case (default true). */
  readonly capitalizedOnly?: boolean;
  /** Longest span tried, in tokens (default 8). */
  readonly maxTokens?: number;
}

/** What `sitrep gazetteer info` prints, as data. */
export interface GazetteerInfo {
  readonly layers: readonly GazetteerLayerInfo[];
}

export interface GazetteerLayerInfo {
  readonly layer: string;
  readonly path: string;
  readonly builtAt: string | null;
  readonly sources: readonly { readonly name: string; readonly licence: string; readonly detail?: string }[];
  readonly attribution: readonly string[];
  readonly entries: number;
  readonly names: number;
  readonly keys: number;
  readonly byFeatureClass: Readonly<Record<string, number>>;
  readonly topCountries: readonly (readonly [string, number])[];
  readonly bytesOnDisk: number;
  readonly bytesInMemory: number;
  readonly compressed: boolean;
  readonly rulesHash: string;
}

export interface Gazetteer {
  /** Ranked candidates for a place name; `[]` when nothing matches. */
  lookup(name: string, options?: LookupOptions): GazetteerCandidate[];
  /**
   * Token-stream lookup for the recognizer: for each start position, the longest run of tokens
   * (up to `maxTokens`) that names a place, with its ranked candidates. Articles and generic words
   * (`Al`, `Wadi`, `Gulf of`, `mountains`) are understood at either edge of a span.
   */
  matchTokens?(tokens: readonly string[], options?: TokenMatchOptions): TokenMatch[];
  /** The entry with this id (`geonames:2210554`), or null. */
  get?(id: string): GazetteerEntry | null;
  info?(): GazetteerInfo;
}
