/**
 * The one model shared by the CLI, the HTTP API, the UI and the exports.
 *
 * A `Document` is what ingest and text cleaning make of one report; an `Extraction` is everything the
 * later stages derive from it. Every derived thing carries `Evidence`: the spans that support it and
 * the rules (tags) that made it, so a reviewer can see why.
 */
import type { OffsetMap, Span } from './span.js';
import type { Warning } from './errors.js';

/** Where a value came from: written in the text, implied by it, given by the user, or guessed. */
export type Provenance = 'stated' | 'implied' | 'given' | 'inferred' | 'unknown';

/** The support for a derived value: spans in the clean text and the rules that fired. */
export interface Evidence {
  readonly spans: readonly Span[];
  /** Rule tags, e.g. `time/range/day-day`, `boilerplate/print-friendly`. */
  readonly rules: readonly string[];
  /** A sentence a person can read. */
  readonly reason?: string;
}

// ---------------------------------------------------------------------------------------------
// Source and document

/** NATO Admiralty source reliability (A completely reliable … F cannot be judged). */
export type Reliability = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
/** NATO Admiralty information credibility (1 confirmed … 6 cannot be judged). */
export type Credibility = 1 | 2 | 3 | 4 | 5 | 6;

export interface Source {
  /** Outlet name as known, e.g. "DEBKA Weekly"; null when unknown. */
  readonly name: string | null;
  /** Where the input came from: a file path, `stdin`, `inline`, or a URL. */
  readonly origin: string;
  readonly reliability: Reliability;
}

/** How the publication date was learned. */
export type PublishedHow =
  | 'option' // --published on the command line (or the API's field)
  | 'meta' // <meta property="article:published_time"> and friends
  | 'json-ld' // schema.org datePublished
  | 'time-element' // <time datetime>
  | 'url' // /2016/05/13/ in the URL
  | 'dateline'; // a date at the head of the text

export interface PublishedDate {
  /** ISO 8601: a calendar date (YYYY-MM-DD) or an instant with offset. */
  readonly value: string;
  /** Calendar date (YYYY-MM-DD) in the run's timezone. */
  readonly date: string;
  readonly how: PublishedHow;
  /** The raw string it was read from (meta content, URL path, …). */
  readonly raw: string;
}

export interface LanguageGuess {
  /** ISO 639-3 code as the detector gives it (`eng`), or `und` when too little text. */
  readonly code: string;
  readonly isEnglish: boolean;
  /** 0..1, the detector's margin; low for short texts. */
  readonly confidence: number;
}

/**
 * A piece of the input removed by cleaning, kept so removal is never silent. It holds offsets, not
 * the text, so that furniture never reappears in the record; `removedText(doc, r)` reads it back.
 */
export interface Removed {
  /** Offsets into the source (see OffsetMap.sourceKind). */
  readonly sourceStart: number;
  readonly sourceEnd: number;
  /** The boilerplate rule that matched, e.g. `print-friendly`. */
  readonly rule: string;
}

/** The text of a removed piece, read back from the document's source text. */
export function removedText(doc: Pick<Document, 'sourceText'>, r: Removed): string {
  return doc.sourceText.slice(r.sourceStart, r.sourceEnd);
}

export type InputKind = 'text' | 'html';

export interface Document {
  readonly id: string;
  readonly source: Source;
  readonly title: string | null;
  readonly byline: string | null;
  readonly url: string | null;
  readonly published: PublishedDate | null;
  readonly language: LanguageGuess;
  readonly inputKind: InputKind;
  /** The clean text every span indexes. */
  readonly text: string;
  /** From clean-text offsets back to the input. */
  readonly offsetMap: OffsetMap;
  /**
   * The text the offset map points into (the input itself, or the text extracted from HTML). The
   * JSON view leaves it out unless asked (`--include-source`): the user has the input already.
   */
  readonly sourceText: string;
  readonly removed: readonly Removed[];
}

// ---------------------------------------------------------------------------------------------
// Text

export type TokenKind = 'word' | 'number' | 'punctuation' | 'symbol' | 'other';

export interface Token {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly kind: TokenKind;
  /** Universal POS tag from wink-nlp (PROPN, NOUN, VERB, …). */
  readonly pos: string;
  /** Index of the sentence holding the token. */
  readonly sentence: number;
}

export interface Sentence {
  readonly span: Span;
  /** Index of the first token and one past the last. */
  readonly tokenStart: number;
  readonly tokenEnd: number;
}

// ---------------------------------------------------------------------------------------------
// Time

/** Granularity of a resolved time value. */
export type TimeGranularity = 'day' | 'week' | 'month' | 'season' | 'year';

/** ACLED time_precision: 1 day known, 2 range of days or week, 3 month (or coarser). */
export type AcledTimePrecision = 1 | 2 | 3;

/** How a time expression relates the event to its value. */
export type TimeRelation =
  | 'at' // on May 5, last week
  | 'since' // since April 27: from the value to the reference time
  | 'until' // until June 23: from the reference time up to the value
  | 'before'
  | 'after'
  | 'during'; // over the last few days, at the beginning of the year

export interface TimeValue {
  /** First calendar day covered (YYYY-MM-DD), inclusive. */
  readonly start: string;
  /** Last calendar day covered (YYYY-MM-DD), inclusive. */
  readonly end: string;
  readonly granularity: TimeGranularity;
  readonly acledPrecision: AcledTimePrecision;
}

export interface TimeExpression {
  readonly id: string;
  readonly span: Span;
  /** `date` a point, `range` an explicit range, `relative` anchored to the reference, `vague` a fuzzy period. */
  readonly kind: 'date' | 'range' | 'relative' | 'vague';
  readonly relation: TimeRelation;
  /** Null when it cannot be resolved (no reference and no year evidence). */
  readonly value: TimeValue | null;
  /** Where the year came from. */
  readonly year: Provenance;
  readonly evidence: Evidence;
}

/** The reference year when none was given, inferred from the text (or not). */
export interface YearInference {
  readonly year: number | null;
  readonly provenance: Provenance;
  readonly evidence: Evidence;
}

// ---------------------------------------------------------------------------------------------
// Later stages: mentions, places, actors, events, claims (filled by recognize/resolve/events)

export type MentionType = 'place' | 'actor' | 'person' | 'organization' | 'other';

export interface Mention {
  readonly id: string;
  readonly span: Span;
  readonly type: MentionType;
  readonly evidence: Evidence;
}

/** ACLED geo_precision: 1 the place itself, 2 near it or part of a region, 3 a larger region. */
export type GeoPrecision = 1 | 2 | 3;

export interface Place {
  readonly id: string;
  readonly mention: Mention;
  /** Gazetteer id (`geonames:2210554`), or null when unresolved. */
  readonly gazetteerId: string | null;
  readonly name: string;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly country: string | null;
  readonly featureCode: string | null;
  readonly geoPrecision: GeoPrecision | null;
  readonly score: number;
  readonly evidence: Evidence;
  /** First-level administrative division's name, when the gazetteer knows it (ACLED's admin1). */
  readonly admin1?: string | null;
  // --- geoparser detail (optional, so other producers of places need not fill it) ---
  /** How the mention is written: a name ("Sirte"), an adjective ("Libyan"), or a noun phrase ("the city"). */
  readonly form?: PlaceForm;
  /** How the name is used where it stands; only `literal` places can be where an event happened. */
  readonly usage?: PlaceUsage;
  /** What kind of place the text or the gazetteer says it is. */
  readonly kind?: PlaceKind;
  /** Ranked gazetteer candidates the resolver weighed (best first, capped). */
  readonly candidates?: readonly PlaceCandidate[];
  /** The best candidate not chosen, when there was one: the doubt a reviewer should see. */
  readonly runnerUp?: PlaceCandidate | null;
  /** Why the place has no gazetteer entry (not in the gazetteer, ambiguous, abstained), or null. */
  readonly unresolvedReason?: string | null;
  /** Where the text puts the place relative to others ("southwest of Sirte"): an approximation. */
  readonly relative?: RelativeLocation | null;
  /** For "the city" and other nominal mentions: the id of the place it refers back to. */
  readonly refersTo?: string | null;
}

/** `relative` is a location stated relative to places ("halfway between Sirte and Misrata"). */
export type PlaceForm = 'name' | 'adjective' | 'nominal' | 'relative';

/**
 * How a place name is used (after GeoWebNews's taxonomy): `literal` the place itself ("fighting in
 * Sirte"); `metonymic` its government, army, team or people ("Britain informed", "Washington
 * said"); `modifier` a noun modifier ("the Sirte offensive", "Libyan forces"); `demonym` its people
 * ("the French are ready"); `embedded` part of another name ("the Washington Post"); `language`.
 */
export type PlaceUsage = 'literal' | 'metonymic' | 'modifier' | 'demonym' | 'embedded' | 'language';

export type PlaceKind =
  | 'country'
  | 'admin'
  | 'city'
  | 'water'
  | 'mountain'
  | 'valley'
  | 'region'
  | 'continent'
  | 'facility'
  | 'street'
  | 'organization'
  | 'other';

/** One gazetteer entry the resolver weighed for a mention. */
export interface PlaceCandidate {
  readonly gazetteerId: string;
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
  readonly country: string;
  readonly featureCode: string;
  readonly population: number;
  /** 0..1, comparable among the candidates of one mention. */
  readonly score: number;
  /** The evidence for and against, e.g. `population 80,000`, `in the document's focus country LY`. */
  readonly reasons: readonly string[];
}

/** Where a place sits on the map: its own coordinates, or the text's approximation of it. */
export interface PlacePoint {
  readonly lat: number;
  readonly lon: number;
  readonly geoPrecision: GeoPrecision;
  /** True when the point comes from a relative location ("southwest of Sirte"), not the place itself. */
  readonly approximate: boolean;
}

/**
 * The point to map or code a place at: its resolved coordinates, else the approximation its
 * relative location gives (an unresolved town "southwest of Sirte" at Sirte, geo_precision 3),
 * else null. Exports and events use this one rule so they never disagree.
 */
export function placePoint(p: Place): PlacePoint | null {
  if (p.lat !== null && p.lon !== null) return { lat: p.lat, lon: p.lon, geoPrecision: p.geoPrecision ?? 1, approximate: false };
  const r = p.relative;
  if (r && r.lat !== null && r.lon !== null) return { lat: r.lat, lon: r.lon, geoPrecision: r.geoPrecision, approximate: true };
  return null;
}

/** A location stated relative to other places: "halfway between Sirte and Misrata". */
export interface RelativeLocation {
  readonly relation: 'near' | 'outskirts' | 'direction' | 'between' | 'distance' | 'in';
  /** The words that state it ("southwest of its stronghold, the city of Sirte"). */
  readonly span: Span;
  /** Ids of the places it is relative to. */
  readonly anchors: readonly string[];
  /** Compass direction from the anchor, when stated: N, NE, E, SE, S, SW, W, NW. */
  readonly direction: string | null;
  /** Distance from the anchor in km, when stated. */
  readonly distanceKm: number | null;
  /** The approximate point (null when the anchors are unresolved). */
  readonly lat: number | null;
  readonly lon: number | null;
  readonly geoPrecision: GeoPrecision;
  /** For a stated distance: the distance between the resolved coordinates, and whether it fits. */
  readonly check: DistanceCheck | null;
  readonly reason: string;
}

export interface DistanceCheck {
  readonly statedKm: number;
  /** Great-circle distance between the resolved places, or null when one of them is unresolved. */
  readonly actualKm: number | null;
  /** True when the stated distance fits the coordinates; null when it cannot be checked. */
  readonly fits: boolean | null;
  readonly reason: string;
}

/** ACLED inter codes: 1 state forces … 8 external/other forces, 0 none. */
export type InterCode = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

/** What kind of actor, in ACLED's terms (each maps to an inter code). */
export type ActorKind =
  | 'state' // 1: military, police, government
  | 'rebel' // 2
  | 'political-militia' // 3
  | 'identity-militia' // 4
  | 'rioters' // 5
  | 'protesters' // 6
  | 'civilians' // 7
  | 'external'; // 8: international forces, private security, organisations

export interface Actor {
  readonly id: string;
  /** Name by ACLED's conventions, e.g. "Islamic State (Libya)". */
  readonly name: string;
  readonly inter: InterCode;
  readonly country: string | null;
  readonly mentions: readonly Mention[];
  readonly evidence: Evidence;
  /** ACLED-style kind behind the inter code. */
  readonly kind: ActorKind;
  /** Dictionary entry the name came from (`groups:islamic-state`), or null for an actor typed by its words. */
  readonly entryId: string | null;
  /** Wider organisation, e.g. "Islamic State" for "Islamic State (Libya)". */
  readonly parent: string | null;
  /** Associated actors ACLED would list beside this one (assoc_actor), e.g. "Labour Group (Iran)". */
  readonly associated: readonly string[];
}

/** Whether and how something happened, as the text says it. */
export type Modality =
  | 'occurred'
  | 'reported'
  | 'planned'
  | 'proposed'
  | 'ordered'
  | 'conditional'
  | 'negated'
  | 'hypothetical'
  | 'question';

/** ACLED disorder_type. */
export type DisorderType = 'Political violence' | 'Demonstrations' | 'Strategic developments' | 'Political violence; Demonstrations';

/** How an event's fatality count was read. */
export type FatalityBasis =
  | 'stated' // a number in the text ("killing two", "at least 12")
  | 'convention' // a vague word coded by ACLED's convention ("dozens" 12, "several" 10)
  | 'split' // a reported total divided over the events it covers
  | 'none'; // no deaths reported: 0

export interface Event {
  readonly id: string;
  readonly eventType: string;
  readonly subEventType: string;
  readonly actor1: string | null;
  readonly actor2: string | null;
  readonly time: TimeValue | null;
  readonly placeId: string | null;
  readonly fatalities: number;
  readonly modality: Modality;
  readonly credibility: Credibility;
  readonly notes: string;
  readonly evidence: Evidence;
  /** 1 for the report's main event, then in order of salience (what `--format acled` lists first). */
  readonly rank: number;
  readonly disorderType: DisorderType;
  readonly assocActor1: readonly string[];
  readonly assocActor2: readonly string[];
  readonly inter1: InterCode;
  readonly inter2: InterCode;
  /** ACLED interaction: the two inter codes, smaller first (17, 60, 12 …). */
  readonly interaction: number;
  readonly civilianTargeting: boolean;
  /** Event day (YYYY-MM-DD, the first day of `time`), null when no date is known. */
  readonly date: string | null;
  readonly timePrecision: AcledTimePrecision | null;
  /** Id of the TimeExpression the date came from, null when inherited or unknown. */
  readonly timeId: string | null;
  readonly geoPrecision: GeoPrecision | null;
  /** ISO 3166-1 alpha-2 of the event's country: its place's, else the report's. */
  readonly country: string | null;
  readonly fatalityBasis: FatalityBasis;
  /** The evidence of each field: `eventType`, `actor1`, `actor2`, `date`, `location`, `fatalities`, `modality`. */
  readonly fields: Readonly<Record<string, Evidence>>;
}

/** A sum of money named in a claim ("between $3,000 and $10,000 per person"). */
export interface Amount {
  readonly min: number;
  readonly max: number;
  readonly currency: string;
  /** "person", "month" …, or null. */
  readonly per: string | null;
  readonly span: Span;
}

export interface Claim {
  readonly id: string;
  /** PLOVER-like verb: AGREE, CONSULT, MOBILIZE, THREATEN, … */
  readonly verb: string;
  readonly actor: string | null;
  readonly modality: Modality;
  readonly text: string;
  readonly evidence: Evidence;
  /** Every actor the claim is about when several act together ("the four countries"); `actor` joins them. */
  readonly actors: readonly string[];
  /** Every modality cue that reached it, strongest first (e.g. conditional, proposed). */
  readonly modalities: readonly Modality[];
  /** Who or what the claim is about or aimed at. */
  readonly target: string | null;
  /** The condition it depends on ("once the naval blockade is in place"), with its span. */
  readonly condition: Span | null;
  /** When it holds or is due, and how ("until" June 23, "since" April 27, "at" the beginning of the year). */
  readonly time: TimeValue | null;
  readonly timeRelation: TimeRelation | null;
  readonly placeId: string | null;
  readonly amount: Amount | null;
  readonly credibility: Credibility;
  /** The event type this claim would be, for plans and orders of violence ("Battles"), else null. */
  readonly eventType: string | null;
}

/** Who holds which place, since when, as the report says it. */
export interface Control {
  readonly id: string;
  readonly actor: string;
  readonly placeId: string | null;
  readonly place: string;
  /** `holds` as of the report; `gained` or `lost` on the date. */
  readonly status: 'holds' | 'gained' | 'lost';
  /** First day of control (YYYY-MM-DD) when known. */
  readonly since: string | null;
  /** The day the statement holds for (the publication date for "its stronghold"). */
  readonly asOf: string | null;
  readonly modality: Modality;
  /** Id of the event it comes from, if any. */
  readonly eventId: string | null;
  readonly evidence: Evidence;
}

// ---------------------------------------------------------------------------------------------
// The result of a run

export interface Extraction {
  readonly document: Document;
  readonly sentences: readonly Sentence[];
  readonly tokens: readonly Token[];
  readonly times: readonly TimeExpression[];
  /** The year used for dates without one, when no publication date was known. */
  readonly yearInference: YearInference | null;
  readonly mentions: readonly Mention[];
  readonly places: readonly Place[];
  readonly actors: readonly Actor[];
  readonly events: readonly Event[];
  readonly claims: readonly Claim[];
  readonly control: readonly Control[];
  readonly warnings: readonly Warning[];
}
