/**
 * `sitrep eval events FILE.csv`: code each row's `notes` and compare with what ACLED's coder
 * recorded (../shared/spec/EVAL.md, "Events"). The publication date handed to the extractor is
 * `event_date` + 7 days; old-schema types are mapped to today's (../shared/spec/ACLED.md).
 */
import { performance } from 'node:perf_hooks';
import { createRunContext, placePoint, usageError, type Extraction, type Gazetteer, type Place } from '../core/index.js';
import { extract } from '../pipeline.js';
import { actorDictionary, foldName, type ActorDictionary } from '../recognize/actors/dictionary.js';
import { parseCsvRecords } from './events-csv.js';

export interface GoldRow {
  readonly id: string;
  readonly date: string;
  /** Today's event type(s) the row may have: two for old "Riots/Protests". */
  readonly types: readonly string[];
  readonly subType: string | null;
  readonly actor1: string;
  readonly actor2: string;
  readonly admin1: string;
  readonly country: string;
  readonly location: string;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly fatalities: number;
  readonly notes: string;
}

/** Old (pre-2019) event types → today's type(s) and sub-type (null when the mapping leaves it open). */
export function mapOldType(old: string): { types: string[]; sub: string | null } | null {
  const t = old.trim().toLowerCase();
  if (t === 'battle-no change of territory') return { types: ['Battles'], sub: 'Armed clash' };
  if (t === 'battle-government regains territory') return { types: ['Battles'], sub: 'Government regains territory' };
  if (t === 'battle-non-state actor overtakes territory') return { types: ['Battles'], sub: 'Non-state actor overtakes territory' };
  if (t === 'remote violence') return { types: ['Explosions/Remote violence'], sub: null };
  if (t === 'violence against civilians') return { types: ['Violence against civilians'], sub: null };
  if (t === 'riots/protests') return { types: ['Protests', 'Riots'], sub: null };
  if (t === 'strategic development') return { types: ['Strategic developments'], sub: null };
  if (t === 'non-violent activity by a conflict actor') return { types: ['Strategic developments'], sub: null };
  if (t === 'non-violent transfer of territory') return { types: ['Strategic developments'], sub: 'Non-violent transfer of territory' };
  if (t === 'headquarters or base established') return { types: ['Strategic developments'], sub: 'Headquarters or base established' };
  return null;
}

export function goldRows(csv: string, file = 'the CSV'): GoldRow[] {
  const { header, records } = parseCsvRecords(csv);
  // A file that is not an ACLED export would score 0 % on 0 rows: say what is missing instead.
  const missing = ['event_date', 'event_type', 'notes'].filter((c) => !header.includes(c));
  if (missing.length) throw usageError('not-acled-csv', `eval events: ${file} is not an ACLED CSV export: its header has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}`, "The first line must name ACLED's columns (event_date, event_type, sub_event_type, actor1, …, notes); see shared/spec/EVAL.md.");
  if (!records.some((r) => (r['notes'] ?? '').trim())) throw usageError('no-rows', `eval events: ${file} has no row with notes to score`, 'Each row needs its notes: they are the text sitrep reads.');
  return records
    .filter((r) => (r['notes'] ?? '').trim())
    .map((r, i) => {
      const sub = (r['sub_event_type'] ?? '').trim();
      const mapped = sub ? { types: [r['event_type']!.trim()], sub } : (mapOldType(r['event_type'] ?? '') ?? { types: [r['event_type'] ?? ''], sub: null });
      const lat = Number(r['latitude']);
      const lon = Number(r['longitude']);
      return {
        id: r['event_id_cnty'] || `row${i + 1}`,
        date: (r['event_date'] ?? '').trim(),
        types: mapped.types,
        subType: mapped.sub,
        actor1: r['actor1'] ?? '',
        actor2: r['actor2'] ?? '',
        admin1: r['admin1'] ?? '',
        country: r['country'] ?? '',
        location: r['location'] ?? '',
        lat: Number.isFinite(lat) && r['latitude'] !== '' ? lat : null,
        lon: Number.isFinite(lon) && r['longitude'] !== '' ? lon : null,
        fatalities: Number(r['fatalities'] ?? 0) || 0,
        notes: r['notes'] ?? '',
      };
    });
}

/** Units of a state's forces that are those forces, not a rival faction. */
const UNITS = 'Military Police|Gendarmerie|Special Forces|Presidential Guard|Republican Guard|National Guard|Border Guards?|Coast Guard|Air Force|Navy|Prison Guards|State Security|Air Force Intelligence(?: Directorate)?|Military Intelligence|Intelligence(?: Services?)?|Counter Terrorism Service|Rapid Intervention Battalion|Islamic Revolutionary Guard Corps|Quds Force';

/**
 * Actor names compared after normalisation: case, accents and punctuation folded; ACLED's period
 * suffix "(2011-)" dropped (a coding convention, not a different actor); "ABBR: Full name" matched by
 * either part; then the dictionary's aliases map both sides to one canonical name, and an
 * organisation named per country ("Islamic State (Libya)") to the organisation.
 */
export function actorKey(dict: ActorDictionary, name: string): string[] {
  const stripped = name.replace(/\(\d{4}-(?:\d{4})?\)/g, ' ').replace(/\s+/g, ' ').trim();
  const out = new Set<string>();
  // The name as written first: an era name the dictionary lists as an actor's earlier name
  // ("Military Forces of Libya (2014-)" for the LNA) is that actor.
  const variants = [name.trim(), stripped];
  // A unit of a state's forces is that state's forces ("… Gendarmerie", "… Military Police");
  // rival factions ("… Haftar Faction", "… Supreme Political Council") stay apart.
  const unit = new RegExp(`^((?:Military|Police) Forces of [A-Z][\\w' -]*?)\\s+(?:${UNITS})$`).exec(stripped);
  if (unit) variants.push(unit[1]!);
  // The same read on the name as written: "Military Forces of Libya (2016-) Presidential Guard" is a
  // unit of the forces the dictionary knows as "Military Forces of Libya (2016-)".
  const unitEra = new RegExp(`^((?:Military|Police) Forces of [A-Z][\\w' -]*?\\(\\d{4}-(?:\\d{4})?\\))\\s+(?:${UNITS})$`).exec(name.trim());
  if (unitEra) variants.push(unitEra[1]!);
  const colon = stripped.indexOf(':');
  if (colon > 0) variants.push(stripped.slice(0, colon), stripped.slice(colon + 1));
  for (const v of variants) {
    const f = foldName(v).replace(/^the /, '');
    if (!f) continue;
    out.add(f);
    const e = dict.byAlias.get(f);
    if (e) out.add(`=${foldName(e.name)}`);
    // "Islamic State (Libya)": the organisation itself.
    const base = /^(.*?)\s*\(([^()]*)\)$/.exec(v);
    if (base) {
      const be = dict.byAlias.get(foldName(base[1]!));
      if (be && be.scoped) out.add(`=${foldName(be.name)}`);
    }
  }
  return [...out];
}

function sameActor(dict: ActorDictionary, a: string, b: string): boolean {
  const ka = actorKey(dict, a);
  const kb = new Set(actorKey(dict, b));
  return ka.some((k) => kb.has(k));
}

function km(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const dLat = (lat2 - lat1) * r;
  const dLon = (lon2 - lon1) * r;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(dLon / 2) ** 2;
  return 6371 * 2 * Math.asin(Math.min(1, Math.sqrt(a)));
}

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export interface RowResult {
  readonly gold: GoldRow;
  readonly events: number;
  readonly statedDay: boolean;
  readonly best: {
    type: boolean;
    sub: boolean | null;
    actor: boolean;
    date: boolean;
    km: number | null;
    admin1: boolean;
    fatalities: boolean;
    predicted: string;
  } | null;
  readonly top1: { type: boolean; sub: boolean | null } | null;
}

export interface EventsEvalReport {
  readonly file: string;
  readonly rows: number;
  readonly extracted: number;
  readonly event_type_acc: number;
  readonly sub_event_type_acc: number;
  readonly sub_event_type_rows: number;
  readonly actor_acc: number;
  readonly date_acc: number;
  /** date_acc over the rows whose notes state a day (the extractor found a day-precise date). */
  readonly date_acc_stated_day: number;
  readonly rows_stated_day: number;
  readonly location_25km: number;
  readonly admin1_acc: number;
  readonly fatalities_acc: number;
  readonly events_per_row: number;
  readonly event_type_acc_top1: number;
  readonly sub_event_type_acc_top1: number;
  readonly rows_per_s: number;
  readonly words_per_s: number;
  readonly gazetteer: string;
  readonly by_type: Record<string, { rows: number; event_type_acc: number }>;
  readonly results: readonly RowResult[];
}

export interface EvalOptions {
  readonly gazetteer: Gazetteer | null;
  readonly gazetteerName: string;
  readonly limit?: number;
}

export async function evalEvents(file: string, csv: string, options: EvalOptions): Promise<EventsEvalReport> {
  const dict = actorDictionary();
  const rows = goldRows(csv, file).slice(0, options.limit ?? Infinity);
  const results: RowResult[] = [];
  let words = 0;
  const t0 = performance.now();
  for (const g of rows) {
    const published = g.date ? addDays(g.date, 7) : null;
    const ctx = createRunContext({ referenceDate: published, gazetteer: options.gazetteer });
    words += g.notes.split(/\s+/).filter(Boolean).length;
    let x: Extraction;
    try {
      x = await extract(ctx, { kind: 'inline', text: g.notes }, { published: published ? { value: published, date: published, how: 'option', raw: published } : null });
    } catch {
      results.push({ gold: g, events: 0, statedDay: false, best: null, top1: null });
      continue;
    }
    results.push(score(dict, g, x, options.gazetteer));
  }
  const seconds = (performance.now() - t0) / 1000;
  const n = results.length || 1;
  const share = (f: (r: RowResult) => boolean, over: readonly RowResult[] = results) => (over.length ? over.filter(f).length / over.length : 0);
  const withSub = results.filter((r) => r.gold.subType !== null);
  const stated = results.filter((r) => r.statedDay);
  const byType: Record<string, { rows: number; event_type_acc: number }> = {};
  for (const r of results) {
    const k = r.gold.types.join(' or ');
    const b = (byType[k] ??= { rows: 0, event_type_acc: 0 });
    b.rows++;
    if (r.best?.type) b.event_type_acc++;
  }
  for (const b of Object.values(byType)) b.event_type_acc = b.rows ? b.event_type_acc / b.rows : 0;
  return {
    file,
    rows: results.length,
    extracted: results.filter((r) => r.events > 0).length,
    event_type_acc: share((r) => !!r.best?.type),
    sub_event_type_acc: share((r) => !!r.best?.sub, withSub),
    sub_event_type_rows: withSub.length,
    actor_acc: share((r) => !!r.best?.actor),
    date_acc: share((r) => !!r.best?.date),
    date_acc_stated_day: share((r) => !!r.best?.date, stated),
    rows_stated_day: stated.length,
    location_25km: share((r) => r.best?.km !== null && r.best?.km !== undefined && r.best.km <= 25),
    admin1_acc: share((r) => !!r.best?.admin1),
    fatalities_acc: share((r) => !!r.best?.fatalities),
    events_per_row: results.reduce((s, r) => s + r.events, 0) / n,
    event_type_acc_top1: share((r) => !!r.top1?.type),
    sub_event_type_acc_top1: share((r) => !!r.top1?.sub, withSub),
    rows_per_s: results.length / seconds,
    words_per_s: words / seconds,
    gazetteer: options.gazetteerName,
    by_type: byType,
    results,
  };
}

/**
 * Does the place lie in the row's admin1? Through the gazetteer when it can say: the place's entry
 * (or, for an unresolved place, its own `admin1` name looked up as a division) gives admin-1 codes;
 * the row's admin1 name, looked up as a first-level division of the row's country, gives the codes
 * it can mean ("Taizz" and "Ta‘izz" are one code). Without a gazetteer, the names are compared.
 */
function inAdmin1(dict: ActorDictionary, g: GoldRow, p: Place | undefined, gaz: Gazetteer | null): boolean {
  if (!p || !g.admin1) return false;
  if (!gaz) return !!p.admin1 && foldName(p.admin1) === foldName(g.admin1);
  const iso = [...dict.countries.values()].find((c) => foldName(c.name) === foldName(g.country))?.iso ?? p.country ?? '';
  const divisions = (name: string) => new Set(gaz.lookup(name, { country: iso, limit: 20 }).filter((c) => c.entry.country === iso && /^ADM1/.test(c.entry.featureCode)).map((c) => c.entry.admin1));
  const gold = divisions(g.admin1);
  const entry = p.gazetteerId ? gaz.lookup(p.name, { limit: 20 }).find((c) => c.entry.id === p.gazetteerId)?.entry : undefined;
  if (entry?.admin1) return entry.country === iso && gold.has(entry.admin1);
  if (!p.admin1) return false;
  if (foldName(p.admin1) === foldName(g.admin1)) return true;
  return [...divisions(p.admin1)].some((c) => gold.has(c));
}

function score(dict: ActorDictionary, g: GoldRow, x: Extraction, gaz: Gazetteer | null): RowResult {
  const statedDay = x.times.some((t) => t.value?.acledPrecision === 1 && t.value.start === t.value.end);
  if (!x.events.length) return { gold: g, events: 0, statedDay, best: null, top1: null };
  const placeOf = new Map<string, Place>(x.places.map((p) => [p.id, p]));
  const judged = x.events.map((e) => {
    const p = e.placeId ? placeOf.get(e.placeId) : undefined;
    const pt = p ? placePoint(p) : null;
    const dist = pt && g.lat !== null && g.lon !== null ? km(pt.lat, pt.lon, g.lat, g.lon) : null;
    const j = {
      type: g.types.includes(e.eventType),
      sub: g.subType === null ? null : e.subEventType === g.subType,
      actor: [e.actor1, e.actor2, ...e.assocActor1, ...e.assocActor2].some((a) => !!a && sameActor(dict, g.actor1, a)),
      date: e.date === g.date,
      km: dist,
      admin1: inAdmin1(dict, g, p, gaz),
      fatalities: e.fatalities === g.fatalities,
      predicted: `${e.eventType} / ${e.subEventType} | ${e.actor1 ?? '-'} | ${e.actor2 ?? '-'} | ${p?.name ?? '-'} | ${e.date ?? '-'} | ${e.fatalities}`,
    };
    const s = (j.type ? 4 : 0) + (j.sub ? 2 : 0) + (j.actor ? 2 : 0) + (j.date ? 1 : 0) + (dist !== null && dist <= 25 ? 1 : 0) + (j.fatalities ? 0.5 : 0);
    return { j, s, rank: e.rank };
  });
  const best = judged.reduce((a, b) => (b.s > a.s ? b : a));
  const first = judged.find((j) => j.rank === 1) ?? judged[0]!;
  return { gold: g, events: x.events.length, statedDay, best: best.j, top1: { type: first.j.type, sub: first.j.sub } };
}

const pct = (v: number) => `${(100 * v).toFixed(1)}%`;

/** The readable report: the figures, accuracy by type, and the first misses. */
export function formatEventsEval(r: EventsEvalReport, misses = 15): string {
  const lines: string[] = [];
  lines.push(`sitrep eval events — ${r.file}`);
  lines.push(`  rows ${r.rows}, extracted ${r.extracted} (${pct(r.extracted / (r.rows || 1))}), events per row ${r.events_per_row.toFixed(2)}, gazetteer: ${r.gazetteer}`);
  const rows: [string, string][] = [
    ['event_type_acc', pct(r.event_type_acc)],
    ['sub_event_type_acc', `${pct(r.sub_event_type_acc)} (over ${r.sub_event_type_rows} rows with a sub-type)`],
    ['actor_acc', pct(r.actor_acc)],
    ['date_acc', pct(r.date_acc)],
    ['date_acc_stated_day', `${pct(r.date_acc_stated_day)} (over ${r.rows_stated_day} notes that state a day)`],
    ['location_25km', pct(r.location_25km)],
    ['admin1_acc', pct(r.admin1_acc)],
    ['fatalities_acc', pct(r.fatalities_acc)],
    ['event_type_acc_top1', pct(r.event_type_acc_top1)],
    ['sub_event_type_acc_top1', pct(r.sub_event_type_acc_top1)],
    ['rows_per_s', r.rows_per_s.toFixed(0)],
    ['words_per_s', r.words_per_s.toFixed(0)],
  ];
  for (const [k, v] of rows) lines.push(`  ${k.padEnd(24)} ${v}`);
  lines.push('', '  event type accuracy by gold type:');
  for (const [k, b] of Object.entries(r.by_type).sort((a, b) => b[1].rows - a[1].rows)) lines.push(`    ${k.padEnd(44)} ${String(b.rows).padStart(4)} rows  ${pct(b.event_type_acc)}`);
  const wrong = r.results.filter((x) => !x.best?.type).slice(0, misses);
  if (wrong.length) {
    lines.push('', `  first ${wrong.length} rows with the wrong event type (gold → predicted):`);
    for (const w of wrong) lines.push(`    ${w.gold.id}: ${w.gold.types.join('|')}${w.gold.subType ? ` / ${w.gold.subType}` : ''} → ${w.best?.predicted ?? 'no event'}\n      ${w.gold.notes.slice(0, 160)}`);
  }
  return lines.join('\n') + '\n';
}
