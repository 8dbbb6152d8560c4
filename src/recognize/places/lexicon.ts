/**
 * Word lists of the geoparser, read from data/places/<lang>/*.txt in the pelias-like line format:
 *
 *   # a comment
 *   KEY: word | word phrase | word       (a keyed entry: the words share KEY)
 *   word | word                          (an entry keyed by its first word)
 *   !word                                (a later layer removes the word from every key)
 *
 * Layers are applied in order (bundled file first, then any override texts), so a user's `!Mo.`
 * drops a bundled entry. Words are kept as written; lookups use `keyOf` (lower case, curly quotes
 * straightened) unless the list is declared case-sensitive.
 */
import { readFileSync } from 'node:fs';
import { dataPath } from '../../core/index.js';

export class LexiconError extends Error {
  override readonly name = 'LexiconError';
}

export interface Lexicon {
  /** Lookup key → the entry's key (`LY` for "Libyan" in demonyms.txt). */
  readonly map: ReadonlyMap<string, string>;
  /** Entry key → its words as written, in file order. */
  readonly entries: ReadonlyMap<string, readonly string[]>;
  /** Longest phrase, in words. */
  readonly maxWords: number;
  readonly caseSensitive: boolean;
}

export function keyOf(word: string, caseSensitive = false): string {
  const w = word.replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
  return caseSensitive ? w : w.toLowerCase();
}

/** Parse one or more layers of a list. Throws LexiconError naming the layer and line. */
export function parseLexicon(layers: readonly { text: string; origin: string }[], caseSensitive = false): Lexicon {
  const entries = new Map<string, string[]>();
  for (const { text, origin } of layers) {
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!.replace(/(^|\s)#.*$/, '').trim();
      if (!line) continue;
      if (line.startsWith('!')) {
        const gone = keyOf(line.slice(1), caseSensitive);
        if (!gone) throw new LexiconError(`${origin} line ${i + 1}: "!" needs a word to remove`);
        for (const [k, words] of entries) {
          const kept = words.filter((w) => keyOf(w, caseSensitive) !== gone);
          if (kept.length) entries.set(k, kept);
          else entries.delete(k);
        }
        continue;
      }
      const m = /^([^:|]+?):\s*(.*)$/.exec(line);
      const key = m ? m[1]!.trim() : null;
      const words = (m ? m[2]! : line).split('|').map((w) => w.trim()).filter(Boolean);
      if (!words.length) throw new LexiconError(`${origin} line ${i + 1}: no words after "${key}:"`);
      const k = key ?? words[0]!;
      entries.set(k, [...(entries.get(k) ?? []), ...words]);
    }
  }
  const map = new Map<string, string>();
  let maxWords = 1;
  for (const [k, words] of entries) {
    for (const w of words) {
      const lk = keyOf(w, caseSensitive);
      if (!map.has(lk)) map.set(lk, k);
      maxWords = Math.max(maxWords, lk.split(' ').length);
    }
  }
  return { map, entries, maxWords, caseSensitive };
}

const cache = new Map<string, Lexicon>();

/** A bundled list, e.g. `bundledLexicon('demonyms')` → data/places/en/demonyms.txt (cached). */
export function bundledLexicon(name: string, lang = 'en', caseSensitive = false): Lexicon {
  const id = `${lang}/${name}`;
  let lex = cache.get(id);
  if (!lex) {
    const file = dataPath('places', lang, `${name}.txt`);
    lex = parseLexicon([{ text: readFileSync(file, 'utf8'), origin: file }], caseSensitive);
    cache.set(id, lex);
  }
  return lex;
}

/** The entry key of a word or phrase, or undefined. */
export function lookupWord(lex: Lexicon, word: string): string | undefined {
  return lex.map.get(keyOf(word, lex.caseSensitive));
}
