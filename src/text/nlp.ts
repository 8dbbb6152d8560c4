/**
 * Sentences and tokens with wink-nlp (wink-eng-lite-web-model). wink's tokenizer is lossless:
 * concatenating each token's preceding spaces and value rebuilds the text, which is how every
 * token gets exact UTF-16 offsets without searching.
 */
import winkNLP, { type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { spanOf, type Sentence, type Token, type TokenKind } from '../core/index.js';

/** wink's pipeline for sitrep: sentence boundaries and part-of-speech tags, nothing else. */
const PIPE = ['sbd', 'pos'];

let engine: WinkMethods | null = null;
let bareEngine: WinkMethods | null = null;

function nlp(): WinkMethods {
  engine ??= winkNLP(model, PIPE);
  return engine;
}

/** Bare tokenization (no pipeline): the baseline `npm run bench` compares against. */
export function bareTokenize(text: string): number {
  bareEngine ??= winkNLP(model, []);
  return bareEngine.readDoc(text).tokens().length();
}

const KIND: Record<string, TokenKind> = {
  word: 'word',
  number: 'number',
  ordinal: 'number',
  punctuation: 'punctuation',
  currency: 'symbol',
  symbol: 'symbol',
  emoji: 'symbol',
  emoticon: 'symbol',
};

export interface Analysis {
  readonly tokens: Token[];
  readonly sentences: Sentence[];
}

/**
 * Tokens (white space dropped) and sentences. Besides wink's sentence boundaries, a line break
 * always ends a sentence: headlines, list items and datelines stand on lines of their own.
 */
export function analyze(text: string): Analysis {
  if (!text) return { tokens: [], sentences: [] };
  const its = nlp().its;
  const doc = nlp().readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const types = doc.tokens().out(its.type) as string[];
  // Sentence ends from wink, as token indices (inclusive).
  const winkEnds = new Set<number>();
  for (const [, end] of doc.sentences().out(its.span) as unknown as [number, number][]) winkEnds.add(end);

  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  let offset = 0;
  let sentenceStart = 0; // index into `tokens`
  const closeSentence = () => {
    if (tokens.length > sentenceStart) {
      const first = tokens[sentenceStart]!;
      const last = tokens[tokens.length - 1]!;
      sentences.push({ span: spanOf(text, first.start, last.end), tokenStart: sentenceStart, tokenEnd: tokens.length });
      sentenceStart = tokens.length;
    }
  };
  for (let i = 0; i < values.length; i++) {
    const pre = spaces[i]!;
    if (pre.includes('\n')) closeSentence();
    offset += pre.length;
    const value = values[i]!;
    const start = offset;
    offset += value.length;
    const type = types[i]!;
    if (type === 'tabCRLF' || type === 'space' || !value.trim()) {
      if (value.includes('\n')) closeSentence();
    } else {
      tokens.push({ start, end: offset, text: value, kind: KIND[type] ?? 'other', pos: pos[i] ?? 'X', sentence: sentences.length });
    }
    // wink ends a sentence after a list number ("1."); the item's text belongs with it.
    if (winkEnds.has(i) && !isListMarker(tokens, sentenceStart)) closeSentence();
  }
  closeSentence();
  // A token's `sentence` is the number of sentences closed before it: its own sentence's index.
  return { tokens, sentences };
}

/** True when the open sentence is only a list marker: "1.", "2)", "a.", "•". */
function isListMarker(tokens: readonly Token[], from: number): boolean {
  const n = tokens.length - from;
  if (n === 1) return /^[•·▪‣◦*-]$/.test(tokens[from]!.text);
  if (n !== 2) return false;
  const [mark, dot] = [tokens[from]!, tokens[from + 1]!];
  return /^(?:\d{1,3}|[a-z]|[ivx]{1,4})$/i.test(mark.text) && (dot.text === '.' || dot.text === ')');
}
