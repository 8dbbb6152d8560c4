/**
 * The geoparser's view of the gazetteer: a name in, its candidates out, with the aliases of
 * data/places/en/aliases.txt ("US" → "United States") and a per-gazetteer cache, so each distinct
 * name is looked up once per process however many documents mention it.
 *
 * A thin adapter over the `Gazetteer` contract of src/core/gazetteer.ts: it asks only `lookup`.
 */
import type { Gazetteer, GazetteerCandidate, GazetteerEntry } from '../core/index.js';
import { bundledLexicon, keyOf, type Lexicon } from '../recognize/places/lexicon.js';

/** Candidates kept per name: enough for the ranker, bounded for hostile input. */
export const MAX_CANDIDATES = 40;
/** Distinct names cached per gazetteer (NameCache: two generations of half as many). */
const MAX_CACHED = 200_000;

export interface NameCandidates {
  readonly name: string;
  /** Ranked as the gazetteer ranks them, aliases' candidates after the name's own. */
  readonly candidates: readonly GazetteerCandidate[];
  /** True when at least one candidate matched the name exactly (not a fuzzy variant). */
  readonly exact: boolean;
  /** True when the best match is through a generic word ("Mediterranean" → Mediterranean Sea). */
  readonly generic: boolean;
  /** The alias key the name was also looked up under, if any. */
  readonly alias: string | null;
}

const EMPTY: NameCandidates = { name: '', candidates: [], exact: false, generic: false, alias: null };

/**
 * A bounded cache that keeps the names in use: two generations of at most MAX_CACHED / 2 names
 * each. A hit in the older one moves the name to the newer; when the newer fills up, the older is
 * dropped and the newer becomes the older. So a long run over many documents keeps the frequent
 * names ("US", "Russia") warm instead of losing all of them at once when the cache is full, at
 * the cost of one Map lookup per hit (an approximate LRU).
 */
class NameCache {
  private young = new Map<string, NameCandidates>();
  private old = new Map<string, NameCandidates>();
  constructor(private readonly half: number) {}
  get(key: string): NameCandidates | undefined {
    const y = this.young.get(key);
    if (y) return y;
    const o = this.old.get(key);
    if (o) this.set(key, o);
    return o;
  }
  set(key: string, v: NameCandidates): void {
    if (this.young.size >= this.half) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, v);
  }
  get size(): number {
    return this.young.size + this.old.size;
  }
}

const caches = new WeakMap<Gazetteer, NameCache>();
const strictCaches = new WeakMap<Gazetteer, NameCache>();

/** How a candidate's name matched: the gazetteer's level when it gives one, else its reasons. */
export function matchLevel(c: GazetteerCandidate): 'exact' | 'folded' | 'generic' | 'variant' {
  if (c.level) return c.level;
  if (c.reasons.includes('exact') || c.reasons.includes('alias')) return 'exact';
  if (c.reasons.includes('alternate-name') || c.reasons.includes('folded')) return 'folded';
  if (c.reasons.includes('generic-word')) return 'generic';
  return 'variant';
}

function isExact(c: GazetteerCandidate): boolean {
  const l = matchLevel(c);
  return l === 'exact' || l === 'folded';
}

/**
 * A plain copy of a candidate with the entry fields the geoparser reads. A gazetteer may decode
 * its entries lazily on every property read; the resolver reads them many times per document.
 */
function snapshot(c: GazetteerCandidate): GazetteerCandidate {
  const e = c.entry;
  const entry: GazetteerEntry = {
    id: e.id,
    name: e.name,
    lat: e.lat,
    lon: e.lon,
    featureClass: e.featureClass,
    featureCode: e.featureCode,
    country: e.country,
    admin1: e.admin1,
    admin1Name: e.admin1Name ?? null,
    population: e.population,
    radiusKm: e.radiusKm ?? null,
  };
  return { entry, matched: c.matched, score: c.score, reasons: c.reasons, ...(c.level ? { level: c.level } : {}) };
}

/**
 * Look a name up, with aliases, cached. Names are compared after collapsing white space.
 * `fuzzy` (for resolving a recognized mention) also asks for spelling variants ("Misurata",
 * "Harouge" → "Haruj"); without it (for recognition features over every capitalized span) only
 * exact, folded and generic-word matches, which the gazetteer answers much faster.
 */
export function lookupName(gazetteer: Gazetteer, name: string, aliases: Lexicon = bundledLexicon('aliases'), fuzzy = true): NameCandidates {
  const store = fuzzy ? caches : strictCaches;
  let cache = store.get(gazetteer);
  if (!cache) store.set(gazetteer, (cache = new NameCache(MAX_CACHED / 2)));
  const key = name.replace(/\s+/g, ' ').trim();
  if (!key) return EMPTY;
  const hit = cache.get(key);
  if (hit) return hit;

  const alias = aliases.map.get(keyOf(key)) ?? null;
  // Recognition needs only a summary (classes, population, match level): fewer candidates.
  const opts = fuzzy ? { limit: MAX_CANDIDATES } : { limit: 12, minLevel: 'generic' as const };
  let candidates: GazetteerCandidate[] = gazetteer.lookup(key, opts);
  if (alias && keyOf(alias) !== keyOf(key)) {
    // The alias names the intended place exactly: its candidates replace the same entries found
    // by a weaker match of the name itself ("Mediterranean" → generic match of Mediterranean Sea).
    const more = gazetteer.lookup(alias, opts);
    const aliased = new Set(more.map((c) => c.entry.id));
    candidates = candidates.filter((c) => !aliased.has(c.entry.id));
    // Built field by field: a gazetteer may decode `entry` lazily (a getter a spread would lose).
    const marked = more.map((c): GazetteerCandidate => ({ entry: c.entry, matched: c.matched, score: c.score, reasons: [...c.reasons, 'alias'], ...(c.level ? { level: c.level } : {}) }));
    candidates = [...marked, ...candidates].slice(0, MAX_CANDIDATES);
  }
  candidates = candidates.map(snapshot);
  const result: NameCandidates = { name: key, candidates, exact: candidates.some(isExact), generic: candidates.some((c) => matchLevel(c) === 'generic'), alias };
  cache.set(key, result);
  return result;
}
