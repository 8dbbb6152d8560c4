/**
 * IndexBuilder: turns place records into the columnar index (see format.ts).
 *
 * Memory-bound by design, for a 13 M-row allCountries: no object per row is kept. Every column is a
 * growable typed array, names go into one UTF-8 byte pool, and the name index is built by radix
 * sorting 64-bit key hashes. The same builder makes the bundled index, imports and the in-memory
 * layer of a user's additions, so they all key names the same way.
 */
import { analyzeFolded, finishKeyHash, foldWith, hashKeyToken, HASH_SEED_1, HASH_SEED_2, type KeyHash, type NameRules } from './normalize.js';
import type { TypedArray } from './format.js';
import { NameKind, type NameKindCode } from './names.js';

/** geonames:ID, ne:ID (Natural Earth ne_id), user:ID (additions), sitrep:ID (composites made by the bundle build). */
export type SourceKind = 'geonames' | 'ne' | 'user' | 'sitrep';
export const SOURCE_CODES: Record<SourceKind, number> = { geonames: 0, ne: 1, user: 2, sitrep: 3 };
export const SOURCE_NAMES: readonly SourceKind[] = ['geonames', 'ne', 'user', 'sitrep'];

/** How an entry's coordinates were obtained. */
/** `towns`: derived from the place's GeoNames towns (admin areas: their median; countries: the centroid of their populated territory). */
export type CoordSource = 'source' | 'ne-label' | 'bbox-centre' | 'towns';
export const COORD_SOURCES: readonly CoordSource[] = ['source', 'ne-label', 'bbox-centre', 'towns'];

export interface NameInput {
  readonly name: string;
  readonly kind: NameKindCode;
}

export interface PlaceRecord {
  readonly source: SourceKind;
  /** geonameid or Natural Earth ne_id (numbers); free text for user additions. */
  readonly id: number | string;
  /** Primary name first. */
  readonly names: readonly NameInput[];
  readonly lat: number;
  readonly lon: number;
  readonly featureClass: string;
  readonly featureCode: string;
  readonly country: string;
  readonly cc2?: readonly string[];
  /** admin1 code as GeoNames spells it within the country (`76`), or ''. */
  readonly admin1?: string;
  readonly admin2?: string;
  readonly population: number;
  readonly timezone?: string;
  /** [west, south, east, north] */
  readonly extent?: readonly [number, number, number, number] | null;
  readonly coordSource?: CoordSource;
  /** yyyy-mm-dd; when two records share an id, the newer one is kept. */
  readonly modified?: string;
  /** Free text for user additions (where the analyst got it). */
  readonly provenance?: string;
}

export interface BuilderOptions {
  readonly rules: NameRules;
  /** code → prior (see data/gazetteer/feature-priors.txt). */
  readonly priors: ReadonlyMap<string, number>;
  /** 'latin': keep only Latin-script names (the bundle); 'all': every script. */
  readonly scripts?: 'latin' | 'all';
  /** Names kept per entry (the rest are dropped and counted). */
  readonly maxNamesPerEntry?: number;
}

// ---------------------------------------------------------------------------------------------
// Growable columns

class Column<T extends TypedArray> {
  arr: T;
  length = 0;
  constructor(private readonly make: (n: number) => T, initial = 1024) {
    this.arr = make(initial);
  }
  push(v: number): void {
    if (this.length === this.arr.length) this.grow(this.length + 1);
    this.arr[this.length++] = v;
  }
  grow(min: number): void {
    let n = Math.max(1024, this.arr.length * 2);
    while (n < min) n *= 2;
    const next = this.make(n);
    next.set(this.arr.subarray(0, this.length) as never);
    this.arr = next;
  }
  view(): T {
    return this.arr.subarray(0, this.length) as T;
  }
  /** Free the memory (after finish). */
  drop(): void {
    this.arr = this.make(0);
    this.length = 0;
  }
}

const u8 = (n: number) => new Uint8Array(n);
const u16 = (n: number) => new Uint16Array(n);
const u32 = (n: number) => new Uint32Array(n);
const i32 = (n: number) => new Int32Array(n);
const f32 = (n: number) => new Float32Array(n);

class BytePool {
  buf = Buffer.allocUnsafe(1 << 16);
  length = 0;
  append(s: string): number {
    const need = this.length + s.length * 3;
    if (need > this.buf.length) {
      let n = this.buf.length * 2;
      while (n < need) n *= 2;
      const next = Buffer.allocUnsafe(n);
      this.buf.copy(next, 0, 0, this.length);
      this.buf = next;
    }
    const w = this.buf.write(s, this.length, 'utf8');
    this.length += w;
    return w;
  }
  view(): Uint8Array {
    return new Uint8Array(this.buf.buffer, this.buf.byteOffset, this.length);
  }
}

/** Interns strings into a table; index 0 is reserved for '' / none. */
class Interner {
  readonly list: string[] = [''];
  private readonly map = new Map<string, number>([['', 0]]);
  id(s: string): number {
    let i = this.map.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.map.set(s, i);
    }
    return i;
  }
  get size(): number {
    return this.list.length;
  }
}

const LATIN_RE = /^[\u0000-\u024f\u1e00-\u1eff\u02b0-\u02ff\u2018\u2019\u2010-\u2015\u00a0]*$/;

export interface BuildStats {
  entries: number;
  names: number;
  namesDroppedScript: number;
  namesDroppedDuplicate: number;
  namesDroppedCap: number;
  duplicateIds: number;
}

export interface BuiltIndex {
  readonly meta: Record<string, unknown>;
  readonly sections: Map<string, TypedArray>;
  readonly stats: BuildStats;
}

export class IndexBuilder {
  private readonly rules: NameRules;
  private readonly priors: ReadonlyMap<string, number>;
  private readonly latinOnly: boolean;
  private readonly maxNames: number;

  // entries
  private readonly eId = new Column(u32);
  private readonly eSrc = new Column(u8);
  private readonly eLat = new Column(i32);
  private readonly eLon = new Column(i32);
  private readonly eCode = new Column(u16);
  private readonly eCountry = new Column(u16);
  private readonly eAdmin1 = new Column(u32);
  private readonly eAdmin2 = new Column(u32);
  private readonly ePop = new Column(u32);
  private readonly eTz = new Column(u16);
  private readonly ePrior = new Column(u16);
  private readonly eFlags = new Column(u8);
  private readonly eMod = new Column(u32);
  private readonly eNameStart = new Column(u32);
  // names
  private readonly nOff = new Column(u32);
  private readonly nKind = new Column(u8);
  private readonly pool = new BytePool();
  // postings (one per name)
  private readonly pH1 = new Column(u32);
  private readonly pH2 = new Column(u32);
  private readonly pFold = new Column(u32);
  private readonly pSpecX = new Column(u32);
  private readonly pGen = new Column(u32);
  // prefix keys for the token trie
  private readonly xH1 = new Column(u32);
  private readonly xH2 = new Column(u32);
  // sparse extents and cc2
  private readonly extEntry = new Column(u32);
  private readonly extBox = new Column(f32);
  private readonly ccEntry = new Column(u32);
  private readonly ccList = new Column(u16);
  // tables
  private readonly codes = new Interner();
  private readonly countries = new Interner();
  private readonly timezones = new Interner();
  private readonly cc2Lists = new Interner();
  private readonly stringIds = new Interner();
  private readonly provenances = new Interner();
  private readonly adminCodes = new Interner();
  private readonly adminNames = new Map<string, string>();
  private readonly provEntry = new Column(u32);
  private readonly provIdx = new Column(u32);

  readonly stats: BuildStats = { entries: 0, names: 0, namesDroppedScript: 0, namesDroppedDuplicate: 0, namesDroppedCap: 0, duplicateIds: 0 };

  constructor(opts: BuilderOptions) {
    this.rules = opts.rules;
    this.priors = opts.priors;
    this.latinOnly = (opts.scripts ?? 'all') === 'latin';
    this.maxNames = Math.min(255, opts.maxNamesPerEntry ?? 255);
  }

  /** Name an admin division: `LY.76` → "Surt", `LY.74.2208403` → "…". */
  setAdminName(fullCode: string, name: string): void {
    this.adminNames.set(fullCode, name);
  }

  hasAdminName(fullCode: string): boolean {
    return this.adminNames.has(fullCode);
  }

  get entryCount(): number {
    return this.eId.length;
  }

  /** Add one place; returns its entry index (or -1 when it has no usable name). */
  add(rec: PlaceRecord): number {
    const e = this.eId.length;
    const foldSeen: number[] = [];
    const firstName = this.nOff.length;
    let kept = 0;
    for (const n of rec.names) {
      const name = n.name.trim();
      if (!name) continue;
      if (this.latinOnly && n.kind !== NameKind.primary && !LATIN_RE.test(name)) {
        this.stats.namesDroppedScript++;
        continue;
      }
      const folded = foldWith(this.rules, name);
      if (!folded) continue;
      const a = analyzeFolded(this.rules, folded);
      if (foldSeen.includes(a.foldHash)) {
        this.stats.namesDroppedDuplicate++;
        continue;
      }
      if (kept >= this.maxNames) {
        this.stats.namesDroppedCap++;
        continue;
      }
      foldSeen.push(a.foldHash);
      kept++;
      this.nOff.push(this.pool.length);
      this.pool.append(name);
      this.nKind.push(n.kind);
      this.pH1.push(a.keyH1);
      this.pH2.push(a.keyH2);
      this.pFold.push(a.foldHash);
      this.pSpecX.push((a.specHash ^ a.foldHash) >>> 0);
      this.pGen.push(a.generic);
      if (a.specTokens.length > 1) {
        const st: KeyHash = { h1: HASH_SEED_1, h2: HASH_SEED_2 };
        for (let k = 0; k < a.specTokens.length - 1; k++) {
          hashKeyToken(this.rules, st, a.specTokens[k]!, k === 0);
          const fin = finishKeyHash(st);
          this.xH1.push(fin.h1);
          this.xH2.push(fin.h2);
        }
      }
    }
    if (kept === 0) return -1;
    this.stats.names += kept;
    this.eNameStart.push(firstName);
    const src = SOURCE_CODES[rec.source];
    this.eSrc.push(src);
    if (typeof rec.id === 'number') this.eId.push(rec.id);
    else this.eId.push(this.stringIds.id(rec.id));
    this.eLat.push(Math.round(rec.lat * 1e6));
    this.eLon.push(Math.round(rec.lon * 1e6));
    const code = `${rec.featureClass}.${rec.featureCode}`;
    this.eCode.push(this.codes.id(code));
    this.eCountry.push(this.countries.id(rec.country));
    const a1 = rec.admin1 ? `${rec.country}.${rec.admin1}` : '';
    this.eAdmin1.push(a1 ? this.adminCodes.id(a1) : 0);
    const a2 = rec.admin1 && rec.admin2 ? `${rec.country}.${rec.admin1}.${rec.admin2}` : '';
    this.eAdmin2.push(a2 ? this.adminCodes.id(a2) : 0);
    const pop = Math.max(0, Math.min(0xffffffff, Math.round(rec.population || 0)));
    this.ePop.push(pop);
    this.eTz.push(this.timezones.id(rec.timezone ?? ''));
    this.ePrior.push(Math.min(65535, Math.round(this.priorOf(code, rec.featureClass, pop, rec.names.length) * 10000)));
    let flags = COORD_SOURCES.indexOf(rec.coordSource ?? 'source') & 3;
    if (rec.extent) {
      flags |= 4;
      this.extEntry.push(e);
      for (const v of rec.extent) this.extBox.push(v);
    }
    if (rec.cc2 && rec.cc2.length > 0) {
      flags |= 8;
      this.ccEntry.push(e);
      this.ccList.push(this.cc2Lists.id(rec.cc2.join(',')));
    }
    if (rec.provenance) {
      this.provEntry.push(e);
      this.provIdx.push(this.provenances.id(rec.provenance));
    }
    this.eFlags.push(flags);
    this.eMod.push(rec.modified ? dayNumber(rec.modified) : 0);
    this.stats.entries++;
    return e;
  }

  private priorOf(code: string, fclass: string, pop: number, names: number): number {
    const p = this.priors.get(code) ?? this.priors.get(`${fclass}.*`) ?? this.priors.get('*') ?? 0.2;
    return p + 0.1 * Math.log10(pop + 1) + 0.1 * Math.log10(names + 1);
  }

  /**
   * Sort, deduplicate ids (the newer `modified` wins; on a tie the later record), build the key
   * table and return the sections. The builder must not be used afterwards.
   */
  finish(meta: Record<string, unknown>): BuiltIndex {
    const E = this.eId.length;
    const N = this.nOff.length;
    this.eNameStart.push(N);
    this.nOff.push(this.pool.length);

    // --- duplicate ids: keep the newest record
    const alive = this.markDuplicates(E);
    // posting → entry
    const eNameStart = this.eNameStart.view();
    const nEntry = new Uint32Array(N);
    for (let e = 0; e < E; e++) for (let n = eNameStart[e]!; n < eNameStart[e + 1]!; n++) nEntry[n] = e;

    // --- sort postings by (h1, h2, spec hash, fold hash, prior desc): within a key, the names with
    // one specific part are contiguous, so exact/folded/generic matches are a binary search away.
    const pH1 = this.pH1.view();
    const pH2 = this.pH2.view();
    const prior = this.ePrior.view();
    let liveCount = 0;
    for (let n = 0; n < N; n++) if (alive[nEntry[n]!]) liveCount++;
    let perm: Uint32Array = new Uint32Array(liveCount);
    for (let n = 0, j = 0; n < N; n++) if (alive[nEntry[n]!]) perm[j++] = n;
    const digit = new Uint16Array(N);
    const pass = (fill: (n: number) => number) => {
      for (let i = 0; i < perm.length; i++) digit[perm[i]!] = fill(perm[i]!);
      perm = radixPass(perm, digit);
    };
    const fold = this.pFold.view();
    const specX = this.pSpecX.view();
    pass((n) => 65535 - prior[nEntry[n]!]!);
    pass((n) => fold[n]! & 0xffff);
    pass((n) => fold[n]! >>> 16);
    pass((n) => ((specX[n]! ^ fold[n]!) >>> 0) & 0xffff);
    pass((n) => ((specX[n]! ^ fold[n]!) >>> 0) >>> 16);
    pass((n) => pH2[n]! & 0xffff);
    pass((n) => pH2[n]! >>> 16);
    pass((n) => pH1[n]! & 0xffff);
    pass((n) => pH1[n]! >>> 16);

    // --- compact entries (drop duplicates), remap names
    const newEntry = new Uint32Array(E);
    let E2 = 0;
    for (let e = 0; e < E; e++) if (alive[e]) newEntry[e] = E2++;
    const newName = new Uint32Array(N);
    let N2 = 0;
    for (let e = 0; e < E; e++) {
      if (!alive[e]) continue;
      for (let n = eNameStart[e]!; n < eNameStart[e + 1]!; n++) newName[n] = N2++;
    }

    // --- prefixes: sort unique
    const prefixes = sortUniquePairs(this.xH1.view(), this.xH2.view());
    this.xH1.drop();
    this.xH2.drop();

    // --- key table (merge full keys and prefixes)
    const P = perm.length;
    const kH1 = new Column(u32, 1024);
    const kH2 = new Column(u32, 1024);
    const kStart = new Column(u32, 1024);
    const kFlags = new Column(u8, 1024);
    const pEntry = new Uint32Array(P);
    const pRank = new Uint8Array(P);
    const pFold = new Uint32Array(P);
    // spec hash and generic mask differ from (fold, 0) for few names: a bitset marks those
    // postings, and a sparse table (sorted by posting) holds their values.
    const pExtra = new Uint32Array((P + 31) >>> 5);
    const sIdx = new Column(u32);
    const sSpecX = new Column(u32);
    const sGen = new Column(u32);
    const srcFold = this.pFold.view();
    const srcSpecX = this.pSpecX.view();
    const srcGen = this.pGen.view();
    let x = 0; // prefix cursor
    const X = prefixes.h1.length;
    const emitPrefixesBefore = (h1: number, h2: number, pos: number) => {
      while (x < X && (prefixes.h1[x]! < h1 || (prefixes.h1[x] === h1 && prefixes.h2[x]! < h2))) {
        kH1.push(prefixes.h1[x]!);
        kH2.push(prefixes.h2[x]!);
        kStart.push(pos);
        kFlags.push(2);
        x++;
      }
    };
    for (let i = 0; i < P; ) {
      const n0 = perm[i]!;
      const h1 = pH1[n0]!;
      const h2 = pH2[n0]!;
      emitPrefixesBefore(h1, h2, i);
      let flags = 1;
      if (x < X && prefixes.h1[x] === h1 && prefixes.h2[x] === h2) {
        flags |= 2;
        x++;
      }
      kH1.push(h1);
      kH2.push(h2);
      kStart.push(i);
      kFlags.push(flags);
      let j = i;
      while (j < P && pH1[perm[j]!] === h1 && pH2[perm[j]!] === h2) {
        const n = perm[j]!;
        pEntry[j] = newEntry[nEntry[n]!]!;
        pRank[j] = n - eNameStart[nEntry[n]!]!;
        pFold[j] = srcFold[n]!;
        if (srcSpecX[n] !== 0 || srcGen[n] !== 0) {
          pExtra[j >>> 5]! |= 1 << (j & 31);
          sIdx.push(j);
          sSpecX.push(srcSpecX[n]!);
          sGen.push(srcGen[n]!);
        }
        j++;
      }
      i = j;
    }
    while (x < X) {
      kH1.push(prefixes.h1[x]!);
      kH2.push(prefixes.h2[x]!);
      kStart.push(P);
      kFlags.push(2);
      x++;
    }
    kStart.push(P);

    // --- compacted entry and name columns
    const pick = <T extends TypedArray>(col: Column<T>, make: (n: number) => T, width = 1): T => {
      const src = col.view();
      if (E2 === E) return src;
      const out = make(E2 * width);
      for (let e = 0, j = 0; e < E; e++) {
        if (!alive[e]) continue;
        for (let w = 0; w < width; w++) out[j * width + w] = src[e * width + w]!;
        j++;
      }
      return out;
    };
    const nOffSrc = this.nOff.view();
    const nKindSrc = this.nKind.view();
    let nOff: Uint32Array;
    let nKind: Uint8Array;
    let pool: Uint8Array;
    const eNameStart2 = new Uint32Array(E2 + 1);
    if (E2 === E) {
      nOff = nOffSrc;
      nKind = nKindSrc;
      pool = this.pool.view();
      eNameStart2.set(eNameStart);
    } else {
      nOff = new Uint32Array(N2 + 1);
      nKind = new Uint8Array(N2);
      const poolSrc = this.pool.view();
      let bytes = 0;
      for (let e = 0; e < E; e++) if (alive[e]) bytes += nOffSrc[eNameStart[e + 1]!]! - nOffSrc[eNameStart[e]!]!;
      pool = new Uint8Array(bytes);
      let pos = 0;
      let k = 0;
      for (let e = 0, j = 0; e < E; e++) {
        if (!alive[e]) continue;
        eNameStart2[j++] = k;
        for (let n = eNameStart[e]!; n < eNameStart[e + 1]!; n++) {
          const a = nOffSrc[n]!;
          const b = nOffSrc[n + 1]!;
          nOff[k] = pos;
          nKind[k] = nKindSrc[n]!;
          pool.set(poolSrc.subarray(a, b), pos);
          pos += b - a;
          k++;
        }
      }
      nOff[k] = pos;
      eNameStart2[E2] = k;
    }
    const remapSparse = (entryCol: Column<Uint32Array>): Uint32Array => {
      const v = entryCol.view();
      const out = new Uint32Array(v.length);
      for (let i = 0; i < v.length; i++) out[i] = alive[v[i]!] ? newEntry[v[i]!]! : 0xffffffff;
      return out;
    };
    const keepSparse = <T extends TypedArray>(entries: Uint32Array, vals: T, width: number, make: (n: number) => T): [Uint32Array, T] => {
      let cnt = 0;
      for (const e of entries) if (e !== 0xffffffff) cnt++;
      const oe = new Uint32Array(cnt);
      const ov = make(cnt * width);
      for (let i = 0, j = 0; i < entries.length; i++) {
        if (entries[i] === 0xffffffff) continue;
        oe[j] = entries[i]!;
        for (let w = 0; w < width; w++) ov[j * width + w] = vals[i * width + w]!;
        j++;
      }
      return [oe, ov];
    };
    const [xEntry, xBox] = keepSparse(remapSparse(this.extEntry), this.extBox.view(), 4, f32);
    const [cEntry, cList] = keepSparse(remapSparse(this.ccEntry), this.ccList.view(), 1, u16);
    const [vEntry, vIdx] = keepSparse(remapSparse(this.provEntry), this.provIdx.view(), 1, u32);

    const eId = pick(this.eId, u32);
    const eSrc = pick(this.eSrc, u8);
    // entries ordered by (src, id) for get(id)
    const idOrder = sortByIdOrder(eId, eSrc);

    const sections = new Map<string, TypedArray>([
      ['eId', eId],
      ['eSrc', eSrc],
      ['eLat', pick(this.eLat, i32)],
      ['eLon', pick(this.eLon, i32)],
      ['eCode', pick(this.eCode, u16)],
      ['eCountry', pick(this.eCountry, u16)],
      ['eAdmin1', pick(this.eAdmin1, u32)],
      ['eAdmin2', pick(this.eAdmin2, u32)],
      ['ePop', pick(this.ePop, u32)],
      ['eTz', pick(this.eTz, u16)],
      ['ePrior', pick(this.ePrior, u16)],
      ['eFlags', pick(this.eFlags, u8)],
      ['eNameStart', eNameStart2],
      ['idOrder', idOrder],
      ['nOff', nOff],
      ['nKind', nKind],
      ['pool', pool],
      ['kH1', kH1.view()],
      ['kH2', kH2.view()],
      ['kStart', kStart.view()],
      ['kFlags', kFlags.view()],
      ['pEntry', pEntry],
      ['pRank', pRank],
      ['pFold', pFold],
      ['pExtra', pExtra],
      ['sIdx', sIdx.view()],
      ['sSpecX', sSpecX.view()],
      ['sGen', sGen.view()],
      ['xEntry', xEntry],
      ['xBox', xBox],
      ['cEntry', cEntry],
      ['cList', cList],
      ['vEntry', vEntry],
      ['vIdx', vIdx],
    ]);
    const adminTable = this.adminCodes.list.map((c) => [c, this.adminNames.get(c) ?? null]);
    const adminJson = Buffer.from(JSON.stringify(adminTable), 'utf8');
    sections.set('admin', new Uint8Array(adminJson.buffer, adminJson.byteOffset, adminJson.length));
    this.stats.entries = E2;
    this.stats.names = eNameStart2[E2]!;
    return {
      meta: {
        ...meta,
        rules: this.rules.source,
        rulesHash: this.rules.hash,
        codes: this.codes.list,
        countries: this.countries.list,
        timezones: this.timezones.list,
        cc2Lists: this.cc2Lists.list,
        stringIds: this.stringIds.list,
        provenances: this.provenances.list,
        counts: { entries: E2, names: eNameStart2[E2], keys: kH1.length, postings: P },
      },
      sections,
      stats: this.stats,
    };
  }

  private markDuplicates(E: number): Uint8Array {
    const alive = new Uint8Array(E).fill(1);
    const eId = this.eId.view();
    const eSrc = this.eSrc.view();
    const eMod = this.eMod.view();
    const order = sortByIdOrder(eId, eSrc);
    for (let i = 1; i < E; i++) {
      const a = order[i - 1]!;
      const b = order[i]!;
      if (eId[a] !== eId[b] || eSrc[a] !== eSrc[b]) continue;
      // same id: order is stable by entry index, so b was added later
      const loser = eMod[a]! > eMod[b]! ? b : a;
      const winner = loser === a ? b : a;
      alive[loser] = 0;
      // keep the winner in the chain position so a third copy compares against it
      order[i] = winner;
      this.stats.duplicateIds++;
    }
    return alive;
  }
}

/** yyyy-mm-dd → days since 1970 (0 when unparseable). */
function dayNumber(s: string): number {
  const t = Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s);
  return Number.isFinite(t) ? Math.max(0, Math.floor(t / 86400000)) : 0;
}

/** One stable LSD counting-sort pass on a 16-bit digit (digit indexed by element value). */
function radixPass(perm: Uint32Array, digit: Uint16Array): Uint32Array {
  const count = new Uint32Array(65537);
  for (let i = 0; i < perm.length; i++) count[digit[perm[i]!]! + 1]!++;
  for (let d = 1; d <= 65536; d++) count[d]! += count[d - 1]!;
  const out = new Uint32Array(perm.length);
  for (let i = 0; i < perm.length; i++) {
    const v = perm[i]!;
    out[count[digit[v]!]!++] = v;
  }
  return out;
}

function sortUniquePairs(h1: Uint32Array, h2: Uint32Array): { h1: Uint32Array; h2: Uint32Array } {
  const n = h1.length;
  let perm: Uint32Array = new Uint32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  const digit = new Uint16Array(n);
  const pass = (fill: (i: number) => number) => {
    for (let i = 0; i < n; i++) digit[i] = fill(i);
    perm = radixPass(perm, digit);
  };
  pass((i) => h2[i]! & 0xffff);
  pass((i) => h2[i]! >>> 16);
  pass((i) => h1[i]! & 0xffff);
  pass((i) => h1[i]! >>> 16);
  const o1 = new Column(u32, Math.max(1024, n));
  const o2 = new Column(u32, Math.max(1024, n));
  for (let i = 0; i < n; i++) {
    const p = perm[i]!;
    if (o1.length > 0 && o1.arr[o1.length - 1] === h1[p] && o2.arr[o2.length - 1] === h2[p]) continue;
    o1.push(h1[p]!);
    o2.push(h2[p]!);
  }
  return { h1: o1.view(), h2: o2.view() };
}

/** Entry indices sorted by (src, id), stable. */
export function sortByIdOrder(eId: Uint32Array, eSrc: Uint8Array): Uint32Array {
  const n = eId.length;
  let perm: Uint32Array = new Uint32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  const digit = new Uint16Array(n);
  const pass = (fill: (i: number) => number) => {
    for (let i = 0; i < n; i++) digit[i] = fill(i);
    perm = radixPass(perm, digit);
  };
  pass((i) => eId[i]! & 0xffff);
  pass((i) => eId[i]! >>> 16);
  pass((i) => eSrc[i]!);
  return perm;
}
