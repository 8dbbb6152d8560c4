/**
 * Frames that tell of one happening become one event; one event becomes several when it spans a list
 * of places (ACLED: one event per actors × place × day, fatalities split over them).
 *
 * Merging is conservative: two frames join only when nothing they say disagrees — their days overlap
 * (or one has none), their places are the same (or one has none), and they are close in the text.
 */
import type { Place, TimeValue } from '../core/index.js';
import type { ActorMention } from '../recognize/actors/recognizer.js';
import type { Doc, PlaceRef, TimeRef } from './doc.js';
import { combine, fatalitiesIn, split, type FatalityCount } from './fatalities.js';
import { inRelativeClause, isCountry, type FrameCandidate } from './frames.js';
import { isFactual } from './modality.js';
import { DEMO, VIOLENT } from './classify.js';

export interface Group {
  readonly frames: FrameCandidate[];
  places: PlaceRef[];
  nearPlace: PlaceRef | null;
  /** A country named as the place ("in Libya") when nothing finer is known. */
  countryPlace: PlaceRef | null;
  time: TimeRef | null;
  /** The day came from elsewhere in the report (the lead's date), not from the frame's sentence. */
  timeInherited: boolean;
  placeInherited: boolean;
  fatalities: FatalityCount | null;
  background: boolean;
}

const SENTENCE_REACH = 2;

function overlaps(a: TimeValue, b: TimeValue): boolean {
  return a.start <= b.end && b.start <= a.end;
}

function placeKey(p: Place): string {
  return p.gazetteerId ?? p.name.toLowerCase();
}

/** Same side: the same dictionary entry, country or kind of people. */
export function actorKey(m: ActorMention): string {
  if (m.kind === 'named') return `n:${m.named!.name}`;
  if (m.kind === 'state' || m.kind === 'country') return `c:${m.countries[0]}`;
  if (m.kind === 'generic') return `g:${m.generic!.cls}:${m.countries[0] ?? ''}`;
  if (m.kind === 'communal') return `m:${m.builtName}`;
  return `x:${m.text}`;
}

function exactPlaces(f: { places: readonly PlaceRef[] }): PlaceRef[] {
  return f.places.filter((p) => !isCountry(p));
}

function compatible(doc: Doc, g: Group, f: FrameCandidate): boolean {
  const last = g.frames[g.frames.length - 1]!;
  const gp = exactPlaces(g);
  const fp = exactPlaces(f);
  const samePlace = gp.length > 0 && fp.length > 0 && fp.some((p) => gp.some((q) => placeKey(q.place) === placeKey(p.place)));
  if (gp.length && fp.length && !samePlace) return false;
  const gt = g.time?.time.value;
  const ft = f.time?.time.value;
  if (gt && ft && !overlaps(gt, ft)) return false;
  // "Separately, …", "A bomb later struck …", "Elsewhere …": the words say it is another event.
  if (f.sentence !== last.sentence && tellsAnother(doc, f)) return false;
  const near = f.sentence - last.sentence <= SENTENCE_REACH;
  if (!near && !(samePlace && gt && ft)) return false;
  // Two different fights in one sentence ("X shelled A while Y clashed with Z in B") are kept apart
  // by their places; sides that share nobody are kept apart too, when both are fully named.
  const gAgents = g.frames.flatMap((x) => x.agents).map(actorKey);
  const gAll = new Set([...gAgents, ...g.frames.flatMap((x) => x.patients).map(actorKey)]);
  const fAll = [...f.agents, ...f.patients].map(actorKey);
  if (gAgents.length && f.agents.length && g.frames.some((x) => x.patients.length) && f.patients.length && !fAll.some((k) => gAll.has(k))) return false;
  // "Russian forces shelled Kharkiv. Ukrainian troops recaptured a village.": in another sentence,
  // a doer who is neither side of the event so far tells of another event.
  // (Not at a demonstration: the police who break it up are a side of it; nor for a death told
  // after the fact: "2 farmers died" has its victims for subject.)
  const fam = (x: FrameCandidate) => (x.frames.some((y) => VIOLENT.includes(y)) ? 'violence' : x.frames.some((y) => DEMO.includes(y)) ? 'demo' : 'strategic');
  if (f.sentence !== last.sentence && fam(f) !== 'demo' && !f.frames.every((y) => y === 'kill') && g.frames.every((x) => fam(x) !== 'demo') && gAgents.length && f.agents.length && !fAll.some((k) => gAll.has(k))) return false;
  // A strategic development (an arrest, a device defused) told in another sentence is its own event.
  if (fam(f) !== fam(last) && f.sentence !== last.sentence && (fam(f) === 'strategic' || fam(last) === 'strategic')) return false;
  // A demonstration told in another sentence than a fight or an attack is its own event (police who
  // break it up are part of it: their words are of the demonstration's family).
  if (f.sentence !== last.sentence && ((fam(f) === 'demo' && g.frames.every((x) => fam(x) === 'violence')) || (fam(f) === 'violence' && g.frames.every((x) => fam(x) === 'demo') && f.agents.length && !f.frames.includes('kill')))) return false;
  void doc;
  return true;
}

const ANOTHER = new Set(['separately', 'elsewhere', 'later', 'meanwhile', 'subsequently', 'afterwards', 'separate', 'another']);

/** A word of the trigger's clause, up to two words after it, that opens another happening. */
function tellsAnother(doc: Doc, f: FrameCandidate): boolean {
  for (let k = f.trigger.from - 1; k >= 0 && doc.clause[k] === f.clause; k--) if (ANOTHER.has(doc.ws[k]!.norm)) return true;
  for (let k = f.trigger.to; k < Math.min(doc.ws.length, f.trigger.to + 2) && doc.clause[k] === f.clause; k++) if (ANOTHER.has(doc.ws[k]!.norm)) return true;
  return false;
}

export function groupFrames(doc: Doc, frames: readonly FrameCandidate[]): Group[] {
  const groups: Group[] = [];
  for (const f of frames) {
    if (!isFactual(f.modality.modality) || f.topic) continue;
    let target: Group | null = null;
    for (let k = groups.length - 1; k >= Math.max(0, groups.length - 4); k--) {
      if (compatible(doc, groups[k]!, f)) {
        target = groups[k]!;
        break;
      }
    }
    if (target) {
      target.frames.push(f);
      // The finer place and the firmer day win.
      const tp = exactPlaces(target);
      const fp = exactPlaces(f);
      if (fp.length > tp.length) target.places = [...f.places];
      if (!target.places.length && f.places.length) target.places = [...f.places];
      if (!target.nearPlace && f.nearPlace) target.nearPlace = f.nearPlace;
      if (f.time && (!target.time || narrower(f.time, target.time))) target.time = f.time;
      target.background = target.background && f.background;
    } else {
      groups.push({ frames: [f], places: [...f.places], nearPlace: f.nearPlace, countryPlace: null, time: f.time, timeInherited: false, placeInherited: false, fatalities: null, background: f.background });
    }
  }
  fillGaps(doc, groups);
  attachFatalities(doc, groups, frames);
  return groups;
}

function narrower(a: TimeRef, b: TimeRef): boolean {
  const av = a.time.value!;
  const bv = b.time.value!;
  return av.end.localeCompare(av.start) < bv.end.localeCompare(bv.start) || (dayCount(av) < dayCount(bv));
}

/** Days a time value spans past its first (0 for one day). */
export function dayCount(v: TimeValue): number {
  return (Date.parse(v.end) - Date.parse(v.start)) / 86_400_000;
}

/** A group with no day or place takes the nearest one told before it, else the report's first. */
function fillGaps(doc: Doc, groups: Group[]): void {
  const dated = doc.times.filter((t) => t.time.value && t.relation !== 'until' && t.relation !== 'since');
  // The report's first date that is not told in a relative clause ("who were kidnapped last July").
  const leadTime = dated.find((t) => !inRelativeClause(doc, t.from)) ?? dated[0] ?? null;
  const leadPlace = doc.places.find((p) => p.role === 'exact' && !isCountry(p)) ?? null;
  const countries = doc.places.filter((p) => p.role === 'exact' && isCountry(p));
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i]!;
    const countryHere = g.places.find(isCountry) ?? null;
    if (countryHere) {
      g.countryPlace = countryHere;
      if (g.places.some((p) => !isCountry(p))) g.places = g.places.filter((p) => !isCountry(p));
    }
    if (!g.time) {
      const prev = groups.slice(0, i).reverse().find((x) => x.time);
      g.time = prev?.time ?? leadTime;
      g.timeInherited = g.time !== null;
    }
    if (!exactPlaces(g).length) {
      const prev = groups.slice(0, i).reverse().find((x) => exactPlaces(x).length);
      if (g.nearPlace) {
        // "several towns southwest of Sirte": near the reference point (geo_precision 2).
      } else if (prev && prev.frames[prev.frames.length - 1]!.sentence >= g.frames[0]!.sentence - SENTENCE_REACH) {
        g.places = [exactPlaces(prev)[0]!];
        g.placeInherited = true;
      } else if (leadPlace && leadPlace.sentence <= g.frames[0]!.sentence + 1) {
        g.places = [leadPlace];
        g.placeInherited = true;
      }
    }
    if (!g.countryPlace) g.countryPlace = countries.find((c) => c.sentence <= g.frames[0]!.sentence) ?? countries[0] ?? null;
  }
}

/** Death counts go to the event whose frame is nearest in their sentence (or the sentence before). */
function attachFatalities(doc: Doc, groups: Group[], frames: readonly FrameCandidate[]): void {
  const timeWords = new Set<number>();
  for (const t of doc.times) for (let k = t.from; k < t.to; k++) timeWords.add(k);
  const sentences = new Set<number>();
  for (const g of groups) for (const f of g.frames) sentences.add(f.sentence);
  // Sentences with counts but no factual frame (e.g. "No casualties were reported.") follow the frame before.
  const perGroup = new Map<Group, FatalityCount[]>();
  const factual = frames.filter((f) => isFactual(f.modality.modality));
  const maxSentence = doc.sentences.length;
  const countsBySentence = new Map<number, FatalityCount[]>();
  for (const f of doc.fatalityWords) {
    const s = doc.ws[f.from]!.sentence;
    if (!countsBySentence.has(s) && s < maxSentence) countsBySentence.set(s, fatalitiesIn(doc, s, timeWords));
  }
  for (const [s, counts] of countsBySentence) {
    for (const c of counts) {
      // Nearest factual frame at or before this sentence (a count follows what it counts).
      let best: FrameCandidate | null = null;
      for (const f of factual) {
        if (f.sentence > s) break;
        if (s - f.sentence > 2) continue;
        if (!best || f.sentence > best.sentence || (f.sentence === best.sentence && Math.abs(f.trigger.from - c.at) < Math.abs(best.trigger.from - c.at))) best = f;
      }
      // A count in a sentence whose own frames are not facts (a plan) counts nothing.
      if (!best) continue;
      const g = groups.find((x) => x.frames.includes(best!));
      if (!g) continue;
      const list = perGroup.get(g) ?? [];
      list.push(c);
      perGroup.set(g, list);
    }
  }
  for (const [g, counts] of perGroup) g.fatalities = combine(counts);
}

/** Fatalities of each event of a group split over its places. */
export function fatalitiesPerPlace(g: Group, k: number): number[] {
  return split(g.fatalities?.n ?? 0, k);
}
