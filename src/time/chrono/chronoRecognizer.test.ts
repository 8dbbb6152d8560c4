import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BufferedDebug, createRunContext } from '../../core/index.js';
import { withTimes } from '../testing.js';
import { chronoRecognizer } from './chronoRecognizer.js';

test('chrono: ambiguous day/month order is read as month/day and said so', () => {
  withTimes('on 05/06/2016 and on 13/05/2016', '2016-05-13', (r) => {
    const [a, b] = r.times;
    assert.equal(a?.value?.start, '2016-05-06');
    assert.ok(a?.evidence.rules.includes('time/chrono/ambiguous-day-month-order'));
    assert.match(a?.evidence.reason ?? '', /day\/month or month\/day/);
    assert.equal(b?.value?.start, '2016-05-13');
    assert.ok(!b?.evidence.rules.includes('time/chrono/ambiguous-day-month-order'));
  });
});

test('chrono: a range chrono swapped is paired with the right texts ("in the year to Dec 31, 1986")', () => {
  withTimes('net income in the year to Dec 31, 1986 rose', '1987-03-02', (r) => {
    assert.deepEqual(r.times.map((t) => [t.span.text, t.value?.start]), [['Dec 31, 1986', '1986-12-31']]);
  });
});

test('chrono: valid ranges stay ranges; years follow the stated end', () => {
  withTimes('from April 1 to September; July through December 1986; March 2015 to April', '1987-03-02', (r) => {
    assert.deepEqual(
      r.times.map((t) => [t.span.text, t.kind, t.value?.start, t.value?.end]),
      [
        ['from April 1 to September', 'range', '1987-04-01', '1987-09-30'],
        ['July through December 1986', 'range', '1986-07-01', '1986-12-31'],
        ['March 2015 to April', 'range', '2015-03-01', '2015-04-30'],
      ],
    );
  });
});

test('chrono: dropped results are reported on the debug channel with a reason', () => {
  const debug = new BufferedDebug();
  const ctx = createRunContext({ referenceDate: '2016-05-13', debug: debug.sink });
  const found = chronoRecognizer.recognize(ctx, 'It is now clear. Prices rose 1/8 point. He stayed for two years.', 100);
  assert.deepEqual(found, []);
  const dropped = debug.lines.flatMap((l) => (l.message as { dropped?: string[] }).dropped ?? []);
  assert.deepEqual(dropped, ['now: "now"', 'slash-no-year: "1/8"', 'duration: "for two years"']);
});

test('chrono: no trigger word, no chrono run', () => {
  const debug = new BufferedDebug();
  const ctx = createRunContext({ referenceDate: '2016-05-13', debug: debug.sink });
  assert.deepEqual(chronoRecognizer.recognize(ctx, 'Fighters held the bridge and the port.', 100), []);
});
