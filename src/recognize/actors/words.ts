/**
 * Words for dictionary matching: letters and digits with their UTF-16 offsets, folded for lookup
 * (lower case, no diacritics, no inner apostrophes), so that "Da'esh", "Daesh" and "DAESH" meet.
 * Hyphens and slashes separate words ("al-Shabaab" is `al` `shabaab`), and each word remembers the
 * character that joined it to the one before, so "anti-Houthi" can be told from "Houthi".
 *
 * This scanner is independent of wink's tokens on purpose: the same function cuts dictionary
 * phrases and report text, so a phrase matches exactly where its words are.
 */

export interface Word {
  readonly start: number;
  readonly end: number;
  /** As written. */
  readonly text: string;
  /** Folded for lookup. */
  readonly norm: string;
  /** The non-space character right before the word when nothing else is between ("-" in "anti-Houthi"), or "" after a space. */
  readonly joiner: string;
  /** Index of the sentence holding the word (set by `assignSentences`). */
  sentence: number;
  /** Written with a possessive "'s" (cut off `text`): "Libya's army", "ISIS's hold". */
  readonly possessive: boolean;
  /** wink's part-of-speech tag of the token at the same place ("" when none). */
  pos: string;
  /** The first three characters of `norm` (the phrase tries' cheap filter). */
  readonly head: string;
}

// Letters/digits, optionally with inner apostrophes or dots between letters ("U.S.", "Da'esh"),
// and the currency signs a claim about money needs. Bounded: no nested quantifiers.
const WORD = /[\p{L}\p{N}]+(?:['’.][\p{L}\p{N}]+)*\.?|[$€£]/gu;

const foldCache = new Map<string, string>();

/** Lower case, diacritics and inner apostrophes/dots removed: "Côte" → "cote", "U.S." → "us". */
export function fold(s: string): string {
  // Fast path: plain ASCII letters and digits need only lower-casing.
  let plain = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57))) {
      plain = false;
      break;
    }
  }
  if (plain) return s.toLowerCase();
  const hit = foldCache.get(s);
  if (hit !== undefined) return hit;
  let f = s.toLowerCase();
  if (/[^\x00-\x7f]/.test(f)) f = f.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  f = f.replace(/['’.]/g, '');
  if (foldCache.size < 200_000) foldCache.set(s, f);
  return f;
}

/** Cut a text into words. A trailing dot is kept only on abbreviations like "U.S." (inner dots). */
export function words(text: string): Word[] {
  const out: Word[] = [];
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  let prevEnd = -1;
  while ((m = WORD.exec(text))) {
    let raw = m[0];
    // A final dot belongs to the word only for dotted abbreviations ("U.S."), not sentence ends.
    if (raw.length > 1 && raw.endsWith('.') && !/\.[\p{L}\p{N}]+\.$/u.test(raw)) raw = raw.slice(0, -1);
    // A possessive "'s" is cut off and remembered: "Libya's" is the word "Libya".
    const possessive = raw.length > 2 && /['’]s$/i.test(raw);
    if (possessive) raw = raw.slice(0, -2);
    const start = m.index;
    const end = start + raw.length;
    const between = prevEnd >= 0 ? text.slice(prevEnd, start) : ' ';
    const joiner = between.length === 1 && !/\s/.test(between) ? between : '';
    const norm = fold(raw);
    out.push({ start, end, text: raw, norm, joiner, sentence: 0, possessive, pos: '', head: norm.slice(0, 3) });
    prevEnd = possessive ? end + 2 : end;
    if (prevEnd < m.index + m[0].length) WORD.lastIndex = prevEnd;
  }
  return out;
}

/** Set each word's sentence index from sentence spans (sorted, non-overlapping). */
export function assignSentences(ws: Word[], sentences: readonly { span: { start: number; end: number } }[]): void {
  let s = 0;
  for (const w of ws) {
    while (s < sentences.length - 1 && sentences[s]!.span.end <= w.start) s++;
    w.sentence = s;
  }
}

/** Index of the first word starting at or after `offset` (binary search). */
export function wordAt(ws: readonly Word[], offset: number): number {
  let lo = 0;
  let hi = ws.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ws[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Copy wink's POS tags onto the words (a word takes the tag of the token starting where it starts). */
export function assignPos(ws: Word[], tokens: readonly { start: number; pos: string }[]): void {
  let t = 0;
  for (const w of ws) {
    while (t < tokens.length && tokens[t]!.start < w.start) t++;
    const tok = tokens[t];
    if (tok && tok.start === w.start) w.pos = tok.pos;
    else {
      const prev = tokens[t - 1];
      if (prev && prev.start <= w.start) w.pos = prev.pos;
    }
  }
}
