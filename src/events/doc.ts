/**
 * Everything the event rules read about one report, computed once: words (with wink's POS and
 * sentence index), clauses, actor mentions, triggers, cue words, and the earlier stages' places and
 * times located on the words.
 */
import type { Place, Sentence, TimeExpression, Token } from '../core/index.js';
import type { ActorDictionary } from '../recognize/actors/dictionary.js';
import { recognizeActors, type ActorMention } from '../recognize/actors/recognizer.js';
import { assignPos, assignSentences, wordAt, words, type Word } from '../recognize/actors/words.js';
import { scanLexicons, scanTriggers, type ClaimCue, type FatalityWord, type Lexicons, type ModalityCue, type TriggerMention } from '../recognize/triggers/index.js';

/** How a place is used in its sentence. */
export type PlaceRole =
  | 'exact' // where something is: "in Sirte", "the town of Kafr Takharim"
  | 'reference' // a point to measure from: "southwest of Sirte", "250 km from the city"
  | 'paren' // a disambiguating parenthesis after another place: "Bir at Tutah (Almargeb)"
  | 'origin' // where someone came from: "from Mogadishu"
  | 'component' // part of a larger place expression: Sirte in "halfway between Sirte and Misrata"
  | 'actor'; // part of an actor's name or a country acting: "Misrata militias", "Britain informed"

export interface PlaceRef {
  readonly place: Place;
  readonly from: number;
  readonly to: number;
  readonly sentence: number;
  readonly role: PlaceRole;
  /** The preposition before it, folded ("in", "near", "of"), or null. */
  readonly preposition: string | null;
}

export interface TimeRef {
  readonly time: TimeExpression;
  readonly from: number;
  readonly to: number;
  readonly sentence: number;
  /** "since April 27", "until June 23": from the time stage, or read from the word before. */
  readonly relation: TimeExpression['relation'];
}

export interface Cue<T> {
  readonly from: number;
  readonly to: number;
  readonly value: T;
}

export interface Doc {
  readonly text: string;
  /** The places the doc was read with. */
  readonly placeList: readonly Place[];
  readonly ws: readonly Word[];
  readonly sentences: readonly Sentence[];
  /** Clause id of each word; clause ids grow through the text. */
  readonly clause: Int32Array;
  /** First word of each clause id, and one past its last. */
  readonly clauseStart: Int32Array;
  readonly clauseEnd: Int32Array;
  readonly actors: readonly ActorMention[];
  readonly triggers: readonly TriggerMention[];
  readonly claimCues: readonly Cue<ClaimCue>[];
  readonly modalityCues: readonly Cue<ModalityCue>[];
  readonly fatalityWords: readonly Cue<FatalityWord>[];
  readonly places: readonly PlaceRef[];
  readonly times: readonly TimeRef[];
  /** Sentence index → the actor named in a "France – …" heading at its start. */
  readonly headings: ReadonlyMap<number, ActorMention>;
  /** Sentence index → true when it starts with a list marker ("1.", "2)"). */
  readonly listItem: ReadonlySet<number>;
  /** Index of the headline sentence (a first line without a full stop), or -1. */
  readonly headline: number;
  /** Publication or reference date (YYYY-MM-DD). */
  readonly reference: string | null;
  readonly dict: ActorDictionary;
}

const CLAUSE_WORDS = new Set(['but', 'while', 'whereas', 'although', 'though', 'which', 'who', 'whom', 'whose', 'where', 'when', 'after', 'before', 'because', 'since', 'following', 'then', 'however', 'until', 'unless', 'if', 'once', 'meanwhile', 'whilst', 'as']);
const ALWAYS_CLAUSE = new Set(['but', 'while', 'whereas', 'whilst', 'meanwhile', 'however']);
// Past tenses without -ed: ", took Abu Hadi" closes a relative clause as ", captured …" does.
const IRREGULAR_PAST = new Set(['took', 'seized', 'overran', 'fought', 'shot', 'hit', 'struck', 'threw', 'blew', 'set', 'led', 'fled', 'held', 'began', 'made', 'went', 'came', 'saw', 'left', 'sent', 'won', 'lost', 'broke', 'drove', 'rode', 'stole', 'beat', 'bore', 'fell', 'ran', 'met', 'told', 'brought', 'caught', 'built', 'withdrew', 'overtook', 'retook', 'kept', 'got', 'gave']);
const AUX = new Set(['has', 'have', 'had', 'is', 'are', 'was', 'were', 'will', 'would', 'said', 'says']);
const DIRECTIONS = /^(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west|northern|southern|eastern|western|outside|km|kms|kilometers|kilometres|miles|mi|metres|meters)$/;
const APPOSITION = new Set(['its', 'their', 'the', 'stronghold', 'strongholds', 'bastion', 'capital', 'city', 'town', 'village', 'of', 'base', 'hometown', 'headquarters', 'seat', 'coastal', 'main', 'de', 'facto', 'last', 'former', 'key', 'provincial', 'district', 'port', 'area']);

export interface DocInput {
  readonly text: string;
  readonly sentences: readonly Sentence[];
  readonly tokens: readonly Token[];
  readonly times: readonly TimeExpression[];
  readonly places: readonly Place[];
  readonly reference: string | null;
  readonly maxMentions: number;
  /** The report's words, when an earlier pass already made them (reportWords); read-only here. */
  readonly words?: readonly Word[];
}

/** The report's words with their sentences and wink POS: what the actor recognizer reads. */
export function reportWords(text: string, sentences: readonly Sentence[], tokens: readonly Token[]): Word[] {
  const ws = words(text);
  assignSentences(ws, sentences);
  assignPos(ws, tokens);
  return ws;
}

/**
 * The actor pass the geoparser reads before the events stage (pipeline.ts): the same recognizer,
 * without the places it cannot have yet (a town's militia, a capital acting), so its mentions
 * differ from the events stage's only there.
 */
export function earlyActors(dict: ActorDictionary, text: string, ws: readonly Word[], reference: string | null, maxMentions: number): ActorMention[] {
  return recognizeActors(dict, text, ws, { date: reference, maxMentions });
}

export function buildDoc(dict: ActorDictionary, lex: Lexicons, input: DocInput): Doc {
  const { text } = input;
  const ws = input.words ?? reportWords(text, input.sentences, input.tokens);
  const clause = clauses(text, ws);
  const nClauses = ws.length ? clause[ws.length - 1]! + 1 : 0;
  const clauseStart = new Int32Array(nClauses).fill(-1);
  const clauseEnd = new Int32Array(nClauses);
  for (let i = 0; i < ws.length; i++) {
    const c = clause[i]!;
    if (clauseStart[c] === -1) clauseStart[c] = i;
    clauseEnd[c] = i + 1;
  }
  const towns = input.places.filter((p) => p.gazetteerId && p.country && /^PPL/.test(p.featureCode ?? '')).map((p) => ({ start: p.mention.span.start, end: p.mention.span.end, name: p.name }));
  const metonyms = input.places.filter((p) => p.usage === 'metonymic' && p.country && p.featureCode === 'PPLC').map((p) => ({ start: p.mention.span.start, end: p.mention.span.end, country: p.country! }));
  const actors = recognizeActors(dict, text, ws, { date: input.reference, maxMentions: input.maxMentions, towns, metonyms });
  // A trigger inside a date is a month ("March 8"), and "March"/"May" in capitals mid-sentence too.
  const inTime = (a: number, b: number) => input.times.some((t) => t.span.start < b && a < t.span.end);
  // One pass over the words for the four lexicons (each keeps its own longest matches).
  const tagged = scanLexicons(lex, ws);
  const triggers = scanTriggers(lex, text, ws, input.maxMentions, tagged.trigger).filter(
    (t) => !inTime(t.start, t.end) && !(/^(?:March|May)$/.test(t.text) && t.from > 0 && ws[t.from - 1]!.sentence === t.sentence),
  );
  const claimCues = tagged.claim.map((m) => ({ from: m.from, to: m.to, value: m.value }));
  // A cue inside a date is a month ("May 5-6"), not a modal.
  const timeWord = new Set<number>();
  for (const t of input.times) for (let k = wordAt(ws, t.span.start); k < ws.length && ws[k]!.start < t.span.end; k++) timeWord.add(k);
  const modalityCues = tagged.modality
    .filter((m) => !timeWord.has(m.from) && !(ws[m.from]!.norm === 'may' && ws[m.from]!.text === 'May'))
    .map((m) => ({ from: m.from, to: m.to, value: m.value }));
  const fatalityWords = tagged.fatality.map((m) => ({ from: m.from, to: m.to, value: m.value }));
  const times = input.times
    .map((t): TimeRef | null => {
      const from = wordAt(ws, t.span.start);
      const to = wordAt(ws, t.span.end);
      if (from >= ws.length || to <= from) return null;
      let relation = t.relation;
      if (relation === 'at') {
        const before = [ws[from - 1]?.norm, ws[from - 2]?.norm];
        if (before[0] === 'since' || (before[1] === 'since' && before[0] === 'the')) relation = 'since';
        else if (before[0] === 'until' || before[0] === 'till' || (before[1] === 'until' && ['the', 'his', 'her', 'its', 'their'].includes(before[0] ?? ''))) relation = 'until';
        else if (until(ws, from)) relation = 'until';
      }
      return { time: t, from, to, sentence: ws[from]!.sentence, relation };
    })
    .filter((t): t is TimeRef => t !== null);
  const placeList = input.places;
  const places = placeRefs(text, ws, placeList, actors);
  const headings = new Map<number, ActorMention>();
  const listItem = new Set<number>();
  input.sentences.forEach((s, i) => {
    if (/^\s*(?:\d{1,2}|[a-z])[.)]\s/.test(s.span.text)) listItem.add(i);
    const first = actors.find((a) => a.sentence === i);
    if (first && first.start - s.span.start < 3 && /^\s*[–—-]\s/.test(text.slice(first.end, first.end + 4))) headings.set(i, first);
  });
  const first = input.sentences[0];
  const headline = first && input.sentences.length > 1 && !/[.!?"”’)]\s*$/.test(first.span.text) && /^[^\S\n]*\n/.test(text.slice(first.span.end)) ? 0 : -1;
  return { text, placeList, ws, sentences: input.sentences, clause, clauseStart, clauseEnd, actors, triggers, claimCues, modalityCues, fatalityWords, places, times, headings, listItem, headline, reference: input.reference, dict };
}

const SPEECH = new Set(['said', 'says', 'say', 'informed', 'told', 'tells', 'announced', 'warned', 'stated', 'claimed', 'reported', 'confirmed', 'denied', 'insisted', 'argued', 'added', 'noted', 'explained', 'assured', 'promised']);

function saidBefore(ws: readonly Word[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 8); k--) {
    if (ws[k]!.sentence !== ws[i]!.sentence) return false;
    if (SPEECH.has(ws[k]!.norm)) return true;
  }
  return false;
}

/** "until his country’s June 23 referendum": "until" a few words before the date. */
function until(ws: readonly Word[], from: number): boolean {
  for (let k = from - 1; k >= Math.max(0, from - 4); k--) {
    if (ws[k]!.norm === 'until' || ws[k]!.norm === 'till') return true;
    if (ws[k]!.sentence !== ws[from]!.sentence) return false;
  }
  return false;
}

/** Split sentences into clauses at ";", ":", dashes, and connectives after a comma. */
/** ", and residents fled": a bare noun subject, then its verb within two words. */
function subjectThenVerb(ws: readonly Word[], i: number): boolean {
  const w = ws[i];
  if (!w || (w.pos !== 'NOUN' && w.pos !== 'PROPN')) return false;
  for (let k = i + 1; k <= i + 2 && k < ws.length; k++) {
    const x = ws[k]!;
    if (x.sentence !== w.sentence) return false;
    if (x.pos === 'VERB' || x.pos === 'AUX') return true;
    if (x.pos !== 'ADV' && x.pos !== 'NOUN' && x.pos !== 'PROPN') return false;
  }
  return false;
}

function clauses(text: string, ws: readonly Word[]): Int32Array {
  const out = new Int32Array(ws.length);
  let id = 0;
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    if (i > 0) {
      const prev = ws[i - 1]!;
      const between = text.slice(prev.end + (prev.possessive ? 2 : 0), w.start);
      const comma = between.includes(',');
      let boundary = prev.sentence !== w.sentence || /[;:]|\s[–—]\s|\s-\s/.test(between);
      if (!boundary && ALWAYS_CLAUSE.has(w.norm)) boundary = true;
      // "informed X and the US that he will not deal …": what was said is a clause of its own.
      if (!boundary && w.norm === 'that' && saidBefore(ws, i)) boundary = true;
      if (!boundary && comma && CLAUSE_WORDS.has(w.norm)) boundary = true;
      // ", and the two sides plan …": a coordinated clause with a subject of its own.
      if (!boundary && comma && (w.norm === 'and' || w.norm === 'but') && (['the', 'a', 'an', 'he', 'she', 'they', 'it', 'we', 'its', 'their', 'his', 'her', 'this', 'these', 'those'].includes(ws[i + 1]?.norm ?? '') || subjectThenVerb(ws, i + 1))) boundary = true;
      // ", in which" / ", of whom"
      if (!boundary && comma && ['in', 'of', 'during', 'by'].includes(w.norm) && ['which', 'whom'].includes(ws[i + 1]?.norm ?? '')) boundary = true;
      // ", has started to backtrack": a comma then a verb closes a relative clause.
      if (!boundary && comma && (AUX.has(w.norm) || ((w.pos === 'AUX' || w.pos === 'VERB') && (/(?:ed|s)$/.test(w.norm) || IRREGULAR_PAST.has(w.norm)) && /^[a-z]/.test(w.text)))) boundary = true;
      if (boundary) id++;
    }
    out[i] = id;
  }
  return out;
}

function placeRefs(text: string, ws: readonly Word[], places: readonly Place[], actors: readonly ActorMention[]): PlaceRef[] {
  const located = places
    .map((place) => ({ place, from: wordAt(ws, place.mention.span.start), to: wordAt(ws, place.mention.span.end) }))
    .filter((p) => p.from < ws.length && p.to > p.from);
  const refs = located.map(({ place, from, to }): PlaceRef => {
    const sentence = ws[from]!.sentence;
    const prep = prepositionBefore(ws, from);
    const span = place.mention.span;
    let role: PlaceRole = 'exact';
    // The geoparser says how a name is used: "Britain informed" (metonymic), "Libyan forces"
    // (demonym/modifier), "the Washington Post" (embedded) are not where anything happened.
    if (place.usage && place.usage !== 'literal') role = 'actor';
    else if (located.some((o) => o.place !== place && o.place.mention.span.start <= span.start && o.place.mention.span.end >= span.end && o.place.mention.span.end - o.place.mention.span.start > span.end - span.start)) {
      role = 'component';
    } else if (actors.some((a) => a.kind !== 'country' && a.kind !== 'coref' && a.start < span.end && span.start < a.end)) {
      role = 'actor';
    } else if (actors.some((a) => a.kind === 'country' && a.start === span.start && !a.preposition && isActing(ws, a.to))) {
      role = 'actor';
    } else if (isReference(ws, from)) {
      role = 'reference';
    } else if (text.slice(Math.max(0, span.start - 2), span.start).includes('(') && located.some((o) => o.place !== place && o.to <= from && from - o.to <= 1)) {
      role = 'paren';
    } else if (prep === 'from' && from > 0 && ws[from - 1]!.norm === 'from') {
      // "an individual from Afrin", "drivers from Tobruk to Ajdabiya": where someone came from.
      role = 'origin';
    } else if (/^(?:PCL|PCLI)$/.test(place.featureCode ?? '') && ws[to] && ws[to]!.sentence === sentence && /^[a-z]/.test(ws[to]!.text) && ws[to]!.pos === 'NOUN' && !/[,;:.)]/.test(text.slice(ws[to - 1]!.end, ws[to]!.start))) {
      // "the US dollar", "Libyan dinar": a country qualifying a noun is no place.
      role = 'actor';
    }
    return { place, from, to, sentence, role, preposition: prep };
  });
  // Places that qualify the place before them: "Ariha in Idlib province", "Kisima near Beni",
  // "the Al-Rawdah neighbourhood of Taiz" (the event is in the city the neighbourhood belongs to).
  const out = refs.slice();
  for (let i = 1; i < out.length; i++) {
    const a = out[i - 1]!;
    const b = out[i]!;
    if (a.role !== 'exact' || b.role !== 'exact' || a.sentence !== b.sentence || b.from < a.to) continue;
    const gap = text.slice(ws[a.to - 1]!.end, ws[b.from]!.start);
    if (b.place.form === 'relative' && /^\s*,?\s*$/.test(gap)) out[i] = { ...b, role: 'reference' };
    else if (/^\s*(?:,|in|of|in the)\s*$/.test(gap) && coarser(b.place, a.place)) out[i] = { ...b, role: 'paren' };
    else if (/^\s+(?:neighbou?rhood|district|quarter|suburb|area|camp|outskirts|village|locality|street|road|market|square|front|junction|roundabout)\s+(?:of|in)\s+(?:the\s+)?$/i.test(gap)) out[i - 1] = { ...a, role: 'component' };
  }
  return out;
}

const RANK: Record<string, number> = { PCLI: 5, PCL: 5, ADM1: 4, ADM2: 3, ADM3: 2, PPLC: 1, PPLA: 1, PPLA2: 1, PPL: 0 };

/** B contains A, by feature rank (a country over a region over a district over a town). */
function coarser(b: Place, a: Place): boolean {
  const rb = RANK[b.featureCode ?? ''] ?? (b.kind === 'country' ? 5 : b.kind === 'admin' ? 3 : 0);
  const ra = RANK[a.featureCode ?? ''] ?? (a.kind === 'country' ? 5 : a.kind === 'admin' ? 3 : 0);
  return rb > ra && (!a.country || !b.country || a.country === b.country);
}

function prepositionBefore(ws: readonly Word[], from: number): string | null {
  for (let k = from - 1; k >= Math.max(0, from - 4); k--) {
    const n = ws[k]!.norm;
    if (ws[k]!.sentence !== ws[from]!.sentence) return null;
    if (['in', 'at', 'near', 'of', 'from', 'to', 'into', 'around', 'outside', 'inside', 'on', 'between', 'towards', 'toward', 'across', 'through', 'within', 'off', 'along', 'over', 'by'].includes(n)) return n;
    if (!['the', 'city', 'town', 'village', 'area', 'district', 'region', 'province', 'governorate', 'of', 'neighbourhood', 'neighborhood', 'suburb', 'camp', 'outskirts', 'countryside', 'southern', 'northern', 'eastern', 'western', 'central'].includes(n)) return null;
  }
  return null;
}

/** A country word followed by a verb acts ("Britain informed"), it is not a place. */
function isActing(ws: readonly Word[], to: number): boolean {
  const next = ws[to];
  return !!next && (next.pos === 'VERB' || next.pos === 'AUX');
}

/** "southwest of its stronghold, the city of Sirte", "250 km from the city": a point of reference. */
function isReference(ws: readonly Word[], from: number): boolean {
  for (let k = from - 1; k >= Math.max(0, from - 8); k--) {
    const w = ws[k]!;
    if (w.sentence !== ws[from]!.sentence) return false;
    if ((w.norm === 'of' || w.norm === 'from') && k > 0 && DIRECTIONS.test(ws[k - 1]!.norm)) return true;
    if (w.norm === 'from' && k > 1 && DIRECTIONS.test(ws[k - 1]!.norm)) return true;
    if (!APPOSITION.has(w.norm)) return false;
  }
  return false;
}
