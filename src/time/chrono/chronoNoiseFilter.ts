/**
 * Chrono results that are not calendar dates for a news record, dropped before they become
 * candidates. Each rule returns a reason (logged through ctx.debug), never silently:
 *
 *   now            "now" is the reference itself, not a reported date
 *   slash-no-year  "1/8", "7/8", "9/11": fractions, scores and names, not dates (no year stated)
 *   duration       "for two years", "for 72 hours": a length of time, not a date
 *   story-relative "two days later", "a year earlier", "the day after", "the next day": counted
 *                  from another event
 *   time-of-day    "after 25 minutes", "in an SEC" (a sec): hours/minutes/seconds only
 *   casual-time    "morning session", "night vision", "the Morning Post": a bare part of day
 *   lowercase-name "may, unfortunately", "sat down", "1984 may": month/weekday names must be capitalised
 *   sentence-break "1985. December": a year and a month across a full stop
 *   weekend-word   "a weekend conference": the bare word (calendarPeriodRecognizer reads "the weekend")
 *   weekday-abbr   "Sun", "Sat", "Wed" alone: newspapers, verbs; abbreviations count only with a date
 *   two-digit-year "July 42" read as July 2042: an impossible day, not a year (chrono #54)
 *   unit-word      "after the money" read as "after one month" (chrono #554): a relative reading
 *                  needs a whole unit word (day, week, fortnight, month, year)
 *   duration       also "in just one year", "within only two months": a length, not a date
 *   generic-plural "the broader focus of past years": plural units without a number are no period
 *   generic-unit   "in the month", "in the week (ended Feb 27)": "the" is not a number
 *   story-relative also "after several weeks (of turmoil)": counted from the story
 */
import type { ParsedResult } from 'chrono-node';

const MONTH_OR_WEEKDAY_WORD =
  /\b(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\b/gi;

const UNIT_WORD = /\b(?:days?|weeks?|fortnights?|months?|years?|weekends?)\b/i;
const HEDGED_DURATION = /^(?:in|within)\s+(?:just|only|less\s+than|more\s+than|under|over|about)\s/i;
const GENERIC_PLURAL = /^(?:the\s+)?(?:past|last|recent|previous|coming|next)\s+(?:days|weeks|months|years)$/i;
const GENERIC_UNIT = /^(?:(?:in|within|for|during)\s+)?the\s+(?:day|week|month|year)$/i;
const STORY_RELATIVE_START_AFTER = /^after\s/i;
const STORY_RELATIVE_END = /\b(?:later|earlier|after|before|afterwards?|prior)$/i;
const STORY_RELATIVE_START = /^the\s+(?:day|week|month|year|night)\s+(?:after|before)\b|^(?:the\s+)?(?:next|previous|following)\s+(?:day|night|morning|evening)$/i;
const CASUAL_DAY_START = /^(?:this|tonight|today|yesterday|tomorrow|last|on\s)/i;
const WEEKDAY_ABBR_ALONE = /^(?:on\s+)?(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?$/i;
const WEEKEND_ALONE = /^(?:on\s+)?week(?:end|day)s?$/i;

function hasDate(r: ParsedResult): boolean {
  return r.start.isCertain('day') || r.start.isCertain('month') || r.start.isCertain('weekday') || r.start.isCertain('year');
}

/** The reason to drop `r`, or null to keep it. `tags` are r.tags(), passed in to compute them once. */
export function chronoNoise(r: ParsedResult, tags: ReadonlySet<string>): string | null {
  const text = r.text.trim();
  if (tags.has('casualReference/now')) return 'now';
  if (tags.has('parser/SlashDateFormatParser') && !r.start.isCertain('year')) return 'slash-no-year';
  if (/^for\s/i.test(text) || HEDGED_DURATION.test(text)) return 'duration';
  if (tags.has('result/relativeDate') && !UNIT_WORD.test(text)) return 'unit-word';
  if (STORY_RELATIVE_END.test(text) || STORY_RELATIVE_START.test(text)) return 'story-relative';
  if (tags.has('result/relativeDate') && STORY_RELATIVE_START_AFTER.test(text)) return 'story-relative';
  if (GENERIC_PLURAL.test(text)) return 'generic-plural';
  if (GENERIC_UNIT.test(text)) return 'generic-unit';
  if (tags.has('result/relativeDateAndTime')) return 'time-of-day';
  if (WEEKEND_ALONE.test(text)) return 'weekend-word';
  if (WEEKDAY_ABBR_ALONE.test(text)) return 'weekday-abbr';
  const casualTimeOnly =
    tags.has('parser/ENCasualTimeParser') &&
    !tags.has('parser/ENCasualDateParser') &&
    ![...tags].some((t) => t.startsWith('parser/') && t !== 'parser/ENCasualTimeParser') &&
    !r.start.isCertain('weekday') &&
    !CASUAL_DAY_START.test(text);
  if (casualTimeOnly) return 'casual-time';
  if (!hasDate(r) && !tags.has('result/relativeDate') && ![...tags].some((t) => t.startsWith('casualReference/'))) {
    return 'time-of-day';
  }
  if (/\d[.!?]\s/.test(text)) return 'sentence-break';
  if (r.start.isCertain('year') && !r.start.isCertain('day') && /(?:^|[^\d'’])\d{2}$/.test(text)) return 'two-digit-year';
  MONTH_OR_WEEKDAY_WORD.lastIndex = 0;
  for (const m of text.matchAll(MONTH_OR_WEEKDAY_WORD)) {
    const w = m[0];
    if (w.charAt(0) === w.charAt(0).toLowerCase()) return 'lowercase-name';
  }
  return null;
}
