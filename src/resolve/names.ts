/**
 * The geoparser's view of the gazetteer: a name in, its candidates out, with the aliases of
 * data/places/en/aliases.txt ("US" → "United States") and a per-gazetteer cache, so each distinct
 * name is looked up once per process however many documents mention it.
 *
 * A thin adapter over the `Gazetteer` contract of src/core/gazetteer.ts: it asks only `lookup`.
 */
import type { Gazetteer, GazetteerCandidate } from '../core/index.js';
import { bundledLexicon, keyOf, type Lexicon } from '../recognize/places/lexicon.js';

/** Candidates kept per name: enough for the ranker, bounded for hostile input. */
export const MAX_CANDIDATES = 40;
/** Distinct names cached per gazetteer before the cache is cleared. */
const MAX_CACHED = 200_000;

export interface NameCandidates {
  readonly name: string;
  /** Ranked as the gazetteer ranks them, aliases' candidates after the name's own. */
  readonly candidates: readonly GazetteerCandidate[];
  /** True when at least one candidate matched the name exactly (not a fuzzy variant). */
  readonly exact: boolean;
  /** The alias key the name was also looked up under, if any. */
  readonly alias: string | null;
}

const EMPTY: NameCandidates = { name: '', candidates: [], exact: false, alias: null };

const caches = new WeakMap<Gazetteer, Map<string, NameCandidates>>();

function isExact(c: GazetteerCandidate): boolean {
  return c.score >= 0.85 || c.reasons.some((r) => r === 'exact' || r === 'folded' || r === 'alternate-name' || r === 'alias');
}

/** Look a name up, with aliases, cached. Names are compared after collapsing white space. */
export function lookupName(gazetteer: Gazetteer, name: string, aliases: Lexicon = bundledLexicon('aliases')): NameCandidates {
  let cache = caches.get(gazetteer);
  if (!cache) caches.set(gazetteer, (cache = new Map()));
  const key = name.replace(/\s+/g, ' ').trim();
  if (!key) return EMPTY;
  const hit = cache.get(key);
  if (hit) return hit;
  if (cache.size >= MAX_CACHED) cache.clear();

  const alias = aliases.map.get(keyOf(key)) ?? null;
  let candidates: GazetteerCandidate[] = gazetteer.lookup(key, { limit: MAX_CANDIDATES });
  if (alias && keyOf(alias) !== keyOf(key)) {
    const seen = new Set(candidates.map((c) => c.entry.id));
    const more = gazetteer.lookup(alias, { limit: MAX_CANDIDATES }).filter((c) => !seen.has(c.entry.id));
    // The alias names the intended place ("US" → United States): its candidates come first.
    candidates = [...more.map((c) => ({ ...c, reasons: [...c.reasons, 'alias'] })), ...candidates].slice(0, MAX_CANDIDATES);
  }
  const result: NameCandidates = { name: key, candidates, exact: candidates.some(isExact), alias };
  cache.set(key, result);
  return result;
}
