/**
 * Word lists and dated facts of the time stage live in `data/time/*.txt`, in pelias's line format:
 *
 *     # a comment (also after a value: `value  # note`)
 *     first | synonym | synonym      one entry, `|` separates synonyms
 *     !synonym                       removes an entry (by any synonym) loaded from an earlier layer
 *
 * Layers load in order: `data/time/<name>` (project data, versioned with the code), then
 * `data/time/overrides/<name>` when present (local additions and `!` removals). A later layer wins.
 * Files are read once, at module load, by the modules that use them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One entry: its fields (first = key) and the 1-based line it came from, for error messages. */
export interface DataEntry {
  readonly fields: readonly string[];
  readonly file: string;
  readonly line: number;
}

let cachedDir: string | null = null;

/** `data/time`, found by walking up from this module (works from `src/` and from `dist/src/`). */
export function dataDir(): string {
  if (cachedDir) return cachedDir;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'data', 'time');
    if (existsSync(candidate)) {
      cachedDir = candidate;
      return candidate;
    }
    dir = dirname(dir);
  }
  throw new Error(`time: cannot find the data/time folder above ${fileURLToPath(import.meta.url)}`);
}

/** Parse one file's text (exported for tests). */
export function parseDataText(text: string, file: string): { entries: DataEntry[]; removals: string[] } {
  const entries: DataEntry[] = [];
  const removals: string[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const hash = raw.indexOf('#');
    const line = (hash >= 0 ? raw.slice(0, hash) : raw).trim();
    if (!line) continue;
    if (line.startsWith('!')) {
      removals.push(normaliseKey(line.slice(1)));
      continue;
    }
    const fields = line.split('|').map((f) => f.trim());
    if (fields.some((f) => f === '')) {
      throw new Error(`time: ${file}:${i + 1}: empty field in ${JSON.stringify(raw)}`);
    }
    entries.push({ fields, file, line: i + 1 });
  }
  return { entries, removals };
}

export function normaliseKey(s: string): string {
  return s.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Load a data file with its overrides layer applied. */
export function loadData(name: string): DataEntry[] {
  const base = join(dataDir(), name);
  let entries = parseDataText(readFileSync(base, 'utf8'), name).entries;
  const override = join(dataDir(), 'overrides', name);
  if (existsSync(override)) {
    const layer = parseDataText(readFileSync(override, 'utf8'), `overrides/${name}`);
    const removed = new Set(layer.removals);
    entries = entries.filter((e) => !e.fields.some((f) => removed.has(normaliseKey(f))));
    entries = entries.concat(layer.entries);
  }
  return entries;
}

/** A word list: every field of every entry, normalised, as a set. */
export function loadWordSet(name: string): Set<string> {
  const set = new Set<string>();
  for (const e of loadData(name)) for (const f of e.fields) set.add(normaliseKey(f));
  return set;
}

/** Escape a literal for a RegExp, letting any run of spaces match 1-3 whitespace characters. */
export function phrasePattern(phrase: string): string {
  return phrase
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]"))
    .join('\\s{1,3}');
}
