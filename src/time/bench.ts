/**
 * Throughput of the time stage, as a section for `npm run bench` (bench/types.ts), or standalone:
 *
 *     node dist/src/time/bench.js [file.jsonl] [articles]
 *
 * Reads JSON Lines news ({ text, date }), runs resolveTimes on each article with its date as the
 * reference, and reports words/s next to a bare whitespace split and chrono alone (stock casual
 * configuration), best of interleaved rounds. Wall-clock numbers belong here, never in tests.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as en from 'chrono-node/en';
import type { BenchSection } from '../../bench/types.js';
import { createRunContext } from '../core/index.js';
import { resolveTimes } from './index.js';
import { repoRoot } from './testing.js';

export interface BenchDoc {
  readonly text: string;
  readonly date: string | null;
}

const WORD = /\S+/g;

/** Best (minimum) time of each task over `rounds` rounds, the tasks interleaved so that noise from
 * other processes falls on all of them alike. */
function best(rounds: number, tasks: ReadonlyArray<() => void>): number[] {
  const min = tasks.map(() => Infinity);
  for (let i = 0; i < rounds; i++) {
    tasks.forEach((run, k) => {
      const t0 = performance.now();
      run();
      min[k] = Math.min(min[k]!, performance.now() - t0);
    });
  }
  return min;
}

export function timeBench(docs: readonly BenchDoc[], rounds = 10): BenchSection {
  const words = docs.reduce((n, d) => n + (d.text.match(WORD)?.length ?? 0), 0);
  const chars = docs.reduce((n, d) => n + d.text.length, 0);
  let found = 0;
  const ref = { instant: new Date(Date.UTC(2000, 0, 1, 12)), timezone: 0 };
  const [split = 0, chrono = 0, stage = 0] = best(rounds, [
    () => {
      for (const d of docs) d.text.match(WORD);
    },
    () => {
      for (const d of docs) en.casual.parse(d.text, ref);
    },
    () => {
      found = 0;
      for (const d of docs) found += resolveTimes(createRunContext({ referenceDate: d.date }), d.text).times.length;
    },
  ]);
  const wps = (ms: number) => `${Math.round(words / (ms / 1000)).toLocaleString('en')} words/s`;
  return {
    title: 'time: resolveTimes',
    rows: [
      ['articles / words / chars', `${docs.length} / ${words} / ${chars}`],
      ['time expressions found', String(found)],
      ['resolveTimes', `${stage.toFixed(0)} ms, ${wps(stage)}`],
      ['chrono.casual.parse alone', `${chrono.toFixed(0)} ms, ${wps(chrono)}`],
      ['resolveTimes / chrono', (stage / chrono).toFixed(2)],
      ['whitespace split', `${split.toFixed(1)} ms, ${wps(split)}`],
    ],
  };
}

export function readNews(path: string, limit: number): BenchDoc[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .slice(0, limit)
    .filter(Boolean)
    .map((l) => {
      const { text, date } = JSON.parse(l) as { text: string; date: string | null };
      return { text, date };
    });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const path = process.argv[2] ?? resolve(repoRoot(), '..', 'shared', 'data', 'news', 'reuters21578.jsonl');
  if (!existsSync(path)) {
    console.error(`time bench: ${path} not found; give a JSON Lines file of { text, date } as the first argument`);
    process.exit(2);
  }
  const section = timeBench(readNews(path, Number(process.argv[3] ?? 1000)));
  console.log(section.title);
  for (const [label, value] of section.rows) console.log(`  ${label.padEnd(28)} ${value}`);
}
