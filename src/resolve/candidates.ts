/**
 * Candidates of a mention: the gazetteer's entries for its name (with aliases), or for an
 * adjective the entry of the country or region it names ("Libyan" → Libya).
 */
import type { Gazetteer, GazetteerCandidate } from '../core/index.js';
import { bundledLexicon } from '../recognize/places/lexicon.js';
import type { PlaceMention } from '../recognize/places/index.js';
import { entryClass } from '../recognize/places/spanFeatures.js';
import { lookupName, matchLevel } from './names.js';

export interface MentionCandidates {
  readonly candidates: readonly GazetteerCandidate[];
  /** The name that was looked up (may differ from the mention: "Libyan" → "Libya"). */
  readonly query: string;
}

let countryNames: Map<string, string> | null = null;

/** Country code → name, from data/places/en/countries.txt. */
export function countryName(code: string): string | null {
  if (!countryNames) {
    countryNames = new Map();
    for (const [k, words] of bundledLexicon('countries').entries) if (words[0]) countryNames.set(k, words[0]);
  }
  return countryNames.get(code) ?? null;
}

/**
 * Candidates of a mention. `kindNoun` completes the name with the kind noun written after it
 * ("Camden and Charlton counties" → "Camden County" first): the specific entry comes first.
 */
/** Kind nouns of physical features, with the GeoNames feature classes that can answer them. */
const PHYSICAL_KINDS = new Map<string, readonly string[]>([
  ...['mountains', 'mountain', 'hills', 'hill', 'plateau', 'valley', 'desert', 'range', 'peak'].map((k) => [k, ['T']] as const),
  ...['river', 'wadi', 'lake', 'gulf', 'bay', 'sea', 'strait', 'oasis'].map((k) => [k, ['H', 'T']] as const),
]);

export function mentionCandidates(gazetteer: Gazetteer, m: PlaceMention, kindNoun: string | null = null): MentionCandidates {
  if (m.form === 'adjective' && m.demonymOf) {
    const key = m.demonymOf;
    if (key.startsWith('=')) {
      // A region named by its adjective ("European" → Europe): its own name only, no spelling variants.
      const name = key.slice(1);
      return { candidates: lookupName(gazetteer, name, undefined, false).candidates.filter((c) => matchLevel(c) === 'exact' || matchLevel(c) === 'folded'), query: name };
    }
    const name = countryName(key);
    if (name) {
      const all = lookupName(gazetteer, name).candidates;
      const own = all.filter((c) => c.entry.country === key && entryClass(c) === 'PCL');
      return { candidates: own.length ? own : all.filter((c) => c.entry.country === key).slice(0, 1), query: name };
    }
  }
  // "Kan.", "W.Va.", "Mo.": a US state's abbreviation names the state.
  const state = /\.$/.test(m.text) ? bundledLexicon('us-states', 'en', true).map.get(m.text) : undefined;
  if (state) {
    const name = bundledLexicon('us-states', 'en', true).entries.get(state)?.[0];
    const own = name ? lookupName(gazetteer, name).candidates.filter((c) => c.entry.country === 'US' && c.entry.featureCode === 'ADM1') : [];
    if (own.length) return { candidates: own, query: name! };
  }
  let found = lookupName(gazetteer, m.text);
  if (kindNoun && !m.text.toLowerCase().endsWith(kindNoun.toLowerCase())) {
    const full = lookupName(gazetteer, `${m.text} ${kindNoun}`);
    const exact = full.candidates.filter((c) => matchLevel(c) !== 'variant');
    if (exact.length) {
      const ids = new Set(exact.map((c) => c.entry.id));
      return { candidates: [...exact, ...found.candidates.filter((c) => !ids.has(c.entry.id))].slice(0, 40), query: `${m.text} ${kindNoun}` };
    }
    // A name known to nothing else, whose kind is a physical feature ("the Harouge … mountains"):
    // another spelling of a feature of that kind is evidence enough to offer ("Al Harūj"). The
    // resolver still abstains when nothing in the text supports it.
    const physical = PHYSICAL_KINDS.get(kindNoun.toLowerCase());
    if (!found.candidates.length && physical) {
      const same = full.candidates.filter((c) => physical.includes(c.entry.featureClass));
      if (same.length) return { candidates: same.slice(0, 40), query: `${m.text} ${kindNoun}` };
    }
  }
  // "the Netherlands" recognized with its article, "Sirte's" with its clitic: try without.
  if (!found.candidates.length) {
    const bare = m.text.replace(/^the\s+/i, '').replace(/['’]s$/, '');
    if (bare !== m.text) found = lookupName(gazetteer, bare);
  }
  return { candidates: withoutDroppedArticle(m.text, found.candidates), query: found.name };
}

let articleWords: ReadonlySet<string> | null = null;

/** Whether a name begins with an Arabic article ("Ad Dali", "al-Hasakeh"): data/places/en/articles.txt. */
export function startsWithArticle(name: string): boolean {
  articleWords ??= new Set((bundledLexicon('articles').entries.get('article') ?? []).map((w) => w.toLowerCase()));
  const first = /^([^\s\-‐]+)[\s\-‐]+\S/.exec(name.trim());
  return !!first && articleWords.has(first[1]!.toLowerCase());
}

/**
 * A name written with its article ("Ad Dali") names the entry that bears it (Aḑ Ḑāli‘, Yemen):
 * when such an entry exists, entries that match only once the article is dropped (Dali, China;
 * the gazetteer's `generic` level with reason `article`) are other places, and go. A name
 * written without one ("Dali") keeps every candidate: reports often drop the article.
 */
export function withoutDroppedArticle(name: string, cands: readonly GazetteerCandidate[]): readonly GazetteerCandidate[] {
  if (!startsWithArticle(name)) return cands;
  const dropped = (c: GazetteerCandidate) => matchLevel(c) === 'generic' && c.reasons.includes('article') && !startsWithArticle(c.matched) && !startsWithArticle(c.entry.name);
  const withIt = cands.some((c) => (matchLevel(c) === 'exact' || matchLevel(c) === 'folded') && !c.reasons.includes('alias'));
  return withIt && cands.some(dropped) ? cands.filter((c) => !dropped(c)) : cands;
}
