/**
 * INTERIM, until the geoparser (branch `geoparser`) lands: place mentions found by capitalised words
 * looked up in `ctx.gazetteer`, so that events get a location in `sitrep eval events`. Used only when
 * the pipeline has no places and a gazetteer is loaded (src/pipeline.ts). Once src/recognize/places
 * and src/resolve fill `Extraction.places`, delete this file and its call.
 *
 * Deliberately strict: a capitalised run counts as a place only after a locative word ("in", "near",
 * "town of" …), inside a parenthesis, or when it names a country or a region; the report's main
 * country and a parenthesised region ("Bir at Tutah (Almargeb)") pick among namesakes.
 */
import { spanOf, type Gazetteer, type GazetteerCandidate, type GeoPrecision, type Place } from '../../core/index.js';
import { foldName } from '../../recognize/actors/dictionary.js';
import type { ActorMention } from '../../recognize/actors/recognizer.js';
import type { Word } from '../../recognize/actors/words.js';

const CONNECT = new Set(['al', 'el', 'ad', 'ash', 'as', 'at', 'ar', 'an', 'az', 'adh', 'bin', 'ben', 'bani', 'beni', 'de', 'du', 'des', 'la', 'le', 'of', 'wa', 'abu', 'bir', 'ain', 'tal', 'tell', 'umm', 'kafr', 'deir', 'jabal', 'jebel', 'wadi', 'ras', 'sidi', 'bab', 'khan', 'tel']);
const LOCATIVE = new Set(['in', 'at', 'near', 'of', 'from', 'to', 'outside', 'around', 'between', 'into', 'towards', 'toward', 'inside', 'across', 'through', 'on', 'and', 'nearby', 'within', 'reach', 'entered', 'captured', 'shelled', 'took', 'seized', 'struck', 'targeted', 'hit', 'bombed', 'stormed']);
const NOT_PLACES = new Set(['the', 'on', 'in', 'a', 'an', 'this', 'that', 'these', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'president', 'minister', 'prime', 'general', 'colonel', 'police', 'army', 'forces', 'government', 'state', 'islamic', 'national', 'military', 'security', 'council', 'ministry', 'university', 'hospital', 'street', 'road', 'mosque', 'church', 'bank', 'square', 'center', 'centre', 'city', 'town', 'village', 'district', 'province', 'region', 'governorate', 'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'sources', 'source', 'residents', 'reports', 'coronavirus', 'covid']);

interface Run {
  readonly from: number;
  readonly to: number;
}

function isCap(w: Word): boolean {
  return /^[A-Z]/.test(w.text) || (/^[a-z]/.test(w.text) && CONNECT.has(w.norm));
}

export function interimPlaces(text: string, ws: readonly Word[], actors: readonly ActorMention[], gazetteer: Gazetteer, max = 2000): Place[] {
  const taken = new Set<number>();
  for (const a of actors) if (a.kind !== 'country' && a.kind !== 'coref') for (let k = a.from; k < a.to; k++) taken.add(k);
  // Capitalised runs (joined by hyphens, connectors like "al", "bin", "of").
  const runs: Run[] = [];
  for (let i = 0; i < ws.length; ) {
    if (!isCap(ws[i]!) || taken.has(i)) {
      i++;
      continue;
    }
    let j = i;
    while (j < ws.length && j - i < 5 && ws[j]!.sentence === ws[i]!.sentence && isCap(ws[j]!) && !taken.has(j) && (j === i || /^[\s-]*$/.test(text.slice(ws[j - 1]!.end, ws[j]!.start)))) j++;
    // A run must hold a capitalised word and must not end on a connector.
    while (j > i && CONNECT.has(ws[j - 1]!.norm) && /^[a-z]/.test(ws[j - 1]!.text)) j--;
    if (j > i && ws.slice(i, j).some((w) => /^[A-Z]/.test(w.text))) runs.push({ from: i, to: j });
    i = Math.max(j, i + 1);
  }
  interface Cand {
    readonly from: number;
    readonly to: number;
    readonly candidates: GazetteerCandidate[];
    readonly context: boolean;
    readonly paren: string | null;
  }
  const cands: Cand[] = [];
  for (const r of runs) {
    // Longest sub-run first: "Gulf of Sidra", then "Sidra".
    let found: Cand | null = null;
    for (let len = r.to - r.from; len >= 1 && !found; len--) {
      for (let a = r.from; a + len <= r.to && !found; a++) {
        const b = a + len;
        const words = ws.slice(a, b);
        if (len === 1 && NOT_PLACES.has(words[0]!.norm)) continue;
        if (words.every((w) => CONNECT.has(w.norm) || NOT_PLACES.has(w.norm))) continue;
        const name = text.slice(words[0]!.start, words[words.length - 1]!.end);
        const candidates = gazetteer.lookup(name, { limit: 15 });
        if (!candidates.length) continue;
        const prev = ws[a - 1];
        const prev2 = ws[a - 2];
        const sentenceStart = !prev || prev.sentence !== ws[a]!.sentence;
        // "the US dollar", "Libyan dinar": a country name before a common noun is no place.
        const nextWord = ws[b];
        if (candidates[0]!.reasons.includes('country') && nextWord && nextWord.sentence === ws[a]!.sentence && /^[a-z]/.test(nextWord.text) && !/[,.;:)]/.test(text.slice(ws[b - 1]!.end, nextWord.start))) continue;
        const parenBefore = text.slice(Math.max(0, ws[a]!.start - 2), ws[a]!.start).includes('(');
        const context =
          parenBefore ||
          (!!prev && prev.sentence === ws[a]!.sentence && (LOCATIVE.has(prev.norm) || (prev2 !== undefined && ['town', 'city', 'village', 'area', 'district', 'province', 'governorate', 'region', 'neighbourhood', 'neighborhood', 'camp', 'suburb', 'countryside', 'outskirts', 'vicinity'].includes(prev.norm)))) ||
          candidates.some((c) => c.reasons.includes('admin1')) ||
          (!sentenceStart && candidates[0]!.entry.population > 50_000);
        const after = text.slice(words[words.length - 1]!.end, words[words.length - 1]!.end + 60);
        const paren = /^\s*\(([^()]{2,40})\)/.exec(after)?.[1] ?? null;
        found = { from: a, to: b, candidates, context, paren };
      }
    }
    if (found && found.context) cands.push(found);
    if (cands.length >= max) break;
  }
  // The report's country: the one most candidates agree on.
  const votes = new Map<string, number>();
  for (const c of cands) {
    const seen = new Set(c.candidates.map((x) => x.entry.country));
    for (const cc of seen) votes.set(cc, (votes.get(cc) ?? 0) + (c.candidates.some((x) => x.entry.country === cc && x.reasons.includes('country')) ? 3 : 1) / seen.size);
  }
  let main: string | null = null;
  for (const [cc, v] of votes) if (!main || v > votes.get(main)!) main = cc;
  return cands.map((c, i): Place => {
    const parenKey = c.paren ? foldName(c.paren) : null;
    const score = (x: GazetteerCandidate) =>
      x.score + (x.entry.country === main ? 1 : 0) + (parenKey && x.entry.admin1 && (foldName(x.entry.admin1).includes(parenKey) || parenKey.includes(foldName(x.entry.admin1))) ? 1.5 : 0) + (x.entry.featureClass === 'P' ? 0.2 : 0);
    const best = [...c.candidates].sort((a, b) => score(b) - score(a))[0]!;
    const e = best.entry;
    const span = spanOf(text, ws[c.from]!.start, ws[c.to - 1]!.end);
    const geo: GeoPrecision = e.featureCode === 'PCLI' || e.featureCode === 'ADM1' ? 3 : e.featureCode === 'ADM2' ? 2 : 1;
    return {
      id: `pl${i + 1}`,
      mention: { id: `pm${i + 1}`, span, type: 'place', evidence: { spans: [span], rules: ['place/interim-gazetteer'] } },
      gazetteerId: e.id,
      name: e.name,
      lat: e.lat,
      lon: e.lon,
      country: e.country || null,
      featureCode: e.featureCode,
      geoPrecision: geo,
      admin1: e.admin1,
      score: best.score,
      evidence: { spans: [span], rules: ['place/interim-gazetteer', ...best.reasons], reason: `interim lookup: ${e.name} (${e.country}${e.admin1 ? `, ${e.admin1}` : ''})` },
    };
  });
}
