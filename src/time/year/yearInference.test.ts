import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withTimes } from '../testing.js';
import { fold } from './evidenceMatchers.js';

function yearOf(text: string): number | null {
  let year: number | null = null;
  withTimes(text, null, (r) => {
    assert.ok(r.yearInference);
    year = r.yearInference.year;
  });
  return year;
}

test('year: a stated full date fixes the year of the dates written without one', () => {
  withTimes('Fighting broke out on May 5, 2015. On May 9 the army returned.', null, (r) => {
    assert.equal(r.yearInference?.year, 2015);
    const may9 = r.times.find((t) => t.span.text === 'May 9');
    assert.equal(may9?.value?.start, '2015-05-09');
    assert.equal(may9?.year, 'inferred');
    assert.equal(r.times.find((t) => t.span.text === 'May 5, 2015')?.year, 'stated');
  });
});

test('year: a full date outweighs a bare year; a tie goes to the latest year', () => {
  assert.equal(yearOf('Rebels took the town in 2014. On March 3, 2015 it fell. Talks began on May 9.'), 2015);
  assert.equal(yearOf('It started in 2014 and worsened in 2015. Talks began on May 9.'), 2015);
});

test('year: office holders set aside years outside their terms', () => {
  // 2019 is the latest, but President Barack Obama was in office in 2009, not 2019.
  assert.equal(yearOf('President Barack Obama spoke of plans for 2019 and of the crisis in 2009. Talks began on May 9.'), 2009);
});

test('year: office holders alone decide only when their terms share a single year', () => {
  assert.equal(yearOf('President Mohamed Morsi met Secretary of State John Kerry on March 3.'), 2013);
  withTimes('Prime Minister Theresa May met President Obama on March 3.', null, (r) => {
    assert.equal(r.yearInference?.year, null);
    assert.match(r.yearInference?.evidence.reason ?? '', /do not fix one/);
    assert.equal(r.times[0]?.value, null);
    assert.deepEqual(r.warnings.map((w) => w.code), ['time.year-unknown']);
  });
});

test('year: "former President Obama" is no evidence of the present', () => {
  withTimes('Former President Obama met Secretary of State John Kerry on March 3.', null, (r) => {
    assert.equal(r.yearInference?.year, null);
  });
});

test('year: an anchor event counts only next to its own month and day', () => {
  assert.equal(yearOf('The Brexit referendum shook markets. Talks began on May 9.'), null);
  assert.equal(yearOf('Before the June 23 Brexit referendum, talks began on May 9.'), 2016);
  // Elections share a phrase; the stated day picks the year.
  assert.equal(yearOf('Ahead of the November 8 U.S. presidential election, talks began on May 9.'), 2016);
  assert.equal(yearOf('Ahead of the November 3 US presidential election, talks began on May 9.'), 2020);
});

test('year: phrases match across accents and curly apostrophes, offsets unchanged', () => {
  assert.equal(fold('François’s'), "Francois's");
  assert.equal(fold('François’s').length, 'François’s'.length);
  withTimes('President François Hollande and Prime Minister David Cameron met on the June 23 referendum on leaving the European Union.', null, (r) => {
    assert.equal(r.yearInference?.year, 2016);
    const spans = r.yearInference?.evidence.spans.map((s) => s.text) ?? [];
    assert.ok(spans.includes('President François Hollande'), JSON.stringify(spans));
  });
});

test('year: with a reference date there is no inference', () => {
  withTimes('On May 9 the army returned.', '2016-05-13', (r) => {
    assert.equal(r.yearInference, null);
    assert.equal(r.times[0]?.year, 'implied');
  });
});

test('year: "last year" and "the beginning of the year" resolve with an inferred year; "last week" does not', () => {
  withTimes('On May 5, 2015 the town fell. Last year it was calm; last week it was not.', null, (r) => {
    const last = r.times.find((t) => t.span.text === 'Last year');
    assert.equal(last?.value?.start, '2014-01-01');
    assert.equal(last?.year, 'inferred');
    const week = r.times.find((t) => t.span.text === 'last week');
    assert.equal(week?.value, null);
    assert.equal(week?.year, 'unknown');
  });
});
