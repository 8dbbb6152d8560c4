/**
 * Per-document token facts the place recognizer reads many times: lower-cased text, case shape,
 * cue classes (data/places/en/cues.txt) and the capitalized runs that can hold place names.
 */
import type { Token } from '../../core/index.js';
import { bundledLexicon, type Lexicon } from './lexicon.js';

/** Lower-case words that may sit inside a multi-word name: "Gulf of Sidra", "Rio de Janeiro". */
const CONNECTORS = new Set(['of', 'de', 'del', 'della', 'di', 'da', 'do', 'dos', 'das', 'du', 'des', 'la', 'le', 'les', 'al', 'el', 'the', 'van', 'von', 'der', 'den', 'y', 'and', '&', 'upon', 'on', 'en', 'sur', 'am', 'an', 'bin', 'ibn', 'bint']);
/** Punctuation that may sit inside a name: "Al-Rouagha", "Paris Saint-Germain", "Stratford-upon-Avon". */
const INNER_PUNCT = new Set(['-', '‐', '–', "'", '’']);

export type Case = 'cap' | 'upper' | 'lower' | 'other';

export interface TokenFacts {
  readonly tokens: readonly Token[];
  readonly lower: readonly string[];
  readonly cases: readonly Case[];
  /** Cue classes per token (empty array when none). */
  readonly cues: readonly (readonly string[])[];
  /** Capitalized runs as [startToken, endToken) pairs, within one sentence. */
  readonly runs: readonly (readonly [number, number])[];
}

function caseOf(t: string): Case {
  const c = t.charAt(0);
  if (c.toLowerCase() === c.toUpperCase()) return 'other';
  if (c !== c.toUpperCase()) return 'lower';
  // "US", "LONDON", "U.S." are upper; "Sirte", "McLean", "U.S.-led" cap or upper.
  const letters = t.replace(/[^\p{L}]/gu, '');
  return letters.length > 1 && letters === letters.toUpperCase() ? 'upper' : 'cap';
}

/** Cue classes that require a capitalized token, and those that require a lower-case one. */
const NEEDS_CAP = new Set(['generic-head', 'generic-tail', 'org-tail', 'strong-head']);
const NEEDS_LOWER = new Set(['generic-tail-lower', 'type-noun', 'actor-verb', 'locative-prep', 'determiner']);

let cueIndex: Map<string, string[]> | null = null;

function cueClasses(lex: Lexicon): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const [cls, words] of lex.entries) {
    for (const w of words) {
      const k = w.toLowerCase();
      const list = m.get(k) ?? [];
      if (!list.includes(cls)) list.push(cls);
      m.set(k, list);
    }
  }
  return m;
}

const NONE: readonly string[] = [];

export function tokenFacts(tokens: readonly Token[], maxRunTokens: number): TokenFacts {
  cueIndex ??= cueClasses(bundledLexicon('cues'));
  const n = tokens.length;
  const lower: string[] = new Array(n);
  const cases: Case[] = new Array(n);
  const cues: (readonly string[])[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!.text;
    const l = t.toLowerCase().replace(/’/g, "'");
    lower[i] = l;
    const c = caseOf(t);
    cases[i] = c;
    const cls = cueIndex.get(l);
    if (!cls) {
      cues[i] = NONE;
      continue;
    }
    const kept = cls.filter((k) => (NEEDS_CAP.has(k) ? c === 'cap' || c === 'upper' : NEEDS_LOWER.has(k) ? c === 'lower' : true));
    cues[i] = kept.length ? kept : NONE;
  }

  // Runs: a capitalized token starts one; it goes on through capitalized tokens, connectors and
  // inner punctuation that are followed by a capitalized token in the same sentence.
  const runs: [number, number][] = [];
  let i = 0;
  while (i < n) {
    if (!isNameToken(tokens[i]!, cases[i]!)) {
      i++;
      continue;
    }
    const start = i;
    const sentence = tokens[i]!.sentence;
    let end = i + 1;
    let j = i + 1;
    while (j < n && tokens[j]!.sentence === sentence && j - start < maxRunTokens) {
      const t = tokens[j]!;
      if (isNameToken(t, cases[j]!)) {
        end = j + 1;
        j++;
        continue;
      }
      // A connector or inner punctuation, tight or spaced, must lead to another name token.
      const glue = CONNECTORS.has(lower[j]!) || (INNER_PUNCT.has(t.text) && t.start === tokens[j - 1]!.end) || hyphenArticle(tokens, lower, j);
      if (!glue) break;
      j++;
    }
    runs.push([start, end]);
    i = end;
  }
  return { tokens, lower, cases, cues, runs };
}

function isNameToken(t: Token, c: Case): boolean {
  return (c === 'cap' || c === 'upper') && t.kind === 'word';
}

export function isConnector(lower: string): boolean {
  return CONNECTORS.has(lower) || INNER_PUNCT.has(lower);
}

let articles: ReadonlySet<string> | null = null;
let spacedArticles: ReadonlySet<string> | null = null;

/**
 * Whether a lower-case word is an Arabic article (data/places/en/articles.txt); `spaced`: one
 * that is no English word, so it may stand apart from its name ("el Mina", not "an American").
 */
export function isArticle(lower: string, spaced = false): boolean {
  articles ??= new Set((bundledLexicon('articles').entries.get('article') ?? []).map((w) => w.toLowerCase()));
  spacedArticles ??= new Set((bundledLexicon('articles').entries.get('spaced') ?? []).map((w) => w.toLowerCase()));
  return (spaced ? spacedArticles : articles).has(lower);
}

/**
 * An article written between hyphens inside a name, "Deir-ez-Zor", "Ras-al-Ain": glue, like "of"
 * in "Gulf of Sidra". Only tight on both sides: "as" and "at" are English words elsewhere.
 */
export function hyphenArticle(tokens: readonly Token[], lower: readonly string[], j: number): boolean {
  const prev = tokens[j - 1];
  const next = tokens[j + 1];
  const t = tokens[j]!;
  return !!prev && !!next && isArticle(lower[j]!) && INNER_PUNCT.has(prev.text) && INNER_PUNCT.has(next.text) && prev.end === t.start && t.end === next.start;
}
