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

/** Index of capture group `g` in the text (needs the `d` flag). */
export function groupStart(m: RegExpExecArray, g: number): number {
  const idx = m.indices?.[g];
  if (!idx) throw new Error(`time: group ${g} did not take part in the match`);
  return idx[0];
}

export function groupEnd(m: RegExpExecArray, g: number): number {
  const idx = m.indices?.[g];
  if (!idx) throw new Error(`time: group ${g} did not take part in the match`);
  return idx[1];
}

/** Left boundary shared by recognizers: not inside a word or a number ("10.5-6 May", "x2015"). */
export const LEFT = '(?<![\\p{L}\\p{N}_.,/\\-])';
