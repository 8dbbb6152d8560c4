/**
 * LayeredGazetteer: the Gazetteer the pipeline sees. Layers are consulted in precedence order —
 * user additions, then an imported index, then the bundled index — and merged:
 *
 *  1. the same id in two layers: the higher layer's entry wins, the lower one is hidden;
 *  2. a user layer's removals (`!id`, `!name`) hide entries / names of the layers below it;
 *  3. candidates from all layers are ranked together by score; user additions get USER_BONUS.
 *
 * A small cache of recent lookups (per-name work cached across documents, as the style guide asks)
 * makes repeated names free; `lookupUncached` bypasses it for measurement.
 */
import type {
  Gazetteer,
  GazetteerCandidate,
  GazetteerEntry,
  GazetteerInfo,
  GazetteerLayerInfo,
  LookupOptions,
  MatchLevel,
  TokenMatch,
  TokenMatchOptions,
} from '../../core/gazetteer.js';
import { IndexLayer, LayerCandidate, LEVEL_RANK, layerBytes, stripPossessive, type Query, type TokenStream } from './layer.js';
import { foldWith } from './normalize.js';

/** Score bonus of a user addition over an equally good match in a lower layer. */
export const USER_BONUS = 0.25;
/** Score bonus of an imported index over the bundled one (the user brought it for a reason). */
export const IMPORTED_BONUS = 0.1;
export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 1000;
const CACHE_SIZE = 4096;
/** Longest query looked up (longer strings are not place names; the CLI says so at 200). */
export const MAX_QUERY_CHARS = 256;

export class LayeredGazetteer implements Gazetteer {
  /** option signature → name → result */
  private readonly cache = new Map<string, Map<string, GazetteerCandidate[]>>();
  private cached = 0;

  constructor(readonly layers: readonly IndexLayer[]) {}

  lookup(name: string, options: LookupOptions = {}): GazetteerCandidate[] {
    const sig = options.country === undefined && options.limit === undefined && options.minLevel === undefined ? '' : `${options.country ?? ''}|${options.limit ?? ''}|${options.minLevel ?? ''}`;
    let m = this.cache.get(sig);
    if (!m) {
      m = new Map();
      this.cache.set(sig, m);
    }
    const hit = m.get(name);
    if (hit) return hit.slice();
    const result = this.lookupUncached(name, options);
    if (this.cached >= CACHE_SIZE) {
      this.cache.clear(); // simple and bounded: start over
      this.cached = 0;
      m = new Map();
      this.cache.set(sig, m);
    }
    m.set(name, result);
    this.cached++;
    return result.slice();
  }

  /** Lookup without the cache (benchmarks, tests). */
  lookupUncached(name: string, options: LookupOptions = {}): GazetteerCandidate[] {
    if (name.length > MAX_QUERY_CHARS) return []; // no place name is this long: bounded work
    const limit = clampLimit(options.limit);
    const country = options.country ? options.country.toUpperCase() : null;
    const minLevel = options.minLevel ? LEVEL_RANK[options.minLevel] : 3;
    if (this.layers.length === 1) {
      const L = this.layers[0]!;
      const c = L.candidates(L.analyze(name), country, minLevel, limit);
      const bonus = layerBonus(L);
      if (bonus) for (const x of c) x.score += bonus;
      return topK(c, limit);
    }
    const queries = new Map<string, Query>();
    return this.merged((L) => {
      let q = queries.get(L.rules.hash);
      if (!q) {
        q = L.analyze(name);
        queries.set(L.rules.hash, q);
      }
      // ask each layer for more than `limit`: ids shadowed by a higher layer are dropped below
      return L.candidates(q, country, minLevel, limit * 2 + 8);
    }, limit);
  }

  private merged(get: (L: IndexLayer) => LayerCandidate[], limit: number): GazetteerCandidate[] {
    const all: LayerCandidate[] = [];
    const seen = new Set<string>();
    const hiddenIds = new Set<string>();
    const hiddenNames = new Set<string>();
    for (const L of this.layers) {
      const cands = get(L);
      for (const c of cands) {
        const id = c.id;
        if (seen.has(id) || hiddenIds.has(id)) continue;
        if (hiddenNames.size > 0 && hiddenNames.has(foldWith(L.rules, c.matched))) continue;
        c.score += layerBonus(L);
        all.push(c);
      }
      // Hide this layer's ids from the layers below, found or not.
      for (const c of cands) seen.add(c.id);
      for (const id of L.removedIds) hiddenIds.add(id);
      for (const n of L.removedNames) hiddenNames.add(n);
    }
    // Ids defined in a higher layer but not matched by this query still shadow lower layers.
    if (this.layers.length > 1) {
      for (let i = all.length - 1; i >= 0; i--) {
        const c = all[i]!;
        const li = this.layers.indexOf(c.layer);
        for (let u = 0; u < li; u++) {
          if (this.layers[u]!.find(c.id) >= 0) {
            all.splice(i, 1);
            break;
          }
        }
      }
    }
    return topK(all, limit);
  }

  matchTokens(tokens: readonly string[], options: TokenMatchOptions = {}): TokenMatch[] {
    const maxTokens = Math.max(1, Math.min(16, options.maxTokens ?? 8));
    const capitalizedOnly = options.capitalizedOnly ?? true;
    const streams = new Map<string, TokenStream>();
    const streamOf = (L: IndexLayer): TokenStream => {
      let s = streams.get(L.rules.hash);
      if (!s) {
        s = L.prepareStream(tokens);
        streams.set(L.rules.hash, s);
      }
      return s;
    };
    const out: TokenMatch[] = [];
    for (let t = 0; t < tokens.length; t++) {
      const tok = tokens[t]!;
      if (capitalizedOnly && !startsUpper(tok)) continue;
      const ends = new Set<number>();
      for (const L of this.layers) for (const e of L.walk(streamOf(L), t, maxTokens)) ends.add(e);
      if (ends.size === 0) continue;
      const sorted = [...ends].sort((a, b) => b - a);
      for (const end of sorted) {
        const text = tokens.slice(t, end).map(stripPossessive).join(' ');
        const candidates = this.lookup(text, options);
        if (candidates.length > 0) {
          out.push({ start: t, end, text, candidates });
          break;
        }
      }
    }
    return out;
  }

  get(id: string): GazetteerEntry | null {
    for (const L of this.layers) {
      if (L.removedIds.has(id)) return null;
      const e = L.find(id);
      if (e >= 0) return L.entry(e);
    }
    return null;
  }

  info(): GazetteerInfo {
    return { layers: this.layers.map(layerInfo) };
  }
}

function layerBonus(L: IndexLayer): number {
  return L.kind === 'user' ? USER_BONUS : L.kind === 'imported' ? IMPORTED_BONUS : 0;
}

function startsUpper(tok: string): boolean {
  const c = tok.charAt(0);
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

function clampLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_LIMIT;
  if (!Number.isFinite(limit) || limit < 1) return 1;
  return Math.min(MAX_LIMIT, Math.floor(limit));
}

function topK(c: LayerCandidate[], limit: number): GazetteerCandidate[] {
  c.sort((a, b) => b.score - a.score || a.levelCode - b.levelCode || b.entry.population - a.entry.population);
  if (c.length > limit) c.length = limit;
  return c;
}

export function layerInfo(L: IndexLayer): GazetteerLayerInfo {
  const byClass: Record<string, number> = {};
  const byCountry = new Map<number, number>();
  const classOfCode = L.codes.map((c) => c.split('.')[0] || '?');
  const perCode = new Uint32Array(L.codes.length);
  const perCountry = new Uint32Array(L.countries.length);
  for (let e = 0; e < L.entryCount; e++) {
    perCode[L.eCode[e]!]!++;
    perCountry[L.eCountry[e]!]!++;
  }
  for (let c = 0; c < perCode.length; c++) if (perCode[c]) byClass[classOfCode[c]!] = (byClass[classOfCode[c]!] ?? 0) + perCode[c]!;
  for (let c = 0; c < perCountry.length; c++) if (perCountry[c]) byCountry.set(c, perCountry[c]!);
  const top = [...byCountry]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 10)
    .map(([c, n]) => [L.countries[c] || '(none)', n] as const);
  const bytes = layerBytes(L);
  return {
    layer: L.kind,
    path: L.path,
    builtAt: L.meta.builtAt ?? null,
    sources: L.meta.sources ?? [],
    attribution: L.meta.attribution ?? [],
    entries: L.entryCount,
    names: L.nameCount(),
    keys: L.meta.counts.keys,
    byFeatureClass: byClass,
    topCountries: top,
    bytesOnDisk: bytes.disk,
    bytesInMemory: bytes.memory,
    compressed: L.decoded.compressed,
    rulesHash: L.rules.hash,
  };
}

export type { MatchLevel };
