/**
 * Training the candidate ranker (used by scripts/places/train-resolver.mjs; not part of a run).
 * For each gold toponym the target is the candidate with the gold GeoNames id, else the candidate
 * nearest the gold coordinates if within 161 km; toponyms with no such candidate teach nothing.
 * An averaged perceptron over the ranker's features; the document context (focus, distances) is
 * recomputed with the current weights before each epoch.
 */
import type { Gazetteer } from '../core/index.js';
import { analyze } from '../text/index.js';
import { tokenFacts } from '../recognize/places/tokens.js';
import { DEFAULT_PLACE_LIMITS } from '../recognize/places/index.js';
import { FEATURES } from './candidateFeatures.js';
import { mentionsFromSpans } from './geoparse.js';
import { distanceKm } from './geo/index.js';
import { Ranker } from './ranker.js';
import { resolveMentions } from './resolveMentions.js';

export interface RankerTrainingDoc {
  readonly id: string;
  readonly text: string;
  readonly toponyms: readonly { start: number; end: number; lat: number | null; lon: number | null; geonameid: number | null }[];
}

export interface RankerTrainResult {
  readonly weights: Record<string, number>;
  readonly log: string[];
}

/**
 * Softmax regression over each mention's candidates (the "none of these" case is left out: a
 * mention whose target is not among the candidates teaches nothing), fitted by SGD with L2.
 * `rounds` times: resolve with the current weights (so the context features reflect its choices),
 * then `epochs` passes over the vectors.
 */
export function trainRanker(docs: readonly RankerTrainingDoc[], gazetteer: Gazetteer, start: Ranker, epochs: number, rounds = 3): RankerTrainResult {
  const prepared = docs.map((d) => {
    const { tokens } = analyze(d.text);
    const golds = d.toponyms.filter((t) => t.lat !== null && t.lon !== null);
    return { d, tokens, facts: tokenFacts(tokens, DEFAULT_PLACE_LIMITS.maxRunTokens), mentions: mentionsFromSpans(d.text, tokens, golds), golds };
  });
  const n = FEATURES.length;
  const w = Float64Array.from(start.w);
  const log: string[] = [];
  const l2 = 1e-4;
  for (let round = 0; round < rounds; round++) {
    // Examples with the context of the current weights.
    const examples: { vectors: Float64Array[]; target: number; ok: boolean[] }[] = [];
    const ranker = new Ranker(Float64Array.from(w));
    for (const p of prepared) {
      const res = resolveMentions(gazetteer, p.facts, p.mentions, { ranker });
      res.forEach((r, k) => {
        const g = p.golds[k]!;
        if (r.candidates.length < 2) return;
        const gid = g.geonameid !== null ? `geonames:${g.geonameid}` : null;
        let target = gid ? r.candidates.findIndex((c) => c.entry.id === gid) : -1;
        const ok = r.candidates.map((c) => c.entry.id === gid || distanceKm(g.lat!, g.lon!, c.entry.lat, c.entry.lon) < 161);
        if (target < 0) {
          let best = 161;
          r.candidates.forEach((c, i) => {
            const km = distanceKm(g.lat!, g.lon!, c.entry.lat, c.entry.lon);
            if (km < best) {
              best = km;
              target = i;
            }
          });
        }
        if (target >= 0) examples.push({ vectors: r.vectors.map((v) => Float64Array.from(v)), target, ok });
      });
    }
    for (let ep = 0; ep < epochs; ep++) {
      const lr = 0.1 / (1 + ep);
      let right = 0;
      for (let e = 0; e < examples.length; e++) {
        const x = examples[(e * 7919 + ep * 104729) % examples.length]!;
        const scores = x.vectors.map((v) => {
          let s = 0;
          for (let f = 0; f < n; f++) s += v[f]! * w[f]!;
          return s;
        });
        const m = Math.max(...scores);
        const ex = scores.map((sc) => Math.exp(sc - m));
        const z = ex.reduce((a, b) => a + b, 0);
        let best = 0;
        for (let i = 1; i < scores.length; i++) if (scores[i]! > scores[best]!) best = i;
        if (x.ok[best]) right++;
        for (let f = 1; f < n; f++) {
          let grad = x.vectors[x.target]![f]!;
          for (let i = 0; i < ex.length; i++) grad -= (ex[i]! / z) * x.vectors[i]![f]!;
          w[f] = w[f]! + lr * (grad - l2 * w[f]!);
        }
      }
      if (ep === epochs - 1) log.push(`round ${round + 1}: ${right}/${examples.length} ambiguous mentions right in the last epoch`);
    }
  }
  const weights: Record<string, number> = {};
  FEATURES.forEach((f, i) => {
    if (Math.abs(w[i]!) >= 1e-3) weights[f] = Math.round(w[i]! * 1000) / 1000;
  });
  return { weights, log };
}
