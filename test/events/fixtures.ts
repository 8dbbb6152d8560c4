/**
 * Places and times built by hand for event tests, shaped exactly as the geoparser and the time stage
 * return them (src/core/model.ts), so the events stage can be tested before and apart from them.
 */
import { spanOf, type GeoPrecision, type Place, type TimeExpression, type TimeRelation, type TimeValue } from '../../src/core/index.js';

/** The `nth` (0-based) occurrence of `needle` in `text` as [start, end). */
export function find(text: string, needle: string, nth = 0): [number, number] {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`fixture: ${JSON.stringify(needle)} (#${nth}) not in text`);
  }
  return [at, at + needle.length];
}

export interface PlaceSpec {
  readonly mention: string;
  readonly nth?: number;
  readonly name?: string;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly country: string | null;
  readonly featureCode: string | null;
  readonly geoPrecision?: GeoPrecision | null;
  readonly id?: string;
}

export function places(text: string, specs: readonly PlaceSpec[]): Place[] {
  return specs.map((s, i) => {
    const [start, end] = find(text, s.mention, s.nth ?? 0);
    const span = spanOf(text, start, end);
    const name = s.name ?? s.mention;
    return {
      id: s.id ?? `pl${i + 1}`,
      mention: { id: `pm${i + 1}`, span, type: 'place', evidence: { spans: [span], rules: ['test/fixture'] } },
      gazetteerId: s.lat === null ? null : `test:${name.toLowerCase().replace(/\W+/g, '-')}`,
      name,
      lat: s.lat,
      lon: s.lon,
      country: s.country,
      featureCode: s.featureCode,
      geoPrecision: s.geoPrecision ?? null,
      score: 1,
      evidence: { spans: [span], rules: ['test/fixture'] },
    };
  });
}

export interface TimeSpec {
  readonly mention: string;
  readonly nth?: number;
  readonly start: string;
  readonly end?: string;
  readonly granularity?: TimeValue['granularity'];
  readonly precision?: 1 | 2 | 3;
  readonly relation?: TimeRelation;
  readonly kind?: TimeExpression['kind'];
}

export function times(text: string, specs: readonly TimeSpec[]): TimeExpression[] {
  return specs
    .map((s, i) => {
      const [start, end] = find(text, s.mention, s.nth ?? 0);
      const span = spanOf(text, start, end);
      const value: TimeValue = { start: s.start, end: s.end ?? s.start, granularity: s.granularity ?? 'day', acledPrecision: s.precision ?? (s.end && s.end !== s.start ? 2 : 1) };
      return { id: `t${i + 1}`, span, kind: s.kind ?? 'date', relation: s.relation ?? 'at', value, year: 'implied' as const, evidence: { spans: [span], rules: ['test/fixture'] } };
    })
    .sort((a, b) => a.span.start - b.span.start);
}
