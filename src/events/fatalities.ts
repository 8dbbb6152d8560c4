/**
 * Reported deaths, read conservatively: "killing two" → 2, "at least 12" → 12, "dozens" → 12 (ACLED's
 * convention), "between 150-200" → 150, "no casualties" → 0; the wounded are never counted; numbers
 * that are dates, distances or money are not people. Word lists: data/events/fatalities.txt.
 */
import { spanOf, type FatalityBasis, type Span } from '../core/index.js';
import type { Doc } from './doc.js';

export interface FatalityCount {
  readonly n: number;
  readonly basis: FatalityBasis;
  /** The words of the count and of the death word. */
  readonly spans: readonly Span[];
  readonly rules: readonly string[];
  /** Word index of the death word (for attaching the count to a frame). */
  readonly at: number;
  readonly sentence: number;
  /** The victims' noun as written ("civilians", "IS militants"), when there is one. */
  readonly victims: string | null;
}

const UNITS = /^(?:km|kms|kilometers|kilometres|kilometer|kilometre|miles|mile|meters|metres|m|percent|per|cent|dollars|usd|euros|pounds|years|year|months|month|days|day|hours|hour|minutes|am|pm|barrels|tons|tonnes|kg|mm|times)$/;

interface NumberAt {
  readonly from: number;
  readonly to: number;
  readonly n: number;
  readonly vague: boolean;
  readonly rule: string;
}

/** Numbers in one sentence: digits, number words, vague quantities; not years, distances, money, times. */
function numbersOf(doc: Doc, sentence: number, timeWords: ReadonlySet<number>): NumberAt[] {
  const ws = doc.ws;
  const out: NumberAt[] = [];
  const fw = doc.fatalityWords.filter((f) => ws[f.from]!.sentence === sentence && (f.value.kind === 'number' || f.value.kind === 'vague'));
  const byFrom = new Map(fw.map((f) => [f.from, f]));
  const range = sentenceWords(doc, sentence);
  for (let i = range[0]; i < range[1]; i++) {
    if (timeWords.has(i)) continue;
    const w = ws[i]!;
    const next = ws[i + 1];
    const f = byFrom.get(i);
    if (f && (f.value.kind === 'number' || f.value.kind === 'vague')) {
      if (next && UNITS.test(next.norm)) continue;
      out.push({ from: f.from, to: f.to, n: f.value.n, vague: f.value.kind === 'vague', rule: `fatalities/${f.value.kind}/${f.value.phrase}` });
      i = f.to - 1;
      continue;
    }
    if (/^\d{1,6}$/.test(w.norm) || /^\d{1,3}(?:,\d{3})+$/.test(w.text)) {
      const prevText = doc.text.slice(Math.max(0, w.start - 1), w.start);
      if (prevText === '$' || prevText === '€' || prevText === '£' || prevText === '/' || prevText === '.') continue;
      if (next && (UNITS.test(next.norm) || doc.text.slice(w.end, w.end + 1) === '/' || doc.text.slice(w.end, w.end + 1) === '%')) continue;
      const n = Number(w.text.replace(/,/g, ''));
      if (n >= 1900 && n <= 2100 && /^\d{4}$/.test(w.text)) continue; // a year
      out.push({ from: i, to: i + 1, n, vague: false, rule: 'fatalities/digits' });
    }
  }
  return out;
}

function sentenceWords(doc: Doc, sentence: number): [number, number] {
  const ws = doc.ws;
  let lo = 0;
  let hi = ws.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ws[mid]!.sentence < sentence) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < ws.length && ws[end]!.sentence === sentence) end++;
  return [lo, end];
}

/**
 * Every death count in a sentence. Two counts of different victims in one sentence add up ("10 IS
 * militants were killed and 4 members of the GNA forces were killed"); the caller decides across
 * sentences.
 */
export function fatalitiesIn(doc: Doc, sentence: number, timeWords: ReadonlySet<number>): FatalityCount[] {
  const ws = doc.ws;
  const [lo, hi] = sentenceWords(doc, sentence);
  const words = doc.fatalityWords.filter((f) => f.from >= lo && f.from < hi);
  const out: FatalityCount[] = [];
  for (const f of words) {
    if (f.value.kind === 'none') {
      out.push({ n: 0, basis: 'none', spans: [spanOf(doc.text, ws[f.from]!.start, ws[f.to - 1]!.end)], rules: [`fatalities/none/${f.value.phrase}`], at: f.from, sentence, victims: null });
    }
  }
  const nums = numbersOf(doc, sentence, timeWords);
  const deaths = words.filter((f) => f.value.kind === 'death');
  const injuries = words.filter((f) => f.value.kind === 'injury');
  const used = new Set<number>();
  for (const d of deaths) {
    // "no one was killed" was read as none above; "not killed" is not a death.
    if (out.some((o) => o.basis === 'none' && o.at <= d.from && d.from <= o.at + 6)) continue;
    if (d.from > 0 && ['not', 'no', 'never', 'nor'].includes(ws[d.from - 1]!.norm)) continue;
    const injuryBetween = (a: number, b: number) => injuries.some((j) => j.from > Math.min(a, b) && j.from < Math.max(a, b));
    const deathBetween = (a: number, b: number) => deaths.some((j) => j !== d && j.from > Math.min(a, b) && j.from < Math.max(a, b));
    // Count after the death word: "killing two", "killed 15 IS militants", "death toll rose to 20".
    // …but not "killed and 25 injured": a number followed by an injury word counts the wounded.
    const injuredAfter = (n: NumberAt) => injuries.some((j) => j.from >= n.to && j.from - n.to <= 2 && !deaths.some((x) => x.from >= n.to && x.from < j.from));
    let pick: NumberAt | undefined = nums.find((n) => n.from >= d.to && n.from - d.to <= 3 && !used.has(n.from) && !injuryBetween(d.to, n.from) && !deathBetween(d.to, n.from) && !injuredAfter(n));
    let victimsFrom = pick ? pick.to : -1;
    // Count before it: "15 IS militants were killed", "leaving five dead", "Five men were reported killed".
    if (!pick) {
      const before = nums.filter((n) => n.to <= d.from && d.from - n.to <= 7 && !used.has(n.from) && !injuryBetween(n.to, d.from) && !deathBetween(n.to, d.from));
      pick = before[before.length - 1];
      // "between 150-200 were killed", "150 to 200 killed": the lower end of a range.
      const lower = before[before.length - 2];
      if (pick && lower && (pick.from - lower.to === 0 || (pick.from - lower.to === 1 && ['to', 'and', 'or'].includes(ws[lower.to]!.norm)))) {
        if (lower.n < pick.n) pick = lower;
      }
      victimsFrom = pick ? Math.max(pick.to, before[before.length - 1]!.to) : -1;
    }
    // "a man was killed", "the sheikh was killed": one person.
    let single: { from: number; to: number } | null = null;
    if (!pick) {
      for (let k = d.from - 1; k >= Math.max(lo, d.from - 6); k--) {
        const p = doc.fatalityWords.find((x) => x.from === k && x.value.kind === 'person');
        if (p && k > 0 && ['a', 'an', 'one', 'the'].includes(ws[k - 1]!.norm)) {
          single = { from: k - 1, to: p.to };
          break;
        }
        if (injuries.some((j) => j.from === k)) break;
      }
    }
    if (!pick && !single) continue;
    const atLeast = pick && pick.from >= 2 && ws[pick.from - 2]!.norm === 'at' && ws[pick.from - 1]!.norm === 'least';
    const between = pick && pick.from >= 1 && ws[pick.from - 1]!.norm === 'between';
    if (pick) used.add(pick.from);
    const n = pick ? pick.n : 1;
    const from = pick ? pick.from : single!.from;
    const to = pick ? pick.to : single!.to;
    const victims = victimsFrom >= 0 && victimsFrom < d.from ? ws.slice(victimsFrom, d.from).filter((x) => !['were', 'was', 'had', 'been', 'have', 'reportedly', 'reported'].includes(x.norm)).map((x) => x.text).join(' ') || null : null;
    out.push({
      n,
      basis: pick?.vague ? 'convention' : 'stated',
      spans: [spanOf(doc.text, ws[Math.min(from, d.from)]!.start, ws[Math.max(to, d.to) - 1]!.end)],
      rules: [pick ? pick.rule : 'fatalities/one-person', ...(atLeast ? ['fatalities/at-least'] : []), ...(between ? ['fatalities/range-low'] : [])],
      at: d.from,
      sentence,
      victims,
    });
  }
  return out;
}

/**
 * One figure from several counts: counts of different victims add up; the same victims counted
 * twice (or sources that disagree) give the lowest; a stated figure beats a conventional one.
 */
export function combine(counts: readonly FatalityCount[]): FatalityCount | null {
  if (!counts.length) return null;
  const positive = counts.filter((c) => c.n > 0);
  if (!positive.length) return counts[0]!;
  const stated = positive.filter((c) => c.basis === 'stated');
  const pool = stated.length ? stated : positive;
  // Distinct victim groups add up; unnamed counts are alternatives.
  const groups = new Map<string, FatalityCount>();
  for (const c of pool) {
    const key = (c.victims ?? '').toLowerCase();
    const prev = groups.get(key);
    if (!prev || c.n < prev.n) groups.set(key, c);
  }
  const parts = [...groups.values()];
  const named = parts.filter((p) => p.victims);
  const chosen = named.length >= 2 ? named : [parts.reduce((a, b) => (b.n < a.n ? b : a))];
  const n = chosen.reduce((s, c) => s + c.n, 0);
  return {
    n,
    basis: chosen.every((c) => c.basis === 'convention') ? 'convention' : 'stated',
    spans: chosen.flatMap((c) => c.spans),
    rules: [...new Set(chosen.flatMap((c) => c.rules)), ...(chosen.length > 1 ? ['fatalities/sum-of-groups'] : []), ...(pool.length > chosen.length ? ['fatalities/lowest-of-alternatives'] : [])],
    at: chosen[0]!.at,
    sentence: chosen[0]!.sentence,
    victims: chosen.map((c) => c.victims).filter(Boolean).join(' + ') || null,
  };
}

/** Divide a total over `k` events the way ACLED does: as evenly as possible, the remainder first. */
export function split(total: number, k: number): number[] {
  if (k <= 1) return [total];
  const base = Math.floor(total / k);
  const rest = total - base * k;
  return Array.from({ length: k }, (_, i) => base + (i < rest ? 1 : 0));
}
