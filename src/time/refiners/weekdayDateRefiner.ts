/**
 * "on Friday [9 January]", "Thursday (12 February)", "Sunday, 15 February": a weekday followed by
 * a stated day in brackets or after a comma is one expression, and the stated day is its value.
 * Monitoring services and wires add the date beside the weekday precisely so that the reader
 * need not count back from the publication day; reading the weekday alone threw that away (and
 * two expressions for one day made an event pick the wrong one).
 *
 * Only a day (or day range) without a weekday of its own joins; the brackets must close right
 * after it. When the stated day falls on another weekday the two are still merged, since the
 * stated date is the more specific statement, and a note says so.
 */
import type { RunContext } from '../../core/index.js';
import { isoWeekday } from '../calendar.js';
import { resolveSpec } from '../resolve.js';
import type { Candidate, Refiner } from '../types.js';

/** What may stand between the weekday and the date: an opening bracket, or a comma. */
const OPEN = /^\s{0,2}(?:[[(]\s{0,2}|,\s{1,2})$/;
/** What closes a bracketed date. */
const CLOSE = /^\s{0,2}[\])]/;

function isBareWeekday(c: Candidate): boolean {
  return c.spec.type === 'weekday' && c.spec.modifier === null;
}

function isStatedDay(c: Candidate): boolean {
  return c.spec.type === 'day' || c.spec.type === 'days';
}

/** Merge a weekday candidate and the stated day after it into one candidate worth the day. */
function merge(text: string, weekday: Candidate, day: Candidate, closeLength: number): Candidate {
  const wd = weekday.spec.type === 'weekday' ? weekday.spec.weekday : 0;
  const check = resolveSpec(day.spec, { reference: null, year: day.spec.type === 'day' ? day.spec.date.year : null }).period;
  const notes = [...day.notes];
  if (check && isoWeekday(check.start) !== wd) {
    notes.push(`"${text.slice(weekday.start, weekday.end)}" and "${text.slice(day.start, day.end)}" name different weekdays; the stated date is kept`);
  }
  return {
    ...day,
    start: weekday.start,
    end: day.end + closeLength,
    rules: [...day.rules, 'time/weekday/stated-date'],
    notes,
    extraSpans: [...weekday.extraSpans, ...day.extraSpans],
  };
}

export const weekdayDateRefiner: Refiner = {
  name: 'weekdayDate',
  refine(_ctx: RunContext, text: string, candidates: Candidate[]): Candidate[] {
    const out: Candidate[] = [];
    for (let i = 0; i < candidates.length; i++) {
      const a = candidates[i]!;
      const b = candidates[i + 1];
      if (!b || !isBareWeekday(a) || !isStatedDay(b)) {
        out.push(a);
        continue;
      }
      const between = text.slice(a.end, b.start);
      if (!OPEN.test(between)) {
        out.push(a);
        continue;
      }
      const bracketed = /[[(]/.test(between);
      const close = bracketed ? CLOSE.exec(text.slice(b.end, b.end + 4)) : null;
      if (bracketed && !close) {
        out.push(a);
        continue;
      }
      out.push(merge(text, a, b, close ? close[0].length : 0));
      i++;
    }
    return out;
  },
};
