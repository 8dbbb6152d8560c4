/**
 * The geoparser stage: recognize place mentions, resolve them, tell how each is used, find the
 * nominal references ("the city") and the relative locations ("halfway between Sirte and
 * Misrata"). One call from the pipeline:
 *
 *   geoparse(ctx, text, tokens) → { mentions, places, warnings }
 *
 * Order matters: usage needs the resolved kinds (a country heading a paragraph is an actor);
 * nominal references need the resolved names before them; relative locations need both.
 */
import type { DistanceCheck, GeoPrecision, Mention, Place, PlaceCandidate, PlaceForm, PlaceKind, PlaceUsage, RelativeLocation, RunContext, Token, Warning } from '../core/index.js';
import { overlaps, spanOf } from '../core/index.js';
import { bundledLexicon, DEFAULT_PLACE_LIMITS, keyOf, recognizePlaces, type PlaceMention, type RecognizeOptions } from '../recognize/places/index.js';
import { entryClass } from '../recognize/places/spanFeatures.js';
import { tokenFacts, type TokenFacts } from '../recognize/places/tokens.js';
import type { ActorCountry } from './actorCountries.js';
import { findNominals, type Antecedent } from './coref.js';
import { bundledRanker } from './ranker.js';
import { checkDistance, findRelatives, relativePoint, type Slot } from './relative.js';
import { resolveMentions, type Resolution, type ResolveOptions } from './resolveMentions.js';
import { classifyUsage } from './usage.js';

export interface GeoparseOptions {
  /** Annotation convention (a corpus name, for `sitrep eval`); null for sitrep's own. */
  readonly domain?: string | null;
  /** Given spans to resolve instead of recognizing them (`eval geoparse --gold-spans`). */
  readonly goldSpans?: readonly { start: number; end: number }[] | null;
  /**
   * Spans another stage has already read as something else (dates: "March 14, 2021"): a
   * recognized mention overlapping one is dropped before resolution, so "March" is never a town.
   */
  readonly excludeSpans?: readonly { start: number; end: number }[];
  readonly recognize?: Partial<RecognizeOptions>;
  readonly resolve?: ResolveOptions;
  /**
   * The countries of the report's actors (actorCountries.ts, from the actor pass the pipeline runs
   * before this stage): country evidence for resolution ("pro-Houthi forces shelled Hays" → Yemen).
   */
  readonly actorCountries?: readonly ActorCountry[];
}

export interface GeoparseResult {
  readonly mentions: Mention[];
  /** Sorted by span start: names, adjectives, nominal references and relative locations. */
  readonly places: Place[];
  readonly warnings: Warning[];
  /** The resolver's working for the name and adjective mentions, in their order. */
  readonly resolutions: readonly Resolution[];
}

/** Candidates listed per place in the output. */
const LISTED_CANDIDATES = 5;
/** Sentences after a direction frame ("several towns southwest of Sirte") whose unresolved places inherit it. */
const FRAME_SENTENCES = 2;

const KIND_OF_CLASS: Record<string, PlaceKind> = { PCL: 'country', ADM1: 'admin', ADM2: 'admin', PPLC: 'city', PPLA: 'city', PPL: 'city', H: 'water', T: 'mountain', RGN: 'region', L: 'region', S: 'facility', R: 'street', V: 'region' };

/** A place being built; ids are given once all are known and sorted. */
interface Draft {
  start: number;
  end: number;
  form: PlaceForm;
  usage: PlaceUsage;
  usageRule: string;
  kind: PlaceKind;
  rules: string[];
  gazetteerId: string | null;
  name: string;
  lat: number | null;
  lon: number | null;
  country: string | null;
  featureCode: string | null;
  /** ACLED's admin1: the name of the first-level division the entry lies in (its own, for one). */
  admin1: string | null;
  geoPrecision: GeoPrecision | null;
  score: number;
  reason: string;
  candidates: PlaceCandidate[];
  runnerUp: PlaceCandidate | null;
  unresolvedReason: string | null;
  radiusKm: number | null;
  relative: (Omit<RelativeLocation, 'anchors'> & { anchorDrafts: number[] }) | null;
  refersTo: number | null;
  sentence: number;
}

export function geoparse(ctx: RunContext, text: string, tokens: readonly Token[], options: GeoparseOptions = {}): GeoparseResult {
  const warnings: Warning[] = [];
  const gazetteer = ctx.gazetteer;
  let facts: TokenFacts;
  let mentions: PlaceMention[];
  if (options.goldSpans) {
    // The given spans are the mentions to resolve; the places the recognizer finds elsewhere stay
    // as context (the report's country, nearby places), as a reader would use them. A corpus that
    // annotates only some names (WikToR marks only the article's subject) would otherwise be
    // resolved without its "Romblon, Philippines".
    const given = mentionsFromSpans(text, tokens, options.goldSpans);
    const rec = recognizePlaces(text, tokens, { gazetteer, domain: options.domain ?? null, ...options.recognize });
    facts = rec.facts;
    mentions = [...given, ...rec.mentions.filter((m) => !given.some((g) => overlaps(m, g)))].sort((a, b) => a.start - b.start);
  } else {
    const rec = recognizePlaces(text, tokens, { gazetteer, domain: options.domain ?? null, ...options.recognize });
    facts = rec.facts;
    const taken = options.excludeSpans ?? [];
    mentions = taken.length ? rec.mentions.filter((m) => !taken.some((t) => overlaps(m, t))) : rec.mentions;
    if (mentions.length < rec.mentions.length) ctx.debug('places', () => `dropped inside dates: ${rec.mentions.filter((m) => !mentions.includes(m)).map((m) => m.text).join(', ')}`);
    warnings.push(...rec.warnings);
  }
  if (!gazetteer) warnings.push({ code: 'places.no-gazetteer', stage: 'places', message: 'no gazetteer loaded: places are recognized but not resolved' });

  // 1. Resolution of names and adjectives.
  const resolutions = gazetteer ? resolveMentions(gazetteer, facts, mentions, { ranker: bundledRanker(), actorCountries: options.actorCountries ?? [], ...options.resolve }) : mentions.map(unresolved);
  ctx.debug('places', () => resolutions.map((r) => `${r.mention.text} → ${r.chosen >= 0 ? `${r.candidates[r.chosen]!.entry.name} (${r.candidates[r.chosen]!.entry.id}) p=${r.probabilities[r.chosen]!.toFixed(2)}` : `unresolved: ${r.unresolvedReason}`}`));
  const drafts: Draft[] = resolutions.map((r) => nameDraft(r, tokens));

  // 2. Usage: the place itself, an actor, a modifier, people, part of a name, a language.
  const isCountry = drafts.map((d) => d.kind === 'country' || (d.form === 'adjective' && !!d.country));
  classifyUsage(facts, mentions, isCountry).forEach((u, k) => {
    drafts[k]!.usage = u.usage;
    drafts[k]!.usageRule = u.rule;
  });

  // 3. Nominal references: "the city" → Sirte.
  const topCountry = mostCommonCountry(drafts);
  const antecedents: Antecedent[] = drafts.map((d, k) => ({
    index: k,
    startToken: mentions[k]!.startToken,
    endToken: mentions[k]!.endToken,
    kind: d.kind,
    cue: resolutions[k]!.kindCue,
    resolved: d.gazetteerId !== null,
    literal: d.usage === 'literal',
    country: d.country,
  }));
  for (const n of findNominals(facts, antecedents, topCountry)) {
    const a = drafts[n.antecedent]!;
    const start = tokens[n.startToken]!.start;
    const end = tokens[n.endToken - 1]!.end;
    drafts.push({
      ...a,
      start,
      end,
      form: 'nominal',
      usage: 'literal',
      usageRule: 'place/usage/nominal',
      rules: [n.rule],
      reason: `"${text.slice(start, end)}" ${n.reason}: ${a.name}`,
      candidates: [],
      runnerUp: null,
      relative: null,
      refersTo: n.antecedent,
      sentence: tokens[n.startToken]!.sentence,
    });
  }

  // 4. Relative locations over names and nominal references.
  const slots: Slot[] = drafts.map((d, k) => ({ index: k, start: d.start, end: d.end, sentence: d.sentence, lat: d.lat, lon: d.lon, radiusKm: d.radiusKm, label: d.gazetteerId ? d.name : text.slice(d.start, d.end), resolved: d.gazetteerId !== null, literal: d.usage === 'literal' }));
  const sentenceOf = (offset: number) => tokens.find((t) => t.end > offset)?.sentence ?? 0;
  for (const f of findRelatives(text, slots)) {
    const point = relativePoint(f, slots);
    const span = spanOf(text, f.start, f.end);
    const anchorDrafts = f.anchors.map((i) => (drafts[i]!.refersTo ?? i));
    const base = { span, direction: f.direction, distanceKm: f.distanceKm, lat: point.lat, lon: point.lon, geoPrecision: point.geoPrecision, reason: point.reason, anchorDrafts };
    if (f.targets.length) {
      for (const ti of f.targets) {
        const t = drafts[ti]!;
        const anchor = slots[f.anchors[0]!]!;
        let check: DistanceCheck | null = null;
        if (f.relation === 'distance' && f.distanceKm !== null) {
          const c = checkDistance(slots[ti]!, anchor, f.distanceKm, f.hedged);
          check = { statedKm: f.distanceKm, ...c };
        }
        t.relative = { ...base, relation: f.relation, check, reason: t.gazetteerId ? (check?.reason ?? point.reason) : `${point.reason}${check ? `; ${check.reason}` : ''}` };
        t.rules.push(f.rule);
      }
    } else if (f.frame) {
      // "several towns southwest of Sirte": unresolved places named in the next sentences inherit it.
      if (point.lat === null) continue;
      const s0 = sentenceOf(f.start);
      for (const [k, d] of drafts.entries()) {
        if (d.form !== 'name' || d.gazetteerId !== null || d.relative || d.start < f.end || d.sentence > s0 + FRAME_SENTENCES || d.usage !== 'literal' || anchorDrafts.includes(k)) continue;
        d.relative = { ...base, relation: 'direction', check: null, reason: `named after "${span.text}": ${point.reason}` };
        d.rules.push(f.rule);
      }
    } else {
      drafts.push({
        start: f.start,
        end: f.end,
        form: 'relative',
        usage: 'literal',
        usageRule: 'place/usage/relative',
        kind: 'other',
        rules: [f.rule],
        gazetteerId: null,
        name: span.text,
        lat: point.lat,
        lon: point.lon,
        country: drafts[anchorDrafts[0]!]?.country ?? null,
        featureCode: null,
        // "halfway between Sirte and Misrata": the division both anchors lie in, if they share one.
        admin1: anchorDrafts.every((a) => drafts[a]?.admin1 && drafts[a]!.admin1 === drafts[anchorDrafts[0]!]!.admin1) ? drafts[anchorDrafts[0]!]!.admin1 : null,
        geoPrecision: point.geoPrecision,
        score: 0,
        reason: point.reason,
        candidates: [],
        runnerUp: null,
        unresolvedReason: null,
        radiusKm: null,
        relative: { ...base, relation: f.relation, check: null },
        refersTo: null,
        sentence: sentenceOf(f.start),
      });
    }
  }

  // 5. Ids in text order, then the output records.
  const order = drafts.map((_, k) => k).sort((a, b) => drafts[a]!.start - drafts[b]!.start || drafts[b]!.end - drafts[a]!.end);
  const idOf = new Map<number, string>();
  order.forEach((k, n) => idOf.set(k, `p${n + 1}`));
  const outMentions: Mention[] = [];
  const places: Place[] = order.map((k, n) => {
    const d = drafts[k]!;
    const span = spanOf(text, d.start, d.end);
    const mention: Mention = { id: `m${n + 1}`, span, type: 'place', evidence: { spans: [span], rules: d.rules } };
    outMentions.push(mention);
    const relative: RelativeLocation | null = d.relative
      ? { relation: d.relative.relation, span: d.relative.span, anchors: d.relative.anchorDrafts.map((a) => idOf.get(a)!), direction: d.relative.direction, distanceKm: d.relative.distanceKm, lat: d.relative.lat, lon: d.relative.lon, geoPrecision: d.relative.geoPrecision, check: d.relative.check, reason: d.relative.reason }
      : null;
    return {
      id: idOf.get(k)!,
      mention,
      gazetteerId: d.gazetteerId,
      name: d.name,
      lat: d.lat,
      lon: d.lon,
      country: d.country,
      featureCode: d.featureCode,
      admin1: admin1Of(d, drafts),
      geoPrecision: d.geoPrecision,
      score: d.score,
      evidence: { spans: [span], rules: [...d.rules, d.usageRule], reason: d.reason },
      form: d.form,
      usage: d.usage,
      kind: d.kind,
      candidates: d.candidates,
      runnerUp: d.runnerUp,
      unresolvedReason: d.unresolvedReason,
      relative,
      refersTo: d.refersTo === null ? null : idOf.get(d.refersTo) ?? null,
    };
  });
  return { mentions: outMentions, places, warnings, resolutions };
}

function unresolved(m: PlaceMention): Resolution {
  return { mention: m, candidates: [], probabilities: [], vectors: [], chosen: -1, kindCue: null, container: null, unresolvedReason: 'no gazetteer loaded' };
}

function mostCommonCountry(drafts: readonly Draft[]): string | null {
  const n = new Map<string, number>();
  for (const d of drafts) if (d.country) n.set(d.country, (n.get(d.country) ?? 0) + 1);
  let best: string | null = null;
  for (const [k, v] of n) if (best === null || v > n.get(best)!) best = k;
  return best;
}

/** Mentions for given spans (gold spans), snapped to the tokens they cover. */
export function mentionsFromSpans(text: string, tokens: readonly Token[], spans: readonly { start: number; end: number }[]): PlaceMention[] {
  const demonyms = bundledLexicon('demonyms');
  const out: PlaceMention[] = [];
  for (const s of spans) {
    let i = tokens.findIndex((t) => t.end > s.start);
    if (i < 0) i = tokens.length - 1;
    let j = i;
    while (j < tokens.length && tokens[j]!.start < s.end) j++;
    if (j === i) j = i + 1;
    const t = text.slice(s.start, s.end);
    const dem = demonyms.map.get(keyOf(t)) ?? null;
    out.push({ start: s.start, end: s.end, text: t, startToken: i, endToken: Math.min(j, tokens.length), form: dem ? 'adjective' : 'name', score: 1, demonymOf: dem, rules: ['place/given-span'] });
  }
  return out;
}

function nameDraft(r: Resolution, tokens: readonly Token[]): Draft {
  const ranker = bundledRanker();
  const summaries: PlaceCandidate[] = r.candidates.slice(0, LISTED_CANDIDATES).map((c, i) => ({
    gazetteerId: c.entry.id,
    name: c.entry.name,
    lat: c.entry.lat,
    lon: c.entry.lon,
    country: c.entry.country,
    featureCode: c.entry.featureCode,
    population: c.entry.population,
    score: round(r.probabilities[i] ?? 0),
    reasons: r.vectors[i] ? ranker.contributions(r.vectors[i]!).map(([f, x]) => `${f} ${x >= 0 ? '+' : ''}${x.toFixed(2)}`) : [],
  }));
  const chosen = r.chosen >= 0 ? r.candidates[r.chosen]! : null;
  if (chosen && !summaries.some((s) => s.gazetteerId === chosen.entry.id)) {
    const i = r.chosen;
    summaries.push({ gazetteerId: chosen.entry.id, name: chosen.entry.name, lat: chosen.entry.lat, lon: chosen.entry.lon, country: chosen.entry.country, featureCode: chosen.entry.featureCode, population: chosen.entry.population, score: round(r.probabilities[i] ?? 0), reasons: ranker.contributions(r.vectors[i]!).map(([f, x]) => `${f} ${x >= 0 ? '+' : ''}${x.toFixed(2)}`) });
  }
  const candidates = summaries.sort((a, b) => b.score - a.score);
  const runnerUp = chosen ? candidates.find((c) => c.gazetteerId !== chosen.entry.id) ?? null : null;
  const cls = chosen ? entryClass(chosen) : null;
  const kind: PlaceKind = cls ? KIND_OF_CLASS[cls] ?? 'other' : ((r.kindCue as PlaceKind | null) ?? 'other');
  const m = r.mention;
  const e = chosen?.entry;
  return {
    start: m.start,
    end: m.end,
    form: m.form,
    usage: 'literal',
    usageRule: 'place/usage/default',
    kind,
    rules: [...m.rules, chosen ? 'place/resolve/ranked' : 'place/resolve/none', ...(chosen && r.actorReason ? ['place/resolve/actors'] : [])],
    gazetteerId: e?.id ?? null,
    name: e?.name ?? m.text,
    lat: e?.lat ?? null,
    lon: e?.lon ?? null,
    country: e?.country || null,
    featureCode: e?.featureCode ?? null,
    admin1: e ? (e.featureCode === 'ADM1' ? e.name : e.admin1Name ?? null) : null,
    geoPrecision: cls ? (cls === 'PCL' || cls === 'ADM1' || cls === 'RGN' ? 3 : cls === 'ADM2' || cls === 'H' || cls === 'T' ? 2 : 1) : null,
    score: chosen ? round(r.probabilities[r.chosen]!) : 0,
    reason: e
      ? `${e.name} (${e.featureCode}${e.country ? `, ${e.country}` : ''}${e.population ? `, population ${e.population.toLocaleString('en')}` : ''}) chosen among ${r.candidates.length} candidate${r.candidates.length === 1 ? '' : 's'}${r.container ? `, inside ${r.container.name} as the text says` : ''}${r.actorReason ? `; ${r.actorReason}` : ''}${runnerUp ? `; runner-up ${runnerUp.name} (${runnerUp.country || 'no country'}, p=${runnerUp.score})` : ''}`
      : `${r.unresolvedReason ?? 'unresolved'}${r.kindCue ? ` (the text calls it a ${r.kindCue})` : ''}`,
    candidates,
    runnerUp,
    unresolvedReason: r.unresolvedReason,
    radiusKm: e?.radiusKm ?? null,
    relative: null,
    refersTo: null,
    sentence: tokens[m.startToken]?.sentence ?? 0,
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * ACLED's admin1 of a place: its entry's; for an unresolved place located from another ("southwest
 * of Sirte"), that one's division; for a nominal ("the city"), its referent's.
 */
function admin1Of(d: Draft, drafts: readonly Draft[]): string | null {
  if (d.admin1) return d.admin1;
  const anchor = d.relative && !d.gazetteerId && d.form === 'name' ? d.relative.anchorDrafts[0] : undefined;
  if (anchor !== undefined && drafts[anchor]?.admin1) return drafts[anchor]!.admin1;
  return d.refersTo !== null ? drafts[d.refersTo]?.admin1 ?? null : null;
}
