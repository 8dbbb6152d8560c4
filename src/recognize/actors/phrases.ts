/**
 * A phrase trie over folded words, compiled once from dictionary lines. A phrase word ending in
 * `*` matches any word starting with it (`shell*` → shelled, shelling); a phrase written in capitals
 * of up to five letters (`IS`, `US`, `UN`) matches only in capitals, so "is" and "us" stay words.
 */
import { fold, words, type Word } from './words.js';

interface Node<T> {
  next: Map<string, Node<T>>;
  prefixes: [stem: string, node: Node<T>][];
  payloads: { value: T; exact: string[] | null }[];
}

export interface PhraseMatch<T> {
  /** Index of the first word and one past the last. */
  readonly from: number;
  readonly to: number;
  readonly value: T;
}

function node<T>(): Node<T> {
  return { next: new Map(), prefixes: [], payloads: [] };
}

/** True for an alias that must match in capitals: "IS", "US", "ISIL", "U.S." */
export function isCaseSensitive(phrase: string): boolean {
  const letters = phrase.replace(/[^\p{L}]/gu, '');
  return letters.length > 0 && letters.length <= 5 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

export class PhraseTrie<T> {
  private readonly root: Node<T> = node();
  private count = 0;

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
    plain.forEach((w, i) => {
      if (stems.has(i)) {
        let child = n.prefixes.find(([s]) => s === w.norm)?.[1];
        if (!child) {
          child = node();
          n.prefixes.push([w.norm, child]);
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
   * Every phrase starting at word `i`, longest first. `accept` may veto a payload (e.g. by case).
   */
  matchAt(ws: readonly Word[], i: number, maxWords = 12): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    const walk = (n: Node<T>, j: number) => {
      if (j > i) {
        for (const p of n.payloads) {
          if (p.exact && !sameCase(ws, i, j, p.exact)) continue;
          out.push({ from: i, to: j, value: p.value });
        }
      }
      if (j >= ws.length || j - i >= maxWords) return;
      const w = ws[j]!;
      // Words of one phrase sit in one sentence.
      if (j > i && w.sentence !== ws[i]!.sentence) return;
      const exact = n.next.get(w.norm);
      if (exact) walk(exact, j + 1);
      for (const [stem, child] of n.prefixes) if (w.norm.startsWith(stem)) walk(child, j + 1);
    };
    walk(this.root, i);
    out.sort((a, b) => b.to - a.to);
    return out;
  }

  /** Longest, leftmost, non-overlapping matches over the whole word list. */
  scan(ws: readonly Word[], accept: (m: PhraseMatch<T>) => boolean = () => true): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    for (let i = 0; i < ws.length; ) {
      const ms = this.matchAt(ws, i).filter(accept);
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
