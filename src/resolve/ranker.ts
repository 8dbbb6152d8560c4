/**
 * The candidate ranker: a linear score over the features of candidateFeatures.ts, turned into a
 * probability over one mention's candidates (softmax). Weights are data (data/places/resolver.json),
 * learned by scripts/places/train-resolver.mjs from the gold gazetteer ids of the dev corpora.
 */
import { readFileSync } from 'node:fs';
import { dataPath } from '../core/index.js';
import { FEATURES, type FeatureName } from './candidateFeatures.js';

export interface RankerFile {
  readonly schema: 'sitrep/place-resolver@1';
  readonly trainedOn: Record<string, unknown>;
  readonly weights: Partial<Record<FeatureName, number>>;
}

export class Ranker {
  constructor(readonly w: Float64Array) {}

  static fromFile(file: RankerFile): Ranker {
    if (file.schema !== 'sitrep/place-resolver@1') throw new Error(`place resolver: expecting schema sitrep/place-resolver@1, found ${String(file.schema)}`);
    const w = new Float64Array(FEATURES.length);
    for (const [k, v] of Object.entries(file.weights)) {
      const i = FEATURES.indexOf(k as FeatureName);
      if (i < 0) throw new Error(`place resolver: unknown feature "${k}" in the weights file; known: ${FEATURES.join(', ')}`);
      w[i] = v ?? 0;
    }
    return new Ranker(w);
  }

  score(v: Float64Array): number {
    let s = 0;
    for (let i = 0; i < v.length; i++) s += v[i]! * this.w[i]!;
    return s;
  }

  /** The largest contributions to a score, for reasons: [feature, weight × value]. */
  contributions(v: Float64Array, n = 4): [FeatureName, number][] {
    const out: [FeatureName, number][] = [];
    for (let i = 1; i < v.length; i++) if (v[i] !== 0 && this.w[i] !== 0) out.push([FEATURES[i]!, v[i]! * this.w[i]!]);
    return out.sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).slice(0, n);
  }
}

let bundled: Ranker | null = null;

export function bundledRanker(): Ranker {
  if (!bundled) bundled = Ranker.fromFile(JSON.parse(readFileSync(dataPath('places', 'resolver.json'), 'utf8')) as RankerFile);
  return bundled;
}

/** Softmax of scores (stable). */
export function softmax(scores: readonly number[]): number[] {
  if (!scores.length) return [];
  const m = Math.max(...scores);
  const e = scores.map((s) => Math.exp(s - m));
  const z = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / z);
}
