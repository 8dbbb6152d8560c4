/**
 * Chrono (casual English) as one recognizer among others.
 *
 * - Configuration: chrono's casual English minus the clock-time parser (DROPPED_PARSERS): the
 *   model has no time of day, time-only matches were its main source of false positives ("at 6.5
 *   kilograms", chrono #374) and it was the costliest parser on news text. The list is validated
 *   against what chrono loads, so an upgrade that renames a parser fails loudly.
 * - Timezone: chrono gets the reference as noon UTC of the reference day with `timezone: 0`, and
 *   we read only its *components* (`get`/`isCertain`), never `.date()`, so the machine's timezone
 *   cannot leak in (chrono #452). Years chrono merely implies are ignored: resolve.ts picks them.
 *   Relative results ("two days ago") become an offset from the reference day chrono was given,
 *   so they resolve the same way against any reference.
 * - Cost: one pass over the text, in bounded chunks (chunks.ts), skipping chunks with no trigger
 *   word; stops once `budget` candidates are found.
 */
import type { RunContext } from '../../core/index.js';
import * as en from 'chrono-node/en';
import type { ParsedComponents, ParsedResult } from 'chrono-node';
import { dayOf, isValidDate, parseIsoDay, ymdOf, type Day } from '../calendar.js';
import { plausibleRange } from '../recognizers/dayRangeRecognizer.js';
import { candidate, type Candidate, type Recognizer, type Spec } from '../types.js';
import { TRIGGER, chunksOf } from './chunks.js';
import { chronoNoise } from './chronoNoiseFilter.js';

export const DROPPED_PARSERS: readonly string[] = ['ENTimeExpressionParser'];

function buildChrono(): en.Chrono {
  const config = en.configuration.createCasualConfiguration(false);
  const names = config.parsers.map((p) => p.constructor.name);
  for (const dropped of DROPPED_PARSERS) {
    if (!names.includes(dropped)) {
      throw new Error(`time: chrono parser ${dropped} is not loaded; expecting one of: ${names.join(', ')}`);
    }
  }
  return new en.Chrono({
    parsers: config.parsers.filter((p) => !DROPPED_PARSERS.includes(p.constructor.name)),
    refiners: config.refiners,
  });
}

const CHRONO = buildChrono();

/** Names of the parsers in use (for tests and `explain`). */
export const CHRONO_PARSERS: readonly string[] = CHRONO.parsers.map((p) => p.constructor.name);

/**
 * The day chrono is told is "now" when the run has no reference. Only the components chrono marks
 * certain are used then, and relative results are kept as offsets, so this day never reaches a value.
 */
export const SENTINEL_REFERENCE: Day = dayOf(2000, 7, 1);

function chronoReference(d: Day): en.ParsingReference {
  const { year, month, day } = ymdOf(d);
  return { instant: new Date(Date.UTC(year, month - 1, day, 12)), timezone: 0 };
}

const RELATIVE_TAG = /^(?:result\/relativeDate|casualReference\/|parser\/ENCasual)/;
const UNIT_WORD = /\b(?:(weeks?|fortnights?)|(months?)|(years?))\b/i;
const MODIFIER = /\b(last|past|this|next|coming)\b/i;

/** Words of a relative expression ("last week", "in the year", "two days ago"). */
const RELATIVE_TEXT = /\b(?:ago|last|next|this|past|today|yesterday|tomorrow|tonight|days?|weeks?|months?|years?)\b/i;
/** One side of a range that is a generic unit ("in the year", "the month"), not a date. */
const GENERIC_SIDE = /^(?:(?:in|within|for|during)\s+)?the\s+(?:day|week|month|year)$/i;

function looksRelative(c: ParsedComponents): boolean {
  return isRelative(c.tags());
}

function isRelative(tags: ReadonlySet<string>): boolean {
  for (const t of tags) if (RELATIVE_TAG.test(t)) return true;
  return false;
}

/** What one side of a chrono result says, or null when it says no calendar date. */
function specOf(c: ParsedComponents, text: string, ref: Day): Spec | null {
  // The side's own tags: a range "March 2 - Last week" is absolute on the left, relative on the right.
  const tags = c.tags();
  const certain = (k: 'year' | 'month' | 'day' | 'weekday') => c.isCertain(k);
  const get = (k: 'year' | 'month' | 'day' | 'weekday') => c.get(k);
  if (certain('weekday') && !certain('day')) {
    const w = get('weekday');
    if (w === null) return null;
    const mod = MODIFIER.exec(text)?.[1]?.toLowerCase();
    const modifier = mod === 'last' || mod === 'past' ? 'last' : mod === 'this' ? 'this' : mod === 'next' || mod === 'coming' ? 'next' : null;
    // chrono: 0 Sunday … 6 Saturday; ours ISO: 1 Monday … 7 Sunday.
    return { type: 'weekday', weekday: w === 0 ? 7 : w, modifier, tense: 'past' };
  }
  if (isRelative(tags)) {
    const y = get('year');
    const m = get('month');
    const d = get('day');
    if (y === null || m === null || d === null || !isValidDate(y, m, d)) return null;
    const r = ymdOf(ref);
    const unit = UNIT_WORD.exec(text);
    if (unit?.[3]) return { type: 'offset', unit: 'year', amount: y - r.year };
    if (unit?.[2]) return { type: 'offset', unit: 'month', amount: y * 12 + m - (r.year * 12 + r.month) };
    return { type: 'offset', unit: unit?.[1] ? 'week' : 'day', amount: dayOf(y, m, d) - ref };
  }
  if (!certain('month')) return null;
  const month = get('month');
  if (month === null) return null;
  const year = certain('year') ? get('year') : null;
  if (certain('day')) {
    const day = get('day');
    if (day === null || !isValidDate(year ?? 2000, month, day)) return null;
    return { type: 'day', date: { year, month, day } };
  }
  return { type: 'month', year, month };
}

const AMBIGUOUS_SLASH = /^(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}$/;

const SEPARATOR = /\s*(?:-|–|—|\bto\b|\buntil\b|\btill\b|\bthrough\b)\s*/gi;

/** Where chrono's range text splits into its two sides (first separator with text on both sides). */
function splitRange(text: string): { left: number; right: number } | null {
  SEPARATOR.lastIndex = 0;
  for (const m of text.matchAll(SEPARATOR)) {
    if (m.index > 0 && m.index + m[0].length < text.length) return { left: m.index, right: m.index + m[0].length };
  }
  return null;
}

function chronoRules(tags: ReadonlySet<string>): string[] {
  const rules = ['time/chrono'];
  for (const t of tags) rules.push(`time/chrono/${t}`);
  return rules;
}

function single(start: number, end: number, spec: Spec, rules: string[]): Candidate {
  const kind = spec.type === 'weekday' || spec.type === 'offset' ? 'relative' : 'date';
  const c = candidate(start, end, spec, kind, rules[0]!, 1);
  c.rules.push(...rules.slice(1));
  return c;
}

type Absolute = Extract<Spec, { type: 'day' } | { type: 'month' }>;

/** Longest month-level span read as one range; a span that wraps into the next year, shorter. */
const MAX_SPAN_DAYS = 366;
const MAX_WRAPPING_SPAN_DAYS = 121;

/**
 * "April 1 to September" is a range; "March 2 - February" (a Reuters dateline followed by
 * "February volume") is not. Measured in a leap year, with the end wrapping into the next year
 * only when no year is stated.
 */
function plausibleSpan(from: Absolute, to: Absolute): boolean {
  const yearOf = (s: Absolute) => (s.type === 'day' ? s.date.year : s.year);
  const first = (s: Absolute, y: number) => (s.type === 'day' ? dayOf(y, s.date.month, s.date.day) : dayOf(y, s.month, 1));
  const last = (s: Absolute, y: number) => (s.type === 'day' ? dayOf(y, s.date.month, s.date.day) : dayOf(y, s.month, 1) + 27);
  const fy = yearOf(from) ?? yearOf(to) ?? 2000;
  let ty = yearOf(to) ?? fy;
  let wraps = false;
  if (yearOf(to) === null && last(to, ty) < first(from, fy)) {
    ty += 1;
    wraps = true;
  }
  const length = last(to, ty) - first(from, fy);
  return length > 0 && length <= (wraps ? MAX_WRAPPING_SPAN_DAYS : MAX_SPAN_DAYS);
}

/** A valid range of two absolute specs, or null (then the two sides become two candidates). */
function rangeSpec(from: Spec, to: Spec): Spec | null {
  if (from.type === 'day' && to.type === 'day') {
    return plausibleRange(from.date, to.date) ? { type: 'days', from: from.date, to: to.date } : null;
  }
  if ((from.type === 'day' || from.type === 'month') && (to.type === 'day' || to.type === 'month')) {
    return plausibleSpan(from, to) ? { type: 'span', from, to } : null;
  }
  return null;
}

function convert(r: ParsedResult, offset: number, ref: Day): { candidates: Candidate[]; dropped: string | null } {
  const tags = r.tags();
  const noise = chronoNoise(r, tags);
  if (noise) return { candidates: [], dropped: noise };
  const start = offset + r.index;
  const end = start + r.text.length;
  const rules = chronoRules(tags);
  if (!r.end) {
    const spec = specOf(r.start, r.text, ref);
    if (!spec) return { candidates: [], dropped: 'no-calendar-date' };
    const c = single(start, end, spec, rules);
    const slash = tags.has('parser/SlashDateFormatParser') ? AMBIGUOUS_SLASH.exec(r.text) : null;
    if (slash && Number(slash[1]) <= 12 && Number(slash[2]) <= 12 && slash[1] !== slash[2]) {
      // "05/06/2016": chrono's default (US) order reads month/day; say so instead of guessing silently.
      c.rules.push('time/chrono/ambiguous-day-month-order');
      c.notes.push(`"${r.text}" could be day/month or month/day; read as month/day (chrono's default, US order)`);
    }
    return { candidates: [c], dropped: null };
  }
  const cut = splitRange(r.text);
  const leftText = cut ? r.text.slice(0, cut.left) : r.text;
  const rightText = cut ? r.text.slice(cut.right) : r.text;
  // chrono swaps the two sides when the second is earlier ("in the year to Dec 31, 1986"):
  // pair each side with the text that reads like it.
  const swapped = cut !== null && looksRelative(r.start) !== RELATIVE_TEXT.test(leftText) && looksRelative(r.end) !== RELATIVE_TEXT.test(rightText);
  const [first, second] = swapped ? [r.end, r.start] : [r.start, r.end];
  const from = GENERIC_SIDE.test(leftText.trim()) ? null : specOf(first, leftText, ref);
  const to = GENERIC_SIDE.test(rightText.trim()) ? null : specOf(second, rightText, ref);
  const range = from && to ? rangeSpec(from, to) : null;
  if (range) {
    const c = candidate(start, end, range, 'range', 'time/chrono', 1);
    c.rules.push(...rules.slice(1), 'time/chrono/range');
    return { candidates: [c], dropped: null };
  }
  // Not one range ("March 2 - Last week" in a dateline): keep each side that is a date on its own.
  if (!cut) return { candidates: from ? [single(start, end, from, rules)] : [], dropped: from ? null : 'bad-range' };
  const out: Candidate[] = [];
  const split = (c: ParsedComponents) => [...chronoRules(c.tags()), 'time/chrono/range-split'];
  if (from) out.push(single(start, start + cut.left, from, split(first)));
  if (to) out.push(single(start + cut.right, end, to, split(second)));
  return { candidates: out, dropped: out.length ? null : 'bad-range' };
}

export const chronoRecognizer: Recognizer = {
  name: 'chrono',
  recognize(ctx: RunContext, text: string, budget: number): Candidate[] {
    const refDay = (ctx.reference.date !== null ? parseIsoDay(ctx.reference.date) : null) ?? SENTINEL_REFERENCE;
    const reference = chronoReference(refDay);
    const out: Candidate[] = [];
    const dropped: string[] = [];
    for (const chunk of chunksOf(text)) {
      if (out.length >= budget) break;
      const piece = text.slice(chunk.start, chunk.end);
      if (!TRIGGER.test(piece)) continue;
      for (const r of CHRONO.parse(piece, reference)) {
        const { candidates, dropped: why } = convert(r, chunk.start, refDay);
        if (why) dropped.push(`${why}: ${JSON.stringify(r.text)}`);
        out.push(...candidates);
      }
    }
    ctx.debug('time', () => ({ recognizer: 'chrono', candidates: out.length, dropped }));
    return out.slice(0, budget);
  },
};
