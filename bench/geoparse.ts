/**
 * Throughput of the geoparser (recognition + resolution, on tokens already made) next to bare
 * wink-nlp tokenization, in the same run, on the same news articles; one thread (per core). Also
 * the cost with wink's tokens and POS included, and the work on hostile inputs (bounded: caps are
 * reported as warnings). Run alone with `node dist/bench/geoparse.js`, or from bench/run.ts.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createRunContext } from '../src/core/index.js';
import { geoparse } from '../src/resolve/geoparse.js';
import { openGazetteer } from '../src/resolve/gazetteer/index.js';
import { analyze, bareTokenize } from '../src/text/index.js';
import { loadNews } from './corpus.js';
import type { BenchSection } from './types.js';
import { fmt, timeBest } from './timing.js';

export async function run(options: { maxWordsPerFile?: number; rounds?: number } = {}): Promise<BenchSection> {
  const articles = loadNews(options.maxWordsPerFile ?? 100_000);
  if (!articles.length) return { title: 'Geoparser throughput', rows: [['skipped', '../shared/data/news not found']] };
  const rounds = options.rounds ?? 3;
  const gazetteer = openGazetteer(null, process.env);
  const ctx = createRunContext({ gazetteer });
  const words = articles.reduce((s, a) => s + a.words, 0);
  const rate = (ms: number) => words / (ms / 1000);
  const analyzed = articles.map((a) => ({ text: a.text, tokens: analyze(a.text).tokens }));
  // Warm the name cache once (a long-running process keeps it), then time.
  const bare = timeBest(rounds, () => {
    for (const a of articles) bareTokenize(a.text);
  });
  const nlp = timeBest(rounds, () => {
    for (const a of articles) analyze(a.text);
  });
  // The first pass meets every name for the first time (cold name cache, lazy gazetteer pages).
  const c0 = performance.now();
  for (const a of analyzed) geoparse(ctx, a.text, a.tokens);
  const cold = performance.now() - c0;
  let places = 0;
  const geo = timeBest(rounds, () => {
    places = 0;
    for (const a of analyzed) places += geoparse(ctx, a.text, a.tokens).places.length;
  });

  // Hostile inputs: work stays bounded and caps say so.
  const caps = 'Alpha Bravo Charlie Delta Echo Foxtrot '.repeat(2000);
  const list = Array.from({ length: 10_000 }, (_, i) => ['Sirte', 'Misrata', 'Tripoli', 'Benghazi', 'Paris', 'London', 'Springfield'][i % 7]).join(', ');
  const hostile: [string, string][] = [];
  const big = articles.map((a) => a.text).join('\n\n').repeat(8).slice(0, 5_000_000);
  for (const [name, text] of [['12,000 capitalized words', caps], ['10,000 place names in a list', list], ['a 5 MB document', big]] as const) {
    const tokens = analyze(text).tokens;
    const t0 = performance.now();
    const r = geoparse(ctx, text, tokens);
    hostile.push([name, `${(performance.now() - t0).toFixed(0)} ms, ${r.places.length} places, warnings: ${r.warnings.map((w) => w.code).join(', ') || 'none'}`]);
  }

  return {
    title: `Geoparser throughput (${articles.length} articles, ${fmt(words)} words, best of ${rounds}, 1 core, ${process.env['SITREP_GAZETTEER'] ?? 'bundled gazetteer'})`,
    rows: [
      ['bare wink-nlp tokenization (baseline)', `${fmt(rate(bare))} words/s`],
      ['wink tokens + sentences + POS (analyze)', `${fmt(rate(nlp))} words/s`],
      ['recognition + resolution (on tokens)', `${fmt(rate(geo))} words/s (${places.toLocaleString('en')} places)`],
      ['  first pass, cold name cache', `${fmt(rate(cold))} words/s`],
      ['ratio geoparser / bare tokenization', `${(rate(geo) / rate(bare)).toFixed(2)}`],
      ['analyze + geoparse', `${fmt(words / ((nlp + geo) / 1000))} words/s, ratio ${(words / ((nlp + geo) / 1000) / rate(bare)).toFixed(2)}`],
      ...hostile,
    ],
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const s = await run();
  process.stdout.write(`\n${s.title}\n`);
  const width = Math.max(...s.rows.map(([l]) => l.length));
  for (const [l, v] of s.rows) process.stdout.write(`  ${l.padEnd(width)}  ${v}\n`);
  process.stdout.write(`  ${'peak RSS'.padEnd(width)}  ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB\n`);
}
