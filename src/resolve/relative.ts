/**
 * Relative locations: "halfway between Sirte and Misrata" (a midpoint), "about 250 kilometers from
 * the city" (a distance claim, checked against the coordinates), "southwest of Sirte" (a direction,
 * which an unresolved place named after it inherits as its approximation), "near Misrata",
 * "on the outskirts of Sirte". Each finding names its anchors (places) and the words that state it.
 *
 * Works on "slots": the places already found (names and nominal references) with their spans and
 * points. Regular expressions are bounded; each match is anchored on a slot right after it.
 */
import { bundledLexicon } from '../recognize/places/lexicon.js';
import { COMPASS, destination, distanceKm, midpoint } from './geo/index.js';

export interface Slot {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly sentence: number;
  readonly lat: number | null;
  readonly lon: number | null;
  /** Approximate radius of the place in km (an area's extent), when known. */
  readonly radiusKm: number | null;
  readonly label: string;
  readonly resolved: boolean;
  readonly literal: boolean;
}

export interface RelativeFinding {
  readonly relation: 'between' | 'distance' | 'direction' | 'near';
  readonly start: number;
  readonly end: number;
  readonly anchors: readonly number[];
  readonly direction: string | null;
  readonly distanceKm: number | null;
  readonly hedged: boolean;
  /** Slots the phrase describes ("the Harouge and Al-Rouagha mountains about 250 km from …"). */
  readonly targets: readonly number[];
  /** A direction said of a group ("several towns southwest of Sirte"): unresolved places named after it inherit it. */
  readonly frame: boolean;
  readonly rule: string;
}

const DIR = 'north|south|east|west|north-?east|north-?west|south-?east|south-?west';
const UNIT = 'km|kms|kilomet(?:er|re)s?|miles?|mi|nautical miles?';
const HEDGE = 'about|some|nearly|around|roughly|approximately|almost|over|more than|less than|up to|at least|just|only';
const RE_DISTANCE = new RegExp(`\\b(?:(${HEDGE})\\s{1,3})?(\\d{1,5}(?:[.,]\\d{1,3})?)\\s{0,2}(${UNIT})\\b(?:\\s{1,3}\\(?[\\d.,]{1,7}\\s{0,2}(?:${UNIT})\\)?)?(?:\\s{1,3}(${DIR})(?:ern)?)?\\s{1,3}(?:away\\s{1,3})?(?:of|from)\\s{1,3}`, 'gi');
const RE_DIRECTION = new RegExp(`\\b(${DIR})(?:ern)?\\s{1,3}of\\s{1,3}`, 'gi');
const RE_BETWEEN = /\b(?:(?:half-?way|midway|mid-way)\s{1,3})?between\s{1,3}/gi;
const RE_NEAR = /\b(?:near|close to|in the vicinity of|(?:on\s{1,3})?the\s{1,3}outskirts\s{1,3}of|outskirts\s{1,3}of|just\s{1,3}outside|outside|not\s{1,3}far\s{1,3}from|on\s{1,3}the\s{1,3}edge\s{1,3}of)\s{1,3}/gi;
const RE_GROUP_BEFORE = /\b(?:several|many|some|few|two|three|four|five|six|seven|eight|nine|ten|\d{1,3}|other|a\s+number\s+of|a\s+string\s+of|a\s+series\s+of)\s{1,3}(?:\w{1,20}\s{1,3})?(?:towns|villages|cities|settlements|areas|locations|positions|districts|oases|hamlets|localities|places)\s{1,3}$/i;

function unitKm(unit: string): number {
  const u = unit.toLowerCase();
  if (u.startsWith('nautical')) return 1.852;
  if (u.startsWith('mi')) return 1.609344;
  return 1;
}

/** The compass point a word names (relative.txt), or null: "south-west", "southern" → SW, S. */
export function compassOf(word: string): string | null {
  const k = bundledLexicon('relative').map.get(word.toLowerCase().replace(/ern$/, '').replace(/-/g, '')) ?? bundledLexicon('relative').map.get(word.toLowerCase());
  return k && k in COMPASS ? k : null;
}

export function findRelatives(text: string, slots: readonly Slot[]): RelativeFinding[] {
  const byStart = new Map<number, Slot>();
  for (const s of slots) if (!byStart.has(s.start)) byStart.set(s.start, s);
  const out: RelativeFinding[] = [];

  // Distances: "about 250 kilometers from the city", "20 km south of Sirte".
  for (const m of text.matchAll(RE_DISTANCE)) {
    const anchor = byStart.get(m.index + m[0].length);
    if (!anchor) continue;
    const km = Number(m[2]!.replace(',', '.')) * unitKm(m[3]!);
    const dir = m[4] ? compassOf(m[4]) : null;
    const targets = describedBefore(text, slots, m.index, anchor);
    out.push({ relation: 'distance', start: m.index, end: anchor.end, anchors: [anchor.index], direction: dir, distanceKm: km, hedged: !!m[1], targets, frame: false, rule: dir ? 'place/relative/distance-direction' : 'place/relative/distance' });
  }

  // Directions: "southwest of Sirte", "several towns southwest of its stronghold, the city of Sirte".
  for (const m of text.matchAll(RE_DIRECTION)) {
    const anchor = byStart.get(m.index + m[0].length);
    if (!anchor || out.some((f) => f.relation === 'distance' && f.start < m.index && f.end >= anchor.end)) continue;
    const dir = compassOf(m[1]!);
    const before = text.slice(Math.max(0, m.index - 80), m.index);
    const frame = RE_GROUP_BEFORE.test(before);
    const targets = frame ? [] : describedBefore(text, slots, m.index, anchor);
    out.push({ relation: 'direction', start: m.index, end: anchor.end, anchors: [anchor.index], direction: dir, distanceKm: null, hedged: false, targets, frame, rule: frame ? 'place/relative/direction-frame' : 'place/relative/direction' });
  }

  // Between: "halfway between Sirte and Misrata".
  for (const m of text.matchAll(RE_BETWEEN)) {
    const a = byStart.get(m.index + m[0].length);
    if (!a) continue;
    const and = /^\s{1,3}(?:and|&)\s{1,3}/.exec(text.slice(a.end, a.end + 10));
    const b = and ? byStart.get(a.end + and[0].length) : undefined;
    if (!b) continue;
    out.push({ relation: 'between', start: m.index, end: b.end, anchors: [a.index, b.index], direction: null, distanceKm: null, hedged: /half|mid/i.test(m[0]), targets: [], frame: false, rule: 'place/relative/between' });
  }

  // Near: "near Misrata", "on the outskirts of Sirte".
  for (const m of text.matchAll(RE_NEAR)) {
    const anchor = byStart.get(m.index + m[0].length);
    if (!anchor || out.some((f) => f.start <= m.index && f.end >= anchor.end)) continue;
    out.push({ relation: 'near', start: m.index, end: anchor.end, anchors: [anchor.index], direction: null, distanceKm: null, hedged: false, targets: [], frame: false, rule: 'place/relative/near' });
  }
  return out.sort((x, y) => x.start - y.start);
}

/**
 * The slots a phrase at `at` describes: the place right before it (separated only by a kind noun
 * such as "mountains", a comma or spaces), with the places coordinated with it ("the Harouge and
 * Al-Rouagha mountains").
 */
function describedBefore(text: string, slots: readonly Slot[], at: number, anchor: Slot): number[] {
  const before = slots.filter((s) => s.end <= at && s.index !== anchor.index).sort((a, b) => b.end - a.end);
  const first = before[0];
  if (!first || !/^[\s,]{0,3}(?:[a-z]{3,12}\s{1,3})?$/.test(text.slice(first.end, at)) || /\b(?:and|or|but|in|on|at|to|from|with|by)\s*$/.test(text.slice(first.end, at))) return [];
  const out = [first.index];
  let cur = first;
  for (const s of before.slice(1)) {
    if (/^\s{0,2}(?:,\s{0,2}(?:and\s{1,3})?|and\s{1,3}|or\s{1,3})$/.test(text.slice(s.end, cur.start))) {
      out.push(s.index);
      cur = s;
    } else break;
  }
  return out.reverse();
}

export interface RelativePoint {
  readonly lat: number | null;
  readonly lon: number | null;
  readonly geoPrecision: 1 | 2 | 3;
  readonly reason: string;
}

/** The approximate point a finding gives, from its anchors' points. */
export function relativePoint(f: RelativeFinding, slots: readonly Slot[]): RelativePoint {
  const anchors = f.anchors.map((i) => slots[i]!);
  const names = anchors.map((a) => a.label).join(' and ');
  if (anchors.some((a) => a.lat === null || a.lon === null)) {
    return { lat: null, lon: null, geoPrecision: 3, reason: `${f.relation} ${names}, which is not resolved` };
  }
  const a = anchors[0]!;
  switch (f.relation) {
    case 'between': {
      const b = anchors[1]!;
      const p = midpoint(a.lat!, a.lon!, b.lat!, b.lon!);
      return { ...p, geoPrecision: 2, reason: `midpoint of ${a.label} and ${b.label} (${Math.round(distanceKm(a.lat!, a.lon!, b.lat!, b.lon!))} km apart)` };
    }
    case 'distance': {
      if (f.direction && f.distanceKm !== null) {
        const p = destination(a.lat!, a.lon!, COMPASS[f.direction]!, f.distanceKm);
        return { ...p, geoPrecision: 2, reason: `${Math.round(f.distanceKm)} km ${f.direction} of ${a.label}` };
      }
      return { lat: a.lat, lon: a.lon, geoPrecision: 3, reason: `somewhere ${f.hedged ? 'about ' : ''}${Math.round(f.distanceKm ?? 0)} km from ${a.label}: no direction given, so the point is ${a.label}'s` };
    }
    case 'direction':
      return { lat: a.lat, lon: a.lon, geoPrecision: f.frame ? 3 : 2, reason: `${f.direction} of ${a.label}, no distance given: the point is ${a.label}'s` };
    case 'near':
      return { lat: a.lat, lon: a.lon, geoPrecision: 2, reason: `near ${a.label}` };
  }
}

/** Check a stated distance between a target and an anchor against their coordinates. */
export function checkDistance(target: Slot, anchor: Slot, statedKm: number, hedged: boolean): { actualKm: number | null; fits: boolean | null; reason: string } {
  if (target.lat === null || target.lon === null || anchor.lat === null || anchor.lon === null) {
    return { actualKm: null, fits: null, reason: `cannot be checked: ${target.lat === null ? target.label : anchor.label} is not resolved` };
  }
  const actual = distanceKm(target.lat, target.lon, anchor.lat, anchor.lon);
  const slack = Math.max(25, statedKm * (hedged ? 0.3 : 0.2)) + (target.radiusKm ?? 0) + (anchor.radiusKm ?? 0);
  const fits = Math.abs(actual - statedKm) <= slack;
  const extent = target.radiusKm || anchor.radiusKm ? ` (allowing for the extent of the area, ±${Math.round(slack)} km)` : ` (±${Math.round(slack)} km)`;
  return {
    actualKm: Math.round(actual),
    fits,
    reason: fits
      ? `fits: ${target.label} is ${Math.round(actual)} km from ${anchor.label}${extent}`
      : `does not fit: ${target.label} is ${Math.round(actual)} km from ${anchor.label}, not ${Math.round(statedKm)} km${extent}`,
  };
}
