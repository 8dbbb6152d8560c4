/**
 * The geoparser stage: recognize place mentions, resolve them, tell how each is used, and place
 * the unresolved ones relative to the resolved ones. One call from the pipeline:
 *
 *   geoparse(ctx, text, tokens) → { mentions, places, warnings }
 *
 * Order matters: usage needs the mentions (and their neighbours); relative locations need the
 * resolved anchors; coreference ("the city") needs the resolved names before it.
 */
import type { Gazetteer, Mention, Place, PlaceCandidate, PlaceKind, RunContext, Token, Warning } from '../core/index.js';
import { spanOf } from '../core/index.js';
import { recognizePlaces, type PlaceMention, type RecognizeOptions } from '../recognize/places/index.js';
import { entryClass } from '../recognize/places/spanFeatures.js';
import { tokenFacts, type TokenFacts } from '../recognize/places/tokens.js';
import { DEFAULT_PLACE_LIMITS } from '../recognize/places/index.js';
import { bundledRanker } from './ranker.js';
import { resolveMentions, type Resolution, type ResolveOptions } from './resolveMentions.js';

export interface GeoparseOptions {
  /** Annotation convention (a corpus name, for `sitrep eval`); null for sitrep's own. */
  readonly domain?: string | null;
  /** Given spans to resolve instead of recognizing them (`eval geoparse --gold-spans`). */
  readonly goldSpans?: readonly { start: number; end: number }[] | null;
  readonly recognize?: Partial<RecognizeOptions>;
  readonly resolve?: ResolveOptions;
}

export interface GeoparseResult {
  readonly mentions: Mention[];
  readonly places: Place[];
  readonly warnings: Warning[];
  /** The resolver's working (candidates, vectors), for the eval and the explain trace. */
  readonly resolutions: readonly Resolution[];
}

/** Candidates listed per place in the output. */
const LISTED_CANDIDATES = 5;

export function geoparse(ctx: RunContext, text: string, tokens: readonly Token[], options: GeoparseOptions = {}): GeoparseResult {
  const warnings: Warning[] = [];
  const gazetteer = ctx.gazetteer;
  let facts: TokenFacts;
  let mentions: PlaceMention[];
  if (options.goldSpans) {
    facts = tokenFacts(tokens, DEFAULT_PLACE_LIMITS.maxRunTokens);
    mentions = mentionsFromSpans(text, tokens, options.goldSpans);
  } else {
    const rec = recognizePlaces(text, tokens, { gazetteer, domain: options.domain ?? null, ...options.recognize });
    facts = rec.facts;
    mentions = rec.mentions;
    warnings.push(...rec.warnings);
  }
  if (!gazetteer) {
    warnings.push({ code: 'places.no-gazetteer', stage: 'places', message: 'no gazetteer loaded: places are recognized but not resolved' });
  }
  const resolutions = gazetteer ? resolveMentions(gazetteer, facts, mentions, { ranker: bundledRanker(), ...options.resolve }) : mentions.map(unresolved);
  ctx.debug('places', () => resolutions.map((r) => `${r.mention.text} → ${r.chosen >= 0 ? `${r.candidates[r.chosen]!.entry.name} (${r.candidates[r.chosen]!.entry.id}) p=${r.probabilities[r.chosen]!.toFixed(2)}` : `unresolved: ${r.unresolvedReason}`}`));

  const outMentions: Mention[] = [];
  const places: Place[] = [];
  resolutions.forEach((r, k) => {
    const m = r.mention;
    const mention: Mention = {
      id: `m${k + 1}`,
      span: spanOf(text, m.start, m.end),
      type: 'place',
      evidence: { spans: [spanOf(text, m.start, m.end)], rules: [...m.rules] },
    };
    outMentions.push(mention);
    places.push(toPlace(`p${k + 1}`, mention, r, gazetteer));
  });
  return { mentions: outMentions, places, warnings, resolutions };
}

function unresolved(m: PlaceMention): Resolution {
  return { mention: m, candidates: [], probabilities: [], vectors: [], chosen: -1, kindCue: null, container: null, unresolvedReason: 'no gazetteer loaded' };
}

/** Mentions for given spans (gold spans), snapped to the tokens they cover. */
function mentionsFromSpans(text: string, tokens: readonly Token[], spans: readonly { start: number; end: number }[]): PlaceMention[] {
  const out: PlaceMention[] = [];
  for (const s of spans) {
    let i = tokens.findIndex((t) => t.end > s.start);
    if (i < 0) i = tokens.length - 1;
    let j = i;
    while (j < tokens.length && tokens[j]!.start < s.end) j++;
    if (j === i) j = i + 1;
    out.push({ start: s.start, end: s.end, text: text.slice(s.start, s.end), startToken: i, endToken: Math.min(j, tokens.length), form: 'name', score: 1, demonymOf: null, rules: ['place/given-span'] });
  }
  return out;
}

const KIND_OF_CLASS: Record<string, PlaceKind> = { PCL: 'country', ADM1: 'admin', ADM2: 'admin', PPLC: 'city', PPLA: 'city', PPL: 'city', H: 'water', T: 'mountain', RGN: 'region', L: 'region', S: 'facility', R: 'street' };

function toPlace(id: string, mention: Mention, r: Resolution, _gazetteer: Gazetteer | null): Place {
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
  const order = summaries.map((_, i) => i).sort((a, b) => summaries[b]!.score - summaries[a]!.score);
  const candidates = order.map((i) => summaries[i]!);
  const chosen = r.chosen >= 0 ? r.candidates[r.chosen]! : null;
  const runnerUp = chosen ? candidates.find((c) => c.gazetteerId !== chosen.entry.id) ?? null : null;
  const cls = chosen ? entryClass(chosen) : null;
  const kind: PlaceKind = cls ? KIND_OF_CLASS[cls] ?? 'other' : ((r.kindCue as PlaceKind | null) ?? 'other');
  return {
    id,
    mention,
    gazetteerId: chosen?.entry.id ?? null,
    name: chosen?.entry.name ?? r.mention.text,
    lat: chosen?.entry.lat ?? null,
    lon: chosen?.entry.lon ?? null,
    country: chosen?.entry.country || null,
    featureCode: chosen?.entry.featureCode ?? null,
    geoPrecision: chosen ? (cls === 'PCL' || cls === 'ADM1' || cls === 'RGN' ? 3 : cls === 'ADM2' || cls === 'H' || cls === 'T' ? 2 : 1) : null,
    score: chosen ? round(r.probabilities[r.chosen]!) : 0,
    evidence: { spans: mention.evidence.spans, rules: [...r.mention.rules, chosen ? 'place/resolve/ranked' : 'place/resolve/none'], reason: chosen ? `${chosen.entry.name} (${chosen.entry.featureCode}, ${chosen.entry.country || 'no country'}) chosen among ${r.candidates.length} candidate${r.candidates.length === 1 ? '' : 's'}` : r.unresolvedReason ?? 'unresolved' },
    form: r.mention.form,
    usage: 'literal',
    kind,
    candidates,
    runnerUp,
    unresolvedReason: r.unresolvedReason,
    relative: null,
    refersTo: null,
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
