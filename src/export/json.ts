/**
 * JSON export of what a report says happened and was claimed: events, claims, control, actors and the
 * places they use — every record with its evidence spans. (The full document model, text and tokens
 * included, is `--format json`.)
 */
import type { Extraction } from '../core/index.js';

export const EVENTS_SCHEMA = 'sitrep/events@1';

export function toEventsJson(x: Extraction): string {
  const used = new Set<string>([...x.events.map((e) => e.placeId), ...x.claims.map((c) => c.placeId), ...x.control.map((c) => c.placeId)].filter((id): id is string => !!id));
  return (
    JSON.stringify(
      {
        schema: EVENTS_SCHEMA,
        document: { id: x.document.id, title: x.document.title, url: x.document.url, published: x.document.published?.date ?? null, source: x.document.source },
        events: x.events,
        claims: x.claims,
        control: x.control,
        actors: x.actors,
        places: x.places.filter((p) => used.has(p.id)),
        warnings: x.warnings,
      },
      null,
      2,
    ) + '\n'
  );
}
