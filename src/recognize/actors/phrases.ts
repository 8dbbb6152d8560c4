/**
 * A phrase trie over folded words, compiled once from dictionary lines. A phrase word ending in
 * `*` matches any word starting with it (`shell*` → shelled, shelling); a phrase written in capitals
 * of up to five letters (`IS`, `US`, `UN`) matches only in capitals, so "is" and "us" stay words.
 */
import { fold, words, type Word } from './words.js';

interface Node<T> {
  next: Map<string, Node<T>>;
  /** Stem children grouped by their first three letters (a word only tries the stems of its head). */
  stemsByHead: Map<string, [stem: string, node: Node<T>][]> | null;
  /** Stem children (`shell*`), by stem; looked up by each prefix of a word within [minStem, maxStem]. */
  stems: Map<string, Node<T>> | null;
  minStem: number;
  maxStem: number;
  payloads: { value: T; exact: string[] | null }[];
}

export interface PhraseMatch<T> {
  /** Index of the first word and one past the last. */
  readonly from: number;
  readonly to: number;
  readonly value: T;
}

function node<T>(): Node<T> {
  return { next: new Map(), stemsByHead: null, stems: null, minStem: Infinity, maxStem: 0, payloads: [] };
}

/** True for an alias that must match in capitals: "IS", "US", "ISIL", "U.S." */
export function isCaseSensitive(phrase: string): boolean {
  const letters = phrase.replace(/[^\p{L}]/gu, '');
  return letters.length > 0 && letters.length <= 5 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

export class PhraseTrie<T> {
  private readonly root: Node<T> = node();
  private count = 0;
  /** The first three letters of every phrase's first word: a cheap filter before the trie. */
  private readonly heads = new Set<string>();

  get size(): number {
    return this.count;
  }

  /** Add a phrase (as written in a data file) carrying `value`. */
  add(phrase: string, value: T): void {
    if (!words(phrase).length) return;
    const parts = phrase.trim().split(/\s+/);
    let n = this.root;
    const exact = isCaseSensitive(phrase) ? words(phrase).map((w) => w.text.replace(/\.$/, '')) : null;
    // A word followed by `*` in the phrase is a stem.
    const stems = new Set<number>();
    let wi = 0;
    for (const part of parts) {
      const n2 = words(part).length;
      if (part.endsWith('*')) stems.add(wi + n2 - 1);
      wi += n2;
    }
    const plain = words(phrase.replace(/\*/g, ''));
    if (plain[0]) this.heads.add(plain[0].norm.slice(0, 3));
    plain.forEach((w, i) => {
      if (stems.has(i)) {
        n.stems ??= new Map();
        let child = n.stems.get(w.norm);
        if (!child) {
          child = node();
          n.stems.set(w.norm, child);
          n.minStem = Math.min(n.minStem, w.norm.length);
          n.maxStem = Math.max(n.maxStem, w.norm.length);
          n.stemsByHead ??= new Map();
          const key = w.norm.slice(0, 3);
          const list = n.stemsByHead.get(key);
          if (list) list.push([w.norm, child]);
          else n.stemsByHead.set(key, [[w.norm, child]]);
        }
        n = child;
      } else {
        let child = n.next.get(w.norm);
        if (!child) {
          child = node();
          n.next.set(w.norm, child);
        }
        n = child;
      }
    });
    n.payloads.push({ value, exact });
    this.count++;
  }

  /**
   * Every phrase starting at word `i`, longest first (an explicit stack: no closures, no recursion).
   */
  matchAt(ws: readonly Word[], i: number, maxWords = 12): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    const sentence = ws[i]!.sentence;
    const stack: [Node<T>, number][] = [[this.root, i]];
    while (stack.length) {
      const [n, j] = stack.pop()!;
      if (j > i) {
        for (const p of n.payloads) {
          if (p.exact && !sameCase(ws, i, j, p.exact)) continue;
          out.push({ from: i, to: j, value: p.value });
        }
      }
      if (j >= ws.length || j - i >= maxWords) continue;
      const w = ws[j]!;
      // Words of one phrase sit in one sentence.
      if (w.sentence !== sentence) continue;
      const exact = n.next.get(w.norm);
      if (exact) stack.push([exact, j + 1]);
      if (n.stemsByHead) {
        const list = n.minStem < 3 ? [...n.stemsByHead.values()].flat() : n.stemsByHead.get(w.head);
        if (list) for (const [stem, child] of list) if (w.norm.startsWith(stem)) stack.push([child, j + 1]);
      }
    }
    if (out.length > 1) out.sort((a, b) => b.to - a.to);
    return out;
  }

  /** Every match at every position (longest first at each position), for `scanTagged`. */
  scanAll(ws: readonly Word[]): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    const root = this.root;
    for (let i = 0; i < ws.length; i++) {
      const w = ws[i]!;
      if (!this.heads.has(w.head)) continue;
      if (!root.next.has(w.norm) && !(root.stemsByHead?.get(w.head) ?? []).some(([stem]) => w.norm.startsWith(stem))) continue;
      for (const m of this.matchAt(ws, i)) out.push(m);
    }
    return out;
  }

  /** Longest, leftmost, non-overlapping matches over the whole word list. */
  scan(ws: readonly Word[], accept: (m: PhraseMatch<T>) => boolean = ACCEPT_ALL): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    const root = this.root;
    for (let i = 0; i < ws.length; ) {
      // Most words start no phrase: check the root before building anything.
      const w = ws[i]!;
      if (!this.heads.has(w.head)) {
        i++;
        continue;
      }
      let starts = root.next.has(w.norm);
      if (!starts && root.stemsByHead) starts = (root.stemsByHead.get(w.head) ?? []).some(([stem]) => w.norm.startsWith(stem)) || (root.minStem < 3 && [...root.stems!.keys()].some((stem) => w.norm.startsWith(stem)));
      if (!starts) {
        i++;
        continue;
      }
      const all = this.matchAt(ws, i);
      const ms = accept === ACCEPT_ALL ? all : all.filter(accept);
      const best = ms[0];
      if (best) {
        // Keep every payload of the longest span (one phrase may carry several meanings).
        for (const m of ms) if (m.to === best.to) out.push(m);
        i = best.to;
      } else i++;
    }
    return out;
  }
}

const ACCEPT_ALL = (): boolean => true;

function sameCase(ws: readonly Word[], from: number, to: number, exact: string[]): boolean {
  if (to - from !== exact.length) return false;
  for (let k = 0; k < exact.length; k++) if (ws[from + k]!.text.replace(/\.$/, '') !== exact[k]) return false;
  return true;
}

/** Fold a phrase the way the trie does (for keys of maps beside the trie). */
export function phraseKey(phrase: string): string {
  return words(phrase)
    .map((w) => w.norm)
    .join(' ');
}

export { fold };
