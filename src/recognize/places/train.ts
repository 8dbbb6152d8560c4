/**
 * Training the span model (used by scripts/places/train-recognizer.mjs; not part of a run).
 * Gold toponym spans of annotated corpora become the target segmentation of each capitalized run;
 * an averaged structured perceptron learns the weights.
 */
import type { Gazetteer } from '../../core/index.js';
import { analyze } from '../../text/index.js';
import { countDocNames } from './index.js';
import { decodeRun, PerceptronTrainer, runSpans } from './spanModel.js';
import { spanContext, spanFeatures } from './spanFeatures.js';
import { tokenFacts } from './tokens.js';
import { DEFAULT_PLACE_LIMITS } from './index.js';

export interface TrainingDoc {
  readonly id: string;
  readonly text: string;
  readonly spans: readonly { start: number; end: number }[];
  readonly domain: string | null;
}

/** One run of one document with every candidate span's features precomputed. */
interface RunExample {
  readonly domain: string | null;
  readonly candidates: { i: number; j: number; features: string[] }[];
  /** Keys `i:j` of the gold spans in this run. */
  readonly gold: Set<string>;
}

export interface PreparedCorpus {
  readonly runs: RunExample[];
  readonly goldSpans: number;
  /** Gold spans no candidate covers exactly (outside runs, too long, crossing tokens). */
  readonly unreachable: number;
}

export function prepare(docs: readonly TrainingDoc[], gazetteer: Gazetteer | null): PreparedCorpus {
  const runs: RunExample[] = [];
  let goldSpans = 0;
  let unreachable = 0;
  for (const d of docs) {
    const { tokens } = analyze(d.text);
    const facts = tokenFacts(tokens, DEFAULT_PLACE_LIMITS.maxRunTokens);
    const ctx = spanContext(d.text, facts, gazetteer, d.domain);
    countDocNames(ctx);
    const startTok = new Map<number, number>();
    const endTok = new Map<number, number>();
    tokens.forEach((t, k) => {
      startTok.set(t.start, k);
      endTok.set(t.end, k + 1);
    });
    const goldKeys = new Set<string>();
    for (const s of d.spans) {
      goldSpans++;
      const i = startTok.get(s.start);
      const j = endTok.get(s.end);
      if (i === undefined || j === undefined) unreachable++;
      else goldKeys.add(`${i}:${j}`);
    }
    const reached = new Set<string>();
    for (const [rs, re] of facts.runs) {
      const candidates: RunExample['candidates'] = [];
      const gold = new Set<string>();
      for (const [i, j] of runSpans(ctx, rs, re)) {
        const key = `${i}:${j}`;
        candidates.push({ i, j, features: spanFeatures(ctx, i, j, rs, re, []) });
        if (goldKeys.has(key)) {
          gold.add(key);
          reached.add(key);
        }
      }
      runs.push({ domain: d.domain, candidates, gold });
    }
    unreachable += [...goldKeys].filter((k) => !reached.has(k)).length;
  }
  return { runs, goldSpans, unreachable };
}

/** Best segmentation of a prepared run under the given scorer (same DP as decodeRun). */
function decodePrepared(run: RunExample, score: (f: string[]) => number): { i: number; j: number; features: string[] }[] {
  if (!run.candidates.length) return [];
  let lo = Infinity;
  let hi = -Infinity;
  for (const c of run.candidates) {
    lo = Math.min(lo, c.i);
    hi = Math.max(hi, c.j);
  }
  const len = hi - lo;
  const best = new Float64Array(len + 1);
  const back: ({ i: number; j: number; features: string[] } | null)[] = new Array(len + 1).fill(null);
  const scored = run.candidates.map((c) => ({ c, s: score(c.features) })).filter((x) => x.s > 0);
  for (let e = 1; e <= len; e++) {
    best[e] = best[e - 1]!;
    for (const { c, s } of scored) {
      if (c.j - lo !== e) continue;
      const v = best[c.i - lo]! + s;
      if (v > best[e]!) {
        best[e] = v;
        back[e] = c;
      }
    }
  }
  const out: { i: number; j: number; features: string[] }[] = [];
  let e = len;
  while (e > 0) {
    const c = back[e];
    if (c && best[e] !== best[e - 1]) {
      out.push(c);
      e = c.i - lo;
    } else e--;
  }
  return out;
}

/** Deterministic shuffle (mulberry32). */
function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const a = [...xs];
  let s = seed >>> 0;
  const rnd = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = a.length - 1; i > 0; i--) {
    const k = Math.floor(rnd() * (i + 1));
    [a[i], a[k]] = [a[k]!, a[i]!];
  }
  return a;
}

/** Exact-span counts of a weights table on prepared runs, per domain (unreachable gold counts as missed). */
export function evaluatePrepared(corpus: PreparedCorpus, weights: Record<string, number>): Map<string, { tp: number; fp: number; fn: number }> {
  const w = new Map(Object.entries(weights));
  const score = (f: string[]) => {
    let s = 0;
    for (const x of f) s += w.get(x) ?? 0;
    return s;
  };
  const out = new Map<string, { tp: number; fp: number; fn: number }>();
  for (const run of corpus.runs) {
    const k = run.domain ?? '-';
    let c = out.get(k);
    if (!c) out.set(k, (c = { tp: 0, fp: 0, fn: 0 }));
    const pred = decodePrepared(run, score);
    for (const p of pred) {
      if (run.gold.has(`${p.i}:${p.j}`)) c.tp++;
      else c.fp++;
    }
    c.fn += run.gold.size - pred.filter((p) => run.gold.has(`${p.i}:${p.j}`)).length;
  }
  return out;
}

export interface TrainOptions {
  readonly epochs: number;
  /** Called after each epoch with the averaged weights so far. */
  readonly onEpoch?: (epoch: number, weights: () => Record<string, number>) => void;
  readonly log?: (s: string) => void;
}

export function train(corpus: PreparedCorpus, epochsOrOptions: number | TrainOptions, log: (s: string) => void = () => {}): Record<string, number> {
  const opts: TrainOptions = typeof epochsOrOptions === 'number' ? { epochs: epochsOrOptions, log } : epochsOrOptions;
  const epochs = opts.epochs;
  log = opts.log ?? log;
  const p = new PerceptronTrainer();
  for (let ep = 0; ep < epochs; ep++) {
    let errors = 0;
    for (const run of shuffled(corpus.runs, 17 + ep)) {
      p.tick();
      // Loss-augmented decoding: a non-gold span gets +1, a gold span −1, so margins grow.
      const pred = decodePrepared(run, (f) => p.score(f));
      const predKeys = new Set(pred.map((c) => `${c.i}:${c.j}`));
      const same = predKeys.size === run.gold.size && [...predKeys].every((k) => run.gold.has(k));
      if (same) continue;
      errors++;
      for (const c of run.candidates) {
        const key = `${c.i}:${c.j}`;
        const inGold = run.gold.has(key);
        const inPred = predKeys.has(key);
        if (inGold && !inPred) p.update(c.features, 1);
        else if (inPred && !inGold) p.update(c.features, -1);
      }
    }
    log(`epoch ${ep + 1}: ${errors} runs wrong of ${corpus.runs.length}`);
    opts.onEpoch?.(ep + 1, () => p.averaged());
  }
  return p.averaged();
}

export { decodeRun, spanFeatures };
