/**
 * English calendar words, compiled once at module load into regex fragments (as chrono's
 * `matchAnyPattern`). Longer alternatives come first so "September" wins over "Sep". Fragments
 * use ASCII classes only, so the scanning regexes can do without the `u` flag: under `iu`, V8
 * runs large alternations several times slower.
 */

const MONTHS: ReadonlyArray<readonly [name: string, month: number]> = [
  ['january', 1], ['jan', 1],
  ['february', 2], ['feb', 2],
  ['march', 3], ['mar', 3],
  ['april', 4], ['apr', 4],
  ['may', 5],
  ['june', 6], ['jun', 6],
  ['july', 7], ['jul', 7],
  ['august', 8], ['aug', 8],
  ['september', 9], ['sept', 9], ['sep', 9],
  ['october', 10], ['oct', 10],
  ['november', 11], ['nov', 11],
  ['december', 12], ['dec', 12],
];

const MONTH_BY_NAME = new Map<string, number>(MONTHS);

function byLengthDesc(words: Iterable<string>): string[] {
  return [...words].sort((a, b) => b.length - a.length || a.localeCompare(b));
}

const FULL_MONTHS = MONTHS.filter(([n]) => n.length >= 5 || n === 'may' || n === 'june' || n === 'july').map(([n]) => n);
const ABBREVIATED_MONTHS = MONTHS.filter(([n]) => !FULL_MONTHS.includes(n)).map(([n]) => n);

/** Full names, then abbreviations with an optional period ("Sept."): "May." keeps its full stop out. */
function monthAlternation(forms: (name: string) => string[]): string {
  const full = byLengthDesc(FULL_MONTHS).flatMap(forms).join('|');
  const abbr = byLengthDesc(ABBREVIATED_MONTHS).flatMap(forms).join('|');
  return `(?:(?:${full})(?![A-Za-z0-9_])|(?:${abbr})(?![A-Za-z0-9_])\\.?)`;
}

/**
 * A month name, full or abbreviated ("Sept.", "Jan."), as a capture-free fragment; callers wrap
 * it in a group. Use with the `iu` flags and check capitalisation with `isCapitalised` (lower-case
 * "may" and "march" are words).
 */
export const MONTH_FRAGMENT = monthAlternation((n) => [n]);

/**
 * The same names capitalised or in capitals only ("May", "MAY", "Sept."), for case-sensitive
 * regexes: a case-sensitive alternation is several times faster than one under the `i` flag.
 */
export const CAPITALISED_MONTH_FRAGMENT = monthAlternation((n) => [n.charAt(0).toUpperCase() + n.slice(1), n.toUpperCase()]);

/** The month number of a name as matched by MONTH_FRAGMENT ("Sept." → 9), or null. */
export function monthNumber(word: string): number | null {
  return MONTH_BY_NAME.get(word.toLowerCase().replace(/\.$/, '')) ?? null;
}

/** "May", "MAY" and "Sept." are; "may" is not. */
export function isCapitalised(word: string): boolean {
  const first = word.charAt(0);
  return first !== first.toLowerCase();
}

/** Day of month with an optional ordinal suffix: "5", "05", "5th", "21st". Group 1 is the number. */
export const DAY_FRAGMENT = `(\\d{1,2})(?:st|nd|rd|th)?(?![A-Za-z0-9_])`;

/** A plausible year: 1900-2099, four digits. */
export const YEAR_FRAGMENT = `(?:19|20)\\d{2}(?![A-Za-z0-9_])`;

/** Small number words used in "the last few days", "two weeks ago". */
const NUMBER_WORDS = new Map<string, number>([
  ['a', 1], ['an', 1], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6],
  ['seven', 7], ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12],
  ['couple of', 2], ['a couple of', 2], ['few', 3], ['a few', 3], ['several', 5],
]);

export const NUMBER_WORD_FRAGMENT = `(?:${byLengthDesc(NUMBER_WORDS.keys()).map((w) => w.replace(/ /g, '\\s{1,3}')).join('|')}|\\d{1,3})`;

/** The value of a number word or numeral ("few" → 3, "several" → 5, "10" → 10), or null. */
export function numberValue(word: string): number | null {
  const w = word.toLowerCase().replace(/\s+/g, ' ').trim();
  if (/^\d{1,3}$/.test(w)) return Number(w);
  return NUMBER_WORDS.get(w) ?? null;
}
