/**
 * The evidence a person weighs to pick a gazetteer entry for a mention, as numbers: how big and
 * what kind of place each candidate is, how well its name matches, whether it lies in the
 * document's focus country or region, how far it is from the other places of the text, whether
 * the text contains it ("Sirte, Libya") and whether the words around the mention ask for its
 * kind ("the city of", "mountains"). rank.ts weighs them.
 */
import type { GazetteerCandidate } from '../core/index.js';
import { entryClass } from '../recognize/places/spanFeatures.js';
import { matchLevel } from './names.js';

/** Names of the features, in vector order. The ranker's weights file uses these names. */
export const FEATURES = [
  'bias',
  'log-population',
  'population-rank-0',
  'population-rank-log',
  'gazetteer-rank-0',
  'name-exact',
  'name-alternate',
  'name-fuzzy',
  'name-alias',
  'class-PCL',
  'class-ADM1',
  'class-ADM2',
  'class-PPLC',
  'class-PPLA',
  'class-PPL',
  'class-H',
  'class-T',
  'class-RGN',
  'class-other',
  'focus-country',
  'focus-country-top',
  'focus-admin1',
  'near-other-places',
  'far-from-other-places',
  'log-km-to-nearest',
  'contained-in-stated',
  'not-in-stated-container',
  'kind-cue-match',
  'kind-cue-mismatch',
  'adjective-country',
  'only-candidate',
  'short-name-big-place',
  'same-name-as-country',
  'seat-of-same-named-admin',
  'admin-with-same-named-seat',
  'by-other-name',
  'by-other-name-vs-own-name',
] as const;
export type FeatureName = (typeof FEATURES)[number];
export const FEATURE_INDEX: Readonly<Record<FeatureName, number>> = Object.fromEntries(FEATURES.map((f, i) => [f, i])) as Record<FeatureName, number>;

/** What the document says around all mentions, shared by the features of each candidate. */
export interface DocEvidence {
  /** Country code → share of the document's place evidence (0..1). */
  readonly countryFocus: ReadonlyMap<string, number>;
  /** The single most supported country, if any. */
  readonly topCountry: string | null;
  /** `CC.admin1` → share. */
  readonly admin1Focus: ReadonlyMap<string, number>;
}

export interface MentionEvidence {
  /** Kinds of place the words around the mention ask for ("city", "mountain", "water", …). */
  readonly kindCue: string | null;
  /** The container the text states ("Sirte, Libya"): its country and admin1, when resolved. */
  readonly container: { readonly country: string; readonly admin1: string | null } | null;
  readonly isAdjective: boolean;
  /** Points of the other places of the document (their current choice), for distances. */
  readonly others: readonly { lat: number; lon: number }[];
  readonly nameLength: number;
}

/** Feature classes each kind cue accepts. */
const KIND_CLASSES: Record<string, readonly string[]> = {
  city: ['PPLC', 'PPLA', 'PPL'],
  admin: ['ADM1', 'ADM2', 'PCL'],
  country: ['PCL'],
  water: ['H'],
  mountain: ['T'],
  valley: ['T', 'H'],
  region: ['RGN', 'ADM1', 'ADM2', 'T', 'L'],
};

export function candidateVector(
  c: GazetteerCandidate,
  rank: number,
  popRank: number,
  all: readonly GazetteerCandidate[],
  doc: DocEvidence,
  m: MentionEvidence,
  nearestKm: number | null,
): Float64Array {
  const v = new Float64Array(FEATURES.length);
  const set = (f: FeatureName, x: number) => (v[FEATURE_INDEX[f]] = x);
  const e = c.entry;
  const cls = entryClass(c);
  set('bias', 1);
  set('log-population', Math.log10(1 + e.population) / 7);
  set('population-rank-0', popRank === 0 ? 1 : 0);
  set('population-rank-log', Math.log2(1 + popRank) / 5);
  set('gazetteer-rank-0', rank === 0 ? 1 : 0);
  const alias = c.reasons.includes('alias');
  const level = matchLevel(c);
  set('name-exact', level === 'exact' && !alias ? 1 : 0);
  set('name-alternate', level === 'folded' || level === 'generic' ? 1 : 0);
  set('name-fuzzy', level === 'variant' ? 1 : 0);
  set('name-alias', alias ? 1 : 0);
  const clsFeature = `class-${cls}` as FeatureName;
  if (FEATURE_INDEX[clsFeature] !== undefined) set(clsFeature, 1);
  else if (cls === 'A') set('class-ADM2', 1);
  else set('class-other', 1);
  const cf = e.country ? doc.countryFocus.get(e.country) ?? 0 : 0;
  set('focus-country', cf);
  set('focus-country-top', e.country && e.country === doc.topCountry ? 1 : 0);
  set('focus-admin1', e.admin1 ? doc.admin1Focus.get(`${e.country}.${e.admin1}`) ?? 0 : 0);
  if (nearestKm !== null) {
    set('near-other-places', nearestKm < 200 ? 1 : 0);
    set('far-from-other-places', nearestKm > 2000 ? 1 : 0);
    set('log-km-to-nearest', Math.log10(1 + nearestKm) / 4);
  }
  if (m.container) {
    const inside = e.country === m.container.country && (!m.container.admin1 || e.admin1 === m.container.admin1);
    set('contained-in-stated', inside ? 1 : 0);
    set('not-in-stated-container', inside ? 0 : 1);
  }
  if (m.kindCue) {
    const ok = KIND_CLASSES[m.kindCue]?.includes(cls) ?? false;
    set('kind-cue-match', ok ? 1 : 0);
    set('kind-cue-mismatch', ok ? 0 : 1);
  }
  set('adjective-country', m.isAdjective && cls === 'PCL' ? 1 : 0);
  set('only-candidate', all.length === 1 ? 1 : 0);
  set('short-name-big-place', m.nameLength <= 3 && e.population > 1_000_000 ? 1 : 0);
  set('same-name-as-country', cls !== 'PCL' && all.some((o) => entryClass(o) === 'PCL') ? 1 : 0);
  // "Sirte": the city and Sirte District (Surt) share the name; news means the seat.
  const seat = (o: GazetteerCandidate) => o.entry.featureCode === 'PPLA' || o.entry.featureCode === 'PPLC' || o.entry.featureCode === 'PPLA2';
  const admin = (o: GazetteerCandidate) => o.entry.featureClass === 'A' && !o.entry.featureCode.startsWith('PCL');
  if (seat(c) && all.some((o) => admin(o) && o.entry.country === e.country && (o.entry.admin1 === e.admin1 || !o.entry.admin1))) set('seat-of-same-named-admin', 1);
  if (admin(c) && all.some((o) => seat(o) && o.entry.country === e.country && (o.entry.admin1 === e.admin1 || !e.admin1))) set('admin-with-same-named-seat', 1);
  // "Jerusalem" is also an old name of Funkstown, Md., "California" of Spencer, W.Va.: a match on
  // one of an entry's other names counts for less, above all when other candidates bear the name
  // as their own, written as it is or only without its accents ("Shush" is Shūsh before it is
  // another name of Shushenskoye).
  const byOther = (o: GazetteerCandidate) => o.reasons.includes('alternate-name') && !o.reasons.includes('alias');
  if (byOther(c)) {
    set('by-other-name', 1);
    if (all.some((o) => o !== c && !byOther(o) && (matchLevel(o) === 'exact' || matchLevel(o) === 'folded'))) set('by-other-name-vs-own-name', 1);
  }
  return v;
}
