/**
 * The time stage's internal contract, in the manner of chrono's Parser/Refiner: recognizers turn
 * text into `Candidate`s, refiners and filters turn candidates into candidates, and the resolver
 * turns each surviving candidate into a `TimeExpression`.
 *
 * A candidate holds a `Spec`: what the text *says* (a month and day, a range, "last week"),
 * before any year or reference is applied. Resolution is a separate, pure step (`resolve.ts`), so
 * the same candidate resolves against a publication date or against a year inferred from the text.
 */
import type { RunContext, TimeExpression, TimeGranularity, TimeRelation } from '../core/index.js';
import type { Day } from './calendar.js';

/** A day as written: the year is null when the text does not state it. */
export interface DayRef {
  readonly year: number | null;
  readonly month: number;
  readonly day: number;
}

/** A period on the calendar (inclusive days). */
export interface Period {
  readonly start: Day;
  readonly end: Day;
  readonly granularity: TimeGranularity;
}

/** What resolution may use: the reference day and/or a year (stated, inferred). */
export interface Anchor {
  /** The reference (publication) day; null when unknown. */
  readonly reference: Day | null;
  /** The year to use for dates written without one when there is no reference. */
  readonly year: number | null;
}

/** Part of a month or year ("early June", "at the beginning of the year"). */
export type PeriodPart = 'early' | 'mid' | 'late' | 'beginning' | 'middle' | 'end';

export type Season = 'spring' | 'summer' | 'autumn' | 'winter';

export type Spec =
  /** One day ("May 5", "5 May 2015", "2016-05-13"). */
  | { readonly type: 'day'; readonly date: DayRef }
  /** An explicit range of days ("May 5-6", "May 30-June 2"); `to.year` null → same year as `from` (or the next when it wraps). */
  | { readonly type: 'days'; readonly from: DayRef; readonly to: DayRef }
  /** A month, possibly a part of it, possibly through a second month ("September-October"). */
  | {
      readonly type: 'month';
      readonly year: number | null;
      readonly month: number;
      readonly part?: PeriodPart;
      readonly toMonth?: number;
      readonly toYear?: number | null;
    }
  /** A season of a stated (or implied) year; winter Y is December Y-1 … February Y. */
  | { readonly type: 'season'; readonly year: number; readonly season: Season }
  /** A stated year or span of years, possibly a part of it ("early 2016", "2014-2015"). */
  | { readonly type: 'year'; readonly year: number; readonly toYear?: number; readonly part?: PeriodPart }
  /** A decade ("the 1990s", "the early 1990s"). */
  | { readonly type: 'decade'; readonly decade: number; readonly part?: PeriodPart }
  /**
   * A weekday without a date ("on Tuesday", "last Friday"). `modifier` as written; `tense` set by
   * weekdayTenseRefiner: past (the default for news) or future ("will meet on Sunday").
   */
  | {
      readonly type: 'weekday';
      readonly weekday: number;
      readonly modifier: 'last' | 'this' | 'next' | null;
      readonly tense: 'past' | 'future';
    }
  /**
   * An offset from the reference as chrono computed it ("two days ago", "yesterday", "in two
   * weeks", "a year ago"): `amount` days (unit day/week), months or years. A week offset resolves to
   * the Monday–Sunday week holding the day, a month offset to the whole month.
   */
  | { readonly type: 'offset'; readonly unit: 'day' | 'week' | 'month' | 'year'; readonly amount: number }
  /** A range between two other specs ("April 1 to September"): from the first's start to the second's end. */
  | { readonly type: 'span'; readonly from: Spec; readonly to: Spec }
  /**
   * Anything computed from the reference ("last week", "yesterday", "on Tuesday") or from the
   * year alone ("at the beginning of the year"). `needs` says which; `compute` returns null when
   * the anchor lacks it.
   */
  | {
      readonly type: 'relative';
      readonly needs: 'reference' | 'year';
      readonly compute: (anchor: Anchor) => Period | null;
      /** A readable description of the rule, e.g. "the Monday–Sunday week before the reference week". */
      readonly describe: string;
    };

export interface Candidate {
  start: number;
  end: number;
  readonly spec: Spec;
  kind: TimeExpression['kind'];
  relation: TimeRelation;
  /** Rule tags, in the order they fired; `evidence.rules`. */
  readonly rules: string[];
  /** Overlap resolution: higher wins, then longer, then earlier. Chrono is 1, our recognizers 2-3. */
  readonly priority: number;
  /** Extra sentences for `evidence.reason`. */
  readonly notes: string[];
  /** Extra supporting spans (e.g. the "Since" governing an attributive date). */
  readonly extraSpans: { start: number; end: number }[];
}

/** Adds candidates found in the text. `budget` caps how many it may add (hostile input). */
export interface Recognizer {
  readonly name: string;
  recognize(ctx: RunContext, text: string, budget: number): Candidate[];
}

/** Turns candidates into candidates (merge, drop, relabel). Input and output sorted by start. */
export interface Refiner {
  readonly name: string;
  refine(ctx: RunContext, text: string, candidates: Candidate[]): Candidate[];
}

/** Build a candidate with the defaults most recognizers want. */
export function candidate(
  start: number,
  end: number,
  spec: Spec,
  kind: TimeExpression['kind'],
  rule: string,
  priority: number,
  relation: TimeRelation = kind === 'vague' ? 'during' : 'at',
): Candidate {
  return { start, end, spec, kind, relation, rules: [rule], priority, notes: [], extraSpans: [] };
}
