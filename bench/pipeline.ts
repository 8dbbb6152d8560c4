/**
 * Throughput of the pipeline so far next to bare wink-nlp tokenization, in the same run, on the
 * same articles. One thread, so words/s is per core. Stages are also timed one by one, so a
 * regression points at its stage.
 */
import { performance } from 'node:perf_hooks';
import { createRunContext } from '../src/core/index.js';
import { extract } from '../src/pipeline.js';
import { analyze, bareTokenize, bundledRules, cleanText } from '../src/text/index.js';
import { resolveTimes } from '../src/time/index.js';
import { loadGazetteer } from '../src/resolve/gazetteerSource.js';
import type { BenchSection } from './types.js';
import { fmt, timeBest, timeBestAsync } from './timing.js';
import { loadNews, type Article } from './corpus.js';


export async function run(options: { maxWordsPerFile: number; rounds: number }): Promise<BenchSection> {
  const articles: Article[] = loadNews(options.maxWordsPerFile);
  if (!articles.length) return { title: 'Pipeline throughput', rows: [['skipped', '../shared/data/news not found']] };
  const words = articles.reduce((s, a) => s + a.words, 0);
  const rules = bundledRules('en');
  // The whole pipeline runs as `sitrep extract` does: with the bundled gazetteer.
  const t0 = performance.now();
  const gazetteer = await loadGazetteer(null, {});
  const loadMs = performance.now() - t0;
  const ctx = createRunContext({ gazetteer });
  const rate = (ms: number) => words / (ms / 1000);

  const bare = timeBest(options.rounds, () => {
    for (const a of articles) bareTokenize(a.text);
  });
  const clean = timeBest(options.rounds, () => {
    for (const a of articles) cleanText(a.text, 'input', rules, ctx.limits.maxTextChars);
  });
  const nlp = timeBest(options.rounds, () => {
    for (const a of articles) analyze(a.text);
  });
  const time = timeBest(options.rounds, () => {
    for (const a of articles) resolveTimes(createRunContext({ referenceDate: a.date }), a.text);
  });
  const whole = await timeBestAsync(options.rounds, async () => {
    for (const a of articles) {
      await extract(ctx, { kind: 'inline', text: a.text }, { published: a.date ? { value: a.date, date: a.date, how: 'option', raw: a.date } : null });
    }
  });

  const ratio = rate(whole) / rate(bare);
  return {
    title: `Pipeline throughput (${articles.length.toLocaleString('en')} articles, ${fmt(words)} words, best of ${options.rounds}, 1 core)`,
    rows: [
      ['bare wink-nlp tokenization (baseline)', `${fmt(rate(bare))} words/s`],
      ['text: clean + boilerplate', `${fmt(rate(clean))} words/s`],
      ['text: sentences + tokens + POS (wink sbd, pos)', `${fmt(rate(nlp))} words/s`],
      ['time: dates resolved', `${fmt(rate(time))} words/s`],
      ['gazetteer load (once per process)', gazetteer ? `${loadMs.toFixed(0)} ms` : 'no gazetteer in this build'],
      ['whole pipeline (extract, with places)', `${fmt(rate(whole))} words/s`],
      ['ratio whole / bare tokenization', `${ratio.toFixed(3)} (whole pipeline costs ${(1 / ratio).toFixed(1)}× tokenization)`],
      ['mean time per article', `${(whole / articles.length).toFixed(2)} ms`],
    ],
  };
}
