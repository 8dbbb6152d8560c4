/**
 * Text that holds no date, or not the date a naive parser would read (chrono issues #143, #374,
 * #554; our own false positives on news). Each case must yield no time expression at all, except
 * where the case names what may be found.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withTimes } from './testing.js';

const REF = '2016-05-13';

const NOTHING: ReadonlyArray<readonly [text: string, why: string]> = [
  ['The bag weighed at 6.5 kilograms.', 'a measure is not a clock time (chrono #374)'],
  ['ISIS may attack the city.', '"may" is a modal verb'],
  ['He said it may rain.', '"may" is a modal verb'],
  ['May God help us.', '"May" at a sentence start, no day: a verb'],
  ['what may, unfortunately, happen', 'lower-case "may" (chrono read "may," as the month)'],
  ['The March on Washington drew crowds.', '"the March" is a name'],
  ['March is usually cold here.', 'a month name with no cue is not a date'],
  ['Some 2,000 fighters joined.', 'a quantity with a thousands separator'],
  ['In 2000 fighters were killed.', 'a year-shaped quantity before a quantity noun'],
  ['Migrants pay ISIS between $3,000 and $10,000 per person.', 'money'],
  ['Call 555-123-4567 now.', 'a phone number (chrono #143)'],
  ['The zone is 555-2015 on the map.', 'part of a number, not a year'],
  ['They exported 2015.5 tonnes.', 'a decimal'],
  ['They won by 1990 tonnes.', 'a quantity'],
  ['Prices rose 1/8 point.', 'a fraction, not January 8'],
  ['Shares gained 7/8 to 31.', 'a fraction'],
  ['the 9/11 attacks', 'a name, and no year'],
  ['He lived there for two years.', 'a duration, not a date'],
  ['Two days later he was freed.', 'counted from the story, not the reference'],
  ['The next day he fled.', 'counted from the story'],
  ['a year earlier', 'counted from the story'],
  ['the day after the attack', 'counted from the story'],
  ['in the morning session', 'a part of day alone'],
  ['night vision goggles', 'a part of day alone'],
  ['the South China Morning Post', 'a name'],
  ['a weekend conference', 'the bare word "weekend"'],
  ['the Arab Spring', 'a name, not a season'],
  ['the fall of Mosul', 'not the season'],
  ['prices fall sharply', 'a verb'],
  ['he sat down', '"sat" is a verb'],
  ['the last days of Gaddafi', 'the final days of a story, not a period before the reference'],
  ['the last year of his term', 'the final year of a term'],
  ['the Sunday Times reported', 'a newspaper'],
  ['The Sun reported', 'a newspaper, not a weekday abbreviation'],
  ['every Friday', 'a habit, not a date'],
  ['It is now clear.', '"now" is not a reported date'],
  ['disclosed in an SEC filing', '"in a sec" (chrono)'],
  ['after 25 minutes of waiting', 'a clock duration'],
  ['The meeting starts at 10 am.', 'a clock time without a date: the model has no time of day'],
  ['Mayor Smith visited Augusta.', 'month names inside words'],
  ['the 2015-2016 budget', 'a year range without a cue word'],
  ['a 20-30 percent rise', 'a number range'],
  ['section 5-6 of the law', 'a number range'],
  ['1-2-3-4-5-6', 'digits and dashes'],
  ["they're only after the money", '"after the mon(th)" (chrono #554)'],
  ['it doubled in just one year', 'a hedged duration'],
  ['After several weeks of turmoil', 'counted from the story'],
  ['the broader focus of past years', 'plural units without a number'],
  ['truck production in the month totalled', '"the" is not a number'],
  ['to 2,099 in 2000s, the last year the government released figures', 'singular "the last year" is the final one'],
  ['on July 42', 'an impossible day, not July 2042'],
  ['members of the 6 April Movement were arrested', 'a movement named after a day'],
  ['demanding loyalty to the 17th Feb. revolution', 'a revolution named after a day'],
  ['south of the 7 October Neighborhood', 'a district named after a day'],
  ['a shop on 26 July Street', 'a street named after a day'],
  ['taken to the 23 July Hospital', 'a hospital named after a day'],
];

for (const [text, why] of NOTHING) {
  test(`negative: ${JSON.stringify(text)} — ${why}`, () => {
    withTimes(text, REF, (r) => {
      assert.deepEqual(
        r.times.map((t) => t.span.text),
        [],
      );
    });
  });
}

test('negative: "the 1990s" is fine as a decade, "1990 tonnes" is not a year', () => {
  withTimes('In the 1990s they shipped 1990 tonnes.', REF, (r) => {
    assert.deepEqual(
      r.times.map((t) => [t.span.text, t.value?.start, t.value?.end]),
      [['1990s', '1990-01-01', '1999-12-31']],
    );
  });
});

test('negative: a Reuters dateline is not a range ("March 2 - Last week\'s …")', () => {
  withTimes("WASHINGTON, March 2 - Last week's meeting", '1987-03-02', (r) => {
    assert.deepEqual(
      r.times.map((t) => [t.span.text, t.value?.start, t.value?.end]),
      [
        ['March 2', '1987-03-02', '1987-03-02'],
        ['Last week', '1987-02-23', '1987-03-01'],
      ],
    );
  });
});

test('negative: July 42 and February 30 are not dates (chrono #54)', () => {
  withTimes('on July 42 and on February 30, 2015', REF, (r) => {
    assert.deepEqual(r.times.filter((t) => t.value !== null).map((t) => t.span.text), []);
  });
});
