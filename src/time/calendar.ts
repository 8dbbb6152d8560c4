/**
 * Calendar arithmetic on plain calendar days, never on instants.
 *
 * A `Day` is the number of days since 1970-01-01 (proleptic Gregorian), computed with integer
 * arithmetic (the same numbers `Date.UTC(…) / 86400000` gives), so nothing here depends on the
 * machine's timezone (chrono issue #452 is exactly that bug).
 * Every function is pure; the ISO wrappers at the bottom are what tests and callers read.
 */

/** Days since 1970-01-01. */
export type Day = number;

/** A calendar date split into parts (month 1-12). */
export interface YMD {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/**
 * The Day of a calendar date (proleptic Gregorian; month and day must be valid, see `isValidDate`).
 * Integer arithmetic (H. Hinnant's days_from_civil): no Date object, so no timezone can enter.
 */
export function dayOf(year: number, month: number, day: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The calendar date of a Day (civil_from_days, the inverse of `dayOf`). */
export function ymdOf(d: Day): YMD {
  const z = d + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** `YYYY-MM-DD` of a Day. */
export function isoOf(d: Day): string {
  const { year, month, day } = ymdOf(d);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The Day of a `YYYY-MM-DD` string, or null when it is not a real calendar date. */
export function parseIsoDay(iso: string): Day | null {
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return isValidDate(year, month, day) ? dayOf(year, month, day) : null;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month (month 1-12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True for an existing calendar date ("February 30" and "July 42" are not: chrono issue #54). */
export function isValidDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Valid in some year (February 29 is, July 42 is not); for month/day read without a year. */
export function isValidMonthDay(month: number, day: number): boolean {
  return isValidDate(2000, month, day);
}

/** ISO weekday: 1 Monday … 7 Sunday. */
export function isoWeekday(d: Day): number {
  // 1970-01-01 was a Thursday (4).
  return ((((d + 3) % 7) + 7) % 7) + 1;
}

/** The Monday of the Monday–Sunday week holding `d`. */
export function weekStart(d: Day): Day {
  return d - (isoWeekday(d) - 1);
}

export function monthStart(year: number, month: number): Day {
  return dayOf(year, month, 1);
}

export function monthEnd(year: number, month: number): Day {
  return dayOf(year, month, daysInMonth(year, month));
}

/** Shift a (year, month) pair by `delta` months. */
export function addMonths(year: number, month: number, delta: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12 + 12) % 12 + 1 };
}

/**
 * The year that puts `month`/`day` closest to the reference day; a tie goes to the past (news
 * reports mostly look back). "December 30" read on 2016-01-05 is 2015-12-30; "June 23" read on
 * 2016-05-13 is 2016-06-23. February 29 only exists in leap years, so those are the candidates.
 */
export function closestYear(reference: Day, month: number, day: number): number {
  const refYear = ymdOf(reference).year;
  let best: number | null = null;
  let bestDistance = Infinity;
  for (let y = refYear - 4; y <= refYear + 4; y++) {
    if (!isValidDate(y, month, day)) continue;
    const distance = Math.abs(dayOf(y, month, day) - reference);
    // Iterating from the past, a strict "<" keeps the earlier year on ties.
    if (distance < bestDistance) {
      best = y;
      bestDistance = distance;
    }
  }
  return best ?? refYear;
}

/**
 * The year that puts a whole month closest to the reference, measured in months; ties go to the
 * past. "March" read in May 2016 is March 2016, "December" read in May 2016 is December 2015.
 */
export function closestYearForMonth(reference: Day, month: number): number {
  const ref = ymdOf(reference);
  const diff = month - ref.month; // -11 … 11
  if (diff > 6) return ref.year - 1;
  if (diff < -6) return ref.year + 1;
  if (diff === 6) return ref.year - 1; // six months either way: the past wins
  return ref.year;
}

// -----------------------------------------------------------------------------------------------
// ISO-string wrappers: the readable API.

function day(iso: string): Day {
  const d = parseIsoDay(iso);
  if (d === null) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(iso)}`);
  return d;
}

/** `addDays('2016-05-13', -3)` → `'2016-05-10'`. */
export function addDays(iso: string, n: number): string {
  return isoOf(day(iso) + n);
}

/** Monday of the week holding the date: `weekStartIso('2016-05-13')` → `'2016-05-09'`. */
export function weekStartIso(iso: string): string {
  return isoOf(weekStart(day(iso)));
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return day(b) - day(a);
}
