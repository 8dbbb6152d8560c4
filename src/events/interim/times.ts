/**
 * INTERIM, until the time stage (branch `time`) lands: dates read with chrono-node so that events
 * get a day. Used only when the time stage returned nothing for a text (see src/pipeline.ts). Once
 * src/time resolves dates, delete this file and its call.
 *
 * Choices: day-first for slashed dates ("17/03" is 17 March, as in the African and Middle Eastern
 * press ACLED reads); a date without a year that would fall after the reference is taken from the
 * year before (reports tell of the past); "last week" is the whole previous week (precision 2).
 */
import * as chrono from 'chrono-node';
import { spanOf, type TimeExpression, type TimeValue } from '../../core/index.js';

const DAY = 86_400_000;

function ymd(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function interimTimes(text: string, reference: string | null, max = 5000): TimeExpression[] {
  const ref = reference ? new Date(`${reference}T12:00:00Z`) : new Date('2000-01-01T12:00:00Z');
  // Month-first words ("April 27") with chrono's default English; day-first slashes ("17/03") with en.GB.
  const casual = chrono.en.casual.parse(text, { instant: ref, timezone: 0 }, { forwardDate: false });
  const gb = chrono.en.GB.parse(text, { instant: ref, timezone: 0 }, { forwardDate: false });
  const slash = /^\s*(?:on\s+|the\s+)?\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\s*$/i;
  const results = [...casual.filter((r) => !slash.test(r.text)), ...gb.filter((r) => slash.test(r.text))].sort((a, b) => a.index - b.index);
  const out: TimeExpression[] = [];
  for (const r of results.slice(0, max)) {
    const s = r.start;
    // Bare numbers and times of day are not dates here.
    if (!s.isCertain('day') && !s.isCertain('month') && !s.isCertain('weekday') && !/week|month|year/i.test(r.text)) continue;
    if (/^\d{1,2}(?::\d{2})?\s*(?:am|pm)?$/i.test(r.text.trim())) continue;
    // "to march", "may": a verb, not a month; "within three months", "for two weeks": a duration.
    if (/^(?:march|may)$/.test(r.text.trim())) continue;
    if (/\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|many|couple of)\s+(?:days?|weeks?|months?|years?)\b/i.test(r.text) && !/\b(?:ago|last|past|next|earlier|later)\b/i.test(r.text)) continue;
    // Durations and times of day ("after two hours", "several minutes before", "at dawn") are not days.
    if (/\b(?:seconds?|minutes?|hours?|dawn|dusk|evening|morning|afternoon|night|midnight|noon|tonight)\b/i.test(r.text) && !/\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|yesterday|today/i.test(r.text)) continue;
    let start = new Date(Date.UTC(s.get('year')!, s.get('month')! - 1, s.get('day')!));
    let end = r.end ? new Date(Date.UTC(r.end.get('year')!, r.end.get('month')! - 1, r.end.get('day')!)) : start;
    let granularity: TimeValue['granularity'] = 'day';
    let precision: 1 | 2 | 3 = 1;
    const lower = r.text.toLowerCase();
    if (/\blast week\b|\bthis week\b|\bpast week\b/.test(lower)) {
      const dow = (ref.getUTCDay() + 6) % 7; // Monday 0
      const monday = new Date(ref.getTime() - dow * DAY - (lower.includes('last') || lower.includes('past') ? 7 * DAY : 0));
      start = monday;
      end = new Date(monday.getTime() + 6 * DAY);
      granularity = 'week';
      precision = 2;
    } else if (!s.isCertain('day') && s.isCertain('month')) {
      start = new Date(Date.UTC(s.get('year')!, s.get('month')! - 1, 1));
      end = new Date(Date.UTC(s.get('year')!, s.get('month')!, 0));
      granularity = 'month';
      precision = 3;
    } else if (!s.isCertain('day') && !s.isCertain('weekday')) {
      continue;
    }
    // Reports tell of the past: a weekday or a yearless date after the reference is the one before.
    const before = text.slice(Math.max(0, r.index - 40), r.index).toLowerCase();
    const future = /\b(?:until|till|next|ahead of|by|before|scheduled|planned|plans?|expected|due|will|would|shall|resume)\b[^.]*$/.test(before);
    if (reference && ymd(start) > reference && !future) {
      if (s.isCertain('weekday') && !s.isCertain('day')) {
        start = new Date(start.getTime() - 7 * DAY);
        end = new Date(end.getTime() - 7 * DAY);
      } else if (!s.isCertain('year')) {
        start = new Date(Date.UTC(start.getUTCFullYear() - 1, start.getUTCMonth(), start.getUTCDate()));
        end = new Date(Date.UTC(end.getUTCFullYear() - 1, end.getUTCMonth(), end.getUTCDate()));
      }
    }
    if (end < start) end = start;
    if (end.getTime() - start.getTime() >= DAY && precision === 1) precision = 2;
    const span = spanOf(text, r.index, r.index + r.text.length);
    // Without a reference date a yearless date stays unresolved: never a silent guess of the year.
    if (!reference && (!s.isCertain('year') || /\b(?:week|ago|yesterday|today|tomorrow|last|next|this)\b/i.test(r.text))) {
      out.push({ id: `t${out.length + 1}`, span, kind: 'date', relation: 'at', value: null, year: 'unknown', evidence: { spans: [span], rules: ['time/interim-chrono', 'time/year-unknown'] } });
      continue;
    }
    out.push({
      id: `t${out.length + 1}`,
      span,
      kind: r.end ? 'range' : s.isCertain('day') || s.isCertain('weekday') ? 'date' : 'vague',
      relation: 'at',
      value: { start: ymd(start), end: ymd(end), granularity, acledPrecision: precision },
      year: s.isCertain('year') ? 'stated' : reference ? 'implied' : 'unknown',
      evidence: { spans: [span], rules: ['time/interim-chrono'] },
    });
  }
  return out;
}
