/**
 * The year of a text that has no reference date, from evidence in the text itself — never from
 * the clock. Votes, strongest first:
 *
 *   anchor event  4  a stated month/day next to (≤ ANCHOR_WINDOW chars) the name of an event on
 *                    that day: "June 23 referendum on leaving the European Union" → 2016
 *   full date     2  a date with day, month and year: "May 5, 2015", "2016-05-13"
 *   stated year   1  any other stated year: "in 2015", "May 2015", "summer 2015", "2014-2015" (each year)
 *
 * Office holders named with their title ("Prime Minister David Cameron" 2010-2016) are
 * intersected (only when some expression needs the year: the scan is the costly part); when the votes include years inside the intersection, the others are set aside,
 * and with no votes at all a single-year intersection decides. The most-voted year wins; a tie
 * goes to the latest year (texts mention the past more than the future, so the latest stated year
 * is the closest to the writing). No evidence: year null, provenance `unknown`.
 */
import type { RunContext, Span, YearInference } from '../../core/index.js';
import { spanOf } from '../../core/index.js';
import { isoOf, ymdOf } from '../calendar.js';
import { needsOf } from '../resolve.js';
import type { Candidate, DayRef, Spec } from '../types.js';
import { findAnchors, findOffices, fold, officeYears, yearsLabel, type Office } from './evidenceMatchers.js';

/** Characters allowed between a month/day and an anchor phrase. */
export const ANCHOR_WINDOW = 150;
const MAX_EVIDENCE_SPANS = 12;
const OPEN_END_YEAR = 2100;

interface Vote {
  readonly year: number;
  readonly weight: number;
  readonly spans: ReadonlyArray<{ start: number; end: number }>;
  readonly reason: string;
  readonly rule: string;
}

/** Month/days written without a year (what an anchor can pin down). */
function unyearedDays(spec: Spec): DayRef[] {
  if (spec.type === 'day') return spec.date.year === null ? [spec.date] : [];
  if (spec.type === 'days') return spec.from.year === null && spec.to.year === null ? [spec.from, spec.to] : [];
  if (spec.type === 'span') return [...unyearedDays(spec.from), ...unyearedDays(spec.to)];
  return [];
}

/** Years a spec states, with the weight of each. */
function statedYears(spec: Spec): Array<{ year: number; weight: number }> {
  switch (spec.type) {
    case 'day':
      return spec.date.year === null ? [] : [{ year: spec.date.year, weight: 2 }];
    case 'days': {
      const out: Array<{ year: number; weight: number }> = [];
      if (spec.from.year !== null) out.push({ year: spec.from.year, weight: 2 });
      if (spec.to.year !== null && spec.to.year !== spec.from.year) out.push({ year: spec.to.year, weight: 2 });
      return out;
    }
    case 'month':
      return spec.year === null ? [] : [{ year: spec.year, weight: 1 }];
    case 'season':
      return [{ year: spec.year, weight: 1 }];
    case 'year': {
      const out = [{ year: spec.year, weight: 1 }];
      if (spec.toYear !== undefined) for (let y = spec.year + 1; y <= spec.toYear && y - spec.year <= 10; y++) out.push({ year: y, weight: 1 });
      return out;
    }
    case 'span':
      return [...statedYears(spec.from), ...statedYears(spec.to)];
    default:
      return [];
  }
}

/** Years common to every office match (each match: any of its entries), or null with no match. */
function intersectYears(matches: ReadonlyArray<readonly Office[]>): Set<number> | null {
  const sets = matches.map((entries) => {
    const years = new Set<number>();
    for (const e of entries) for (const y of officeYears(e, OPEN_END_YEAR)) years.add(y);
    return years;
  });
  const [first, ...rest] = sets;
  if (!first) return null;
  return new Set([...first].filter((y) => rest.every((s) => s.has(y))));
}

function gap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.max(0, b.start - a.end, a.start - b.end);
}

export function inferYear(ctx: RunContext, text: string, candidates: readonly Candidate[]): YearInference {
  const folded = fold(text);
  const votes: Vote[] = [];
  const quote = (s: { start: number; end: number }) => text.slice(s.start, s.end).replace(/\s+/g, ' ');

  // 1. Anchor events next to their month/day.
  const dated = candidates.flatMap((c) => unyearedDays(c.spec).map((d) => ({ c, d })));
  if (dated.length) {
    for (const m of findAnchors(folded, dated.map(({ c }) => c), ANCHOR_WINDOW)) {
      for (const anchor of m.entries) {
        const a = ymdOf(anchor.day);
        const hit = dated.find(({ c, d }) => d.month === a.month && d.day === a.day && gap(c, m) <= ANCHOR_WINDOW);
        if (!hit) continue;
        votes.push({
          year: a.year,
          weight: 4,
          spans: [hit.c, m].sort((x, y) => x.start - y.start),
          reason: `${quote(hit.c)} + ${quote(m)} → ${isoOf(anchor.day)} (${anchor.label})`,
          rule: 'time/year/anchor-event',
        });
      }
    }
  }

  // 2. Years the text states.
  for (const c of candidates) {
    for (const { year, weight } of statedYears(c.spec)) {
      votes.push({ year, weight, spans: [c], reason: `"${quote(c)}" states ${year}`, rule: 'time/year/stated' });
    }
  }

  // 3. Office holders: intersect their years. Only worth the scan when some expression needs the
  //    year (otherwise the inferred year is reported but used by nothing).
  const needed = candidates.some((c) => needsOf(c.spec) === 'year');
  const offices = needed ? findOffices(folded) : [];
  const within = intersectYears(offices.map((o) => o.entries));
  const officeNote =
    offices.length && within
      ? `${offices.map((o) => `${quote(o)} (${o.entries.map(yearsLabel).join(' or ')})`).join(', ')}` +
        (within.size ? ` → ${Math.min(...within)}–${Math.max(...within)}` : ' → no common year')
      : null;

  let usable = votes;
  let officesAgree = false;
  if (within && within.size) {
    const inside = votes.filter((v) => within!.has(v.year));
    if (inside.length) {
      usable = inside;
      officesAgree = true;
    }
  }

  const totals = new Map<number, number>();
  for (const v of usable) totals.set(v.year, (totals.get(v.year) ?? 0) + v.weight);
  let year: number | null = null;
  for (const [y, w] of totals) {
    const best = year === null ? -1 : (totals.get(year) ?? 0);
    if (w > best || (w === best && year !== null && y > year)) year = y;
  }

  const rules: string[] = [];
  const reasons: string[] = [];
  let spans: Array<{ start: number; end: number }> = [];
  if (year !== null) {
    const chosen = usable.filter((v) => v.year === year).sort((a, b) => b.weight - a.weight);
    for (const v of chosen) {
      if (!rules.includes(v.rule)) rules.push(v.rule);
      if (reasons.length < 3) reasons.push(v.reason);
      spans.push(...v.spans);
    }
    if (chosen.length > 3) reasons.push(`and ${chosen.length - 3} more`);
    if (officeNote && officesAgree) {
      rules.push('time/year/office-holders');
      reasons.push(`consistent with ${officeNote}`);
      spans.push(...offices);
    }
    const others = [...totals.keys()].filter((y) => y !== year).sort();
    if (others.length) reasons.push(`other years stated: ${others.join(', ')}`);
  } else if (within && within.size === 1) {
    year = [...within][0]!;
    rules.push('time/year/office-holders');
    reasons.push(`only year common to ${officeNote}`);
    spans.push(...offices);
  }

  spans = spans
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .filter((s, i, all) => i === 0 || s.start !== all[i - 1]!.start || s.end !== all[i - 1]!.end)
    .slice(0, MAX_EVIDENCE_SPANS);
  const evidenceSpans: Span[] = spans.map((s) => spanOf(text, s.start, s.end));

  const result: YearInference =
    year === null
      ? {
          year: null,
          provenance: 'unknown',
          evidence: {
            spans: evidenceSpans,
            rules: ['time/year/none'],
            reason: officeNote
              ? `no reference date, no stated year or dated event; office holders alone do not fix one: ${officeNote}`
              : 'no reference date, and no stated year, dated event or office holder in the text',
          },
        }
      : {
          year,
          provenance: 'inferred',
          evidence: { spans: evidenceSpans, rules, reason: `year ${year}: ${reasons.join('; ')}` },
        };
  ctx.debug('time', () => ({ yearInference: result, votes: votes.map((v) => `${v.year}×${v.weight} ${v.reason}`) }));
  return result;
}
