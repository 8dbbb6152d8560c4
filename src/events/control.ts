/**
 * Territorial control: who holds which place since when. From events (a place taken is held from
 * that day; a place lost is lost) and from statements ("its stronghold, the city of Sirte", "the
 * IS-held town", "controlled by the Houthis").
 */
import { spanOf, type Control, type Event, type Span } from '../core/index.js';
import type { ActorMention } from '../recognize/actors/recognizer.js';
import type { Doc, PlaceRef, TimeRef } from './doc.js';
import { nameActor } from './naming.js';
import { expand, HELD } from './roles.js';

const HOLD_NOUNS = new Set(['stronghold', 'strongholds', 'bastion', 'heartland', 'capital', 'base', 'fiefdom', 'hub']);
// "IS has held the city since 2015", "the Houthis control Sanaa": a holder, the verb, a place.
const HOLD_VERBS = new Set(['held', 'holds', 'hold', 'holding', 'controls', 'control', 'controlled', 'controlling', 'occupies', 'occupied', 'occupy']);
// Words between the holder and the verb: "IS, which has long held", "the group still controls".
const HOLD_GAP = new Set(['which', 'who', 'that', 'has', 'have', 'had', 'still', 'long', 'now', 'already', 'firmly', 'since', 'effectively', 'largely', 'is', 'are', 'was', 'were']);

export interface ControlContext {
  readonly doc: Doc;
  readonly events: readonly Event[];
  readonly placeId: (p: PlaceRef) => string;
  readonly contextCountry: (sentence: number) => string | null;
}

export function extractControl(cx: ControlContext): Control[] {
  const { doc } = cx;
  const out: Omit<Control, 'id'>[] = [];
  // From events: territory taken (by force or handed over).
  for (const e of cx.events) {
    if (!e.placeId || !e.actor1) continue;
    if (e.subEventType === 'Government regains territory' || e.subEventType === 'Non-state actor overtakes territory' || e.subEventType === 'Non-violent transfer of territory') {
      const place = doc.places.find((p) => cx.placeId(p) === e.placeId);
      // "overran a military base in Lower Shabelle": the event is coded at the region that contains
      // the base, but nobody took the region. A country or a province is held only when a
      // statement says so.
      if (place && isWideArea(place)) continue;
      out.push({
        actor: e.actor1,
        placeId: e.placeId,
        place: place?.place.name ?? e.placeId,
        status: 'gained',
        since: e.date,
        asOf: e.time?.end ?? e.date,
        modality: e.modality,
        eventId: e.id,
        evidence: { spans: e.evidence.spans, rules: ['control/from-event', `control/${e.subEventType}`], reason: `${e.actor1} took ${place?.place.name ?? 'the place'} (${e.subEventType})` },
      });
    }
  }
  // From statements.
  const ws = doc.ws;
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    let holder: ActorMention | null = null;
    let place: PlaceRef | null = null;
    let rule = '';
    let since: string | null = null;
    let sinceRef: TimeRef | null = null;
    if (HOLD_NOUNS.has(w.norm)) {
      // "its stronghold, the city of Sirte" / "ISIS's stronghold of Sirte" / "Sirte, a stronghold of IS"
      const before = doc.actors.filter((a) => a.to === i || (a.to === i - 1 && ['main', 'last', 'key', 'coastal', 'former'].includes(ws[i - 1]!.norm)));
      const poss = before.find((a) => ws[a.to - 1]!.possessive || a.text.toLowerCase() === 'its' || a.text.toLowerCase() === 'their');
      if (poss) {
        holder = poss;
        place = doc.places.find((p) => p.from > i && p.from - i <= 6 && p.sentence === w.sentence && (p.role === 'exact' || p.role === 'reference')) ?? null;
        rule = 'control/stronghold-of-possessor';
      } else if (ws[i + 1]?.norm === 'of') {
        holder = doc.actors.find((a) => a.from === i + 2 || (a.from === i + 3 && ws[i + 2]!.norm === 'the')) ?? null;
        place = [...doc.places].reverse().find((p) => p.to <= i && i - p.to <= 4 && p.sentence === w.sentence) ?? null;
        rule = 'control/place-stronghold-of';
      }
    } else if (HELD.has(w.norm) && w.joiner === '-') {
      // "the IS-held town of …", "Houthi-controlled Sanaa"
      holder = doc.actors.find((a) => a.to === i) ?? null;
      place = doc.places.find((p) => p.from > i && p.from - i <= 5 && p.sentence === w.sentence) ?? null;
      rule = 'control/actor-held-place';
    } else if (HELD.has(w.norm) && ws[i + 1]?.norm === 'by') {
      // "Sirte, controlled by IS", "areas held by the Houthis"
      holder = doc.actors.find((a) => a.from === i + 2 || (a.from === i + 3 && ws[i + 2]!.norm === 'the')) ?? null;
      place = [...doc.places].reverse().find((p) => p.to <= i && i - p.to <= 4 && p.sentence === w.sentence) ?? null;
      rule = 'control/place-held-by';
    } else if (w.norm === 'control' && ws[i - 1]?.norm === 'under') {
      // "under Houthi control", "under the control of IS"
      holder = doc.actors.find((a) => a.from >= i - 3 && a.to <= i && a.from > 0) ?? doc.actors.find((a) => a.from === i + 2 || a.from === i + 3) ?? null;
      place = [...doc.places].reverse().find((p) => p.to <= i && i - p.to <= 6 && p.sentence === w.sentence) ?? null;
      rule = 'control/under-control';
    }
    else if (HOLD_VERBS.has(w.norm) && w.joiner !== '-' && ws[i + 1]?.norm !== 'by' && ws[i - 1]?.norm !== 'under') {
      const subject = holderBefore(doc, i);
      const object = doc.places.find((p) => p.from > i && p.from - i <= 4 && p.sentence === w.sentence && (p.role === 'exact' || p.role === 'reference'));
      if (subject && object && onlyObjectWords(doc, i + 1, object.from)) {
        holder = subject;
        place = object;
        rule = 'control/actor-holds-place';
        sinceRef = doc.times.find((t) => t.sentence === w.sentence && t.from >= object.to && t.from - object.to <= 3 && t.relation === 'since' && t.time.value) ?? null;
        since = sinceRef?.time.value?.start ?? null;
      }
    }
    if (!holder || !place) continue;
    const actors = expand(holder);
    const a = actors[0];
    if (!a) continue;
    const name = nameActor(doc.dict, a, place.place.country ?? cx.contextCountry(w.sentence), 'event', doc.reference).name;
    const spans: Span[] = [spanOf(doc.text, holder.start, holder.end), spanOf(doc.text, w.start, w.end), place.place.mention.span];
    if (sinceRef) spans.push(sinceRef.time.span);
    if (holder.kind === 'coref') spans.push(...holder.antecedents.map((x) => spanOf(doc.text, x.start, x.end)));
    const key = `${name}|${cx.placeId(place)}|holds`;
    if (out.some((o) => `${o.actor}|${o.placeId}|${o.status}` === key)) continue;
    out.push({
      actor: name,
      placeId: cx.placeId(place),
      place: place.place.name,
      status: 'holds',
      since,
      asOf: doc.reference,
      modality: 'occurred',
      eventId: null,
      evidence: { spans: spans.sort((x, y) => x.start - y.start), rules: [rule], reason: `${name} holds ${place.place.name} as of the report ("${doc.text.slice(Math.min(holder.start, place.place.mention.span.start), Math.max(w.end, place.place.mention.span.end))}")` },
    });
  }
  return out.map((c, i) => ({ ...c, id: `ctl${i + 1}` }));
}

function isWideArea(p: PlaceRef): boolean {
  return /^(?:PCL|ADM1|CONT|RGN)/.test(p.place.featureCode ?? '');
}

/** The actor that holds: right before the verb, past auxiliaries, adverbs and a relative pronoun. */
function holderBefore(doc: Doc, i: number): ActorMention | null {
  const ws = doc.ws;
  let k = i - 1;
  while (k >= 0 && i - k <= 5 && ws[k]!.sentence === ws[i]!.sentence && HOLD_GAP.has(ws[k]!.norm)) k--;
  if (k < 0 || ws[k]!.sentence !== ws[i]!.sentence) return null;
  return doc.actors.find((a) => a.to === k + 1 && a.kind !== 'country') ?? null;
}

/** "held the coastal city", "controls much of Sirte": nothing but determiners and modifiers before the place. */
function onlyObjectWords(doc: Doc, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const w = doc.ws[k]!;
    if (!(w.pos === 'DET' || w.pos === 'ADJ' || ['much', 'most', 'parts', 'part', 'of', 'all', 'town', 'city', 'village', 'district', 'area', 'region', 'province'].includes(w.norm))) return false;
  }
  return true;
}
