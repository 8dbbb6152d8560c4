/**
 * Scoring a geoparser against gold toponyms, with the metrics of shared/spec/EVAL.md:
 * strict and overlap recognition P/R/F1, accuracy within 161 km (end to end and over recognized
 * toponyms), median/mean error and the AUC of Gritta et al. (2018), plus every error with its cause.
 */
import { distanceKm, MAX_ERROR_KM } from '../resolve/geo/index.js';
import type { GeoparseDoc, GoldToponym } from './geoparseCorpus.js';

/** One place the geoparser reports for a document (coordinates null when it abstained). */
export interface PredictedToponym {
  readonly start: number;
  readonly end: number;
  readonly lat: number | null;
  readonly lon: number | null;
  /** `geonames:…` or another gazetteer id, when resolved. */
  readonly gazetteerId: string | null;
  readonly name: string | null;
  /** Ids of the candidates weighed, best first (for the cause of a wrong resolution). */
  readonly candidateIds?: readonly string[];
}

export interface DocResult {
  readonly doc: GeoparseDoc;
  readonly predicted: readonly PredictedToponym[];
}

export type MissCause =
  | 'missed' // a gold toponym nothing overlaps
  | 'boundary' // overlapped, but not the same span
  | 'spurious' // a prediction that overlaps no gold toponym
  | 'wrong-place' // recognized, resolved more than 161 km away
  | 'unresolved'; // recognized, no coordinates given

export interface Miss {
  readonly cause: MissCause;
  /** A finer reason: `gold id not among the candidates`, `gold ranked 2nd`, … */
  readonly detail: string;
  readonly docId: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The gold span's text for boundary errors, the prediction's for the others. */
  readonly other: string | null;
  readonly km: number | null;
  /** A few words either side. */
  readonly context: string;
}

export interface GeoparseScores {
  readonly docs: number;
  readonly gold: number;
  readonly predicted: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly precision_overlap: number;
  readonly recall_overlap: number;
  readonly f1_overlap: number;
  /** Gold toponyms with coordinates (the denominator of acc161). */
  readonly gold_with_coordinates: number;
  readonly recognized_with_coordinates: number;
  readonly acc161: number;
  readonly acc161_resolved: number;
  /**
   * Diagnostic: like acc161, but a prediction with the gold GeoNames id also counts as right
   * wherever the gazetteer puts it (countries' representative points differ between gazetteers).
   */
  readonly acc161_or_same_id: number;
  readonly median_km: number | null;
  readonly mean_km: number | null;
  readonly auc: number | null;
}

const f1 = (p: number, r: number) => (p + r > 0 ? (2 * p * r) / (p + r) : 0);
const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);

function context(text: string, start: number, end: number): string {
  const a = Math.max(0, start - 40);
  const b = Math.min(text.length, end + 40);
  return `${a > 0 ? '…' : ''}${text.slice(a, start)}[${text.slice(start, end)}]${text.slice(end, b)}${b < text.length ? '…' : ''}`.replace(/\s+/g, ' ');
}

/** The prediction a gold toponym is scored against: the same span, else the largest overlap. */
function matchOf(g: GoldToponym, preds: readonly PredictedToponym[]): PredictedToponym | null {
  let best: PredictedToponym | null = null;
  let bestOverlap = 0;
  for (const p of preds) {
    if (p.start === g.start && p.end === g.end) return p;
    const ov = Math.min(p.end, g.end) - Math.max(p.start, g.start);
    if (ov > bestOverlap) {
      bestOverlap = ov;
      best = p;
    }
  }
  return best;
}

/**
 * Area under the curve of log(1 + error km) over the sorted errors, normalised by log(20039) and the
 * number of intervals, by the trapezoidal rule — the AUC of Gritta et al. (2018). 0 is perfect.
 */
export function errorAuc(errorsKm: readonly number[]): number | null {
  if (errorsKm.length < 2) return errorsKm.length === 1 ? Math.log(1 + errorsKm[0]!) / Math.log(MAX_ERROR_KM) : null;
  const ys = [...errorsKm].sort((a, b) => a - b).map((e) => Math.log(1 + e));
  let area = 0;
  for (let i = 1; i < ys.length; i++) area += (ys[i - 1]! + ys[i]!) / 2;
  return area / (Math.log(MAX_ERROR_KM) * (ys.length - 1));
}

function median(xs: readonly number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * Score the results. Recognition counts only documents whose annotation is exhaustive; resolution
 * counts every gold toponym with coordinates. A prediction without coordinates scores the largest
 * possible error (20,039 km), so abstaining never pays in the distance metrics.
 */
export function scoreGeoparse(results: readonly DocResult[]): { scores: GeoparseScores; misses: Miss[] } {
  let gold = 0;
  let predicted = 0;
  let strictTp = 0;
  let goldOverlapped = 0;
  let predOverlapping = 0;
  let goldCoords = 0;
  let recognizedCoords = 0;
  let within = 0;
  let withinOrId = 0;
  const errors: number[] = [];
  const misses: Miss[] = [];

  for (const { doc, predicted: preds } of results) {
    const golds = doc.toponyms;
    if (doc.exhaustive) {
      gold += golds.length;
      const spanKeys = new Set(golds.map((g) => `${g.start}:${g.end}`));
      const seen = new Set<string>();
      for (const p of preds) {
        const key = `${p.start}:${p.end}`;
        if (seen.has(key)) continue; // one prediction per span
        seen.add(key);
        predicted++;
        if (spanKeys.has(key)) strictTp++;
        if (golds.some((g) => g.start < p.end && p.start < g.end)) predOverlapping++;
        else misses.push({ cause: 'spurious', detail: 'no gold toponym here', docId: doc.id, start: p.start, end: p.end, text: doc.text.slice(p.start, p.end), other: p.name, km: null, context: context(doc.text, p.start, p.end) });
      }
    }
    for (const g of golds) {
      const m = matchOf(g, preds);
      if (doc.exhaustive && m) goldOverlapped++;
      if (!m) {
        misses.push({ cause: 'missed', detail: 'not recognized', docId: doc.id, start: g.start, end: g.end, text: g.name, other: null, km: null, context: context(doc.text, g.start, g.end) });
      } else if (m.start !== g.start || m.end !== g.end) {
        misses.push({ cause: 'boundary', detail: m.start <= g.start && m.end >= g.end ? 'predicted span too long' : m.start >= g.start && m.end <= g.end ? 'predicted span too short' : 'spans cross', docId: doc.id, start: m.start, end: m.end, text: doc.text.slice(m.start, m.end), other: g.name, km: null, context: context(doc.text, g.start, g.end) });
      }
      if (g.lat === null || g.lon === null) continue;
      goldCoords++;
      if (!m) continue;
      recognizedCoords++;
      const km = m.lat === null || m.lon === null ? MAX_ERROR_KM : distanceKm(g.lat, g.lon, m.lat, m.lon);
      errors.push(km);
      const goldId = g.geonameid === null ? null : `geonames:${g.geonameid}`;
      if (km < 161 || (goldId !== null && m.gazetteerId === goldId)) withinOrId++;
      if (km < 161) {
        within++;
        continue;
      }
      const ids = m.candidateIds ?? [];
      const rank = goldId ? ids.indexOf(goldId) : -1;
      const detail =
        m.lat === null
          ? ids.length ? 'abstained among candidates' : 'no gazetteer candidate'
          : goldId === null
            ? 'gold has coordinates only'
            : rank < 0
              ? 'gold entry not among the candidates'
              : `gold entry ranked ${rank + 1} of ${ids.length}`;
      misses.push({ cause: m.lat === null ? 'unresolved' : 'wrong-place', detail, docId: doc.id, start: g.start, end: g.end, text: g.name, other: m.name, km: m.lat === null ? null : Math.round(km), context: context(doc.text, g.start, g.end) });
    }
  }

  const precision = ratio(strictTp, predicted);
  const recall = ratio(strictTp, gold);
  const po = ratio(predOverlapping, predicted);
  const ro = ratio(goldOverlapped, gold);
  const scores: GeoparseScores = {
    docs: results.length,
    gold,
    predicted,
    precision,
    recall,
    f1: f1(precision, recall),
    precision_overlap: po,
    recall_overlap: ro,
    f1_overlap: f1(po, ro),
    gold_with_coordinates: goldCoords,
    recognized_with_coordinates: recognizedCoords,
    acc161: ratio(within, goldCoords),
    acc161_resolved: ratio(within, recognizedCoords),
    acc161_or_same_id: ratio(withinOrId, goldCoords),
    median_km: median(errors),
    mean_km: errors.length ? errors.reduce((s, e) => s + e, 0) / errors.length : null,
    auc: errorAuc(errors),
  };
  return { scores, misses };
}
