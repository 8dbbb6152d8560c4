/**
 * `sitrep eval geoparse`: run the geoparser over an annotated corpus (shared/spec/EVAL.md) and
 * score it, end to end from the text or resolving the gold spans (`--gold-spans`).
 */
import { performance } from 'node:perf_hooks';
import type { RunContext } from '../core/index.js';
import { domainOf } from '../recognize/places/domain.js';
import { geoparse } from '../resolve/geoparse.js';
import type { Resolution } from '../resolve/resolveMentions.js';
import { analyze } from '../text/index.js';
import { reportActors } from '../events/index.js';
import { isHeldOut, type GeoparseDoc } from './geoparseCorpus.js';
import { scoreGeoparse, type DocResult, type GeoparseScores, type Miss, type PredictedToponym } from './geoparseScore.js';

export { parseGeoparseCorpus, isHeldOut, type GeoparseDoc } from './geoparseCorpus.js';
export { scoreGeoparse, errorAuc, type GeoparseScores, type Miss } from './geoparseScore.js';

export type Subset = 'all' | 'heldout' | 'train';

export interface GeoparseEvalOptions {
  readonly goldSpans: boolean;
  readonly subset: Subset;
  /** Follow the annotation convention of each document's corpus (default), or sitrep's own. */
  readonly conventions: boolean;
  /** Weigh the report's actors' countries, as the pipeline does (default true). */
  readonly actors?: boolean;
}

export interface GeoparseEvalReport extends GeoparseScores {
  readonly mode: 'end-to-end' | 'gold-spans';
  readonly subset: Subset;
  readonly words: number;
  readonly seconds: number;
  readonly words_per_s: number;
  /** Errors grouped by cause, largest group first: count and worst examples. */
  readonly misses_by_cause: readonly { cause: string; detail: string; count: number; examples: readonly Miss[] }[];
}

export function selectSubset(docs: readonly GeoparseDoc[], subset: Subset): GeoparseDoc[] {
  if (subset === 'all') return [...docs];
  return docs.filter((d) => (subset === 'heldout') === isHeldOut(d.id));
}

/** Words as `npm run bench` counts them: runs of non-space characters. */
function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) <= 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

export function evaluateGeoparse(ctx: RunContext, corpus: readonly GeoparseDoc[], options: GeoparseEvalOptions, examplesPerCause = 8): GeoparseEvalReport {
  const docs = selectSubset(corpus, options.subset);
  const results: DocResult[] = [];
  let words = 0;
  const t0 = performance.now();
  for (const doc of docs) {
    words += countWords(doc.text);
    const { tokens, sentences } = analyze(doc.text);
    // As the pipeline does: the report's actors' countries are evidence for its places.
    const actorCountries = options.actors === false ? [] : reportActors(ctx, doc.text, sentences, tokens).countries;
    const out = geoparse(ctx, doc.text, tokens, {
      actorCountries,
      domain: options.conventions ? domainOf(doc.corpus) : null,
      goldSpans: options.goldSpans ? doc.toponyms : null,
    });
    const bySpan = new Map(out.resolutions.map((r) => [`${r.mention.start}:${r.mention.end}`, r]));
    // With gold spans, the places found elsewhere were context only: score the given spans.
    const given = (p: { mention: { span: { start: number; end: number } } }) => !options.goldSpans || doc.toponyms.some((t) => t.start === p.mention.span.start && t.end === p.mention.span.end);
    const predicted: PredictedToponym[] = out.places
      .filter((p) => (p.form === 'name' || p.form === 'adjective') && given(p))
      .map((p) => ({
        start: p.mention.span.start,
        end: p.mention.span.end,
        lat: p.lat,
        lon: p.lon,
        gazetteerId: p.gazetteerId,
        name: p.gazetteerId ? p.name : null,
        candidateIds: byProbability(bySpan.get(`${p.mention.span.start}:${p.mention.span.end}`)),
      }));
    results.push({ doc, predicted });
  }
  const seconds = (performance.now() - t0) / 1000;
  const { scores, misses } = scoreGeoparse(results);
  return {
    mode: options.goldSpans ? 'gold-spans' : 'end-to-end',
    subset: options.subset,
    ...scores,
    words,
    seconds,
    words_per_s: seconds > 0 ? words / seconds : 0,
    misses_by_cause: groupMisses(misses, examplesPerCause),
  };
}

function groupMisses(misses: readonly Miss[], n: number): GeoparseEvalReport['misses_by_cause'] {
  const groups = new Map<string, Miss[]>();
  for (const m of misses) {
    const k = `${m.cause}\u0000${m.detail}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(m);
  }
  return [...groups.entries()]
    .map(([k, list]) => {
      const [cause, detail] = k.split('\u0000') as [string, string];
      // Worst first: the farthest wrong places; otherwise the most frequent surface forms.
      const freq = new Map<string, number>();
      for (const m of list) freq.set(m.text, (freq.get(m.text) ?? 0) + 1);
      const sorted = [...list].sort((a, b) => (b.km ?? 0) - (a.km ?? 0) || (freq.get(b.text) ?? 0) - (freq.get(a.text) ?? 0));
      const examples: Miss[] = [];
      const shown = new Set<string>();
      for (const m of sorted) {
        if (shown.has(m.text)) continue;
        shown.add(m.text);
        examples.push(m);
        if (examples.length >= n) break;
      }
      return { cause, detail, count: list.length, examples };
    })
    .sort((a, b) => b.count - a.count);
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const fix = (x: number | null, d = 3) => (x === null ? '—' : x.toFixed(d));

/** The readable report: the metrics table, then the worst misses by cause. */
export function formatGeoparseReport(r: GeoparseEvalReport, origin: string): string {
  const rows: [string, string][] = [
    ['documents', String(r.docs)],
    ['gold toponyms / predicted', `${r.gold} / ${r.predicted}`],
    ['recognition P / R / F1 (exact span)', `${fix(r.precision)} / ${fix(r.recall)} / ${fix(r.f1)}`],
    ['recognition F1 (overlapping span)', fix(r.f1_overlap)],
    ['gold toponyms with coordinates', `${r.gold_with_coordinates} (${r.recognized_with_coordinates} recognized)`],
    ['acc161 (end to end)', pct(r.acc161)],
    ['acc161 over recognized', pct(r.acc161_resolved)],
    ['acc161, or the gold GeoNames id (diagnostic)', pct(r.acc161_or_same_id)],
    ['median / mean error', `${fix(r.median_km, 0)} km / ${fix(r.mean_km, 0)} km`],
    ['AUC of log error (lower is better)', fix(r.auc)],
    ['throughput', `${Math.round(r.words_per_s).toLocaleString('en')} words/s (${r.words.toLocaleString('en')} words in ${r.seconds.toFixed(2)} s)`],
  ];
  const w = Math.max(...rows.map(([a]) => a.length));
  const out = [`Geoparse evaluation of ${origin} (${r.mode}${r.subset === 'all' ? '' : `, ${r.subset} documents`})`, ''];
  for (const [a, b] of rows) out.push(`  ${a.padEnd(w)}  ${b}`);
  out.push('', 'Worst misses by cause:');
  for (const g of r.misses_by_cause) {
    out.push(`  ${g.cause} — ${g.detail}: ${g.count}`);
    for (const m of g.examples) {
      const what = m.cause === 'boundary' ? `"${m.text}" for gold "${m.other}"` : m.cause === 'wrong-place' ? `"${m.text}" → ${m.other} (${m.km} km off)` : `"${m.text}"`;
      out.push(`      ${what}  [${m.docId}] ${m.context}`);
    }
  }
  return out.join('\n') + '\n';
}

/**
 * A resolution's candidate ids, most probable first: the miss report's "gold entry ranked N" is the
 * resolver's rank (the gazetteer's own order said "ranked 1" of places the resolver put lower).
 */
function byProbability(r: Resolution | undefined): string[] {
  if (!r) return [];
  return r.candidates.map((c, i) => [c.entry.id, r.probabilities[i] ?? 0] as const).sort((a, b) => b[1] - a[1]).map(([id]) => id);
}
