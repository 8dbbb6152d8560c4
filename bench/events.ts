/**
 * Throughput of the events stage (actors, triggers, frames, events, claims, control) next to bare
 * wink tokenization and the whole pipeline, in the same run on the same articles. One thread.
 */
import { performance } from 'node:perf_hooks';
import { createRunContext } from '../src/core/index.js';
import { extractEvents } from '../src/events/index.js';
import { resolveTimes } from '../src/time/index.js';
import { extract } from '../src/pipeline.js';
import { analyze, bareTokenize } from '../src/text/index.js';
import { loadNews, type Article } from './corpus.js';
import type { BenchSection } from './types.js';
import { fmt, timeBest } from './timing.js';

export async function run(options: { maxWordsPerFile?: number; rounds?: number } = {}): Promise<BenchSection> {
  const rounds = options.rounds ?? 3;
  const articles: Article[] = loadNews(options.maxWordsPerFile ?? 100_000);
  if (!articles.length) return { title: 'Events stage throughput', rows: [['skipped', '../shared/data/news not found']] };
  const words = articles.reduce((s, a) => s + a.words, 0);
  const rate = (ms: number) => words / (ms / 1000);
  const analysed = articles.map((a) => ({ a, ...analyze(a.text), times: resolveTimes(createRunContext({ referenceDate: a.date }), a.text).times }));
  const bare = timeBest(rounds, () => {
    for (const a of articles) bareTokenize(a.text);
  });
  let events = 0;
  let claims = 0;
  const stage = timeBest(rounds, () => {
    events = 0;
    claims = 0;
    for (const x of analysed) {
      const r = extractEvents(createRunContext({ referenceDate: x.a.date }), { text: x.a.text, sentences: x.sentences, tokens: x.tokens, times: x.times, places: [] });
      events += r.events.length;
      claims += r.claims.length;
    }
  });
  let whole = Infinity;
  const ctx = createRunContext();
  for (let i = 0; i <= rounds; i++) {
    const t0 = performance.now();
    for (const a of articles) await extract(ctx, { kind: 'inline', text: a.text }, { published: a.date ? { value: a.date, date: a.date, how: 'option', raw: a.date } : null });
    if (i > 0) whole = Math.min(whole, performance.now() - t0);
  }
  return {
    title: `Events stage throughput (${articles.length.toLocaleString('en')} articles, ${fmt(words)} words, best of ${rounds}, 1 core)`,
    rows: [
      ['bare wink-nlp tokenization (baseline)', `${fmt(rate(bare))} words/s`],
      ['events stage alone (actors, triggers, events, claims, control)', `${fmt(rate(stage))} words/s (${(rate(stage) / rate(bare)).toFixed(2)}× tokenization)`],
      ['whole pipeline with events (extract)', `${fmt(rate(whole))} words/s (ratio to tokenization ${(rate(whole) / rate(bare)).toFixed(3)})`],
      ['events / claims found', `${fmt(events)} / ${fmt(claims)} (${(events / articles.length).toFixed(2)} events per article)`],
    ],
  };
}
