/**
 * The readable listing of events, claims and control for `sitrep extract` (text format).
 */
import type { Claim, Control, Event, Extraction, Place } from '../../core/index.js';
import type { TextStyle } from './text.js';

function when(start: string | null, end: string | null | undefined): string {
  if (!start) return 'date unknown';
  return end && end !== start ? `${start}..${end}` : start;
}

function quote(s: string, max = 60): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return JSON.stringify(t.length > max ? `${t.slice(0, max - 1)}…` : t);
}

export function formatEvents(x: Extraction, style: TextStyle): string[] {
  const out: string[] = [];
  const places = new Map<string, Place>(x.places.map((p) => [p.id, p]));
  out.push('', style.bold(`Events (${x.events.length})`));
  if (!x.events.length) out.push('  none: the report tells of no event that happened (plans, orders and stances are listed as claims)');
  for (const e of [...x.events].sort((a, b) => a.rank - b.rank)) out.push(...formatEvent(e, places.get(e.placeId ?? ''), style));
  out.push('', style.bold(`Claims (${x.claims.length})`));
  if (!x.claims.length) out.push('  none');
  for (const c of x.claims) out.push(...formatClaim(c, places, style));
  out.push('', style.bold(`Control (${x.control.length})`));
  if (!x.control.length) out.push('  none');
  for (const c of x.control) out.push(formatControl(c));
  const s = x.document.source;
  out.push('', `Source: ${s.name ?? 'unknown outlet'} — reliability ${s.reliability}${s.reliability === 'F' ? ' (cannot be judged; rate outlets with --sources FILE)' : ''}`);
  return out;
}

function formatEvent(e: Event, p: Place | undefined, style: TextStyle): string[] {
  const where = p ? `${p.name}${p.lat !== null && p.lon !== null ? ` (${p.lat.toFixed(3)}, ${p.lon.toFixed(3)})` : ''}, ${e.geoPrecision ? `geo_precision ${e.geoPrecision}` : 'not on the map (the gazetteer lacks it and the text locates it from nothing known)'}` : 'place unknown';
  const sides = [e.actor1 ?? 'unknown actor', ...(e.actor2 ? [e.actor2] : [])].join(' vs ');
  const assoc = [...e.assocActor1, ...e.assocActor2];
  const deaths = e.fatalities ? `${e.fatalities} fatalities (${e.fatalityBasis})` : 'no fatalities reported';
  return [
    `  ${style.bold(`${e.rank}.`)} ${e.eventType} / ${e.subEventType} — ${when(e.date, e.time?.end)} (time_precision ${e.timePrecision ?? '?'}), ${where}`,
    `     ${sides}${assoc.length ? ` (with ${assoc.join(', ')})` : ''} · interaction ${e.interaction} · ${deaths} · ${e.modality} · credibility ${e.credibility}`,
    style.dim(`     evidence: ${e.evidence.spans.slice(0, 8).map((s) => quote(s.text, 40)).join(' ')}`),
  ];
}

function formatClaim(c: Claim, places: ReadonlyMap<string, Place>, style: TextStyle): string[] {
  const bits: string[] = [];
  if (c.target) bits.push(`target ${c.target}`);
  if (c.time) bits.push(`${c.timeRelation && c.timeRelation !== 'at' ? `${c.timeRelation} ` : ''}${when(c.time.start, c.time.end)}`);
  if (c.placeId && places.get(c.placeId)) bits.push(`at ${places.get(c.placeId)!.name}`);
  if (c.amount) bits.push(`${c.amount.currency} ${c.amount.min.toLocaleString('en')}${c.amount.max !== c.amount.min ? `–${c.amount.max.toLocaleString('en')}` : ''}${c.amount.per === 'each' ? ' each' : c.amount.per ? ` per ${c.amount.per}` : ''}`);
  if (c.eventType) bits.push(`would be ${c.eventType}`);
  const mods = c.modalities.length > 1 ? `${c.modality} (${c.modalities.join(', ')})` : c.modality;
  const lines = [`  ${style.bold(c.id)} ${c.verb} · ${mods} · ${c.actor ?? 'actor unknown'}${bits.length ? ` · ${bits.join(' · ')}` : ''} · credibility ${c.credibility}`, `     ${quote(c.text, 110)}`];
  if (c.condition) lines.push(`     condition: ${quote(c.condition.text, 100)}`);
  return lines;
}

function formatControl(c: Control): string {
  const how = c.status === 'holds' ? `holds ${c.place}${c.since ? ` since ${c.since}` : ''} as of ${c.asOf ?? 'the report'}` : `${c.status} ${c.place}${c.since ? ` on ${c.since}` : ''}`;
  return `  ${c.id} ${c.actor} ${how}${c.eventId ? ` (event ${c.eventId})` : ''} — ${quote(c.evidence.spans.map((s) => s.text).join(' … '), 80)}`;
}
