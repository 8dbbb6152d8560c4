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

export function trainRanker(docs: readonly RankerTrainingDoc[], gazetteer: Gazetteer, start: Ranker, epochs: number): RankerTrainResult {
  const prepared = docs.map((d) => {
    const { tokens } = analyze(d.text);
    const golds = d.toponyms.filter((t) => t.lat !== null && t.lon !== null);
    return { d, tokens, facts: tokenFacts(tokens, DEFAULT_PLACE_LIMITS.maxRunTokens), mentions: mentionsFromSpans(d.text, tokens, golds), golds };
  });
  const n = FEATURES.length;
  const w = Float64Array.from(start.w);
  const total = new Float64Array(n);
  let steps = 0;
  const log: string[] = [];
  for (let ep = 0; ep < epochs; ep++) {
    let right = 0;
    let taught = 0;
    let wrong = 0;
    const ranker = new Ranker(Float64Array.from(w));
    for (const p of prepared) {
      const res = resolveMentions(gazetteer, p.facts, p.mentions, { ranker });
      res.forEach((r, k) => {
        const g = p.golds[k]!;
        if (!r.candidates.length) return;
        const gid = g.geonameid !== null ? `geonames:${g.geonameid}` : null;
        let target = gid ? r.candidates.findIndex((c) => c.entry.id === gid) : -1;
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
        if (target < 0) return;
        taught++;
        // Score with the current weights (the vectors hold the context of this epoch).
        let pred = 0;
        let bestS = -Infinity;
        r.vectors.forEach((v, i) => {
          let s = 0;
          for (let f = 0; f < n; f++) s += v[f]! * w[f]!;
          if (s > bestS) {
            bestS = s;
            pred = i;
          }
        });
        const ok = pred === target || distanceKm(r.candidates[pred]!.entry.lat, r.candidates[pred]!.entry.lon, g.lat!, g.lon!) < 161;
        if (ok) right++;
        else {
          wrong++;
          const vt = r.vectors[target]!;
          const vp = r.vectors[pred]!;
          for (let f = 1; f < n; f++) w[f] = w[f]! + 0.1 * (vt[f]! - vp[f]!);
        }
        steps++;
        for (let f = 0; f < n; f++) total[f] = total[f]! + w[f]!;
      });
    }
    log.push(`epoch ${ep + 1}: ${right}/${taught} right (${wrong} updates)`);
  }
  const weights: Record<string, number> = {};
  FEATURES.forEach((f, i) => {
    const avg = steps ? total[i]! / steps : w[i]!;
    if (Math.abs(avg) >= 1e-3) weights[f] = Math.round(avg * 1000) / 1000;
  });
  return { weights, log };
}
