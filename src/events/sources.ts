/**
 * The source registry: outlets and their Admiralty reliability (A–F). The bundled list
 * (data/events/sources.txt) only names outlets, all F ("cannot be judged"); the user rates them in a
 * file of their own, which wins:
 *
 *   - a .txt file in the dictionary line format:   DEBKA Weekly | DEBKAfile @ reliability=D
 *   - a .json file: {"DEBKA Weekly": "D", "Reuters": "B"}  or  [{"name": …, "reliability": …, "aliases": […]}]
 *   - a .csv file with a header: name,reliability[,aliases]   (aliases separated by "|")
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { spanOf, usageError, type Reliability, type Span } from '../core/index.js';
import { PhraseTrie } from '../recognize/actors/phrases.js';
import { assignSentences, words, type Word } from '../recognize/actors/words.js';
import { loadSources, type SourceEntry } from '../recognize/triggers/index.js';
import { parseCsvRecords } from '../eval/events-csv.js';
import { foldName } from '../recognize/actors/dictionary.js';

export interface SourceRegistry {
  readonly trie: PhraseTrie<SourceEntry>;
  readonly byName: ReadonlyMap<string, SourceEntry>;
}

const cache = new Map<string, SourceRegistry>();

/** The registry: bundled names, then the user's files (later files win). Cached per file list. */
export function sourceRegistry(userFiles: readonly string[] = []): SourceRegistry {
  const key = userFiles.join('\n');
  const hit = cache.get(key);
  if (hit) return hit;
  const txt = userFiles.filter((f) => extname(f).toLowerCase() !== '.json' && extname(f).toLowerCase() !== '.csv');
  const base = loadSources(txt);
  const trie = base.trie;
  const byName = new Map(base.byName);
  for (const f of userFiles) {
    const ext = extname(f).toLowerCase();
    if (ext !== '.json' && ext !== '.csv') continue;
    for (const r of readRated(f)) {
      if (!/^[A-F]$/.test(r.reliability)) throw usageError('bad-sources', `${f}: reliability of ${JSON.stringify(r.name)} must be one letter A-F, not ${JSON.stringify(r.reliability)}`, 'Admiralty scale: A completely reliable … E unreliable, F cannot be judged.');
      const entry: SourceEntry = { name: r.name, reliability: r.reliability as Reliability };
      // A rated name replaces the bundled entry of the same (folded) name.
      for (const [n] of byName) if (foldName(n) === foldName(r.name)) byName.delete(n);
      byName.set(r.name, entry);
      for (const a of [r.name, ...r.aliases]) trie.add(a, entry);
    }
  }
  const reg = { trie, byName };
  cache.set(key, reg);
  return reg;
}

function readRated(file: string): { name: string; reliability: string; aliases: string[] }[] {
  const text = readFileSync(file, 'utf8');
  if (extname(file).toLowerCase() === '.csv') {
    return parseCsvRecords(text).records.map((r) => ({ name: (r['name'] ?? '').trim(), reliability: (r['reliability'] ?? '').trim().toUpperCase(), aliases: (r['aliases'] ?? '').split('|').map((a) => a.trim()).filter(Boolean) })).filter((r) => r.name);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw usageError('bad-sources', `${file}: not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  if (Array.isArray(data)) {
    return data.map((d: unknown) => {
      const o = d as { name?: unknown; reliability?: unknown; aliases?: unknown };
      return { name: String(o.name ?? ''), reliability: String(o.reliability ?? '').toUpperCase(), aliases: Array.isArray(o.aliases) ? o.aliases.map(String) : [] };
    });
  }
  if (data && typeof data === 'object') return Object.entries(data as Record<string, unknown>).map(([name, r]) => ({ name, reliability: String(r).toUpperCase(), aliases: [] }));
  throw usageError('bad-sources', `${file}: expected an object {"Outlet": "B"} or a list of {name, reliability}`);
}

export interface SourceGrade {
  readonly name: string | null;
  readonly reliability: Reliability;
  /** Where the report names its outlet ("DEBKA Weekly’s military … sources"), when it does. */
  readonly cited: Span | null;
  /** The report calls itself exclusive or single-sourced ("an exclusive report"). */
  readonly exclusive: boolean;
}

/** The outlet's name (given, or cited in the text) and its reliability from the registry. */
export function gradeSource(reg: SourceRegistry, text: string, given: string | null, known?: readonly Word[]): SourceGrade {
  const ws = known ?? words(text);
  if (!known) assignSentences(ws as Word[], [{ span: { start: 0, end: text.length } }]);
  const found = reg.trie.scan(ws)[0] ?? null;
  const cited = found ? spanOf(text, ws[found.from]!.start, ws[found.to - 1]!.end) : null;
  const name = given ?? found?.value.name ?? null;
  let reliability: Reliability = 'F';
  if (name) {
    const byFold = [...reg.byName.values()].find((e) => foldName(e.name) === foldName(name));
    const viaTrie = reg.trie.scan(words(name).map((w) => ({ ...w, sentence: 0 })))[0]?.value;
    reliability = (byFold ?? viaTrie)?.reliability ?? 'F';
  }
  return { name, reliability, cited, exclusive: /\bexclusive\b/i.test(text) };
}
