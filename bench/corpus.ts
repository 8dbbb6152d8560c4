/**
 * The benchmark corpus: news articles from ../shared/data/news (JSON Lines of
 * {id, title, date, source, text}). Benchmark-only data: it never ships.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../src/core/index.js';

export interface Article {
  readonly id: string;
  readonly date: string | null;
  readonly text: string;
  readonly words: number;
}

export const NEWS_FILES = ['insightcrime-conflibert.jsonl', 'reuters21578.jsonl'] as const;

export function newsDir(): string | null {
  const dir = join(packageRoot(), '..', 'shared', 'data', 'news');
  return existsSync(dir) ? dir : null;
}

/** Up to `maxWords` words from each file, in file order (deterministic). */
export function loadNews(maxWordsPerFile: number): Article[] {
  const dir = newsDir();
  if (!dir) return [];
  const out: Article[] = [];
  for (const file of NEWS_FILES) {
    let words = 0;
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (!line.trim() || words >= maxWordsPerFile) continue;
      const rec = JSON.parse(line) as { id: string; date: string | null; text: string };
      const n = countWords(rec.text);
      words += n;
      out.push({ id: rec.id, date: rec.date, text: rec.text, words: n });
    }
  }
  return out;
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
