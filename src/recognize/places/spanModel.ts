/**
 * A linear model over candidate spans, decoded per capitalized run as the best set of
 * non-overlapping spans (a semi-Markov segmentation: each span scores the sum of its feature
 * weights, unchosen tokens score 0). Trained as an averaged structured perceptron
 * (scripts/places/train-recognizer.mjs); weights ship as data/places/recognizer.json.
 */
import { readFileSync } from 'node:fs';
import { dataPath } from '../../core/index.js';
import { MAX_SPAN_TOKENS, spanFeatures, type SpanContext } from './spanFeatures.js';
import { isConnector } from './tokens.js';

export interface SpanModelFile {
  readonly schema: 'sitrep/place-recognizer@1';
  /** How it was trained: corpora, documents, epochs, date of the data. */
  readonly trainedOn: Record<string, unknown>;
  readonly weights: Record<string, number>;
}

export class SpanModel {
  constructor(readonly weights: Map<string, number>) {}

  static fromFile(file: SpanModelFile): SpanModel {
    if (file.schema !== 'sitrep/place-recognizer@1') throw new Error(`place recognizer: expecting schema sitrep/place-recognizer@1, found ${String(file.schema)}`);
    return new SpanModel(new Map(Object.entries(file.weights)));
  }

  score(features: readonly string[]): number {
    let s = 0;
    for (const f of features) s += this.weights.get(f) ?? 0;
    return s;
  }
}

let bundled: SpanModel | null = null;

export function bundledSpanModel(): SpanModel {
  if (!bundled) {
    const file = dataPath('places', 'recognizer.json');
    bundled = SpanModel.fromFile(JSON.parse(readFileSync(file, 'utf8')) as SpanModelFile);
  }
  return bundled;
}

export interface ScoredSpan {
  readonly i: number;
  readonly j: number;
  readonly score: number;
  readonly features: readonly string[];
}

/** Candidate spans of a run: they start and end on a name token, at most MAX_SPAN_TOKENS long. */
export function* runSpans(ctx: SpanContext, rs: number, re: number): Generator<[number, number]> {
  const lower = ctx.facts.lower;
  for (let i = rs; i < re; i++) {
    if (isConnector(lower[i]!) || ctx.facts.cases[i] === 'lower') continue;
    for (let j = i + 1; j <= re && j - i <= MAX_SPAN_TOKENS; j++) {
      if (isConnector(lower[j - 1]!) || ctx.facts.cases[j - 1] === 'lower') continue;
      yield [i, j];
    }
  }
}

/**
 * Best segmentation of run [rs, re): the non-overlapping spans of positive score with the
 * largest total. `score` scores one span (the model, or model + loss when training).
 */
export function decodeRun(ctx: SpanContext, rs: number, re: number, score: (features: string[]) => number): ScoredSpan[] {
  const len = re - rs;
  const best = new Float64Array(len + 1);
  const back: (ScoredSpan | null)[] = new Array(len + 1).fill(null);
  const byEnd: ScoredSpan[][] = Array.from({ length: len + 1 }, () => []);
  for (const [i, j] of runSpans(ctx, rs, re)) {
    const features = spanFeatures(ctx, i, j, rs, re, []);
    const s = score(features);
    if (s > 0) byEnd[j - rs]!.push({ i, j, score: s, features });
  }
  for (let e = 1; e <= len; e++) {
    best[e] = best[e - 1]!;
    back[e] = null;
    for (const sp of byEnd[e]!) {
      const v = best[sp.i - rs]! + sp.score;
      if (v > best[e]!) {
        best[e] = v;
        back[e] = sp;
      }
    }
  }
  const out: ScoredSpan[] = [];
  let e = len;
  while (e > 0) {
    const sp = back[e];
    if (sp) {
      out.push(sp);
      e = sp.i - rs;
    } else e--;
  }
  return out.reverse();
}

/** Averaged perceptron training state (the lazy-update trick: totals with timestamps). */
export class PerceptronTrainer {
  readonly w = new Map<string, number>();
  private readonly total = new Map<string, number>();
  private readonly stamp = new Map<string, number>();
  private t = 0;

  tick(): void {
    this.t++;
  }

  update(features: readonly string[], delta: number): void {
    for (const f of features) {
      const w = this.w.get(f) ?? 0;
      const last = this.stamp.get(f) ?? 0;
      this.total.set(f, (this.total.get(f) ?? 0) + (this.t - last) * w);
      this.stamp.set(f, this.t);
      this.w.set(f, w + delta);
    }
  }

  score(features: readonly string[]): number {
    let s = 0;
    for (const f of features) s += this.w.get(f) ?? 0;
    return s;
  }

  /** Averaged weights, rounded and with near-zero ones dropped. */
  averaged(minAbs = 1e-3): Record<string, number> {
    const out: Record<string, number> = {};
    const keys = [...this.w.keys()].sort();
    for (const f of keys) {
      const w = this.w.get(f)!;
      const total = (this.total.get(f) ?? 0) + (this.t - (this.stamp.get(f) ?? 0)) * w;
      const avg = this.t ? total / this.t : w;
      if (Math.abs(avg) >= minAbs) out[f] = Math.round(avg * 1000) / 1000;
    }
    return out;
  }
}
