/**
 * ACLED CSV: one row per event, today's ACLED columns in ACLED's order (../shared/spec/ACLED.md),
 * RFC 4180 quoting, CRLF line ends. Only events are rows; claims and control are not ACLED events.
 */
import { placePoint, type Event, type Extraction, type Place } from '../core/index.js';
import { actorDictionary, type ActorDictionary } from '../recognize/actors/dictionary.js';
import { csvLine } from '../eval/events-csv.js';

export const ACLED_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'year',
  'time_precision',
  'disorder_type',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'inter1',
  'actor2',
  'assoc_actor_2',
  'inter2',
  'interaction',
  'civilian_targeting',
  'iso',
  'region',
  'country',
  'admin1',
  'admin2',
  'admin3',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'source_scale',
  'notes',
  'fatalities',
  'tags',
  'timestamp',
] as const;

export type AcledColumn = (typeof ACLED_COLUMNS)[number];
export type AcledRow = Record<AcledColumn, string | number>;

export interface AcledOptions {
  /**
   * ACLED's `timestamp` (seconds since 1970): when the row was written. Default: the publication
   * date at 00:00 UTC (deterministic); the CLI passes the time of the run.
   */
  readonly timestamp?: number;
  readonly dictionary?: ActorDictionary;
}

/** The ACLED rows of one extraction, in event rank order. */
export function acledRows(x: Extraction, options: AcledOptions = {}): AcledRow[] {
  const dict = options.dictionary ?? actorDictionary();
  const places = new Map<string, Place>(x.places.map((p) => [p.id, p]));
  const pub = x.document.published?.date ?? null;
  const timestamp = options.timestamp ?? (pub ? Date.parse(`${pub}T00:00:00Z`) / 1000 : 0);
  const docTag = x.document.id.replace(/^doc-/, '').slice(0, 8);
  return [...x.events]
    .sort((a, b) => a.rank - b.rank)
    .map((e) => {
      const p = e.placeId ? places.get(e.placeId) : undefined;
      const pt = p ? placePoint(p) : null;
      const iso2 = p?.country ?? e.country;
      const c = iso2 ? dict.countries.get(iso2) : undefined;
      return {
        event_id_cnty: `${c?.iso3 ?? 'XXX'}-${docTag}-${e.rank}`,
        event_date: e.date ?? '',
        year: e.date ? Number(e.date.slice(0, 4)) : '',
        time_precision: e.timePrecision ?? '',
        disorder_type: e.disorderType,
        event_type: e.eventType,
        sub_event_type: e.subEventType,
        actor1: e.actor1 ?? '',
        assoc_actor_1: e.assocActor1.join('; '),
        inter1: e.inter1,
        actor2: e.actor2 ?? '',
        assoc_actor_2: e.assocActor2.join('; '),
        inter2: e.inter2 || '',
        interaction: e.interaction,
        civilian_targeting: e.civilianTargeting ? 'Civilian targeting' : '',
        iso: c?.num ?? '',
        region: c?.region ?? '',
        country: c?.name ?? '',
        admin1: p?.admin1 ?? '',
        admin2: '',
        admin3: '',
        location: p?.name ?? '',
        latitude: pt?.lat ?? '',
        longitude: pt?.lon ?? '',
        geo_precision: e.geoPrecision ?? '',
        source: x.document.source.name ?? '',
        source_scale: '',
        notes: e.notes,
        fatalities: e.fatalities,
        tags: tags(e, x),
        timestamp,
      };
    });
}

/** sitrep's own annotations, kept in ACLED's free `tags` column. */
function tags(e: Event, x: Extraction): string {
  const t = [`modality=${e.modality}`, `credibility=${e.credibility}`, `reliability=${x.document.source.reliability}`, `fatalities=${e.fatalityBasis}`];
  if (e.fields['date']?.rules.includes('date/inherited-from-report')) t.push('date=from-report');
  return t.join('; ');
}

export function toAcledCsv(x: Extraction, options: AcledOptions = {}): string {
  let out = csvLine(ACLED_COLUMNS);
  for (const row of acledRows(x, options)) out += csvLine(ACLED_COLUMNS.map((c) => row[c]));
  return out;
}
