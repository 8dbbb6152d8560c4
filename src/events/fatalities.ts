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
  /** Who gives the figure ("a military commander"), folded; "" for the report's own voice. */
  readonly source: string;
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
      out.push({ n: 0, basis: 'none', spans: [spanOf(doc.text, ws[f.from]!.start, ws[f.to - 1]!.end)], rules: [`fatalities/none/${f.value.phrase}`], at: f.from, sentence, victims: null, source: '' });
    }
  }
  const nums = numbersOf(doc, sentence, timeWords);
  const deaths = words.filter((f) => f.value.kind === 'death' || f.value.kind === 'loss');
  const injuries = words.filter((f) => f.value.kind === 'injury');
  const used = new Set<number>();
  const source = speakerOf(doc, lo, hi);
  for (const d of deaths) {
    // "no one was killed" was read as none above; "not killed" is not a death.
    if (out.some((o) => o.basis === 'none' && o.at <= d.from && d.from <= o.at + 6)) continue;
    if (d.from > 0 && ['not', 'no', 'never', 'nor'].includes(ws[d.from - 1]!.norm)) continue;
    // A list of victims after the death word ("killing a woman and her two children") or before it
    // ("three soldiers and ten militants were killed"): the counts add up.
    const list = victimList(doc, d, nums, injuries, used, lo, hi);
    // "lost four men": a loss is a death count only when people are counted right after it.
    if (d.value.kind === 'loss' && !(list && list.to > d.to && (isPersonWord(doc, list.to) || isPersonWord(doc, list.to - 1)))) continue;
    const pick: NumberAt | undefined = list ? { from: list.from, to: list.to, n: list.n, vague: list.vague, rule: list.rule } : undefined;
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
    const victims = list?.victims ?? null;
    out.push({
      n,
      basis: pick?.vague ? 'convention' : 'stated',
      spans: [spanOf(doc.text, ws[Math.min(from, d.from)]!.start, ws[Math.max(to, d.to) - 1]!.end)],
      rules: [pick ? pick.rule : 'fatalities/one-person', ...(atLeast ? ['fatalities/at-least'] : []), ...(between ? ['fatalities/range-low'] : [])],
      at: d.from,
      sentence,
      victims,
      source,
    });
  }
  return out;
}

const SPEECH = /^(?:said|says|say|claimed|claims|reported|reports|told|announced|stated|confirmed|added|according)$/;

/** Who gives the sentence's figures ("a military commander said …", "according to Al-Shabaab"): folded, or "". */
function speakerOf(doc: Doc, lo: number, hi: number): string {
  const ws = doc.ws;
  for (let k = lo; k < hi; k++) {
    if (!SPEECH.test(ws[k]!.norm)) continue;
    if (ws[k]!.norm === 'according' && ws[k + 1]?.norm === 'to') {
      const a = doc.actors.find((m) => m.from >= k + 2 && m.from <= k + 3);
      return (a?.text ?? ws.slice(k + 2, Math.min(hi, k + 5)).map((w) => w.text).join(' ')).toLowerCase();
    }
    const a = [...doc.actors].reverse().find((m) => m.to <= k && m.from >= lo && k - m.to <= 3);
    if (a) return a.text.toLowerCase();
    return ws.slice(Math.max(lo, k - 3), k).map((w) => w.norm).join(' ');
  }
  return '';
}

const LIST_SKIP = new Set(['were', 'was', 'had', 'been', 'have', 'has', 'reportedly', 'reported', 'all', 'both', 'at', 'least', 'about', 'around', 'some', 'nearly', 'almost', 'approximately', 'roughly', 'more', 'than', 'over', 'and', 'her', 'his', 'their', 'its', 'the', 'other', 'others', 'also', 'later', 'subsequently', 'allegedly']);
const LIST_STOP = new Set(['including', 'among', 'in', 'at', 'on', 'near', 'when', 'after', 'while', 'as', 'during', 'by', 'from', 'into', 'inside', 'outside', 'before', 'following', 'since', 'because', 'but', 'whereas', 'with', 'without', 'to', 'for']);

interface VictimList {
  readonly from: number;
  readonly to: number;
  readonly n: number;
  readonly vague: boolean;
  readonly rule: string;
  readonly victims: string;
}

/** A word for people ("men", "soldiers", "a fighter"): a person word of the lexicon or a generic actor. */
function isPersonWord(doc: Doc, k: number): boolean {
  return doc.fatalityWords.some((f) => f.from === k && f.value.kind === 'person') || doc.actors.some((a) => a.from <= k && k < a.to && a.kind === 'generic');
}

/** Victims counted around a death word, forwards first ("killing two soldiers and a civilian"). */
function victimList(
  doc: Doc,
  d: { from: number; to: number },
  nums: readonly NumberAt[],
  injuries: readonly { from: number; to: number }[],
  used: Set<number>,
  lo: number,
  hi: number,
): VictimList | null {
  const ws = doc.ws;
  const byFrom = new Map(nums.map((n) => [n.from, n]));
  const byTo = new Map(nums.map((n) => [n.to, n]));
  const isInjury = (k: number) => injuries.some((j) => j.from <= k && k < j.to);
  const person = (k: number) => doc.fatalityWords.some((f) => f.from === k && f.value.kind === 'person') || doc.actors.some((a) => a.from === k && a.kind === 'generic');
  const clause = doc.clause[d.from];
  const take = (items: NumberAt[], a: number, b: number, rule: string): VictimList | null => {
    if (!items.length) return null;
    for (const it of items) used.add(it.from);
    const n = items.reduce((s, it) => s + it.n, 0);
    return { from: Math.min(a, b), to: Math.max(a, b), n, vague: items.every((it) => it.vague), rule: items.length > 1 ? `${rule}/list` : items[0]!.rule, victims: ws.slice(Math.min(a, b), Math.max(a, b)).map((w) => w.text).join(' ') };
  };
  // Forwards.
  const fwd: NumberAt[] = [];
  let end = d.to;
  for (let k = d.to; k < hi && k < d.to + 14; ) {
    const w = ws[k]!;
    if (doc.clause[k] !== clause && fwd.length) break;
    if (isInjury(k) || (LIST_STOP.has(w.norm) && !(w.norm === 'at' && ws[k + 1]?.norm === 'least'))) break;
    const num = byFrom.get(k);
    if (num && !used.has(num.from)) {
      // "killed and 25 injured": a number the wounded own.
      if (injuries.some((j) => j.from >= num.to && j.from - num.to <= 1)) break;
      fwd.push(num);
      k = num.to;
      end = k;
      continue;
    }
    if ((w.norm === 'a' || w.norm === 'an' || w.norm === 'one') && k + 1 < hi && (person(k + 1) || person(k + 2))) {
      fwd.push({ from: k, to: k + 1, n: 1, vague: false, rule: 'fatalities/one-person' });
      k += 2;
      end = k;
      continue;
    }
    if (w.pos === 'VERB' || w.pos === 'AUX' || (w.pos === 'ADP' && !LIST_SKIP.has(w.norm))) break;
    if (!fwd.length && !LIST_SKIP.has(w.norm) && k - d.to > 3) break;
    k++;
  }
  const forward = take(fwd, d.from, end, 'fatalities/after');
  if (forward) return forward;
  // Backwards.
  const back: NumberAt[] = [];
  let start = d.from;
  for (let k = d.from - 1; k >= lo && k >= d.from - 14; ) {
    const w = ws[k]!;
    if (isInjury(k)) break;
    const num = byTo.get(k + 1);
    if (num && !used.has(num.from)) {
      back.push(num);
      start = num.from;
      k = num.from - 1;
      // "between 150-200 were killed", "150 to 200 killed": the lower end of a range.
      const lower = byTo.get(k + 1) ?? (['to', 'and', 'or'].includes(ws[k]?.norm ?? '') && /^\d/.test(ws[k - 1]?.norm ?? '') ? byTo.get(k) : undefined);
      if (lower && (lower.to === num.from || (lower.to === num.from - 1 && ['to', 'or'].includes(ws[num.from - 1]!.norm)))) {
        back.pop();
        back.push(lower.n < num.n ? lower : num);
        start = lower.from;
        k = lower.from - 1;
      }
      continue;
    }
    if ((w.norm === 'a' || w.norm === 'an' || w.norm === 'one') && person(k + 1)) {
      back.push({ from: k, to: k + 1, n: 1, vague: false, rule: 'fatalities/one-person' });
      start = k;
      k--;
      continue;
    }
    if (LIST_STOP.has(w.norm) || (w.pos === 'VERB' && !LIST_SKIP.has(w.norm) && !/ed$/.test(w.norm)) || doc.clause[k] !== clause) break;
    if (!back.length && !LIST_SKIP.has(w.norm) && d.from - k > 6) break;
    k--;
  }
  return take(back, start, d.from, 'fatalities/before');
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
  // Per source: different victims add up; the same victims counted twice keep the larger (an update).
  const bySource = new Map<string, Map<string, FatalityCount>>();
  for (const c of pool) {
    const src = bySource.get(c.source) ?? new Map<string, FatalityCount>();
    const key = victimKey(c.victims);
    const prev = src.get(key);
    if (!prev || c.n > prev.n) src.set(key, c);
    bySource.set(c.source, src);
  }
  // Between sources that disagree, the most conservative total.
  let chosen: FatalityCount[] = [];
  let best = Infinity;
  for (const src of bySource.values()) {
    const parts = [...src.values()];
    const total = parts.reduce((s, c) => s + c.n, 0);
    if (total < best) {
      best = total;
      chosen = parts;
    }
  }
  return {
    n: best,
    basis: chosen.every((c) => c.basis === 'convention') ? 'convention' : 'stated',
    spans: chosen.flatMap((c) => c.spans),
    rules: [...new Set(chosen.flatMap((c) => c.rules)), ...(chosen.length > 1 ? ['fatalities/sum-of-groups'] : []), ...(bySource.size > 1 ? ['fatalities/lowest-of-sources'] : [])],
    at: chosen[0]!.at,
    sentence: chosen[0]!.sentence,
    victims: chosen.map((c) => c.victims).filter(Boolean).join(' + ') || null,
    source: chosen[0]!.source,
  };
}

/** "three soldiers and ten militants" → "militants soldiers": who, without how many. */
function victimKey(v: string | null): string {
  if (!v) return '';
  return v
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w && !LIST_SKIP.has(w) && !/^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|dozens?|several|many|a|an|of|killed|killing|dead|died)$/.test(w))
    .sort()
    .join(' ');
}

/** Divide a total over `k` events the way ACLED does: as evenly as possible, the remainder first. */
export function split(total: number, k: number): number[] {
  if (k <= 1) return [total];
  const base = Math.floor(total / k);
  const rest = total - base * k;
  return Array.from({ length: k }, (_, i) => base + (i < rest ? 1 : 0));
}
