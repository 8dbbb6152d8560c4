import { test } from 'node:test';
import assert from 'node:assert/strict';
import { acledPrecision, MAX_PRECISION_2_DAYS } from './precision.js';

test('precision: a single day is 1', () => {
  assert.equal(acledPrecision({ start: '2016-05-05', end: '2016-05-05', granularity: 'day' }), 1);
});

test('precision: a range of days up to a week, or a week, is 2', () => {
  assert.equal(acledPrecision({ start: '2016-05-05', end: '2016-05-06', granularity: 'day' }), 2);
  assert.equal(acledPrecision({ start: '2016-05-02', end: '2016-05-08', granularity: 'week' }), 2);
  assert.equal(acledPrecision({ start: '2016-05-10', end: '2016-05-13', granularity: 'week' }), 2);
  assert.equal(MAX_PRECISION_2_DAYS, 7);
});

test('precision: longer ranges, months, seasons and years are 3', () => {
  assert.equal(acledPrecision({ start: '2016-05-01', end: '2016-05-09', granularity: 'day' }), 3);
  assert.equal(acledPrecision({ start: '2016-05-01', end: '2016-05-31', granularity: 'month' }), 3);
  assert.equal(acledPrecision({ start: '2016-01-01', end: '2016-02-29', granularity: 'month' }), 3);
  assert.equal(acledPrecision({ start: '2016-03-01', end: '2016-05-31', granularity: 'season' }), 3);
  assert.equal(acledPrecision({ start: '2016-01-01', end: '2016-12-31', granularity: 'year' }), 3);
});

test('precision: a "month" value that is only a few days ("earlier this month" on the 3rd) is 2', () => {
  assert.equal(acledPrecision({ start: '2016-05-01', end: '2016-05-02', granularity: 'month' }), 2);
});

test('precision: bad values throw', () => {
  assert.throws(() => acledPrecision({ start: '2016-05-06', end: '2016-05-05', granularity: 'day' }), RangeError);
  assert.throws(() => acledPrecision({ start: '2016-02-30', end: '2016-03-01', granularity: 'day' }), RangeError);
});
