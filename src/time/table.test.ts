/**
 * Expression table, as pelias's address tests and chrono's testSingleCase: one line per case,
 * input → the expression found (span text) and its value. Reference 2016-05-13 is a Friday.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withTimes } from './testing.js';

const REF = '2016-05-13';

type Row = readonly [input: string, reference: string, span: string, start: string, end: string, precision: 1 | 2 | 3, relation?: string];

const TABLE: readonly Row[] = [
  // explicit ranges of days (time/range/*)
  ['May 5-6', REF, 'May 5-6', '2016-05-05', '2016-05-06', 2],
  ['the 5-6 May offensive', REF, '5-6 May', '2016-05-05', '2016-05-06', 2],
  ['May 5 to 6', REF, 'May 5 to 6', '2016-05-05', '2016-05-06', 2],
  ['between 3 and 5 June', REF, 'between 3 and 5 June', '2016-06-03', '2016-06-05', 2],
  ['from 3 to 5 June', REF, 'from 3 to 5 June', '2016-06-03', '2016-06-05', 2],
  ['May 30-June 2', REF, 'May 30-June 2', '2016-05-30', '2016-06-02', 2],
  ['30 May-2 June 2015', REF, '30 May-2 June 2015', '2015-05-30', '2015-06-02', 2],
  ['Dec 30, 2015 - Jan 2, 2016', REF, 'Dec 30, 2015 - Jan 2, 2016', '2015-12-30', '2016-01-02', 2],
  ['December 30 to January 2', '2016-01-05', 'December 30 to January 2', '2015-12-30', '2016-01-02', 2],
  ['May 5-12', REF, 'May 5-12', '2016-05-05', '2016-05-12', 3],
  ['May 5-6, 2015', REF, 'May 5-6, 2015', '2015-05-05', '2015-05-06', 2],
  // calendar periods (time/period/*)
  ['last week', REF, 'last week', '2016-05-02', '2016-05-08', 2],
  ['last week', '2016-05-09', 'last week', '2016-05-02', '2016-05-08', 2],
  ['last week', '2016-05-15', 'last week', '2016-05-02', '2016-05-08', 2],
  ['this week', REF, 'this week', '2016-05-09', '2016-05-15', 2],
  ['next week', REF, 'next week', '2016-05-16', '2016-05-22', 2],
  ['last month', REF, 'last month', '2016-04-01', '2016-04-30', 3],
  ['last month', '2016-01-10', 'last month', '2015-12-01', '2015-12-31', 3],
  ['last year', REF, 'last year', '2015-01-01', '2015-12-31', 3],
  ['over the weekend', REF, 'over the weekend', '2016-05-07', '2016-05-08', 2],
  ['last weekend', REF, 'last weekend', '2016-05-07', '2016-05-08', 2],
  // rolling and vague periods (time/recent/*, time/period-part/*, time/month-part/*)
  ['over the last few days', REF, 'over the last few days', '2016-05-10', '2016-05-13', 2, 'during'],
  ['in recent days', REF, 'in recent days', '2016-05-10', '2016-05-13', 2, 'during'],
  ['in the past few days', REF, 'in the past few days', '2016-05-10', '2016-05-13', 2],
  ['the past week', REF, 'the past week', '2016-05-07', '2016-05-13', 2],
  ['over the past two months', REF, 'over the past two months', '2016-03-15', '2016-05-13', 3],
  ['at the beginning of the year', REF, 'at the beginning of the year', '2016-01-01', '2016-02-29', 3, 'during'],
  ['early this year', REF, 'early this year', '2016-01-01', '2016-04-30', 3],
  ['earlier this year', REF, 'earlier this year', '2016-01-01', '2016-05-12', 3],
  ['at the end of last year', REF, 'at the end of last year', '2015-11-01', '2015-12-31', 3],
  ['mid-2015', REF, 'mid-2015', '2015-05-01', '2015-08-31', 3],
  ['mid-May', REF, 'mid-May', '2016-05-11', '2016-05-20', 3],
  ['early June', REF, 'early June', '2016-06-01', '2016-06-10', 3],
  ['late April', REF, 'late April', '2016-04-21', '2016-04-30', 3],
  ['the end of May', REF, 'the end of May', '2016-05-21', '2016-05-31', 3],
  // seasons (time/season/*)
  ['this spring', REF, 'this spring', '2016-03-01', '2016-05-31', 3],
  ['summer 2015', REF, 'summer 2015', '2015-06-01', '2015-08-31', 3],
  ['last summer', REF, 'last summer', '2015-06-01', '2015-08-31', 3],
  ['winter 2015/16', REF, 'winter 2015/16', '2015-12-01', '2016-02-29', 3],
  // weekdays: past by default, future with a future cue (time/weekday/*)
  ['on Tuesday', REF, 'Tuesday', '2016-05-10', '2016-05-10', 1],
  ['on Friday', REF, 'Friday', '2016-05-13', '2016-05-13', 1],
  ['on Saturday', REF, 'Saturday', '2016-05-07', '2016-05-07', 1],
  ['last Friday', REF, 'last Friday', '2016-05-06', '2016-05-06', 1],
  ['next Tuesday', REF, 'next Tuesday', '2016-05-17', '2016-05-17', 1],
  ['The talks will resume on Monday.', REF, 'Monday', '2016-05-16', '2016-05-16', 1],
  ['Tuesday, May 10', REF, 'Tuesday, May 10', '2016-05-10', '2016-05-10', 1],
  // a weekday with its date beside it is worth the date (time/weekday/stated-date)
  ['killed on Thursday [5 May] in the city', REF, 'Thursday [5 May]', '2016-05-05', '2016-05-05', 1],
  ['rallies on Friday evening [6 May]', REF, 'Friday evening [6 May]', '2016-05-06', '2016-05-06', 1],
  ['the spokesman said Wednesday (4 May).', REF, 'Wednesday (4 May)', '2016-05-04', '2016-05-04', 1],
  ['on Friday, 6 May, gunmen attacked', REF, 'Friday, 6 May', '2016-05-06', '2016-05-06', 1],
  // a name noun after a date makes a name only when the text capitalises it (time/datedName)
  ['On 5 May hospital staff went on strike', REF, '5 May', '2016-05-05', '2016-05-05', 1],
  ['the 17 February 2011 revolution', REF, '17 February 2011', '2011-02-17', '2011-02-17', 1],
  // relations (time/relation/*)
  ['since April 27', REF, 'since April 27', '2016-04-27', '2016-04-27', 1, 'since'],
  ['until June 23', REF, 'until June 23', '2016-06-23', '2016-06-23', 1, 'until'],
  ['by June 23', REF, 'by June 23', '2016-06-23', '2016-06-23', 1, 'before'],
  ['after May 5', REF, 'after May 5', '2016-05-05', '2016-05-05', 1, 'after'],
  ['Since the April 27 battle', REF, 'April 27', '2016-04-27', '2016-04-27', 1, 'at'],
  // years from the reference: closest, ties to the past
  ['December 30', '2016-01-05', 'December 30', '2015-12-30', '2015-12-30', 1],
  ['January 3', '2015-12-28', 'January 3', '2016-01-03', '2016-01-03', 1],
  ['June 23', REF, 'June 23', '2016-06-23', '2016-06-23', 1],
  ['in March', REF, 'March', '2016-03-01', '2016-03-31', 3],
  ['in December', REF, 'December', '2015-12-01', '2015-12-31', 3],
  // a month with last/next/this counts from the reference month (time/month/*)
  ['kidnapped last July', REF, 'last July', '2015-07-01', '2015-07-31', 3],
  ['last May', REF, 'last May', '2015-05-01', '2015-05-31', 3],
  ['last April', REF, 'last April', '2016-04-01', '2016-04-30', 3],
  ['elections next March', REF, 'next March', '2017-03-01', '2017-03-31', 3],
  ['talks this June', REF, 'this June', '2016-06-01', '2016-06-30', 3],
  // stated dates and years
  ['2016-05-13', REF, '2016-05-13', '2016-05-13', '2016-05-13', 1],
  ['on 5 May 2015', REF, '5 May 2015', '2015-05-05', '2015-05-05', 1],
  ['May 2015', REF, 'May 2015', '2015-05-01', '2015-05-31', 3],
  ['in 2015', REF, '2015', '2015-01-01', '2015-12-31', 3],
  ['from 2014 to 2016', REF, 'from 2014 to 2016', '2014-01-01', '2016-12-31', 3],
  ['in the 1990s', REF, '1990s', '1990-01-01', '1999-12-31', 3],
  ['the 5th of May', REF, '5th of May', '2016-05-05', '2016-05-05', 1],
  // relative to the reference (chrono)
  ['yesterday', REF, 'yesterday', '2016-05-12', '2016-05-12', 1],
  ['this morning', REF, 'this morning', '2016-05-13', '2016-05-13', 1],
  ['two days ago', REF, 'two days ago', '2016-05-11', '2016-05-11', 1],
  ['three weeks ago', REF, 'three weeks ago', '2016-04-18', '2016-04-24', 2],
  ['two months ago', REF, 'two months ago', '2016-03-01', '2016-03-31', 3],
  ['in two weeks', REF, 'in two weeks', '2016-05-23', '2016-05-29', 2],
];

test(`table: ${TABLE.length} expressions resolve as expected`, () => {
  assert.ok(TABLE.length >= 40);
});

for (const [input, reference, span, start, end, precision, relation] of TABLE) {
  test(`table: ${JSON.stringify(input)} @ ${reference} → ${start}..${end} p${precision}`, () => {
    withTimes(input, reference, (r) => {
      const t = r.times.find((x) => x.span.text === span);
      assert.ok(t, `no expression with span ${JSON.stringify(span)}; found ${JSON.stringify(r.times.map((x) => x.span.text))}`);
      assert.equal(input.slice(t.span.start, t.span.end), span);
      assert.ok(t.value, 'value');
      assert.equal(t.value.start, start);
      assert.equal(t.value.end, end);
      assert.equal(t.value.acledPrecision, precision);
      if (relation) assert.equal(t.relation, relation);
      assert.equal(r.times.length, 1, `exactly one expression in ${JSON.stringify(input)}: ${JSON.stringify(r.times.map((x) => x.span.text))}`);
    });
  });
}
