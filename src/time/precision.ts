/**
 * ACLED time_precision of a resolved value.
 *
 * ACLED codes 1 when the day is known, 2 when the event falls in a range of days or a week, and
 * 3 when only the month (or something coarser: a season, a year) is known.
 */
import type { AcledTimePrecision, TimeGranularity } from '../core/index.js';
import { parseIsoDay, type Day } from './calendar.js';

/** A range of days longer than this is no longer "a range of days or a week". */
export const MAX_PRECISION_2_DAYS = 7;

/**
 * Precision of a value from its bounds and granularity.
 *
 * @example
 * acledPrecision({ start: '2016-05-05', end: '2016-05-05', granularity: 'day' })   // 1
 * acledPrecision({ start: '2016-05-05', end: '2016-05-06', granularity: 'day' })   // 2
 * acledPrecision({ start: '2016-05-02', end: '2016-05-08', granularity: 'week' })  // 2
 * acledPrecision({ start: '2016-01-01', end: '2016-02-29', granularity: 'month' }) // 3
 */
export function acledPrecision(value: {
  readonly start: string;
  readonly end: string;
  readonly granularity: TimeGranularity;
}): AcledTimePrecision {
  const start = parseIsoDay(value.start);
  const end = parseIsoDay(value.end);
  if (start === null || end === null || end < start) {
    throw new RangeError(`bad time value ${value.start}..${value.end}`);
  }
  return precisionOfDays(start, end, value.granularity);
}

/** The same on day numbers (calendar.ts), for callers that have them. */
export function precisionOfDays(start: Day, end: Day, granularity: TimeGranularity): AcledTimePrecision {
  if (end < start) throw new RangeError(`bad time value: day ${end} before day ${start}`);
  const days = end - start + 1;
  if (granularity === 'month' || granularity === 'season' || granularity === 'year') {
    // A "month" value that is really a few days (e.g. "earlier this month" on the 3rd) is a range of days.
    return days <= MAX_PRECISION_2_DAYS ? 2 : 3;
  }
  if (days === 1) return 1;
  return days <= MAX_PRECISION_2_DAYS ? 2 : 3;
}
