/**
 * Dated facts matched in the text, for inferring the year of a text that has no publication date:
 *
 * - anchors (data/time/anchors.en.txt): events with a known day ("EU referendum" 2016-06-23);
 * - office holders (data/time/offices.en.txt): title + name with the years they held office.
 *
 * All phrases of a file compile into one regex at module load. Matching runs over a folded copy of
 * the text of the same length (diacritics stripped, curly apostrophes straightened), so
 * "François" matches "Francois" and offsets stay valid.
 */
import { parseIsoDay, ymdOf, type Day } from '../calendar.js';
import { loadData, normaliseKey, phrasePattern, type DataEntry } from '../data.js';

export interface Anchor {
  readonly day: Day;
  readonly label: string;
}

export interface Office {
  readonly label: string;
  /** Inclusive day ranges; `end` null while in office. */
  readonly ranges: ReadonlyArray<{ readonly start: Day; readonly end: Day | null }>;
}

export interface PhraseMatch<T> {
  readonly start: number;
  readonly end: number;
  readonly phrase: string;
  readonly entries: readonly T[];
}

interface Matcher<T> {
  readonly re: RegExp;
  readonly byPhrase: Map<string, T[]>;
}

function phraseKey(s: string): string {
  return normaliseKey(fold(s));
}

function compile<T>(entries: DataEntry[], read: (e: DataEntry) => { value: T; phrases: string[] }): Matcher<T> {
  const byPhrase = new Map<string, T[]>();
  for (const e of entries) {
    const { value, phrases } = read(e);
    for (const p of new Set(phrases.map(phraseKey))) {
      const key = p;
      const list = byPhrase.get(key) ?? [];
      list.push(value);
      byPhrase.set(key, list);
    }
  }
  const alternatives = [...byPhrase.keys()].sort((a, b) => b.length - a.length).map(phrasePattern);
  // No `u` flag and no leading lookbehind: V8 then scans for the first letters quickly; word
  // boundaries are checked in code (matchAll).
  const re = new RegExp(`(?:${alternatives.join('|')})`, 'gi');
  return { re, byPhrase };
}

function day(s: string, where: DataEntry): Day {
  const d = parseIsoDay(s);
  if (d === null) throw new Error(`time: ${where.file}:${where.line}: not a date (YYYY-MM-DD): ${JSON.stringify(s)}`);
  return d;
}

const ANCHORS = compile<Anchor>(loadData('anchors.en.txt'), (e) => {
  const [date, label, ...synonyms] = e.fields;
  if (!date || !label) throw new Error(`time: ${e.file}:${e.line}: expecting "date | label | synonyms…"`);
  return { value: { day: day(date, e), label }, phrases: [label, ...synonyms] };
});

const OFFICES = compile<Office>(loadData('offices.en.txt'), (e) => {
  const [ranges, label, ...synonyms] = e.fields;
  if (!ranges || !label) throw new Error(`time: ${e.file}:${e.line}: expecting "ranges | label | synonyms…"`);
  const parsed = ranges.split(',').map((r) => {
    const [a, b] = r.trim().split('..');
    if (a === undefined || b === undefined) throw new Error(`time: ${e.file}:${e.line}: expecting START..END, got ${JSON.stringify(r)}`);
    return { start: day(a, e), end: b === '' ? null : day(b, e) };
  });
  return { value: { label, ranges: parsed }, phrases: [label, ...synonyms] };
});

/** Same-length fold: "François’" → "Francois'". */
export function fold(text: string): string {
  if (!/[^\x00-\x7f]/.test(text)) return text;
  let out = '';
  for (const ch of text) {
    if (ch.length !== 1 || ch.charCodeAt(0) < 0x80) {
      out += ch;
      continue;
    }
    if (ch === '’' || ch === '‘') {
      out += "'";
      continue;
    }
    const base = ch.normalize('NFD').charAt(0);
    out += base.charCodeAt(0) < 0x80 ? base : ch;
  }
  return out;
}

/** A stretch of text to search (half-open). */
export interface Window {
  readonly start: number;
  readonly end: number;
}

/** Sort and merge overlapping windows, clipped to the text. */
function merge(windows: readonly Window[], length: number): Window[] {
  const sorted = windows
    .map((w) => ({ start: Math.max(0, w.start), end: Math.min(length, w.end) }))
    .filter((w) => w.end > w.start)
    .sort((a, b) => a.start - b.start);
  const out: Window[] = [];
  for (const w of sorted) {
    const last = out[out.length - 1];
    if (last && w.start <= last.end) out[out.length - 1] = { start: last.start, end: Math.max(last.end, w.end) };
    else out.push(w);
  }
  return out;
}

/**
 * The phrase regex is one big case-insensitive alternation: V8 pays for it at every position, so
 * it only runs inside windows where a phrase can be (near a date, around a title word).
 */
function matchIn<T>(m: Matcher<T>, folded: string, windows: readonly Window[], limit: number): PhraseMatch<T>[] {
  const out: PhraseMatch<T>[] = [];
  for (const w of merge(windows, folded.length)) {
    const piece = folded.slice(w.start, w.end);
    m.re.lastIndex = 0;
    let x: RegExpExecArray | null;
    while (out.length < limit && (x = m.re.exec(piece)) !== null) {
      const start = w.start + x.index;
      const end = start + x[0].length;
      if (WORD_CHAR.test(folded.charAt(start - 1)) || WORD_CHAR.test(folded.charAt(end))) continue;
      const entries = m.byPhrase.get(phraseKey(x[0]));
      if (entries) out.push({ start, end, phrase: x[0], entries });
    }
  }
  return out;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

const PAST_HOLDER = /(?:former|ex-|then-|late|predecessor)\s{0,3}$/i;

/** Longest anchor phrase, for windows around a date. */
const MAX_ANCHOR_PHRASE = Math.max(...[...ANCHORS.byPhrase.keys()].map((k) => k.length)) * 2;

/** Anchor phrases in the (folded) text within `reach` characters of the given spans (the dates). */
export function findAnchors(folded: string, near: readonly Window[], reach: number, limit = 200): PhraseMatch<Anchor>[] {
  const windows = near.map((w) => ({ start: w.start - reach - MAX_ANCHOR_PHRASE, end: w.end + reach + MAX_ANCHOR_PHRASE }));
  return matchIn(ANCHORS, folded, windows, limit);
}

/**
 * Every office phrase holds a title word; titles are found with a small case-sensitive regex and
 * the phrase regex runs around them. Checked at load: a phrase without a title would never match.
 */
const TITLE = /President|Prime Minister|Chancellor|Secretary|[Aa]dministration|[Ee]nvoy|[Ll]eader|Chairman/g;
const TITLE_REACH = 60;
for (const phrase of OFFICES.byPhrase.keys()) {
  if (!new RegExp(TITLE.source, 'i').test(phrase)) throw new Error(`time: offices.en.txt: "${phrase}" has no title word (${TITLE.source})`);
}

/** Office-holder phrases in the (folded) text, minus "former …", "then-…", "the late …". */
export function findOffices(folded: string, limit = 200): PhraseMatch<Office>[] {
  const windows: Window[] = [];
  TITLE.lastIndex = 0;
  let t: RegExpExecArray | null;
  while (windows.length < 10_000 && (t = TITLE.exec(folded)) !== null) {
    windows.push({ start: t.index - TITLE_REACH, end: t.index + t[0].length + TITLE_REACH });
  }
  return matchIn(OFFICES, folded, windows, limit).filter((m) => !PAST_HOLDER.test(folded.slice(Math.max(0, m.start - 16), m.start)));
}

/** The years an office holder was in office (an open end counts up to `openEnd`). */
export function officeYears(o: Office, openEnd: number): Set<number> {
  const years = new Set<number>();
  for (const r of o.ranges) {
    const a = ymdOf(r.start).year;
    const b = r.end === null ? openEnd : ymdOf(r.end).year;
    for (let y = a; y <= b; y++) years.add(y);
  }
  return years;
}

export function yearsLabel(o: Office): string {
  return o.ranges
    .map((r) => `${ymdOf(r.start).year}–${r.end === null ? '' : ymdOf(r.end).year}`)
    .join(', ');
}

