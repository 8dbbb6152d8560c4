/**
 * Drops a day and month that name something ("the 6 April Movement", "the 17th Feb. revolution",
 * "south of the 7 October Neighborhood", "26 July Street"): across the Arab world and beyond,
 * movements, streets, squares and districts are named after the day of a revolution or uprising,
 * and reading them as this year's date gave events the wrong day. The name noun comes right after
 * the date (data/time/date-name-nouns.en.txt); a date with a stated year is kept ("the 17 February
 * 2011 revolution" still says when the revolution was).
 */
import type { RunContext } from '../../core/index.js';
import { loadData } from '../data.js';
import type { Candidate, Refiner } from '../types.js';

/** Lower-case entries match in any case, capitalised ones only capitalised (see the data file). */
const WORDS = loadData('date-name-nouns.en.txt').flatMap((e) => e.fields);
const ANY_CASE = new Set(WORDS.filter((w) => w === w.toLowerCase()));
const CAPITALISED = new Set(WORDS.filter((w) => w !== w.toLowerCase()));
const NEXT_WORD = /^[\s.]{1,3}(\p{L}+)/u;

function namesSomething(text: string, c: Candidate): boolean {
  if (c.spec.type !== 'day' || c.spec.date.year !== null) return false;
  const next = NEXT_WORD.exec(text.slice(c.end, c.end + 24))?.[1];
  if (next === undefined) return false;
  return ANY_CASE.has(next.toLowerCase()) || CAPITALISED.has(next);
}

export const datedNameFilter: Refiner = {
  name: 'datedName',
  refine(ctx: RunContext, text: string, candidates: Candidate[]): Candidate[] {
    const dropped: string[] = [];
    const kept = candidates.filter((c) => {
      const drop = namesSomething(text, c);
      if (drop) dropped.push(text.slice(c.start, c.end));
      return !drop;
    });
    if (dropped.length) ctx.debug('time', () => ({ filter: 'datedName', dropped }));
    return kept;
  },
};
