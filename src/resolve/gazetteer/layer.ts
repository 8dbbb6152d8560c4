/**
 * IndexLayer: one loaded index (bundled, imported or a user's additions) and its lookups.
 *
 * A lookup analyses the query once (fold, generic words, phonetic key), finds the key by binary
 * search over the sorted 64-bit key hashes, then finds the query's specific part by a second
 * binary search among the key's postings (sorted by spec hash, fold hash, prior). Matching is
 * tiered by stored hashes: the folded name (`folded`), the folded name without articles and
 * generic words (`generic`), or only the phonetic key (`variant`: the rest of the key's postings,
 * scanned only when a variant could be accepted, ranked by how alike the two spellings are).
 * Work per lookup is bounded: at most MAX_POSTINGS postings and MAX_VARIANT_CHECKS similarity
 * checks.
 */
import { readFileSync, statSync } from 'node:fs';
import type { GazetteerCandidate, GazetteerEntry, MatchLevel } from '../../core/gazetteer.js';
import { COORD_SOURCES, SOURCE_NAMES } from './builder.js';
import { decodeIndex, IndexFormatError, sectionView, type DecodedIndex } from './format.js';
import { NAME_KIND_LABELS, NameKind } from './names.js';
import {
  analyzeFolded,
  finishKeyHash,
  foldWith,
  hashKeyToken,
  HASH_SEED_1,
  HASH_SEED_2,
  parseRules,
  fineForm,
  spellingSimilarity,
  specificPart,
  tagTokens,
  TokenTag,
  type Analysis,
  type KeyHash,
  type NameRules,
} from './normalize.js';

/** Postings of one key scanned for variants per lookup at most (and of one spelling's run). */
export const MAX_POSTINGS = 4096;
/** Spelling-similarity checks per lookup at most (variant-level candidates). */
export const MAX_VARIANT_CHECKS = 128;
/** Names whose fine form is kept between lookups. */
const FINE_CACHE_SIZE = 65536;
/** A variant (key-only) match needs at least this similarity of the two spellings. */
export const MIN_VARIANT_SIMILARITY = 0.8;

/**
 * The spelling similarity a variant (key-only) match needs: the more consonants agree, the more
 * vowel variation is tolerated — 0.78 for keys of 5+ consonants, 0.82 for 4, 0.88 for 3 (so
 * "Abu Njeem" finds "Abū Nujaym" but "Al Balgha" does not find "Belaga"). A generic word that fits
 * the candidate (Wadi …, … mountains) is evidence too: then MIN_VARIANT_SIMILARITY at most.
 */
export function minVariantSimilarity(keyLen: number, supported: boolean): number {
  const byKey = keyLen >= 5 ? 0.78 : keyLen === 4 ? 0.82 : 0.88;
  return supported ? Math.min(byKey, MIN_VARIANT_SIMILARITY) : byKey;
}
/** Consonants a key needs for a variant match without a shared generic word. */
export const MIN_VARIANT_KEY = 3;

export const LEVEL_RANK: Record<MatchLevel, number> = { exact: 0, folded: 1, generic: 2, variant: 3 };
const LEVEL_NAMES: readonly MatchLevel[] = ['exact', 'folded', 'generic', 'variant'];
const LEVEL_BASE = [3.0, 2.8, 2.4, 1.2];
const PRIOR_WEIGHT = 0.5;
/** Score cost of a variant whose article presence differs from the query's. */
const ARTICLE_MISMATCH = 0.1;

export type LayerKind = 'bundled' | 'imported' | 'user';

/** A query analysed for one layer's rules. */
export interface Query {
  readonly raw: string;
  readonly a: Analysis;
  soft: string | null;
}

/** A candidate as a layer scores it, before layers are merged. */
export class LayerCandidate implements GazetteerCandidate {
  private _reasons: string[] | null = null;
  private _entry: IndexEntry | null = null;
  private _matched: string | null = null;
  constructor(
    readonly layer: IndexLayer,
    readonly entryIndex: number,
    readonly nameIndex: number,
    public score: number,
    readonly levelCode: number,
    private readonly detail: { similarity: number; featureType: boolean; query: Query; nameGeneric: number },
  ) {}
  get level(): MatchLevel {
    return LEVEL_NAMES[this.levelCode]!;
  }
  /** The name variant that matched (decoded on first use). */
  get matched(): string {
    return (this._matched ??= this.layer.nameText(this.nameIndex));
  }
  get entry(): IndexEntry {
    return (this._entry ??= this.layer.entry(this.entryIndex));
  }
  get id(): string {
    return this.layer.idOf(this.entryIndex);
  }
  get reasons(): readonly string[] {
    return (this._reasons ??= this.explain());
  }
  private explain(): string[] {
    const r: string[] = [];
    const q = this.detail.query;
    const rules = this.layer.rules;
    switch (this.levelCode) {
      case 0:
        r.push('exact');
        break;
      case 1:
        r.push(q.raw.toLowerCase() === this.matched.toLowerCase() ? 'case' : 'folded');
        break;
      case 2: {
        const name = analyzeFolded(rules, foldWith(rules, this.matched));
        if (name.article !== q.a.article) r.push('article');
        if (name.generic !== q.a.generic || name.folded.replace(/ /g, '') !== q.a.folded.replace(/ /g, '')) r.push('generic-word');
        if (r.length === 0) r.push('punctuation');
        break;
      }
      default:
        r.push('transliteration', `similarity=${this.detail.similarity.toFixed(2)}`);
        if (q.a.article) r.push('article');
        if (q.a.generic !== 0) r.push('generic-word');
    }
    if (this.detail.featureType) r.push('feature-type');
    const kind = this.layer.nameKind(this.nameIndex);
    if (kind === NameKind.historic) r.push('historic-name');
    else if (kind === NameKind.alias) r.push('alias');
    else if (kind !== NameKind.primary && kind !== NameKind.ascii) r.push('alternate-name');
    if (this.layer.kind === 'user') r.push('user-addition');
    return r;
  }
  toJSON(): Record<string, unknown> {
    return { entry: this.entry, matched: this.matched, score: round3(this.score), level: this.level, reasons: this.reasons };
  }
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** An entry read lazily from the layer's columns. */
export class IndexEntry implements GazetteerEntry {
  constructor(
    private readonly L: IndexLayer,
    readonly index: number,
  ) {}
  get id(): string {
    return this.L.idOf(this.index);
  }
  get name(): string {
    return this.L.nameText(this.L.eNameStart[this.index]!);
  }
  get lat(): number {
    return this.L.eLat[this.index]! / 1e6;
  }
  get lon(): number {
    return this.L.eLon[this.index]! / 1e6;
  }
  get featureClass(): string {
    return this.L.codeOf(this.index).split('.')[0] ?? '';
  }
  get featureCode(): string {
    return this.L.codeOf(this.index).split('.')[1] ?? '';
  }
  get country(): string {
    return this.L.countries[this.L.eCountry[this.index]!] ?? '';
  }
  get admin1(): string | null {
    const c = this.L.adminCode(this.L.eAdmin1[this.index]!);
    return c ? (c.split('.')[1] ?? null) : null;
  }
  get admin1Name(): string | null {
    return this.L.adminName(this.L.eAdmin1[this.index]!);
  }
  get admin2(): string | null {
    const c = this.L.adminCode(this.L.eAdmin2[this.index]!);
    return c ? (c.split('.')[2] ?? null) : null;
  }
  get admin2Name(): string | null {
    return this.L.adminName(this.L.eAdmin2[this.index]!);
  }
  get population(): number {
    return this.L.ePop[this.index]!;
  }
  get geonameId(): number | null {
    return this.L.eSrc[this.index] === 0 ? this.L.eId[this.index]! : null;
  }
  get otherCountries(): readonly string[] {
    return this.L.cc2Of(this.index);
  }
  get timezone(): string | null {
    return this.L.timezones[this.L.eTz[this.index]!] || null;
  }
  get extent(): readonly [number, number, number, number] | null {
    return this.L.extentOf(this.index);
  }
  get radiusKm(): number | null {
    const x = this.extent;
    if (!x) return null;
    return Math.round(haversineKm(x[1], x[0], x[3], x[2]) / 2);
  }
  get alternateNames(): readonly string[] {
    const out: string[] = [];
    for (let n = this.L.eNameStart[this.index]!; n < this.L.eNameStart[this.index + 1]!; n++) out.push(this.L.nameText(n));
    return out;
  }
  get source(): string {
    const s = SOURCE_NAMES[this.L.eSrc[this.index]!] ?? 'unknown';
    if (s === 'ne') return 'naturalearth';
    if (s === 'user') return `user:${this.L.provenanceOf(this.index) ?? 'unknown'}`;
    if (s === 'sitrep') return 'sitrep:composites (Natural Earth admin-1)';
    return s;
  }
  get coordinateSource(): string {
    return COORD_SOURCES[this.L.eFlags[this.index]! & 3] ?? 'source';
  }
  get layer(): string {
    return this.L.kind;
  }
  toJSON(): Record<string, unknown> {
    return {
      id: this.id,
      name: this.name,
      lat: this.lat,
      lon: this.lon,
      featureClass: this.featureClass,
      featureCode: this.featureCode,
      country: this.country,
      otherCountries: this.otherCountries,
      admin1: this.admin1,
      admin1Name: this.admin1Name,
      admin2: this.admin2,
      admin2Name: this.admin2Name,
      population: this.population,
      geonameId: this.geonameId,
      timezone: this.timezone,
      extent: this.extent,
      radiusKm: this.radiusKm,
      coordinateSource: this.coordinateSource,
      source: this.source,
      layer: this.layer,
      alternateNames: this.alternateNames,
    };
  }
}

export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const dLat = (lat2 - lat1) * r;
  const dLon = (lon2 - lon1) * r;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}

export interface LayerMeta {
  builtAt?: string;
  sources?: { name: string; licence: string; detail?: string }[];
  attribution?: string[];
  codes: string[];
  countries: string[];
  timezones: string[];
  cc2Lists: string[];
  stringIds: string[];
  provenances: string[];
  counts: { entries: number; names: number; keys: number; postings: number };
  rules: string;
  rulesHash: string;
  removedIds?: string[];
  removedNames?: string[];
  [k: string]: unknown;
}

const rulesCache = new Map<string, NameRules>();

export class IndexLayer {
  readonly meta: LayerMeta;
  readonly rules: NameRules;
  readonly codes: string[];
  readonly countries: string[];
  readonly timezones: string[];
  readonly eId: Uint32Array;
  readonly eSrc: Uint8Array;
  readonly eLat: Int32Array;
  readonly eLon: Int32Array;
  readonly eCode: Uint16Array;
  readonly eCountry: Uint16Array;
  readonly eAdmin1: Uint32Array;
  readonly eAdmin2: Uint32Array;
  readonly ePop: Uint32Array;
  readonly eTz: Uint16Array;
  readonly ePrior: Uint16Array;
  readonly eFlags: Uint8Array;
  readonly eNameStart: Uint32Array;
  private readonly idOrder: Uint32Array;
  private readonly nOff: Uint32Array;
  private readonly nKind: Uint8Array;
  private readonly pool: Buffer;
  private readonly kH1: Uint32Array;
  private readonly kH2: Uint32Array;
  private readonly kStart: Uint32Array;
  private readonly kFlags: Uint8Array;
  private readonly pEntry: Uint32Array;
  private readonly pRank: Uint8Array;
  private readonly pFold: Uint32Array;
  private readonly pExtra: Uint32Array;
  private readonly sIdx: Uint32Array;
  private readonly sSpecX: Uint32Array;
  private readonly sGen: Uint32Array;
  private readonly xEntry: Uint32Array;
  private readonly xBox: Float32Array;
  private readonly cEntry: Uint32Array;
  private readonly cList: Uint16Array;
  private readonly vEntry: Uint32Array;
  private readonly vIdx: Uint32Array;
  private readonly adminBytes: Uint8Array;
  private admin: (readonly [string, string | null])[] | null = null;
  /** code index → generic-class bits whose feature codes include it. */
  private readonly codeGeneric: Uint32Array;
  /** country code → index in `countries` (for the --country filter). */
  private readonly countryIndex: Map<string, number>;
  private readonly cc2Has: Map<string, Set<number>> = new Map();
  readonly removedIds: ReadonlySet<string>;
  readonly removedNames: ReadonlySet<string>;

  constructor(
    readonly decoded: DecodedIndex,
    readonly path: string,
    readonly kind: LayerKind,
  ) {
    const where = path;
    this.meta = decoded.meta as unknown as LayerMeta;
    const m = this.meta;
    let rules = rulesCache.get(m.rulesHash);
    if (!rules) {
      rules = parseRules(m.rules);
      rulesCache.set(m.rulesHash, rules);
    }
    this.rules = rules;
    this.codes = m.codes;
    this.countries = m.countries;
    this.timezones = m.timezones;
    const v = <T>(name: string) => sectionView(decoded, name, where) as unknown as T;
    this.eId = v('eId');
    this.eSrc = v('eSrc');
    this.eLat = v('eLat');
    this.eLon = v('eLon');
    this.eCode = v('eCode');
    this.eCountry = v('eCountry');
    this.eAdmin1 = v('eAdmin1');
    this.eAdmin2 = v('eAdmin2');
    this.ePop = v('ePop');
    this.eTz = v('eTz');
    this.ePrior = v('ePrior');
    this.eFlags = v('eFlags');
    this.eNameStart = v('eNameStart');
    this.idOrder = v('idOrder');
    this.nOff = v('nOff');
    this.nKind = v('nKind');
    const poolView = v<Uint8Array>('pool');
    this.pool = Buffer.from(poolView.buffer, poolView.byteOffset, poolView.byteLength);
    this.kH1 = v('kH1');
    this.kH2 = v('kH2');
    this.kStart = v('kStart');
    this.kFlags = v('kFlags');
    this.pEntry = v('pEntry');
    this.pRank = v('pRank');
    this.pFold = v('pFold');
    this.pExtra = v('pExtra');
    this.sIdx = v('sIdx');
    this.sSpecX = v('sSpecX');
    this.sGen = v('sGen');
    this.xEntry = v('xEntry');
    this.xBox = v('xBox');
    this.cEntry = v('cEntry');
    this.cList = v('cList');
    this.vEntry = v('vEntry');
    this.vIdx = v('vIdx');
    this.adminBytes = v('admin');
    if (this.eNameStart.length !== this.eId.length + 1 || this.kStart.length !== this.kH1.length + 1) {
      throw new IndexFormatError(`${where}: inconsistent section lengths (damaged index)`);
    }
    this.codeGeneric = new Uint32Array(this.codes.length);
    for (let c = 0; c < this.codes.length; c++) {
      for (const g of this.rules.generics) if (g.codes.has(this.codes[c]!)) this.codeGeneric[c]! |= g.bit;
    }
    this.countryIndex = new Map(this.countries.map((c, i) => [c, i]));
    this.removedIds = new Set(m.removedIds ?? []);
    this.removedNames = new Set(m.removedNames ?? []);
  }

  static open(path: string, kind: LayerKind): IndexLayer {
    let file: Buffer;
    try {
      file = readFileSync(path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new IndexFormatError(code === 'ENOENT' ? `gazetteer index ${path} does not exist` : `cannot read gazetteer index ${path}: ${(e as Error).message}`);
    }
    return new IndexLayer(decodeIndex(file, path), path, kind);
  }

  get entryCount(): number {
    return this.eId.length;
  }

  // --- column accessors used by IndexEntry and candidates

  idOf(e: number): string {
    const src = this.eSrc[e]!;
    const id = this.eId[e]!;
    if (src === 0) return `geonames:${id}`;
    if (src === 1) return `ne:${id}`;
    return `${src === 3 ? 'sitrep' : 'user'}:${this.meta.stringIds[id] ?? id}`;
  }
  codeOf(e: number): string {
    return this.codes[this.eCode[e]!] ?? '';
  }
  nameText(n: number): string {
    return this.pool.toString('utf8', this.nOff[n]!, this.nOff[n + 1]!);
  }
  nameKind(n: number): number {
    return this.nKind[n]!;
  }
  nameCount(): number {
    return this.nKind.length;
  }
  private adminTable(): (readonly [string, string | null])[] {
    if (!this.admin) {
      this.admin = JSON.parse(Buffer.from(this.adminBytes.buffer, this.adminBytes.byteOffset, this.adminBytes.byteLength).toString('utf8')) as [string, string | null][];
    }
    return this.admin;
  }
  adminCode(i: number): string | null {
    if (i === 0) return null;
    return this.adminTable()[i]?.[0] ?? null;
  }
  adminName(i: number): string | null {
    if (i === 0) return null;
    return this.adminTable()[i]?.[1] ?? null;
  }
  cc2Of(e: number): readonly string[] {
    if ((this.eFlags[e]! & 8) === 0) return [];
    const i = lowerBound(this.cEntry, e);
    if (this.cEntry[i] !== e) return [];
    const s = this.meta.cc2Lists[this.cList[i]!] ?? '';
    return s ? s.split(',') : [];
  }
  extentOf(e: number): [number, number, number, number] | null {
    if ((this.eFlags[e]! & 4) === 0) return null;
    const i = lowerBound(this.xEntry, e);
    if (this.xEntry[i] !== e) return null;
    const b = this.xBox;
    return [b[i * 4]!, b[i * 4 + 1]!, b[i * 4 + 2]!, b[i * 4 + 3]!].map((x) => Math.round(x * 1e4) / 1e4) as [number, number, number, number];
  }
  provenanceOf(e: number): string | null {
    const i = lowerBound(this.vEntry, e);
    if (this.vEntry[i] !== e) return null;
    return this.meta.provenances[this.vIdx[i]!] ?? null;
  }
  entry(e: number): IndexEntry {
    return new IndexEntry(this, e);
  }

  /** Entry index of an id (`geonames:2210554`), or -1. */
  find(id: string): number {
    const c = id.indexOf(':');
    if (c < 0) return -1;
    const prefix = id.slice(0, c);
    const rest = id.slice(c + 1);
    let src: number;
    let num: number;
    if (prefix === 'geonames' || prefix === 'ne') {
      src = prefix === 'geonames' ? 0 : 1;
      num = Number(rest);
      if (!Number.isInteger(num)) return -1;
    } else if (prefix === 'user' || prefix === 'sitrep') {
      src = prefix === 'user' ? 2 : 3;
      num = this.meta.stringIds.indexOf(rest);
      if (num < 0) return -1;
    } else return -1;
    let lo = 0;
    let hi = this.idOrder.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const e = this.idOrder[mid]!;
      const s = this.eSrc[e]!;
      const v = this.eId[e]!;
      if (s < src || (s === src && v < num)) lo = mid + 1;
      else hi = mid;
    }
    if (lo < this.idOrder.length) {
      const e = this.idOrder[lo]!;
      if (this.eSrc[e] === src && this.eId[e] === num) return e;
    }
    return -1;
  }

  /** Index of the key with this hash in the key table, or -1. */
  findKey(h1: number, h2: number): number {
    const k1 = this.kH1;
    let lo = 0;
    let hi = k1.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (k1[mid]! < h1) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < k1.length && k1[i] === h1; i++) if (this.kH2[i] === h2) return i;
    return -1;
  }
  keyFlags(k: number): number {
    return this.kFlags[k]!;
  }

  analyze(raw: string): Query {
    return { raw, a: analyzeFolded(this.rules, foldWith(this.rules, raw)), soft: null };
  }

  /**
   * Score the postings of the query's key; returns the best `limit` candidates (best per entry),
   * sorted. Pass 1 classifies every posting by stored hashes alone (exact/folded/generic, or a
   * variant that passes the cheap evidence checks); pass 2 checks spelling similarity for variants
   * only while one could still enter the top `limit` (likeliest first, so the bound falls as we
   * go). `minLevel` drops weaker levels early.
   */
  candidates(q: Query, countryFilter: string | null, minLevel: number, limit = 10): LayerCandidate[] {
    const a = q.a;
    if (a.folded === '') return [];
    const k = this.findKey(a.keyH1, a.keyH2);
    if (k < 0 || (this.kFlags[k]! & 1) === 0) return [];
    let cf = -1;
    if (countryFilter) cf = this.countryIndex.get(countryFilter) ?? -2;
    const start = this.kStart[k]!;
    const stop = this.kStart[k + 1]!;
    const acc = new Accepted();
    const queue: number[] = []; // postings of variant candidates
    const qAdj: number[] = [];
    const qFlags: number[] = []; // bit 0 featureType, bit 1 supported
    let qTrim: string | null = null;
    let qBytes = -1;
    // Within a key, postings are sorted by spec hash: the query's spec is one contiguous run.
    let lo = start;
    let hi = stop;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.specOf(mid) < a.specHash) lo = mid + 1;
      else hi = mid;
    }
    const runStart = lo;
    let runEnd = lo;
    while (runEnd < stop && runEnd - runStart < MAX_POSTINGS && this.specOf(runEnd) === a.specHash) runEnd++;
    // Variants: only with enough evidence to be accepted at all (see below).
    const variants = minLevel >= 3 && (a.keyLen >= MIN_VARIANT_KEY || a.generic !== 0);
    const scanFrom = variants ? start : runStart;
    const scanTo = variants ? Math.min(stop, start + MAX_POSTINGS) : runEnd;
    const last = Math.max(scanTo, runEnd);
    // Without a generic word in the query only variants of a place's own names count: skip the
    // other postings by a bit test.
    const ownBits = variants && a.generic === 0 ? this.ownNameBits() : null;
    for (let p = scanFrom; p < last; p++) {
      const inRun = p >= runStart && p < runEnd;
      if (!inRun && (!variants || p >= scanTo)) continue;
      if (!inRun && ownBits !== null && (ownBits[p >>> 5]! & (1 << (p & 31))) === 0) continue;
      const e = this.pEntry[p]!;
      if (cf !== -1 && this.eCountry[e] !== cf && !this.cc2Includes(e, countryFilter!)) continue;
      const fold = this.pFold[p]!;
      let level: number;
      let gen = 0;
      if (inRun) level = fold === a.foldHash ? 1 : 2;
      else level = 3;
      if (level > Math.max(1, minLevel)) continue; // folded is checked for exact below
      if ((this.pExtra[p >>> 5]! & (1 << (p & 31))) !== 0) gen = this.sGen[lowerBound(this.sIdx, p)]!;
      let adj = 0;
      let featureType = false;
      if (a.generic !== 0) {
        if ((this.codeGeneric[this.eCode[e]!]! & a.generic) !== 0) {
          adj += 0.15;
          featureType = true;
        } else if ((gen & a.generic) !== 0) adj += 0.1;
        else continue; // "Wadi Bey" is not the town Bey, "X mountains" not a town spelt like X
      }
      const n = this.eNameStart[e]! + this.pRank[p]!;
      const kind = this.nKind[n]!;
      if (kind === NameKind.primary) adj += 0.05;
      else if (kind === NameKind.historic) adj -= 0.3;
      const prior = (this.ePrior[e]! / 10000) * PRIOR_WEIGHT;
      if (level === 3) {
        // A transliteration needs evidence beyond a short skeleton: three consonants or the
        // same generic word on both sides (Wadi Bey ~ Wādī Bāy, not the river Bei), and it is
        // a variant of the place's own name, unless the query's generic word fits its type.
        const shared = (gen & a.generic) !== 0;
        if (a.keyLen < MIN_VARIANT_KEY && !shared) continue;
        if (!featureType && kind !== NameKind.primary && kind !== NameKind.ascii && kind !== NameKind.preferred) continue;
        queue.push(p);
        qAdj.push(adj + prior);
        qFlags.push((featureType ? 1 : 0) | (featureType || shared ? 2 : 0));
        continue;
      }
      if (level === 1) {
        if (qTrim === null) {
          qTrim = q.raw.trim().replace(/\s+/g, ' ');
          qBytes = Buffer.byteLength(qTrim, 'utf8');
        }
        if (this.nOff[n + 1]! - this.nOff[n]! === qBytes && this.nameText(n) === qTrim) level = 0;
        if (level > minLevel) continue;
      }
      acc.add(e, n, LEVEL_BASE[level]! + adj + prior, level, 1, featureType ? 1 : 0);
    }
    // likeliest variants first
    const qOrder = queue.map((_, i) => i);
    if (qOrder.length > 1) qOrder.sort((x, y) => qAdj[y]! - qAdj[x]!);
    // pass 2: variants, while one can still make the top `limit`
    let checks = 0;
    const maxVariant = LEVEL_BASE[3]! + 1;
    for (const i of qOrder) {
      const bound = maxVariant + qAdj[i]!;
      if (acc.size >= limit && bound <= acc.kth(limit)) break;
      if (checks++ >= MAX_VARIANT_CHECKS) break;
      const p = queue[i]!;
      const e = this.pEntry[p]!;
      const n = this.eNameStart[e]! + this.pRank[p]!;
      if (q.soft === null) q.soft = fineForm(this.rules, a.spec);
      const na = this.fineOf(n);
      const supported = (qFlags[i]! & 2) !== 0;
      const need = minVariantSimilarity(a.keyLen, supported);
      // every letter more or less costs at least 0.5: a cheap upper bound before the edit distance
      const lq = q.soft.length;
      const ln = na.fine.length;
      if (1 - (0.5 * Math.abs(lq - ln)) / Math.max(lq, ln, 1) < need) continue;
      const similarity = spellingSimilarity(this.rules, q.soft, na.fine, supported ? 0.3 : 1);
      if (similarity < need) continue;
      // "Al Balgha" is closer to "Al Balghah" than to "Balga": an article on one side only costs a little
      const articleCost = na.article !== a.article ? ARTICLE_MISMATCH : 0;
      acc.add(e, n, LEVEL_BASE[3]! + similarity + qAdj[i]! - articleCost, 3, similarity, qFlags[i]! & 1);
    }
    const order = acc.top(limit);
    return order.map((slot) => {
      const n = acc.name[slot]!;
      return new LayerCandidate(this, acc.entry[slot]!, n, acc.score[slot]!, acc.level[slot]!, {
        similarity: acc.sim[slot]!,
        featureType: acc.ft[slot] === 1,
        query: q,
        nameGeneric: 0,
      });
    });
  }

  /** Fine forms of names already checked (per-name work cached across lookups; bounded). */
  private readonly fineCache = new Map<number, { fine: string; article: boolean }>();
  private fineOf(n: number): { fine: string; article: boolean } {
    let f = this.fineCache.get(n);
    if (f === undefined) {
      const sp = specificPart(this.rules, foldWith(this.rules, this.nameText(n)));
      f = { fine: fineForm(this.rules, sp.spec), article: sp.article };
      if (this.fineCache.size >= FINE_CACHE_SIZE) this.fineCache.clear();
      this.fineCache.set(n, f);
    }
    return f;
  }

  private ownBitsCache: Uint32Array | null = null;
  /** Bitset over postings: the name is the place's primary, ASCII or preferred name (built on first use). */
  private ownNameBits(): Uint32Array {
    if (this.ownBitsCache) return this.ownBitsCache;
    const P = this.pEntry.length;
    const bits = new Uint32Array((P + 31) >>> 5);
    for (let p = 0; p < P; p++) {
      const kind = this.nKind[this.eNameStart[this.pEntry[p]!]! + this.pRank[p]!]!;
      if (kind === NameKind.primary || kind === NameKind.ascii || kind === NameKind.preferred) bits[p >>> 5]! |= 1 << (p & 31);
    }
    return (this.ownBitsCache = bits);
  }

  /** Spec hash of a posting (the fold hash unless the name has articles or generic words). */
  private specOf(p: number): number {
    const fold = this.pFold[p]!;
    if ((this.pExtra[p >>> 5]! & (1 << (p & 31))) === 0) return fold;
    return (this.sSpecX[lowerBound(this.sIdx, p)]! ^ fold) >>> 0;
  }

  private cc2Includes(e: number, cc: string): boolean {
    if ((this.eFlags[e]! & 8) === 0) return false;
    let set = this.cc2Has.get(cc);
    if (!set) {
      set = new Set();
      for (let i = 0; i < this.meta.cc2Lists.length; i++) if ((this.meta.cc2Lists[i] ?? '').split(',').includes(cc)) set.add(i);
      this.cc2Has.set(cc, set);
    }
    const i = lowerBound(this.cEntry, e);
    return this.cEntry[i] === e && set.has(this.cList[i]!);
  }

  // --- token stream

  /**
   * Prepare a token stream: fold every token, split it into sub-tokens, tag articles and generic
   * words. Shared by every layer with the same rules.
   */
  prepareStream(tokens: readonly string[]): TokenStream {
    const subs: string[] = [];
    const owner: number[] = [];
    const firstSub: number[] = [];
    for (let t = 0; t < tokens.length; t++) {
      firstSub.push(subs.length);
      const f = foldWith(this.rules, stripPossessive(tokens[t]!));
      if (!f) continue;
      for (const s of f.split(' ')) {
        subs.push(s);
        owner.push(t);
      }
    }
    firstSub.push(subs.length);
    const tags: number[] = [];
    tagTokens(this.rules, subs, tags);
    return { rulesHash: this.rules.hash, subs, owner, firstSub, tags };
  }

  /**
   * Token ends (exclusive, in input tokens) of every indexed name that starts at input token `t`,
   * longest last. Articles and generic words before the name, between its words (articles only)
   * and after it (generic words) are taken into the span.
   */
  walk(s: TokenStream, t: number, maxTokens: number): number[] {
    const ends: number[] = [];
    let j = s.firstSub[t]!;
    const stop = s.firstSub[Math.min(s.firstSub.length - 1, t + maxTokens)]!;
    if (j >= stop) return ends;
    if (this.rules.outside.has(s.subs[j]!)) return ends; // "the Gulf of Sidra" starts at Gulf
    while (j < stop && s.tags[j] !== TokenTag.specific) j++;
    const st: KeyHash = { h1: HASH_SEED_1, h2: HASH_SEED_2 };
    let first = true;
    while (j < stop) {
      const tag = s.tags[j];
      if (tag === TokenTag.article) {
        j++;
        continue;
      }
      if (tag === TokenTag.generic) break;
      if (first && s.subs[j]!.length < 2) break; // a lone letter is not a name in running text
      hashKeyToken(this.rules, st, s.subs[j]!, first);
      first = false;
      const fin = finishKeyHash(st);
      const k = this.findKey(fin.h1, fin.h2);
      if (k < 0) break;
      const flags = this.kFlags[k]!;
      if (flags & 1) {
        let end = j;
        while (end + 1 < stop && s.tags[end + 1] === TokenTag.generic) end++;
        // a span ends at a token boundary
        const tokEnd = s.owner[end]! + 1;
        if (end !== j) ends.push(s.owner[j]! + 1);
        ends.push(tokEnd);
      }
      if ((flags & 2) === 0) break;
      j++;
    }
    return ends;
  }
}

/** Accepted candidates of one lookup, best per entry, as parallel arrays. */
class Accepted {
  readonly entry: number[] = [];
  readonly name: number[] = [];
  readonly score: number[] = [];
  readonly level: number[] = [];
  readonly sim: number[] = [];
  readonly ft: number[] = [];
  private kthCache = -Infinity;
  private dirty = true;
  get size(): number {
    return this.entry.length;
  }
  add(e: number, n: number, score: number, level: number, sim: number, ft: number): void {
    const slot = this.entry.indexOf(e);
    if (slot >= 0) {
      if (this.score[slot]! >= score) return;
      this.name[slot] = n;
      this.score[slot] = score;
      this.level[slot] = level;
      this.sim[slot] = sim;
      this.ft[slot] = ft;
    } else {
      this.entry.push(e);
      this.name.push(n);
      this.score.push(score);
      this.level.push(level);
      this.sim.push(sim);
      this.ft.push(ft);
    }
    this.dirty = true;
  }
  /** The k-th best score (k ≤ size). */
  kth(k: number): number {
    if (this.dirty) {
      const s = [...this.score].sort((x, y) => y - x);
      this.kthCache = s[Math.min(k, s.length) - 1] ?? -Infinity;
      this.dirty = false;
    }
    return this.kthCache;
  }
  /** Slots of the best `k`, best first (ties: better level, then larger population via entry order). */
  top(k: number): number[] {
    if (this.entry.length === 1) return [0];
    const idx = this.entry.map((_, i) => i);
    idx.sort((x, y) => this.score[y]! - this.score[x]! || this.level[x]! - this.level[y]!);
    return idx.slice(0, k);
  }
}

export interface TokenStream {
  readonly rulesHash: string;
  /** Folded sub-tokens (a token such as "Al-Rouagha" gives two). */
  readonly subs: readonly string[];
  /** Input token of each sub-token. */
  readonly owner: readonly number[];
  /** First sub-token of each input token (and a final sentinel). */
  readonly firstSub: readonly number[];
  readonly tags: readonly number[];
}

/** "France's" → "France" (a possessive is not part of the name). */
export function stripPossessive(token: string): string {
  return token.length > 3 && /['’]s$/i.test(token) ? token.slice(0, -2) : token;
}

function lowerBound(a: Uint32Array, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const levRow: number[] = [];

/** 1 − Levenshtein distance / longer length. */
export function stringSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return 0;
  const row = levRow;
  for (let j = 0; j <= m; j++) row[j] = j;
  for (let i = 1; i <= n; i++) {
    let prev = row[0]!;
    row[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (ca === b.charCodeAt(j - 1) ? 0 : 1));
      prev = tmp;
    }
  }
  return 1 - row[m]! / Math.max(n, m);
}

/** Size of a layer's file and of its memory (typed arrays and file buffer). */
export function layerBytes(L: IndexLayer): { disk: number; memory: number } {
  let disk = 0;
  try {
    disk = statSync(L.path).size;
  } catch {
    disk = L.decoded.fileBytes;
  }
  const memory = L.decoded.body.byteLength;
  return { disk, memory };
}
