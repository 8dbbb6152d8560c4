/**
 * The places of an extraction in the readable view: marks for the text ({Sirte}[p3]) and the list
 * of places with their resolution, usage, precision, runner-up and relative location.
 */
import type { Place } from '../../core/index.js';

export interface PlaceStyle {
  readonly mark: (s: string) => string;
  readonly dim: (s: string) => string;
}

/** Spans to mark in the text view: names, adjectives, nominal references (relative phrases, which hold names, are listed only). */
export function placeMarks(places: readonly Place[]): { start: number; end: number; label: string }[] {
  return places.filter((p) => p.form !== 'relative').map((p) => ({ start: p.mention.span.start, end: p.mention.span.end, label: p.id }));
}

const USAGE: Record<string, string> = {
  literal: 'the place',
  metonymic: 'an actor (metonymy)',
  modifier: 'a modifier',
  demonym: 'its people',
  embedded: 'part of a name',
  language: 'a language',
};

function coord(lat: number | null, lon: number | null): string {
  if (lat === null || lon === null) return '';
  return `${Math.abs(lat).toFixed(2)}${lat >= 0 ? 'N' : 'S'} ${Math.abs(lon).toFixed(2)}${lon >= 0 ? 'E' : 'W'}`;
}

/** One line (or a few) per place. */
export function formatPlaces(places: readonly Place[], style: PlaceStyle): string[] {
  const out: string[] = [];
  for (const p of places) {
    const head = `  ${p.id.padEnd(4)} ${JSON.stringify(p.mention.span.text).padEnd(28)}`;
    const usage = p.usage && p.usage !== 'literal' ? ` — used as ${USAGE[p.usage] ?? p.usage}` : '';
    if (p.form === 'relative' && p.relative) {
      out.push(`${head} relative location: ${coord(p.lat, p.lon) || 'unplaced'}, geo_precision ${p.geoPrecision ?? '—'} — ${p.relative.reason}`);
      continue;
    }
    if (p.form === 'nominal') {
      out.push(`${head} refers to ${p.refersTo} (${p.name})${p.lat !== null ? `, ${coord(p.lat, p.lon)}` : ''}`);
      continue;
    }
    if (p.gazetteerId) {
      out.push(`${head} ${p.name}, ${p.country || '—'} (${p.featureCode}, ${p.kind}) ${coord(p.lat, p.lon)}, geo_precision ${p.geoPrecision}, score ${p.score.toFixed(2)}${usage}`);
      if (p.runnerUp) out.push(style.dim(`         runner-up: ${p.runnerUp.name}, ${p.runnerUp.country || '—'} (${p.runnerUp.featureCode}) score ${p.runnerUp.score.toFixed(2)}`));
    } else {
      out.push(`${head} unresolved${p.kind && p.kind !== 'other' ? ` ${p.kind}` : ''}: ${p.unresolvedReason ?? 'no gazetteer entry'}${usage}`);
    }
    if (p.relative) {
      const r = p.relative;
      out.push(`         ${r.relation}${r.direction ? ` ${r.direction}` : ''}${r.distanceKm !== null ? ` ${Math.round(r.distanceKm)} km` : ''} of ${r.anchors.join(', ')}: ${r.lat !== null ? `approx. ${coord(r.lat, r.lon)}, geo_precision ${r.geoPrecision}` : 'no point'} — ${r.reason}`);
      if (r.check && r.check.fits === false) out.push(`         ! distance claim does not fit: ${r.check.reason}`);
    }
  }
  return out;
}
