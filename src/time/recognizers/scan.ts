/**
 * Shared mechanics of the regex recognizers: one global regex, one pass, a budget.
 *
 * Every pattern handed to `scan` must be linear: bounded quantifiers (`\s{1,3}`), no nested
 * repetition. The budget caps the candidates one recognizer may add, so hostile input (100k
 * "May 5-6 " repeats) costs bounded memory.
 */
import type { Candidate } from '../types.js';

export function scan(
  re: RegExp,
  text: string,
  budget: number,
  onMatch: (m: RegExpExecArray) => Candidate | null,
): Candidate[] {
  if (!re.global) throw new Error(`time: scan needs a global regex, got /${re.source}/${re.flags}`);
  const out: Candidate[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (out.length < budget && (m = re.exec(text)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const c = onMatch(m);
    if (c) out.push(c);
  }
  return out;
}

const NOT_LEFT = /[\p{L}\p{N}_.,/\-]/u;

/** True when the character before `index` does not glue the match to a word or number. */
export function freeOnLeft(text: string, index: number): boolean {
  return index === 0 || !NOT_LEFT.test(text.charAt(index - 1));
}

/**
 * Match `re` (anchored at its end with `$`) against the `reach` characters before `index`.
 * Keyword-first scanning plus anchored context checks keeps every regex fast (V8 can skip ahead
 * to a literal first token) and linear (context slices are short).
 */
export function before(text: string, index: number, re: RegExp, reach = 32): RegExpExecArray | null {
  const from = Math.max(0, index - reach);
  const m = re.exec(text.slice(from, index));
  if (m) m.index += from;
  return m;
}

/** Match `re` (anchored at its start with `^`) against the `reach` characters from `index`. */
export function after(text: string, index: number, re: RegExp, reach = 48): RegExpExecArray | null {
  const m = re.exec(text.slice(index, index + reach));
  if (m) m.index += index;
  return m;
}

const LETTER = /\p{L}/u;

/** Start of the first word of a `before(…)` match of the form `(?:^|[^\p{L}])word…$`. */
export function wordStart(m: RegExpExecArray): number {
  return m.index + (LETTER.test(m[0].charAt(0)) ? 0 : 1);
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;

/**
 * True when `index` starts a word. Recognizers check this in code instead of starting their regex
 * with `\b`: under the `iu` flags V8 cannot skip ahead to a leading `\b` (a tenfold slowdown).
 */
export function wordStartsAt(text: string, index: number): boolean {
  return index === 0 || !WORD_CHAR.test(text.charAt(index - 1));
}
