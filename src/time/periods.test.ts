import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isoOf, parseIsoDay } from './calendar.js';
import { closestSeason, decadePeriod, lastSeason, monthPeriod, nextSeason, seasonOf, seasonPeriod, weekPeriod, yearPeriod } from './periods.js';
import type { Period } from './types.js';

const d = (iso: string) => parseIsoDay(iso)!;
const show = (p: Period) => `${isoOf(p.start)}..${isoOf(p.end)} ${p.granularity}`;

test('periods: weeks run Monday–Sunday, parts by thirds', () => {
  assert.equal(show(weekPeriod(d('2016-05-13'))), '2016-05-09..2016-05-15 week');
  assert.equal(show(weekPeriod(d('2016-05-13'), 'early')), '2016-05-09..2016-05-11 week');
  assert.equal(show(weekPeriod(d('2016-05-13'), 'end')), '2016-05-12..2016-05-15 week');
});

test('periods: months and their thirds', () => {
  assert.equal(show(monthPeriod(2016, 2)), '2016-02-01..2016-02-29 month');
  assert.equal(show(monthPeriod(2016, 5, 'early')), '2016-05-01..2016-05-10 month');
  assert.equal(show(monthPeriod(2016, 5, 'mid')), '2016-05-11..2016-05-20 month');
  assert.equal(show(monthPeriod(2016, 4, 'late')), '2016-04-21..2016-04-30 month');
  assert.equal(show(monthPeriod(2015, 2, 'end')), '2015-02-21..2015-02-28 month');
});

test('periods: years and their parts', () => {
  assert.equal(show(yearPeriod(2016)), '2016-01-01..2016-12-31 year');
  assert.equal(show(yearPeriod(2016, 'beginning')), '2016-01-01..2016-02-29 month');
  assert.equal(show(yearPeriod(2016, 'early')), '2016-01-01..2016-04-30 month');
  assert.equal(show(yearPeriod(2016, 'mid')), '2016-05-01..2016-08-31 month');
  assert.equal(show(yearPeriod(2016, 'end')), '2016-11-01..2016-12-31 month');
  assert.equal(show(decadePeriod(1990)), '1990-01-01..1999-12-31 year');
  assert.equal(show(decadePeriod(1990, 'late')), '1997-01-01..1999-12-31 year');
});

test('periods: meteorological seasons, northern hemisphere; winter Y ends in Y', () => {
  assert.equal(show(seasonPeriod(2015, 'summer')), '2015-06-01..2015-08-31 season');
  assert.equal(show(seasonPeriod(2016, 'winter')), '2015-12-01..2016-02-29 season');
  assert.deepEqual(seasonOf(d('2015-12-10')), { season: 'winter', year: 2016 });
  assert.deepEqual(seasonOf(d('2016-05-13')), { season: 'spring', year: 2016 });
  assert.equal(show(lastSeason(d('2016-05-13'), 'summer')), '2015-06-01..2015-08-31 season');
  assert.equal(show(lastSeason(d('2016-05-13'), 'winter')), '2015-12-01..2016-02-29 season');
  assert.equal(show(nextSeason(d('2016-05-13'), 'winter')), '2016-12-01..2017-02-28 season');
  assert.equal(show(closestSeason(d('2016-05-13'), 'spring')), '2016-03-01..2016-05-31 season');
  assert.equal(show(closestSeason(d('2016-05-13'), 'autumn')), '2016-09-01..2016-11-30 season'); // 111 days ahead vs 165 back
});
