/**
 * GeoJSON (RFC 7946): a FeatureCollection of the events (and of control records and claims that have
 * a place), each a Point at [longitude, latitude] in WGS 84, or with a null geometry when the place
 * has no coordinates (allowed by RFC 7946 §3.2). Properties carry the ACLED fields, modality,
 * credibility and the evidence spans.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import { placePoint, type Extraction, type Place, type Span } from '../core/index.js';
import { acledRows, type AcledOptions } from './acled.js';

export type SitrepFeature = Feature<Point | null, Record<string, unknown>>;

function point(p: Place | undefined): Point | null {
  const pt = p ? placePoint(p) : null;
  if (!pt) return null;
  return { type: 'Point', coordinates: [round(pt.lon), round(pt.lat)] };
}

/** 6 decimals (~0.1 m), as RFC 7946 §11.2 suggests for precision. */
function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

function spans(ss: readonly Span[]): { start: number; end: number; text: string }[] {
  return ss.map((s) => ({ start: s.start, end: s.end, text: s.text }));
}

export function toGeoJson(x: Extraction, options: AcledOptions = {}): FeatureCollection<Point | null, Record<string, unknown>> {
  const places = new Map<string, Place>(x.places.map((p) => [p.id, p]));
  const rows = acledRows(x, options);
  const events = [...x.events].sort((a, b) => a.rank - b.rank);
  const features: SitrepFeature[] = events.map((e, i) => ({
    type: 'Feature',
    id: e.id,
    geometry: point(e.placeId ? places.get(e.placeId) : undefined),
    properties: {
      kind: 'event',
      ...rows[i],
      modality: e.modality,
      credibility: e.credibility,
      rank: e.rank,
      evidence: spans(e.evidence.spans),
    },
  }));
  for (const c of x.control) {
    const p = c.placeId ? places.get(c.placeId) : undefined;
    features.push({
      type: 'Feature',
      id: c.id,
      geometry: point(p),
      properties: { kind: 'control', actor: c.actor, place: c.place, status: c.status, since: c.since, as_of: c.asOf, modality: c.modality, event_id: c.eventId, evidence: spans(c.evidence.spans) },
    });
  }
  for (const c of x.claims) {
    const p = c.placeId ? places.get(c.placeId) : undefined;
    if (!p) continue;
    features.push({
      type: 'Feature',
      id: c.id,
      geometry: point(p),
      properties: { kind: 'claim', verb: c.verb, actor: c.actor, target: c.target, modality: c.modality, text: c.text, condition: c.condition?.text ?? null, credibility: c.credibility, evidence: spans(c.evidence.spans) },
    });
  }
  return { type: 'FeatureCollection', features };
}
