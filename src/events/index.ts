/**
 * The events stage: a report's words, times and places in; ACLED-style events, claims (plans,
 * orders, stances, money), territorial control, and the actors behind them out — each with the
 * spans and rules that support it.
 *
 * Order (each step reads the ones before it):
 *   1. doc      words, clauses, actor mentions, triggers and cue words; places and times on the words
 *   2. frames   one per trigger: who, whom, where, when, and its modality
 *   3. groups   frames that tell of one happening, merged; days and places filled from the report
 *   4. events   each group classified (ACLED type and sub-type), named, split per place, ranked
 *   5. claims   stances, plans, orders, conditions, money — and frames that did not happen
 *   6. control  who holds which place, from the events and from statements
 *   7. actors   every actor named in 4–6, once, with its mentions
 */
import {
  placePoint,
  spanOf,
  type Actor,
  type Claim,
  type Control,
  type Credibility,
  type DisorderType,
  type Event,
  type Evidence,
  type Gazetteer,
  type GeoPrecision,
  type InterCode,
  type Mention,
  type Modality,
  type Place,
  type RunContext,
  type Sentence,
  type Source,
  type Span,
  type TimeExpression,
  type Token,
  type Warning,
} from '../core/index.js';
import { actorDictionary, type ActorDictionary } from '../recognize/actors/dictionary.js';
import type { ActorMention } from '../recognize/actors/recognizer.js';
import { lexicons, type Lexicons } from '../recognize/triggers/index.js';
import { dayCount, fatalitiesPerPlace, groupFrames, type Group } from './assemble.js';
import { extractClaims, listIntro } from './claims.js';
import { classify, isState } from './classify.js';
import { extractControl } from './control.js';
import { credibilityOf } from './credibility.js';
import { buildDoc, earlyActors, reportWords, type Doc, type PlaceRef } from './doc.js';
import type { Word } from '../recognize/actors/words.js';
import { actorCountries, type ActorCountry } from '../resolve/actorCountries.js';
import { buildFrames, isCountry, type FrameCandidate } from './frames.js';
import { modalityOf } from './modality.js';
import { expand } from './roles.js';
import { nameActor, unidentified, type NamedActor, type Setting } from './naming.js';
import { writeNotes } from './notes.js';
import { gradeSource, sourceRegistry } from './sources.js';

export interface EventInput {
  readonly text: string;
  readonly sentences: readonly Sentence[];
  readonly tokens: readonly Token[];
  readonly times: readonly TimeExpression[];
  readonly places: readonly Place[];
  readonly source?: Source | null;
  /** The report's words from the early actor pass (reportActors), reused rather than made again. */
  readonly words?: readonly Word[];
}

export interface EventResult {
  /** The report's source: its outlet (given, or cited in the text) and the registry's reliability. */
  readonly source: Source;
  /** The times and places the events were read with (the earlier stages' ones). */
  readonly times: readonly TimeExpression[];
  readonly places: readonly Place[];
  readonly actors: Actor[];
  readonly events: Event[];
  readonly claims: Claim[];
  readonly control: Control[];
  readonly mentions: Mention[];
  readonly warnings: Warning[];
}

export interface EventOptions {
  readonly dictionary?: ActorDictionary;
  readonly lexicons?: Lexicons;
  /** User source-registry files (.txt, .json, .csv) rating outlets A–F; see sources.ts. */
  readonly sources?: readonly string[];
}

/** Cap on events per report: bounded work and output on hostile input; a warning says when it bites. */
export const MAX_EVENTS = 2_000;

/** Actor and trigger mentions read per report, at most. */
const MAX_ACTOR_MENTIONS = 20_000;

export interface ReportActors {
  /** The report's words (sentences and POS assigned), for extractEvents to reuse. */
  readonly words: readonly Word[];
  /** The countries of the actors named, as place evidence for the geoparser (actorCountries.ts). */
  readonly countries: readonly ActorCountry[];
}

/**
 * The early actor pass: the report's actors before its places are resolved, so the geoparser can
 * weigh their countries ("pro-Houthi forces shelled Hays": Yemen). Words only, no places.
 */
export function reportActors(ctx: RunContext, text: string, sentences: readonly Sentence[], tokens: readonly Token[], options: Pick<EventOptions, 'dictionary'> = {}): ReportActors {
  const dict = options.dictionary ?? actorDictionary();
  const ws = reportWords(text, sentences, tokens);
  const demonyms = new Set<string>();
  for (const c of dict.countries.values()) for (const d of c.demonyms) demonyms.add(d.toLowerCase());
  return { words: ws, countries: actorCountries(earlyActors(dict, text, ws, ctx.reference.date, MAX_ACTOR_MENTIONS), (w) => demonyms.has(w.toLowerCase())) };
}

export function extractEvents(ctx: RunContext, input: EventInput, options: EventOptions = {}): EventResult {
  const dict = options.dictionary ?? actorDictionary();
  const lex = options.lexicons ?? lexicons();
  const warnings: Warning[] = [];
  const maxMentions = MAX_ACTOR_MENTIONS;
  const times = input.times;
  // 1. The report on words.
  const doc = buildDoc(dict, lex, { text: input.text, sentences: input.sentences, tokens: input.tokens, times, places: input.places, reference: ctx.reference.date, maxMentions, ...(input.words ? { words: input.words } : {}) });
  if (doc.actors.length >= maxMentions || doc.triggers.length >= maxMentions) {
    warnings.push({ code: 'events.mentions-capped', stage: 'events', message: `more than ${maxMentions.toLocaleString('en')} actor or trigger words; the rest of the report was not read for events` });
  }
  ctx.debug('events', () => ({ actors: doc.actors.map((a) => `${a.kind}:${a.text}`), triggers: doc.triggers.map((t) => `${t.entries.map((e) => e.frame).join('/')}:${t.text}`) }));

  // Modality a list item inherits from its introduction ("… two steps must be taken: 1. … 2. …").
  const inheritCache = new Map<number, Modality[]>();
  const inheritList = (sentence: number): Modality[] => {
    if (!doc.listItem.has(sentence)) return [];
    const hit = inheritCache.get(sentence);
    if (hit) return hit;
    const intro = listIntro(doc, sentence);
    let out: Modality[] = [];
    if (intro !== null) {
      const cues = doc.modalityCues.filter((c) => doc.ws[c.from]!.sentence === intro && ['proposed', 'planned', 'ordered'].includes(c.value.modality));
      out = [...new Set(cues.map((c) => c.value.modality))];
    }
    inheritCache.set(sentence, out);
    return out;
  };

  // 2. Frames.
  const frames = buildFrames(doc, inheritList);
  ctx.debug('events', () => frames.map((f) => `frame ${f.frames.join('+')} "${f.trigger.text}" s${f.sentence} ${f.modality.modality} agents=[${f.agents.map((a) => a.text)}] patients=[${f.patients.map((a) => a.text)}] places=[${f.places.map((p) => p.place.name)}] time=${f.time?.time.span.text ?? '-'}`));

  // 3. Groups.
  const groups = groupFrames(doc, frames);
  const contextCountry = countryResolver(doc, ctx.gazetteer);
  const placeId = (p: PlaceRef) => p.place.id;

  // 4. Events.
  const ordered = [...groups].sort((a, b) => Number(a.background) - Number(b.background) || a.frames[0]!.sentence - b.frames[0]!.sentence || a.frames[0]!.trigger.from - b.frames[0]!.trigger.from);
  const events: Event[] = [];
  const named: NamedActor[] = [];
  const deniedFrames = frames.filter((f) => f.modality.denied);
  const claimed = responsibility(doc, groups);
  const summaries: Group[] = [];
  for (const g of ordered) {
    // "Since 2017, clashes … have resulted in six deaths", "the battles of the 1980s": a period of
    // months or years summed up is not one event (ACLED codes a day, a week or at most a month).
    if (isSummary(doc, g)) {
      summaries.push(g);
      continue;
    }
    if (events.length >= MAX_EVENTS) {
      warnings.push({ code: 'events.capped', stage: 'events', message: `more than ${MAX_EVENTS.toLocaleString('en')} events in one report; the rest are not listed` });
      break;
    }
    for (const e of eventsOfGroup(doc, g, contextCountry, deniedFrames, claimed.get(g) ?? null)) {
      named.push(...e.named);
      events.push({ ...e.event, id: `ev${events.length + 1}`, rank: events.length + 1 });
    }
  }

  if (summaries.length) {
    const quotes = summaries.map((g) => `"${g.time!.time.span.text}" (${g.frames.map((f) => f.trigger.text).join(', ')})`).join('; ');
    warnings.push({ code: 'events.period-summaries', stage: 'events', message: `${summaries.length} account${summaries.length > 1 ? 's' : ''} of a period longer than two months not coded as events: ${quotes}` });
  }

  // 5. Claims.
  const claimResult = extractClaims({ doc, frames, inheritList, contextCountry, placeId });
  named.push(...claimResult.named);

  // 6. Control.
  const control = extractControl({ doc, events, placeId, contextCountry });

  // 7. Actors and their mentions.
  const { actors, mentions } = actorRecords(doc, named);
  // 8. Source: the outlet and its reliability (the user's rating, else F).
  const grade = gradeSource(sourceRegistry(options.sources ?? []), input.text, input.source?.name ?? null, doc.ws);
  const source: Source = { name: grade.name, origin: input.source?.origin ?? 'inline', reliability: grade.reliability };
  return { source, times, places: doc.placeList, actors, events, claims: claimResult.claims, control, mentions, warnings };
}

/** Longest time an event may span: ACLED's coarsest precision is a month. */
const MAX_EVENT_DAYS = 62;

/**
 * A group told as the sum of a long period: its time spans more than two months, says "since" or
 * "during" ("Since 2017, …", "over the past year"), and frames a trigger of the group — before it
 * in its clause, or right after it. A long period elsewhere in the sentence ("… which has held the
 * town for the past three months") dates something else and does not make the group a summary.
 */
function isSummary(doc: Doc, g: Group): boolean {
  const t = g.time;
  const v = t?.time.value;
  if (!t || !v || g.timeInherited) return false;
  if (dayCount(v) <= MAX_EVENT_DAYS) return false;
  if (t.relation !== 'since' && t.relation !== 'during') return false;
  return g.frames.some((f) => f.sentence === t.sentence && (t.to <= f.trigger.from ? doc.clause[t.from] === f.clause : t.from >= f.trigger.to && t.from - f.trigger.to <= 3));
}

/**
 * The country a sentence is about: its own places first; else the report's country, by votes of
 * its places, the countries it names as places ("in Libya"), its demonyms ("Turkish troops") and its
 * actors' home countries (the Houthis are Yemeni).
 */
function countryResolver(doc: Doc, gazetteer: Gazetteer | null): (sentence: number) => string | null {
  const counts = new Map<string, number>();
  const vote = (c: string | null | undefined, n: number) => {
    if (c) counts.set(c, (counts.get(c) ?? 0) + n);
  };
  for (const p of doc.places) if (p.role === 'exact' || p.role === 'paren' || p.role === 'reference') vote(p.place.country, isCountry(p) ? 1 : 2);
  for (const a of doc.actors) {
    if (a.kind === 'country' && a.preposition && ['in', 'across', 'inside', 'throughout'].includes(a.preposition)) vote(a.countries[0], 2);
    else if (a.kind === 'named' && a.named!.country && !a.personal) vote(a.named!.country, 1);
    else if (a.kind === 'generic' && a.countries.length === 1 && a.rules.includes('actor/country+noun')) vote(a.countries[0], 0.5);
  }
  let main: string | null = null;
  for (const [c, n] of counts) if (!main || n > counts.get(main)!) main = c;
  // The gazetteer is asked only when an event or claim needs a country nothing else gave.
  let looked = false;
  const fallback = () => {
    if (!looked) {
      looked = true;
      main ??= namesCountry(doc, gazetteer);
    }
    return main;
  };
  return (sentence) => doc.places.find((p) => p.sentence === sentence && p.role === 'exact' && p.place.country)?.place.country ?? fallback();
}

/**
 * Countries the report's words tie the events to, apart from its towns: countries named as places
 * ("in Lebanon", 2 each) and the home countries of the non-state groups it names (the Houthis are
 * Yemeni, 1). A state's forces ("Israeli warplanes", "the Turkish army") act abroad: no vote.
 */
function wordCountries(doc: Doc): ReadonlyMap<string, number> {
  const counts = new Map<string, number>();
  const vote = (c: string | null | undefined, n: number) => {
    if (c) counts.set(c, (counts.get(c) ?? 0) + n);
  };
  const within = (prep: string | null) => !!prep && ['in', 'across', 'inside', 'throughout', 'within'].includes(prep);
  for (const p of doc.places) {
    if (isCountry(p) && (p.role === 'exact' || p.role === 'paren') && within(p.preposition)) vote(p.place.country, 2);
    // "21 Egyptians": people named by their country are where the report is.
    else if (p.place.usage === 'demonym') vote(p.place.country, 1);
  }
  for (const a of doc.actors) {
    if (a.kind === 'country' && within(a.preposition)) vote(a.countries[0], 2);
    else if (a.kind === 'named' && a.named!.country && !a.personal && a.named!.kind !== 'state' && a.named!.kind !== 'external') vote(a.named!.country, 1);
    // People are where they are: "Lebanese protesters", "21 Egyptians".
    else if (a.kind === 'generic' && a.countries.length === 1 && !['military', 'police', 'government', 'aircraft'].includes(a.generic!.cls)) vote(a.countries[0], 1);
  }
  return counts;
}

/**
 * The country of an event at a resolved place: the place's, unless the words support none of it
 * and do support another reading of the same name (Tripoli of Lebanon in a report about Lebanon),
 * or name a country outright ("the political system in Lebanon") — a lone town resolved abroad
 * ("al Sabah" in Malaysia) weighs less than the report saying where it is.
 */
function placeCountry(doc: Doc, ref: PlaceRef, byWords: ReadonlyMap<string, number>): string | null {
  const own = ref.place.country;
  if (!own || isCountry(ref)) return own;
  // The report's other towns count too ("the town of Kelly in Idleb province").
  const words = new Map(byWords);
  // Each other town once, by name ("the city" and "south of the city" repeat a town already read).
  const seen = new Set<string>([ref.place.gazetteerId ?? ref.place.name]);
  for (const p of doc.places) {
    const key = p.place.gazetteerId ?? p.place.name;
    if (seen.has(key) || isCountry(p) || !p.place.country || (p.role !== 'exact' && p.role !== 'paren') || (p.place.form && p.place.form !== 'name')) continue;
    seen.add(key);
    words.set(p.place.country, (words.get(p.place.country) ?? 0) + 1);
  }
  if ((words.get(own) ?? 0) > 0) return own;
  const support = (c: string) => words.get(c) ?? 0;
  // (Another reading of the name needs the words themselves, not another town that may be misread too.)
  const reading = (ref.place.candidates ?? []).map((c) => c.country).filter((c): c is string => !!c && (byWords.get(c) ?? 0) > 0).sort((a, b) => support(b) - support(a))[0];
  if (reading) return reading;
  const named = [...words].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1])[0];
  return named ? named[0] : own;
}

/** Capitalised runs looked up per report at most, when nothing else says where it is. */
const MAX_NAME_LOOKUPS = 12;

/**
 * A report whose words name no country and whose places the geoparser did not resolve ("blocked the
 * Qabb Elias road"): the country the gazetteer gives, unambiguously, for the report's capitalised
 * names the geoparser did not take — only populated places and divisions whose every exact match
 * lies in one country, and only a country that no other such name contradicts. It names the actors'
 * country; it never becomes a place of the event.
 */
function namesCountry(doc: Doc, gazetteer: Gazetteer | null): string | null {
  if (!gazetteer) return null;
  const ws = doc.ws;
  const covered = new Set<number>();
  for (const a of doc.actors) for (let i = a.from; i < a.to; i++) covered.add(i);
  for (const p of doc.places) for (let i = p.from; i < p.to; i++) covered.add(i);
  const votes = new Map<string, number>();
  let looked = 0;
  for (let i = 0; i < ws.length && looked < MAX_NAME_LOOKUPS; i++) {
    const w = ws[i]!;
    const first = i === 0 || ws[i - 1]!.sentence !== w.sentence;
    if (covered.has(i) || !/^\p{Lu}\p{Ll}/u.test(w.text) || (first && w.pos !== 'PROPN') || MONTHS.test(w.norm)) continue;
    let j = i + 1;
    while (j < ws.length && j - i < 3 && ws[j]!.sentence === w.sentence && !covered.has(j) && /^\p{Lu}/u.test(ws[j]!.text) && !MONTHS.test(ws[j]!.norm)) j++;
    const name = ws.slice(i, j).map((x) => x.text).join(' ');
    i = j - 1;
    looked++;
    const hits = gazetteer.lookup(name, { limit: 20, minLevel: 'folded' }).filter((c) => (c.entry.featureClass === 'P' || c.entry.featureClass === 'A') && c.entry.country);
    const countries = new Set(hits.map((c) => c.entry.country));
    if (countries.size === 1) {
      const c = [...countries][0]!;
      votes.set(c, (votes.get(c) ?? 0) + 1);
    }
  }
  return votes.size === 1 ? [...votes.keys()][0]! : null;
}

const MONTHS = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;

interface Built {
  readonly event: Omit<Event, 'id' | 'rank'>;
  readonly named: NamedActor[];
}

const DISORDER: Record<string, DisorderType> = {
  Battles: 'Political violence',
  'Explosions/Remote violence': 'Political violence',
  'Violence against civilians': 'Political violence',
  Protests: 'Demonstrations',
  Riots: 'Demonstrations',
  'Strategic developments': 'Strategic developments',
};

/** Family of a frame, for matching a denial to an event ("denied its jets struck" ↔ an air strike). */
function family(f: string): string {
  return ['protest', 'riot', 'mob', 'intervene', 'excessive'].includes(f) ? 'demo' : ['arrest', 'agreement', 'hq', 'change', 'weapons', 'loot', 'transfer', 'other'].includes(f) ? f : 'violence';
}

/**
 * "The Taliban claimed responsibility for the blast": the claimant is the perpetrator of the event
 * told just before, when the report names no other. Returns the claimant per group.
 */
function responsibility(doc: Doc, groups: readonly Group[]): Map<Group, ActorMention> {
  const out = new Map<Group, ActorMention>();
  const ws = doc.ws;
  for (let i = 0; i < ws.length; i++) {
    if (ws[i]!.head !== 'cla' || !/^claim(?:ed|s|ing)?$/.test(ws[i]!.norm)) continue;
    const next = ws.slice(i + 1, i + 4).map((w) => w.norm);
    if (!(next[0] === 'responsibility' || (next[0] === 'the' && /^(?:attack|bombing|blast|killing|kidnapping|abduction|assault|explosion|ambush|raid)s?$/.test(next[1] ?? '')))) continue;
    const sentence = ws[i]!.sentence;
    if (ws.slice(Math.max(0, i - 3), i).some((w) => ['no', 'nobody', 'none', 'not', 'neither'].includes(w.norm))) continue;
    const claimant = [...doc.actors].reverse().find((a) => a.sentence === sentence && a.to <= i && !a.preposition);
    if (!claimant) continue;
    const g = [...groups].reverse().find((x) => x.frames.some((f) => f.sentence <= sentence && sentence - f.sentence <= 2));
    if (g && !out.has(g)) out.set(g, claimant);
  }
  return out;
}

function eventsOfGroup(doc: Doc, g: Group, contextCountry: (s: number) => string | null, denied: readonly FrameCandidate[], claimant: ActorMention | null): Built[] {
  // Two mentions of one place ("Ariha" in the report and in the denial) are the same place: compare
  // what they resolve to, or, unresolved, their names.
  const samePlace = (p: PlaceRef) => p.place.gazetteerId ?? `name:${p.place.mention.span.text.toLowerCase()}`;
  const exactIds = new Set(g.places.map(samePlace));
  const contestedBy = denied.filter((d) => d.places.length === 0 || d.places.some((p) => exactIds.has(samePlace(p))));
  const contested = new Set(contestedBy.flatMap((d) => d.frames).filter((f) => f === 'capture' || f === 'transfer'));
  const cls = classify(g.frames, doc.text, { contested });
  const decisive = g.frames.find((f) => f.frames.includes(cls.decisive)) ?? g.frames[0]!;
  const setting: Setting = cls.eventType === 'Protests' ? 'protest' : cls.eventType === 'Riots' ? 'riot' : 'event';
  const exact = g.places.filter((p) => !isCountry(p));
  const fine = exact.filter((p) => geoOf(p.place) === 1);
  // A town named as a reference ("south of Sheikh Zuweiyid") is closer than a whole region.
  const useNear = g.nearPlace && !fine.length && g.nearPlace.place.lat !== null && geoOf(g.nearPlace.place) === 1;
  const targets: { ref: PlaceRef | null; geo: GeoPrecision | null; how: string }[] = exact.length && !useNear
    ? exact.map((p) => located(doc, p, g.placeInherited))
    : g.nearPlace
      ? [{ ref: g.nearPlace, geo: 2 as GeoPrecision, how: 'location/near-reference-point' }]
      : g.countryPlace
        ? [{ ref: g.countryPlace, geo: 3 as GeoPrecision, how: 'location/country-only' }]
        : [{ ref: null, geo: null, how: 'location/unknown' }];
  const deaths = fatalitiesPerPlace(g, targets.length);
  const out: Built[] = [];
  const modality: Modality = g.frames.some((f) => f.modality.modality === 'reported') ? 'reported' : 'occurred';
  const isDenied = contestedBy.some((d) => d.frames.some((x) => g.frames.some((f) => f.frames.some((y) => family(y) === family(x)))));
  const credibility: Credibility = credibilityOf({ modalities: [modality], hedged: modality === 'reported', denied: isDenied, corroborations: 0 });

  const words = wordCountries(doc);
  targets.forEach((t, k) => {
    const country = (t.ref ? placeCountry(doc, t.ref, words) : null) ?? contextCountry(decisive.sentence);
    const when = g.time?.time.value?.start ?? doc.reference;
    const pick = (ms: readonly ActorMention[], s: Setting) => dedupe(ms.map((m) => nameActor(doc.dict, m, country, s, when)));
    const { side1: s1, side2, rules: actorRules } = sides(doc, g, cls.eventType, cls.subEventType, decisive, country, setting, pick);
    // An unnamed perpetrator, and a group that claimed the attack: the claimant (as claimed).
    let side1 = s1;
    // (A claim of responsibility outranks an actor merely named near the event.)
    if (claimant && (!s1.length || actorRules.includes('actor1/named-nearby') || s1.every((x) => x.mentions.length === 0 || /^Unidentified/.test(x.name)))) {
      side1 = pick(expand(claimant), 'event');
      actorRules.splice(0, actorRules.length, ...actorRules.filter((r) => r !== 'actor1/named-nearby'), 'actor1/claimed-responsibility');
    }
    const a1 = side1[0] ?? null;
    const a2 = side2.filter((x) => x.name !== a1?.name)[0] ?? null;
    const assoc1 = [...side1.slice(1).map((x) => x.name), ...side1.flatMap((x) => x.associated)].filter((n, i, arr) => n !== a1?.name && arr.indexOf(n) === i);
    const assoc2 = [...side2.filter((x) => x !== a2 && x.name !== a1?.name).map((x) => x.name), ...(a2?.associated ?? [])].filter((n, i, arr) => n !== a2?.name && arr.indexOf(n) === i);
    const inter1 = (a1?.inter ?? 0) as InterCode;
    const inter2 = (a2?.inter ?? 0) as InterCode;
    const interaction = inter2 ? Math.min(inter1, inter2) * 10 + Math.max(inter1, inter2) : inter1 * 10;
    const disorderType: DisorderType =
      cls.subEventType === 'Excessive force against protesters' ? 'Political violence; Demonstrations' : cls.subEventType === 'Mob violence' ? 'Political violence' : DISORDER[cls.eventType]!;
    const civilianTargeting = cls.eventType === 'Violence against civilians' || (a2?.inter === 7 && ['Explosions/Remote violence', 'Riots'].includes(cls.eventType));
    const tv = g.time?.time.value ?? null;
    const fatal = deaths[k] ?? 0;
    const basis = !g.fatalities || g.fatalities.n === 0 ? 'none' : targets.length > 1 ? 'split' : g.fatalities.basis;
    const triggerSpans = g.frames.map((f) => spanOf(doc.text, f.trigger.start, f.trigger.end));
    const mentionSpans = (xs: readonly NamedActor[]) => xs.flatMap((x) => x.mentions.map((m) => spanOf(doc.text, m.start, m.end)));
    const fields: Record<string, Evidence> = {
      eventType: { spans: [spanOf(doc.text, decisive.trigger.start, decisive.trigger.end)], rules: cls.rules, reason: `"${decisive.trigger.text}" (${cls.decisive}) decides ${cls.eventType} / ${cls.subEventType}` },
      actor1: { spans: a1 ? mentionSpans([a1]) : [], rules: actorRules.filter((r) => r.startsWith('actor1')), ...(a1 && !a1.mentions.length ? { reason: 'not named in the report: ACLED’s unidentified actor' } : {}) },
      actor2: { spans: a2 ? mentionSpans([a2]) : [], rules: actorRules.filter((r) => r.startsWith('actor2')) },
      date: { spans: g.time ? [g.time.time.span] : [], rules: g.time ? [g.timeInherited ? 'date/inherited-from-report' : 'date/stated-in-sentence', ...g.time.time.evidence.rules] : ['date/unknown'] },
      location: { spans: t.ref ? [t.ref.place.mention.span] : [], rules: [t.how] },
      fatalities: { spans: g.fatalities?.spans ?? [], rules: g.fatalities ? [...g.fatalities.rules, ...(targets.length > 1 ? ['fatalities/split-over-places'] : [])] : ['fatalities/none-reported'] },
      modality: { spans: g.frames.flatMap((f) => f.modality.spans), rules: g.frames.flatMap((f) => f.modality.rules) },
    };
    const allSpans = sortSpans([...triggerSpans, ...Object.values(fields).flatMap((f) => f.spans)]);
    const quoteSentences = [...new Set(g.frames.map((f) => f.sentence))].slice(0, 3);
    const quote = quoteSentences.map((s) => doc.sentences[s]!.span.text).join(' ');
    const others = targets.filter((_, i) => i !== k).map((x) => x.ref?.place.name ?? '').filter(Boolean);
    const event: Omit<Event, 'id' | 'rank'> = {
      eventType: cls.eventType,
      subEventType: cls.subEventType,
      actor1: a1?.name ?? null,
      actor2: a2?.name ?? null,
      time: tv,
      placeId: t.ref?.place.id ?? null,
      fatalities: fatal,
      modality,
      credibility,
      notes: writeNotes({ subEventType: cls.subEventType, actor1: a1?.name ?? null, actor2: a2?.name ?? null, fatalities: fatal, fatalityBasis: basis, date: tv?.start ?? null, end: tv?.end ?? null, timePrecision: tv?.acledPrecision ?? null, modality }, t.ref?.place.name ?? null, quote, others),
      evidence: { spans: allSpans, rules: [...new Set([...g.frames.flatMap((f) => f.rules), ...cls.rules])], reason: `${cls.eventType} / ${cls.subEventType}: ${g.frames.map((f) => `"${f.trigger.text}"`).join(', ')}` },
      disorderType,
      assocActor1: assoc1,
      assocActor2: assoc2,
      inter1,
      inter2,
      interaction,
      civilianTargeting,
      date: tv?.start ?? null,
      timePrecision: tv ? (g.timeInherited && tv.acledPrecision === 1 && !sameSentenceTime(g) ? tv.acledPrecision : tv.acledPrecision) : null,
      timeId: g.time && !g.timeInherited ? g.time.time.id : (g.time?.time.id ?? null),
      geoPrecision: t.geo,
      country,
      fatalityBasis: basis,
      fields,
    };
    out.push({ event, named: [...side1, ...side2] });
  });
  return out;
}

function sameSentenceTime(g: Group): boolean {
  return !!g.time && g.frames.some((f) => f.sentence === g.time!.sentence);
}

/**
 * Where an event is coded: its place; when the gazetteer does not know that place, the place that
 * contains it in the text ("Mitiga Airport (Tripoli)", "Laboue in Baalbek") at a coarser precision.
 */
function located(doc: Doc, p: PlaceRef, inherited: boolean): { ref: PlaceRef; geo: GeoPrecision | null; how: string } {
  const how = inherited ? 'location/inherited' : 'location/stated';
  if (p.place.lat !== null) return { ref: p, geo: p.place.geoPrecision ?? geoOf(p.place), how };
  // The finest of the containers stated right after it: "Hajlah area in northwestern Yemen
  // (Razih, Sadah)" is coded at Razih, not at Yemen.
  const stated = doc.places.filter((q) => q.sentence === p.sentence && q.from >= p.to && q.from - p.to <= 6 && q.place.lat !== null && (q.role === 'paren' || q.role === 'exact'));
  const container = stated.reduce<PlaceRef | undefined>((best, q) => (!best || geoOf(q.place) < geoOf(best.place) ? q : best), undefined);
  if (container) return { ref: container, geo: geoOf(container.place) === 3 ? 3 : 2, how: `${how}/container-of-unknown-place` };
  // Unknown to the gazetteer but placed by the text ("southwest of Sirte"): coded at that
  // approximation, at its coarser precision.
  const approx = placePoint(p.place);
  if (approx) return { ref: p, geo: approx.geoPrecision, how: `${how}/approximate` };
  return { ref: p, geo: p.place.geoPrecision ?? null, how: `${how}/unresolved` };
}

function geoOf(p: Place): GeoPrecision {
  const fc = p.featureCode ?? '';
  if (/^PCL/.test(fc) || fc === 'ADM1' || fc === 'RGN') return 3;
  if (/^ADM/.test(fc)) return 2;
  return 1;
}

/** The two sides of an event, by ACLED's conventions for each type, with defaults for unnamed sides. */
function sides(
  doc: Doc,
  g: Group,
  eventType: string,
  sub: string,
  decisive: FrameCandidate,
  country: string | null,
  setting: Setting,
  pick: (ms: readonly ActorMention[], s: Setting) => NamedActor[],
): { side1: NamedActor[]; side2: NamedActor[]; rules: string[] } {
  const rules: string[] = [];
  const agentsOf = (fs: readonly FrameCandidate[]) => fs.flatMap((f) => f.agents);
  const patientsOf = (fs: readonly FrameCandidate[]) => fs.flatMap((f) => f.patients);
  const others = g.frames.filter((f) => f !== decisive);
  let side1: NamedActor[] = [];
  let side2: NamedActor[] = [];
  const isPeople = (m: ActorMention) => m.kind === 'generic' && ['people', 'protesters', 'rioters', 'civilians'].includes(m.generic!.cls);
  if (eventType === 'Protests' || eventType === 'Riots') {
    const sentences = new Set(g.frames.map((f) => f.sentence));
    // "Thousands of protesters marched": the word for the demonstrators is often the trigger itself.
    const named = doc.actors.filter((a) => sentences.has(a.sentence) && isPeople(a) && g.frames.some((f) => f.trigger.start < a.end && a.start < f.trigger.end));
    const all = [...named, ...agentsOf([decisive, ...others]), ...patientsOf([decisive, ...others])];
    const rank = (m: ActorMention) => (m.kind === 'generic' && (m.generic!.cls === 'protesters' || m.generic!.cls === 'rioters') ? 0 : 1);
    const demonstrators = all.filter(isPeople).sort((a, b) => rank(a) - rank(b));
    side1 = pick(demonstrators.length ? demonstrators : [], setting);
    // "Hundreds of police officers protested": the police are the demonstrators here, not the
    // force that met them, unless the report says they intervened.
    const intervened = g.frames.some((f) => f.frames.some((x) => x === 'intervene' || x === 'excessive' || x === 'arrest'));
    const protesting = new Set(g.frames.filter((f) => f.frames.some((x) => x === 'protest' || x === 'riot')).flatMap((f) => f.agents));
    const forces = all.filter((m) => !isPeople(m) && isState(m) && (intervened || !protesting.has(m)));
    side2 = pick(forces, 'event');
    if (sub === 'Mob violence') {
      side2 = pick(patientsOf(g.frames).filter((m) => !side1.some((s) => s.mentions.includes(m))), 'event');
      if (!side2.length) side2 = [unidentified(doc.dict, 'civilians', country)];
    }
    if (!side1.length) {
      side1 = [unidentified(doc.dict, setting === 'riot' ? 'rioters' : 'protesters', country)];
      rules.push('actor1/default-demonstrators');
    }
    rules.push('actor1/demonstrators', 'actor2/intervening-forces');
    return { side1, side2, rules };
  }
  side1 = pick(decisive.agents.length ? decisive.agents : agentsOf(others), 'event');
  side2 = pick(decisive.patients.length ? decisive.patients : patientsOf(others), 'event').filter((x) => !side1.some((s) => s.name === x.name));
  if (!side2.length) {
    // The other side of a fight may be the agent of another frame ("X attacked; Y responded").
    const otherAgents = pick(agentsOf(others), 'event').filter((x) => !side1.some((s) => s.name === x.name));
    if (eventType === 'Battles') side2 = otherAgents;
  }
  if (!side1.length && side2.length && (eventType === 'Battles' || eventType === 'Strategic developments')) {
    side1 = side2;
    side2 = [];
  }
  // "X and Y signed a ceasefire", "X and Y clashed": two sides named together face each other.
  if (!side2.length && side1.length >= 2 && (sub === 'Agreement' || eventType === 'Battles')) {
    side2 = side1.slice(1);
    side1 = side1.slice(0, 1);
  }
  rules.push('actor1/agent', 'actor2/target');
  // An armed actor the report names near the event that no role reached ("pro-Hadi forces …
  // responded to pro-Houthi shelling", "LNA aircraft were also used"): ACLED codes the actor the
  // report names rather than an unnamed side.
  if (!side1.length || (!side2.length && (eventType === 'Battles' || eventType === 'Explosions/Remote violence'))) {
    const spare = pick(nearbyArmed(doc, g, decisive, eventType === 'Battles' || eventType === 'Strategic developments'), 'event').filter((x) => !side1.some((s) => s.name === x.name) && !side2.some((s) => s.name === x.name));
    if (!side1.length && spare.length) {
      side1 = [spare.shift()!];
      rules.push('actor1/named-nearby');
    }
    if (!side2.length && spare.length && (eventType === 'Battles' || eventType === 'Explosions/Remote violence')) {
      side2 = [spare.shift()!];
      rules.push('actor2/named-nearby');
    }
  }
  if (!side1.length) {
    if (eventType === 'Explosions/Remote violence' && sub === 'Air/drone strike') side1 = [unidentified(doc.dict, 'aircraft', country)];
    else if (sub === 'Arrests') side1 = [unidentified(doc.dict, 'police', country)];
    else if (eventType !== 'Strategic developments') side1 = [unidentified(doc.dict, 'armed', country)];
    if (side1.length) rules.push('actor1/unidentified');
  }
  if (!side2.length) {
    if (eventType === 'Violence against civilians') side2 = [unidentified(doc.dict, 'civilians', country)];
    else if (eventType === 'Battles') side2 = [unidentified(doc.dict, 'armed', country)];
    if (side2.length) rules.push('actor2/unidentified');
  }
  // Victims of violence against civilians are civilians, whatever their trade.
  if (eventType === 'Violence against civilians') side2 = side2.map((x) => (x.inter === 7 ? x : x));
  return { side1, side2, rules };
}

/** How far (in sentences) an unattached actor may be from the event it is coded to. */
const NEARBY_SENTENCES = 2;
const GUESS_WORDS = new Set(['thought', 'believed', 'suspected', 'suspect', 'suspects', 'speculation', 'speculated', 'fearing', 'feared', 'unclear', 'unknown', 'possibly', 'perhaps', 'might', 'blamed', 'blame', 'accused', 'accusing']);

/** "No group has claimed the attack, but the area is a stronghold of JNIM": a guess, not a side. */
function unclaimed(doc: Doc, k: number): boolean {
  if (!/^claim(?:ed|s)?$/.test(doc.ws[k]!.norm)) return false;
  for (let j = k - 1; j >= Math.max(0, k - 4) && doc.ws[j]!.sentence === doc.ws[k]!.sentence; j--) if (['no', 'not', 'nobody', "hasn't", 'yet'].includes(doc.ws[j]!.norm)) return true;
  return false;
}

/**
 * Armed actors named by name (groups, state forces, a country acting) in the event's sentences or
 * near them, nearest first: people, civilians, leaders and places ("in Libya") are not sides.
 */
function nearbyArmed(doc: Doc, g: Group, decisive: FrameCandidate, withGeneric: boolean): ActorMention[] {
  const sentences = new Set(g.frames.map((f) => f.sentence));
  const distance = (a: ActorMention) => (sentences.has(a.sentence) ? 0 : Math.abs(a.sentence - decisive.sentence));
  const armed = (a: ActorMention) => {
    if (a.personal) return false;
    if (a.kind === 'named') return !['civilians', 'protesters', 'rioters'].includes(a.named!.kind);
    if (a.kind === 'state' || a.kind === 'communal') return true;
    if (a.kind === 'country') return !a.preposition || !['in', 'across', 'inside', 'throughout', 'to', 'from', 'of', 'with', 'and'].includes(a.preposition);
    // State forces and authorities by their words ("security forces", "the governorship") take part
    // in a fight or a strategic move; near an attack or a bomb they are as often its victims.
    if (a.kind === 'generic') return withGeneric && ['military', 'police', 'government', 'aircraft'].includes(a.generic!.cls) && !isNotASide(doc, a);
    return false;
  };
  // A sentence that only guesses who did it ("thought to have been behind", "speculation ranging
  // from …") names no side: ACLED keeps such an event's perpetrator unidentified.
  const guessed = new Set(doc.ws.filter((w, k) => GUESS_WORDS.has(w.norm) || unclaimed(doc, k)).map((w) => w.sentence));
  return doc.actors
    .filter((a) => armed(a) && distance(a) <= NEARBY_SENTENCES && !guessed.has(a.sentence))
    .map((a) => ({ a, d: distance(a) }))
    // Nearest sentence first; there, a name before words for state forces ("IS" before "a soldier").
    .sort((x, y) => x.d - y.d || Number(x.a.kind === 'generic') - Number(y.a.kind === 'generic') || Math.abs(x.a.from - decisive.trigger.from) - Math.abs(y.a.from - decisive.trigger.from))
    .map((x) => x.a);
}

// Reporting verbs only: "the governorship announced a curfew" is the governorship acting.
const SPEECH = new Set(['said', 'says', 'say', 'told', 'tells', 'added']);

/**
 * "…, local officials said", "according to the authorities": who tells of the event, not a side;
 * nor "its patrols", "their forces": the words of an actor named already.
 */
function isNotASide(doc: Doc, a: ActorMention): boolean {
  const before = doc.ws[a.from - 1];
  if (before && before.sentence === a.sentence && ['its', 'their', 'his', 'her'].includes(before.norm)) return true;
  const next = doc.ws[a.to];
  if (next && next.sentence === a.sentence && SPEECH.has(next.norm)) return true;
  const k = a.from - 2;
  return k >= 0 && doc.ws[k]!.norm === 'according' && doc.ws[k + 1]!.norm === 'to';
}

function dedupe(xs: readonly NamedActor[]): NamedActor[] {
  const seen = new Map<string, NamedActor>();
  for (const x of xs) {
    const prev = seen.get(x.name);
    seen.set(x.name, prev ? { ...prev, mentions: [...prev.mentions, ...x.mentions], associated: [...new Set([...prev.associated, ...x.associated])] } : x);
  }
  return [...seen.values()];
}

function sortSpans(spans: readonly Span[]): Span[] {
  const seen = new Set<string>();
  return [...spans].sort((a, b) => a.start - b.start || a.end - b.end).filter((s) => (seen.has(`${s.start}:${s.end}`) ? false : (seen.add(`${s.start}:${s.end}`), true)));
}

/** One Actor per name, with every mention that led to it; actor mentions for the model's list. */
function actorRecords(doc: Doc, named: readonly NamedActor[]): { actors: Actor[]; mentions: Mention[] } {
  const byName = new Map<string, NamedActor>();
  for (const n of named) {
    const prev = byName.get(n.name);
    byName.set(n.name, prev ? { ...prev, mentions: [...prev.mentions, ...n.mentions], associated: [...new Set([...prev.associated, ...n.associated])] } : n);
  }
  const mentions: Mention[] = doc.actors.map((a, i) => ({
    id: `am${i + 1}`,
    span: spanOf(doc.text, a.start, a.end),
    type: 'actor',
    evidence: { spans: a.antecedents.map((x) => spanOf(doc.text, x.start, x.end)), rules: [...a.rules] },
  }));
  const idOf = new Map(doc.actors.map((a, i) => [a, mentions[i]!]));
  let n = 0;
  const actors: Actor[] = [...byName.values()].map((a) => {
    const ms = [...new Set(a.mentions)].map((m) => idOf.get(m)).filter((m): m is Mention => !!m);
    return {
      id: `ac${++n}`,
      name: a.name,
      inter: a.inter,
      country: a.country,
      mentions: ms,
      evidence: { spans: ms.map((m) => m.span), rules: [a.entryId ? `actor/entry/${a.entryId}` : a.mentions.length ? 'actor/typed-by-words' : 'actor/unidentified'] },
      kind: a.kind,
      entryId: a.entryId,
      parent: a.parent,
      associated: a.associated,
    };
  });
  return { actors, mentions };
}

export { modalityOf };
