/**
 * Calendar periods and their parts, as pure functions of calendar days (see calendar.ts).
 *
 * Conventions (documented once, used everywhere):
 * - weeks run Monday–Sunday (ISO);
 * - a month's "early"/"beginning" is days 1–10, "mid"/"middle" 11–20, "late"/"end" 21–last (thirds);
 * - a year's "beginning"/"start" is January–February, "early" January–April, "mid"/"middle"
 *   May–August, "late" September–December, "end" November–December;
 * - a week's "beginning"/"early" is Monday–Wednesday, "mid"/"middle" Tuesday–Thursday,
 *   "end"/"late" Thursday–Sunday;
 * - a decade's "early"/"beginning" is years 0–3, "mid"/"middle" 4–6, "late"/"end" 7–9;
 * - seasons are meteorological, northern hemisphere: spring March–May, summer June–August,
 *   autumn September–November, winter Y = December Y-1 – February Y.
 */
import { dayOf, monthEnd, monthStart, weekStart, ymdOf, type Day } from './calendar.js';
import type { Period, PeriodPart, Season } from './types.js';

export function dayPeriod(d: Day): Period {
  return { start: d, end: d, granularity: 'day' };
}

export function weekPeriod(d: Day, part?: PeriodPart): Period {
  const ws = weekStart(d);
  switch (part) {
    case 'beginning':
    case 'early':
      return { start: ws, end: ws + 2, granularity: 'week' };
    case 'mid':
    case 'middle':
      return { start: ws + 1, end: ws + 3, granularity: 'week' };
    case 'end':
    case 'late':
      return { start: ws + 3, end: ws + 6, granularity: 'week' };
    default:
      return { start: ws, end: ws + 6, granularity: 'week' };
  }
}

export function monthPeriod(year: number, month: number, part?: PeriodPart): Period {
  const start = monthStart(year, month);
  const end = monthEnd(year, month);
  switch (part) {
    case 'beginning':
    case 'early':
      return { start, end: start + 9, granularity: 'month' };
    case 'mid':
    case 'middle':
      return { start: start + 10, end: start + 19, granularity: 'month' };
    case 'end':
    case 'late':
      return { start: start + 20, end, granularity: 'month' };
    default:
      return { start, end, granularity: 'month' };
  }
}

export function yearPeriod(year: number, part?: PeriodPart): Period {
  switch (part) {
    case 'beginning':
      return { start: dayOf(year, 1, 1), end: monthEnd(year, 2), granularity: 'month' };
    case 'early':
      return { start: dayOf(year, 1, 1), end: dayOf(year, 4, 30), granularity: 'month' };
    case 'mid':
    case 'middle':
      return { start: dayOf(year, 5, 1), end: dayOf(year, 8, 31), granularity: 'month' };
    case 'late':
      return { start: dayOf(year, 9, 1), end: dayOf(year, 12, 31), granularity: 'month' };
    case 'end':
      return { start: dayOf(year, 11, 1), end: dayOf(year, 12, 31), granularity: 'month' };
    default:
      return { start: dayOf(year, 1, 1), end: dayOf(year, 12, 31), granularity: 'year' };
  }
}

export function decadePeriod(decade: number, part?: PeriodPart): Period {
  switch (part) {
    case 'beginning':
    case 'early':
      return { start: dayOf(decade, 1, 1), end: dayOf(decade + 3, 12, 31), granularity: 'year' };
    case 'mid':
    case 'middle':
      return { start: dayOf(decade + 4, 1, 1), end: dayOf(decade + 6, 12, 31), granularity: 'year' };
    case 'end':
    case 'late':
      return { start: dayOf(decade + 7, 1, 1), end: dayOf(decade + 9, 12, 31), granularity: 'year' };
    default:
      return { start: dayOf(decade, 1, 1), end: dayOf(decade + 9, 12, 31), granularity: 'year' };
  }
}

const SEASON_MONTHS: Record<Season, number> = { spring: 3, summer: 6, autumn: 9, winter: 12 };

/** The season of `year`; winter 2015 is 2014-12-01 … 2015-02-28. */
export function seasonPeriod(year: number, season: Season): Period {
  const first = SEASON_MONTHS[season];
  const startYear = season === 'winter' ? year - 1 : year;
  const start = monthStart(startYear, first);
  const endMonth = season === 'winter' ? 2 : first + 2;
  return { start, end: monthEnd(year, endMonth), granularity: 'season' };
}

/** The season holding a day, as (season, year) with winter counted in the year it ends. */
export function seasonOf(d: Day): { season: Season; year: number } {
  const { year, month } = ymdOf(d);
  if (month === 12) return { season: 'winter', year: year + 1 };
  if (month <= 2) return { season: 'winter', year };
  if (month <= 5) return { season: 'spring', year };
  if (month <= 8) return { season: 'summer', year };
  return { season: 'autumn', year };
}

/** The `season` of the year that puts it closest to the reference day (ties: the past). */
export function closestSeason(reference: Day, season: Season): Period {
  const refYear = ymdOf(reference).year;
  let best: Period | null = null;
  let bestDistance = Infinity;
  for (let y = refYear - 1; y <= refYear + 2; y++) {
    const p = seasonPeriod(y, season);
    const distance = reference < p.start ? p.start - reference : reference > p.end ? reference - p.end : 0;
    if (distance < bestDistance) {
      best = p;
      bestDistance = distance;
    }
  }
  return best!;
}

/** The most recent `season` that ended before the reference ("last summer"). */
export function lastSeason(reference: Day, season: Season): Period {
  const refYear = ymdOf(reference).year;
  for (let y = refYear + 1; y >= refYear - 2; y--) {
    const p = seasonPeriod(y, season);
    if (p.end < reference) return p;
  }
  return seasonPeriod(refYear - 1, season);
}

/** The first `season` that starts after the reference ("next summer"). */
export function nextSeason(reference: Day, season: Season): Period {
  const refYear = ymdOf(reference).year;
  for (let y = refYear - 1; y <= refYear + 2; y++) {
    const p = seasonPeriod(y, season);
    if (p.start > reference) return p;
  }
  return seasonPeriod(refYear + 1, season);
}

/**
 * "this spring": the season of the reference year's cycle — the one holding the reference, or
 * else the closest one (in May, "this winter" is the winter that just ended).
 */
export function thisSeason(reference: Day, season: Season): Period {
  return closestSeason(reference, season);
}
