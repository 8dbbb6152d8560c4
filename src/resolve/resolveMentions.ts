/**
 * Resolution: choose a gazetteer entry for each recognized mention, or none.
 *
 *   1. candidates per mention (candidates.ts), kind cues and stated containers (context.ts);
 *   2. a first ranking without document context → the document's focus country and admin-1;
 *   3. stated containers resolved ("Alexandria, Va." → Virginia) and fed to their contents;
 *   4. a second (and third) ranking with focus and the distances to the other places chosen.
 *
 * Each mention keeps its ranked candidates with probabilities and reasons; abstaining is an answer
 * (no candidates, or every candidate too unlikely).
 */
import type { Gazetteer, GazetteerCandidate } from '../core/index.js';
import type { PlaceMention } from '../recognize/places/index.js';
import type { TokenFacts } from '../recognize/places/tokens.js';
import { entryClass } from '../recognize/places/spanFeatures.js';
import { mentionCandidates, startsWithArticle } from './candidates.js';
import { candidateVector, FEATURE_INDEX, type DocEvidence, type MentionEvidence } from './candidateFeatures.js';
import { chooseInside, constrains, containerRank, type ContainerPlace } from './containment.js';
import { actorReason, type ActorCountry } from './actorCountries.js';
import { namesByCountry, preferInCountry, SMALL_TOWN, soleCountryWithout } from './reportCountry.js';
import { kindCue, kindNounAfter, statedContainers, type StatedContainer } from './context.js';
import { distanceKm } from './geo/index.js';
import { matchLevel } from './names.js';
import { bundledRanker, softmax, type Ranker } from './ranker.js';

/** Beyond this distance from every other place of the document, a place is "far" from them. */
const SUPPORT_KM = 200;

/** Other places a candidate is compared with, at most (bounded work on long lists of names). */
const MAX_CONTEXT_POINTS = 30;

export interface Resolution {
  readonly mention: PlaceMention;
  readonly candidates: readonly GazetteerCandidate[];
  /** Probability of each candidate (same order), summing to 1 when there are candidates. */
  readonly probabilities: readonly number[];
  /** Feature vectors of the last ranking (same order): for reasons and training. */
  readonly vectors: readonly Float64Array[];
  /** Index of the chosen candidate, or -1. */
  readonly chosen: number;
  readonly kindCue: string | null;
  readonly container: { country: string; admin1: string | null; name: string } | null;
  readonly unresolvedReason: string | null;
  /** When the report's actors put the choice in its country: why ("the report's actors are of YE: Houthis"). */
  readonly actorReason?: string | null;
}

export interface ResolveOptions {
  readonly ranker?: Ranker;
  /** Number of context rankings after the first (default 2). */
  readonly rounds?: number;
  /** The countries of the report's actors (actorCountries.ts): votes for the focus and the report's country. */
  readonly actorCountries?: readonly ActorCountry[];
}

interface Work {
  readonly m: PlaceMention;
  readonly cands: readonly GazetteerCandidate[];
  readonly popRank: readonly number[];
  readonly kindCue: string | null;
  container: { country: string; admin1: string | null; name: string } | null;
  probs: number[];
  vectors: Float64Array[];
  chosen: number;
}

const EMPTY_DOC: DocEvidence = { countryFocus: new Map(), topCountry: null, admin1Focus: new Map() };

function popRanks(cands: readonly GazetteerCandidate[]): number[] {
  const order = cands.map((c, i) => [c.entry.population, i] as const).sort((a, b) => b[0] - a[0]);
  const r = new Array<number>(cands.length);
  order.forEach(([, i], k) => (r[i] = k));
  return r;
}

function rank(w: Work, ranker: Ranker, doc: DocEvidence, others: readonly { lat: number; lon: number }[], useDistance: boolean): void {
  const ev: MentionEvidence = { kindCue: w.kindCue, container: w.container, isAdjective: w.m.form === 'adjective', others, nameLength: w.m.text.length };
  const vectors: Float64Array[] = [];
  const scores: number[] = [];
  w.cands.forEach((c, i) => {
    let nearest: number | null = null;
    if (useDistance && others.length) {
      nearest = Infinity;
      for (const o of others) nearest = Math.min(nearest, distanceKm(c.entry.lat, c.entry.lon, o.lat, o.lon));
    }
    const v = candidateVector(c, i, w.popRank[i]!, w.cands, doc, ev, nearest);
    vectors.push(v);
    scores.push(ranker.score(v));
  });
  w.vectors = vectors;
  w.probs = softmax(scores);
  let best = -1;
  for (let i = 0; i < scores.length; i++) if (best < 0 || scores[i]! > scores[best]!) best = i;
  w.chosen = best;
}

/** Focus: each mention spreads one vote over its candidates' countries (and admin-1s) by probability. */
function focusOf(works: readonly Work[], actors: readonly ActorCountry[] = []): DocEvidence {
  const country = new Map<string, number>();
  const admin1 = new Map<string, number>();
  let n = 0;

  for (const w of works) {
    if (!w.cands.length) continue;
    n++;
    const seenC = new Map<string, number>();
    const seenA = new Map<string, number>();
    w.cands.forEach((c, i) => {
      const p = w.probs[i] ?? 0;
      const cc = c.entry.country;
      if (cc) seenC.set(cc, (seenC.get(cc) ?? 0) + p);
      if (cc && c.entry.admin1 && entryClass(c) !== 'PCL') seenA.set(`${cc}.${c.entry.admin1}`, (seenA.get(`${cc}.${c.entry.admin1}`) ?? 0) + p);
      // A first-level division is its own admin-1 focus ("Ohio" votes for the towns of Ohio).
      if (cc && entryClass(c) === 'ADM1') {
        const code = admin1CodeOf(c);
        if (code) seenA.set(`${cc}.${code}`, (seenA.get(`${cc}.${code}`) ?? 0) + p);
      }
    });
    for (const [k, p] of seenC) country.set(k, (country.get(k) ?? 0) + p);
    for (const [k, p] of seenA) admin1.set(k, (admin1.get(k) ?? 0) + p);
  }
  if (!n) return EMPTY_DOC;
  // The actors' countries vote for the top country as names do (a light actor a quarter of one).
  // Only there: the shares themselves stay the places' (the ranker weighs a country's share
  // against it once the top country is known, so an actor's share would count against its country).
  const votes = new Map(country);
  for (const a of actors) votes.set(a.country, (votes.get(a.country) ?? 0) + a.weight);
  let top: string | null = null;
  for (const [k, v] of votes) if (top === null || v > votes.get(top)!) top = k;
  for (const [k, v] of country) country.set(k, v / n);
  for (const [k, v] of admin1) admin1.set(k, v / n);
  return { countryFocus: country, topCountry: top, admin1Focus: admin1 };
}

/** The admin-1 code of an ADM1 entry: its own `admin1` field when the gazetteer fills it. */
function admin1CodeOf(c: GazetteerCandidate): string | null {
  return c.entry.admin1;
}

export function resolveMentions(gazetteer: Gazetteer, facts: TokenFacts, mentions: readonly PlaceMention[], options: ResolveOptions = {}): Resolution[] {
  const ranker = options.ranker ?? bundledRanker();
  const works: Work[] = mentions.map((m) => {
    const { candidates } = mentionCandidates(gazetteer, m, kindNounAfter(facts, m));
    return { m, cands: candidates, popRank: popRanks(candidates), kindCue: kindCue(facts, m), container: null, probs: [], vectors: [], chosen: -1 };
  });

  // 1. Without context.
  for (const w of works) rank(w, ranker, EMPTY_DOC, [], false);
  const actors = options.actorCountries ?? [];
  let doc = focusOf(works, actors);

  // 2. Stated containers: "X, Y" where Y resolves to a country or a first-level division.
  const containers = statedContainers(facts, mentions);
  containers.forEach((c, i) => {
    if (!c) return;
    const w = works[i]!;
    if (c.usState) {
      const [cc, a1] = c.usState.split('.');
      w.container = { country: cc!, admin1: a1 ?? null, name: c.usState };
      return;
    }
    const y = works[c.mentionIndex];
    if (!y || y.chosen < 0) return;
    const e = y.cands[y.chosen]!;
    const cls = entryClass(y.cands[y.chosen]!);
    if (cls === 'PCL') w.container = { country: e.entry.country, admin1: null, name: e.entry.name };
    else if (cls === 'ADM1') w.container = { country: e.entry.country, admin1: admin1CodeOf(e), name: e.entry.name };
  });

  // 3. With context: focus and distances to the other mentions' current choices.
  const rounds = options.rounds ?? 2;
  for (let r = 0; r < rounds; r++) {
    // The points of the other places: distinct current choices (not countries or vast regions),
    // the first ones in the text, a bounded pool so a list of 10,000 names stays linear.
    const pool: { id: string; text: string; lat: number; lon: number }[] = [];
    const seen = new Set<string>();
    for (const o of works) {
      if (pool.length >= MAX_CONTEXT_POINTS * 2) break;
      if (o.chosen < 0) continue;
      const e = o.cands[o.chosen]!.entry;
      if (seen.has(e.id) || entryClass(o.cands[o.chosen]!) === 'PCL' || e.featureClass === 'L') continue;
      seen.add(e.id);
      pool.push({ id: e.id, text: o.m.text, lat: e.lat, lon: e.lon });
    }
    for (const w of works) {
      const own = w.chosen >= 0 ? w.cands[w.chosen]!.entry.id : null;
      const others: { lat: number; lon: number }[] = [];
      for (const p of pool) {
        if (others.length >= MAX_CONTEXT_POINTS) break;
        if (p.text !== w.m.text && p.id !== own) others.push(p);
      }
      rank(w, ranker, doc, others, true);
    }
    doc = focusOf(works, actors);
  }

  // 4. One sense per discourse: every mention of a name means what all of them mean together.
  oneSensePerName(works);

  // 4b. The report's country, when its other names all point to one ("Derna … Libyan").
  const local = actors.filter((a) => a.weight >= 1);
  holdReportCountry(works, local);

  // 5. Stated containers hold ("Hays (Al Hudaydah)" is not Hays, Kansas), innermost last.
  const held = holdContainers(works, containers);

  // 6. Abstaining: a weak match (a transliteration, "Al Balgha" ~ Balga, Australia) with nothing
  // in the text for it — outside the document's focus country, far from its other places, in no
  // stated container — is not an answer: "none of these" beats it.
  const chosenBy = namesByCountry([...works.map((o) => ({ text: o.m.text, country: o.chosen >= 0 ? o.cands[o.chosen]!.entry.country || null : null })), ...actorNames(local)]);
  const reasons = works.map((w, i) => held[i] ?? (w.chosen >= 0 ? weakWithoutSupport(w, chosenBy) : null));
  reasons.forEach((why, i) => {
    if (why) works[i]!.chosen = -1;
  });

  return works.map((w, i) => ({
    mention: w.m,
    candidates: w.cands,
    probabilities: w.probs,
    vectors: w.vectors,
    chosen: w.chosen,
    kindCue: w.kindCue,
    container: w.container,
    unresolvedReason: w.chosen >= 0 ? null : reasons[i] ?? (w.cands.length ? 'every candidate was too unlikely' : 'not in the gazetteer'),
    actorReason: w.chosen >= 0 ? actorSupport(w, actors) : null,
  }));
}

/** The actors as names for the report-country rule: one pseudo-name per country ("actors:YE"). */
function actorNames(local: readonly ActorCountry[]): { text: string; country: string }[] {
  return local.map((a) => ({ text: `\u0000actors:${a.country}`, country: a.country }));
}

/**
 * The actors' reason for a choice: when it lies in an actor's country and the name has candidates
 * elsewhere too (a name with one country needs no actor to place it).
 */
function actorSupport(w: Work, actors: readonly ActorCountry[]): string | null {
  if (entryClass(w.cands[w.chosen]!) === 'PCL') return null;
  const cc = w.cands[w.chosen]!.entry.country;
  const a = actors.find((x) => x.country === cc);
  if (!a || !w.cands.some((c) => c.entry.country && c.entry.country !== cc)) return null;
  return actorReason(a);
}

/**
 * Why the chosen candidate of a mention is too weak to keep, or null. Weak: only a spelling
 * variant of the name matched (the gazetteer's `variant` level). Support: the candidate lies in
 * the document's focus country, within SUPPORT_KM of another place of the text, inside a
 * or inside a container the text states ("Al Balgha, Libya"). A kind cue alone ("the town of
 * X") is not support: it says what the place is, not where.
 */
function weakWithoutSupport(w: Work, chosenBy: ReadonlyMap<string, ReadonlySet<string>>): string | null {
  const c = w.cands[w.chosen]!;
  // Weak too: an entry that matches only once the name's article is dropped ("el Mina" ~ Mina,
  // Mexico), when the name was written with one.
  const articleDropped = matchLevel(c) === 'generic' && c.reasons.includes('article') && startsWithArticle(w.m.text) && !startsWithArticle(c.matched) && !startsWithArticle(c.entry.name);
  if (matchLevel(c) !== 'variant' && !articleDropped) return null;
  // A spelling that differs by a doubled or dropped letter ("Lower Shabelle" ~ Lower Shabeelle,
  // similarity ≥ 0.95) is the same name written another way, not a loose transliteration.
  if (!articleDropped && variantSimilarity(c) >= NEAR_IDENTICAL) return null;
  const e = c.entry;
  // The report's country supports it only when another name puts the report there: a lone
  // mention votes for its own candidates' countries, which is no evidence ("Haranbush" ~
  // Hornbach makes Germany the focus of a one-place note).
  const there = e.country ? chosenBy.get(e.country) : undefined;
  if (there && there.size - (there.has(w.m.text.toLowerCase()) ? 1 : 0) > 0) return null;
  if (w.container && e.country === w.container.country && (!w.container.admin1 || e.admin1 === w.container.admin1)) return null;
  const v = w.vectors[w.chosen];
  if (v && v[FEATURE_INDEX['near-other-places']] === 1) return null;
  const how = articleDropped ? 'matches only without the article' : 'is a transliteration';
  return `not in the gazetteer: its nearest spelling, ${e.name}${e.country ? ` (${e.country})` : ''}, ${how}, in no country the report's other places are in, and far from them`;
}

const NEAR_IDENTICAL = 0.95;

/** The spelling similarity the gazetteer gave a variant match (its `similarity=` reason), or 0. */
function variantSimilarity(c: { readonly reasons: readonly string[] }): number {
  const r = c.reasons.find((x) => x.startsWith('similarity='));
  return r ? Number(r.slice('similarity='.length)) || 0 : 0;
}

/** The entry a resolved container mention stands for, as a container. */
function containerPlace(y: Work): ContainerPlace | null {
  if (y.chosen < 0) return null;
  let e = y.cands[y.chosen]!.entry;
  // A town and the division named after it ("Idleb province", "Izmir"): the division contains.
  if (containerRank(e) < 3) {
    const division = y.cands.find((c) => containerRank(c.entry) >= 3 && containerRank(c.entry) <= 4 && c.entry.country === e.country && distanceKm(c.entry.lat, c.entry.lon, e.lat, e.lon) <= 60);
    if (division) e = division.entry;
  }
  return { id: e.id, name: e.name, country: e.country, admin1: e.admin1, featureClass: e.featureClass, featureCode: e.featureCode, lat: e.lat, lon: e.lon, radiusKm: e.radiusKm ?? null };
}

/**
 * Apply the stated containers, last mention first (in "Markhazah (Qaatabah, Ad Dali)" Qaatabah
 * is settled inside Ad Dali before Markhazah inside Qaatabah). A choice outside its container
 * moves to the best candidate inside; with none inside the mention abstains. Returns the
 * abstentions' reasons by mention index.
 */
function holdContainers(works: Work[], containers: readonly (StatedContainer | null)[]): (string | null)[] {
  const out: (string | null)[] = works.map(() => null);
  for (let i = works.length - 1; i >= 0; i--) {
    const c = containers[i];
    const w = works[i]!;
    if (!c || c.mentionIndex < 0 || !w.cands.length) continue;
    const y = works[c.mentionIndex]!;
    const place = containerPlace(y);
    if (!place || y.m.text === w.m.text) continue;
    const own = w.chosen >= 0 ? containerRank(w.cands[w.chosen]!.entry) : 1;
    if (!constrains(c, containerRank(place), own)) continue;
    const k = chooseInside(w.cands.map((x) => x.entry), w.probs, w.chosen, place);
    w.container = { country: place.country, admin1: place.admin1, name: place.name };
    if (k >= 0) {
      w.chosen = k;
      continue;
    }
    w.chosen = -1;
    out[i] = `no entry of that name inside ${place.name}${place.country ? ` (${place.country})` : ''}, where the text puts it`;
  }
  return out;
}

/** Move each choice to its namesake in the country all the other names point to (reportCountry.ts). */
function holdReportCountry(works: Work[], local: readonly ActorCountry[]): void {
  // A place word inside a local actor's name ("Saudi" in "Saudi-led coalition", whose theatre is
  // Yemen) is the actor's: its vote is the actor's country.
  const actorOf = (m: PlaceMention) => local.find((a) => (a.spans ?? []).some((s) => s.start < m.end && m.start < s.end))?.country;
  const names = works.map((o) => ({ text: o.m.text, country: o.chosen < 0 ? null : actorOf(o.m) ?? (o.cands[o.chosen]!.entry.country || null) }));
  const byCountry = namesByCountry(names);
  // The local actors count as one more name each ("pro-Houthi forces shelled Hays": Yemen) …
  const withActors = local.length ? namesByCountry([...names, ...actorNames(local)]) : byCountry;
  // … and their country, when they name one, decides where the names disagree ("Lebanese rioters
  // … the US dollar … Tripoli": the US is a modifier, Tripoli is in Lebanon). The names' own
  // country comes first: "Kenyan police … al Shabaab suspects … Kwale" is in Kenya.
  const byActors = local.length === 1 ? local[0]!.country : null;
  for (const w of works) {
    if (w.chosen < 0) continue;
    const entries = w.cands.map((c) => c.entry);
    const fuzzy = w.cands.map((c) => matchLevel(c) === 'variant');
    const country = soleCountryWithout(byCountry, w.m.text);
    if (country) w.chosen = preferInCountry(entries, fuzzy, w.probs, w.chosen, country);
    // The names' country has no namesake ("As Sabaa (Tripoli)" read in Syria, where no Tripoli
    // is), or the names disagree: the actors' country, when they give one.
    if (!local.length || (country && entries[w.chosen]!.country === country)) continue;
    const theirs = soleCountryWithout(withActors, w.m.text) ?? byActors;
    // A region of no one country ("Anatolia") is not moved by the actors.
    if (!theirs || !entries[w.chosen]!.country) continue;
    w.chosen = preferInCountry(entries, fuzzy, w.probs, w.chosen, theirs, SMALL_TOWN);
  }
}

/**
 * One name, one place per document: "Parkland" in "the Parkland shooting" and in "students in
 * Parkland" are the same town, though each mention's own words may tip its ranking another way.
 * The occurrences of a name (same text, same form) pool their probabilities by entry; each takes
 * the entry with the largest sum, when it is among its own candidates. Stated containers, applied
 * after, still move a single occurrence ("Tripoli, Lebanon" among mentions of the Libyan capital).
 */
function oneSensePerName(works: Work[]): void {
  const groups = new Map<string, Work[]>();
  for (const w of works) {
    if (w.chosen < 0) continue;
    const key = `${w.m.form}|${w.m.text.toLowerCase()}`;
    const g = groups.get(key);
    if (g) g.push(w);
    else groups.set(key, [w]);
  }
  for (const g of groups.values()) {
    if (g.length < 2) continue;
    const sum = new Map<string, number>();
    for (const w of g) w.cands.forEach((c, i) => sum.set(c.entry.id, (sum.get(c.entry.id) ?? 0) + (w.probs[i] ?? 0)));
    let best: string | null = null;
    for (const [id, p] of sum) if (best === null || p > sum.get(best)!) best = id;
    for (const w of g) {
      const k = w.cands.findIndex((c) => c.entry.id === best);
      if (k >= 0) w.chosen = k;
    }
  }
}
