import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addDays,
  addMonths,
  closestYear,
  closestYearForMonth,
  dayOf,
  daysBetween,
  daysInMonth,
  isoOf,
  isoWeekday,
  isValidDate,
  isValidMonthDay,
  parseIsoDay,
  weekStart,
  weekStartIso,
  ymdOf,
} from './calendar.js';

const d = (iso: string) => {
  const day = parseIsoDay(iso);
  assert.ok(day !== null, iso);
  return day;
};

test('calendar: day numbers round-trip and ignore the machine timezone', () => {
  assert.equal(dayOf(1970, 1, 1), 0);
  assert.equal(isoOf(dayOf(2016, 5, 13)), '2016-05-13');
  assert.deepEqual(ymdOf(dayOf(2016, 2, 29)), { year: 2016, month: 2, day: 29 });
  assert.equal(isoOf(dayOf(1899, 12, 31)), '1899-12-31');
  // Noon UTC on the reference day is the same calendar day everywhere we care about.
  assert.equal(isoOf(d('2016-12-31')), '2016-12-31');
});

test('calendar: dayOf/ymdOf agree with Date.UTC over four centuries', () => {
  for (let d = dayOf(1800, 1, 1); d <= dayOf(2200, 12, 31); d += 17) {
    const date = new Date(d * 86_400_000);
    assert.deepEqual(ymdOf(d), { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
    assert.equal(dayOf(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()), d);
  }
});

test('calendar: parseIsoDay rejects non-dates (chrono #54, #513)', () => {
  assert.equal(parseIsoDay('2016-02-30'), null);
  assert.equal(parseIsoDay('2015-02-29'), null);
  assert.equal(parseIsoDay('2016-13-01'), null);
  assert.equal(parseIsoDay('16-05-13'), null);
  assert.equal(parseIsoDay('2016-05-13T00:00'), null);
  assert.notEqual(parseIsoDay('2016-02-29'), null);
});

test('calendar: validity, leap years, month lengths', () => {
  assert.equal(daysInMonth(2016, 2), 29);
  assert.equal(daysInMonth(2015, 2), 28);
  assert.equal(daysInMonth(1900, 2), 28);
  assert.equal(daysInMonth(2000, 2), 29);
  assert.equal(daysInMonth(2016, 4), 30);
  assert.equal(isValidDate(2016, 7, 42), false);
  assert.equal(isValidMonthDay(2, 29), true);
  assert.equal(isValidMonthDay(4, 31), false);
});

test('calendar: ISO weekdays and Monday week starts', () => {
  assert.equal(isoWeekday(d('2016-05-13')), 5); // Friday
  assert.equal(isoWeekday(d('2016-05-15')), 7); // Sunday
  assert.equal(isoWeekday(d('1970-01-01')), 4); // Thursday
  assert.equal(isoWeekday(d('1969-12-29')), 1); // Monday, before day 0
  assert.equal(isoOf(weekStart(d('2016-05-13'))), '2016-05-09');
  assert.equal(isoOf(weekStart(d('2016-05-09'))), '2016-05-09');
  assert.equal(isoOf(weekStart(d('2016-05-15'))), '2016-05-09');
  assert.equal(weekStartIso('2016-01-01'), '2015-12-28');
});

test('calendar: addDays, daysBetween, addMonths', () => {
  assert.equal(addDays('2016-05-13', -3), '2016-05-10');
  assert.equal(addDays('2016-02-28', 1), '2016-02-29');
  assert.equal(addDays('2015-12-31', 1), '2016-01-01');
  assert.equal(daysBetween('2016-05-05', '2016-05-06'), 1);
  assert.equal(daysBetween('2016-05-06', '2016-05-05'), -1);
  assert.deepEqual(addMonths(2016, 1, -1), { year: 2015, month: 12 });
  assert.deepEqual(addMonths(2016, 12, 1), { year: 2017, month: 1 });
  assert.deepEqual(addMonths(2016, 5, -17), { year: 2014, month: 12 });
  assert.throws(() => addDays('2016-02-30', 1), RangeError);
});

test('calendar: closestYear puts a month/day nearest the reference, ties to the past', () => {
  assert.equal(closestYear(d('2016-05-13'), 6, 23), 2016);
  assert.equal(closestYear(d('2016-05-13'), 4, 27), 2016);
  assert.equal(closestYear(d('2016-01-05'), 12, 30), 2015);
  assert.equal(closestYear(d('2015-12-28'), 1, 3), 2016);
  assert.equal(closestYear(d('2016-05-13'), 12, 30), 2015);
  assert.equal(closestYear(d('2017-03-01'), 2, 29), 2016);
  // 2016-07-01 is 182 days from both 2016-01-01 and 2016-12-30 … a tie goes to the past.
  assert.equal(closestYear(d('2016-07-01'), 1, 1), 2016);
  assert.equal(closestYearForMonth(d('2016-05-13'), 3), 2016);
  assert.equal(closestYearForMonth(d('2016-05-13'), 12), 2015);
  assert.equal(closestYearForMonth(d('2016-05-13'), 11), 2015);
  assert.equal(closestYearForMonth(d('2016-12-20'), 1), 2017);
});
