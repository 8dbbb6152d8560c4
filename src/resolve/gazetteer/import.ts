/**
 * `sitrep gazetteer import`: GeoNames dumps (and user additions) → one index file.
 *
 * Files are read in dependency order whatever order they were given in (names of countries, admin
 * divisions and feature codes first; alternateNamesV2 before the geoname tables that use it), each
 * streamed line by line. The index is written to a temporary file beside the output and renamed
 * over it only when complete, so a failed import leaves the previous index as it was.
 */
import { closeSync, existsSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { inputError, usageError } from '../../core/errors.js';
import { addAll, readAdditions } from './additions.js';
import { IndexBuilder, type NameInput, type PlaceRecord } from './builder.js';
import { encodeIndex } from './format.js';
import {
  FILE_KIND_HELP,
  kindFromLine,
  kindFromName,
  parseAdminRow,
  parseAltNameRow,
  parseCountryInfoRow,
  parseFeatureCodeRow,
  parseGeonameRow,
  parseHierarchyRow,
  type AltLookup,
  type CountryInfoRow,
  type FileKind,
} from './geonames.js';
import { forEachLine, LineError, openSources, type InflateLimits, type TextSource } from './io.js';
import type { NameKindCode } from './names.js';
import type { NameRules } from './normalize.js';
import { loadDefaultPriors, loadDefaultRules } from './paths.js';

export const GEONAMES_ATTRIBUTION = 'Contains data from GeoNames (geonames.org), CC BY 4.0';

export interface ImportProgress {
  readonly file: string;
  readonly kind: FileKind;
  readonly bytesRead: number;
  readonly bytesTotal: number;
  readonly lines: number;
  readonly entries: number;
}

export interface ImportOptions {
  readonly out: string;
  /** 'all' (default) keeps names in every script; 'latin' keeps Latin-script names only. */
  readonly scripts?: 'latin' | 'all';
  /** Brotli-compress the index (smaller file, slower load). Default false. */
  readonly compress?: boolean;
  readonly limits?: InflateLimits;
  readonly onProgress?: (p: ImportProgress) => void;
  /** ISO timestamp recorded as the build date (default: now). */
  readonly builtAt?: string;
  readonly rules?: NameRules;
  readonly priors?: ReadonlyMap<string, number>;
  /** Hook for the bundle build: add records after the files (Natural Earth, derived admin entries). */
  readonly extra?: (ctx: ImportContext) => void | Promise<void>;
  /** Records of the geoname tables are also passed here (the bundle collects city points). */
  readonly onRecord?: (r: PlaceRecord) => void;
  /** Extra meta (sources with licences) merged into the index meta. */
  readonly meta?: Record<string, unknown>;
}

export interface ImportContext {
  readonly builder: IndexBuilder;
  readonly countries: ReadonlyMap<string, CountryInfoRow>;
  readonly admin1: ReadonlyMap<string, { name: string; geonameid: number }>;
  readonly admin2: ReadonlyMap<string, { name: string; geonameid: number }>;
}

export interface FileReport {
  readonly file: string;
  readonly kind: FileKind;
  readonly lines: number;
  readonly rows: number;
}

export interface ImportReport {
  readonly out: string;
  readonly files: readonly FileReport[];
  readonly entries: number;
  readonly names: number;
  readonly keys: number;
  readonly bytes: number;
  readonly seconds: number;
  readonly duplicateIds: number;
  readonly peakRssBytes: number;
}

const ORDER: Record<FileKind, number> = { countryInfo: 0, featureCodes: 1, admin1: 2, admin2: 3, alternateNames: 4, geoname: 5, additions: 6, hierarchy: 7 };

export async function importFiles(files: readonly string[], opts: ImportOptions): Promise<ImportReport> {
  const t0 = process.hrtime.bigint();
  if (files.length === 0) throw usageError('no-files', 'gazetteer import needs at least one file', `Give GeoNames files: ${FILE_KIND_HELP}.`);
  const out = resolve(opts.out);
  const outDir = dirname(out);
  if (!existsSync(outDir)) throw usageError('bad-out', `--out ${opts.out}: the folder ${outDir} does not exist`, 'Create it first.');
  for (const f of files) if (resolve(f) === out) throw usageError('bad-out', `--out ${opts.out} is also an input file`, 'Write the index to another path.');
  const rules = opts.rules ?? loadDefaultRules();
  const priors = opts.priors ?? loadDefaultPriors();
  let peakRss = process.memoryUsage().rss;
  const sample = () => {
    const r = process.memoryUsage().rss;
    if (r > peakRss) peakRss = r;
  };

  // --- classify inputs
  const additions: string[] = [];
  const sources: { src: TextSource; kind: FileKind }[] = [];
  for (const f of files) {
    if (/\.(csv|json)$/i.test(f)) {
      additions.push(f);
      continue;
    }
    for (const src of openSources([f])) {
      const kind = kindFromName(src.name) ?? (await sniff(src));
      if (!kind) throw usageError('unknown-format', `${src.label}: cannot tell which GeoNames file this is`, `Name it as GeoNames does: ${FILE_KIND_HELP}.`);
      if (kind === 'additions') additions.push(f);
      else sources.push({ src, kind });
    }
  }
  sources.sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);
  if (!sources.some((s) => s.kind === 'geoname') && additions.length === 0) {
    throw usageError('no-places', 'none of the files holds places', 'Add a geoname table (allCountries.txt, LY.txt, cities500.txt, …): admin codes and countryInfo only name what those files contain.');
  }

  const builder = new IndexBuilder({ rules, priors, scripts: opts.scripts ?? 'all' });
  const countries = new Map<string, CountryInfoRow>();
  const admin1 = new Map<string, { name: string; geonameid: number }>();
  const admin2 = new Map<string, { name: string; geonameid: number }>();
  const featureNames: Record<string, string> = {};
  let alts: AltStore | null = null;
  let hierarchyLinks = 0;
  const reports: FileReport[] = [];

  for (const { src, kind } of sources) {
    let rows = 0;
    const tick = () => {
      sample();
      opts.onProgress?.({ file: src.label, kind, bytesRead: src.progress.read, bytesTotal: src.progress.total, lines: 0, entries: builder.entryCount });
    };
    let onLine: (line: string, n: number, last: boolean) => void;
    switch (kind) {
      case 'countryInfo':
        onLine = (line, _n, last) => {
          const r = parseCountryInfoRow(line, last);
          if (r) {
            countries.set(r.iso2, r);
            rows++;
          }
        };
        break;
      case 'featureCodes':
        onLine = (line, _n, last) => {
          const r = parseFeatureCodeRow(line, last);
          if (r) {
            featureNames[r[0]] = r[1];
            rows++;
          }
        };
        break;
      case 'admin1':
      case 'admin2':
        onLine = (line, _n, last) => {
          const r = parseAdminRow(line, last, kind === 'admin1' ? 1 : 2);
          if (!r) return;
          (kind === 'admin1' ? admin1 : admin2).set(r[0], { name: r[1], geonameid: r[2] });
          builder.setAdminName(r[0], r[1]);
          rows++;
        };
        break;
      case 'alternateNames': {
        const store = (alts ??= new AltStore());
        onLine = (line, _n, last) => {
          const r = parseAltNameRow(line, last);
          if (r) {
            store.add(r.geonameid, r.name, r.kind);
            rows++;
          }
        };
        break;
      }
      case 'geoname': {
        if (alts) alts.seal();
        const lookupAlts: AltLookup | null = alts;
        onLine = (line, _n, last) => {
          const r = parseGeonameRow(line, last, lookupAlts);
          if (!r) return;
          opts.onRecord?.(r);
          builder.add(r);
          rows++;
        };
        break;
      }
      case 'hierarchy':
        onLine = (line, _n, last) => {
          if (parseHierarchyRow(line, last)) hierarchyLinks++;
          rows++;
        };
        break;
      default:
        throw new Error(`unhandled kind ${kind}`);
    }
    const lines = await forEachLine(src, onLine, { limits: opts.limits, onTick: tick });
    tick();
    if (rows === 0 && kind === 'geoname') throw inputError('import-empty', `${src.label} holds no rows`, 'Download it again.');
    reports.push({ file: src.label, kind, lines, rows });
  }
  for (const f of additions) {
    const a = readAdditions(f, rules);
    addAll(builder, a);
    reports.push({ file: f, kind: 'additions', lines: a.records.length, rows: a.records.length });
  }
  if (opts.extra) await opts.extra({ builder, countries, admin1, admin2 });
  sample();
  if (builder.entryCount === 0) throw inputError('import-empty', 'the files hold no place with a usable name');

  const builtAt = opts.builtAt ?? new Date().toISOString();
  const built = builder.finish({
    builtAt,
    sources: [{ name: 'GeoNames', licence: 'CC BY 4.0', detail: reports.map((r) => `${r.file} (${r.kind}, ${r.rows} rows)`).join('; ') }],
    attribution: [GEONAMES_ATTRIBUTION],
    featureNames,
    countryNames: Object.fromEntries([...countries].map(([k, v]) => [k, v.name])),
    hierarchyLinks,
    ...opts.meta,
  });
  sample();
  const parts = encodeIndex(built.meta, built.sections, opts.compress ?? false);
  const bytes = writeAtomic(out, parts);
  sample();
  return {
    out,
    files: reports,
    entries: built.stats.entries,
    names: built.stats.names,
    keys: (built.meta.counts as { keys: number }).keys,
    bytes,
    seconds: Number(process.hrtime.bigint() - t0) / 1e9,
    duplicateIds: built.stats.duplicateIds,
    peakRssBytes: Math.max(peakRss, process.resourceUsage().maxRSS * 1024),
  };
}

/** Write the parts to `out` through a temporary file and a rename (the old file survives any failure). */
export function writeAtomic(out: string, parts: readonly Uint8Array[]): number {
  const tmp = `${out}.tmp-${process.pid}-${Date.now()}`;
  let fd = -1;
  let bytes = 0;
  try {
    fd = openSync(tmp, 'w');
    for (const p of parts) {
      let off = 0;
      while (off < p.length) off += writeSync(fd, p, off, p.length - off);
      bytes += p.length;
    }
    fsyncSync(fd);
    closeSync(fd);
    fd = -1;
    renameSync(tmp, out);
  } catch (e) {
    if (fd >= 0) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      /* already gone */
    }
    throw inputError('import-write', `cannot write ${out}: ${(e as Error).message}`, 'Check free disk space and permissions; the previous index is unchanged.');
  }
  return statSync(out).size || bytes;
}

async function sniff(src: TextSource): Promise<FileKind | null> {
  let kind: FileKind | null = null;
  let seen = false;
  try {
    await forEachLine(src, (line) => {
      if (line === '' || line.startsWith('#')) return;
      kind = kindFromLine(line);
      seen = true;
      throw new LineError('sniffed');
    });
  } catch (e) {
    if (!seen) throw e;
  }
  src.progress.read = 0;
  return kind;
}

/**
 * alternateNamesV2 rows kept compactly until the geoname tables are read: ids, kinds and a UTF-8
 * pool, sorted by geonameid once (seal) and looked up by binary search.
 */
class AltStore implements AltLookup {
  private gid = new Uint32Array(1 << 16);
  private off = new Uint32Array(1 << 16);
  private kind = new Uint8Array(1 << 16);
  private n = 0;
  private pool = Buffer.allocUnsafe(1 << 20);
  private poolLen = 0;
  private order: Uint32Array | null = null;
  private sortedGid: Uint32Array | null = null;

  add(geonameid: number, name: string, kind: NameKindCode): void {
    if (this.n + 1 >= this.gid.length) {
      const grow = <T extends Uint32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a as never);
        return b;
      };
      this.gid = grow(this.gid, (k) => new Uint32Array(k));
      this.off = grow(this.off, (k) => new Uint32Array(k));
      this.kind = grow(this.kind, (k) => new Uint8Array(k));
    }
    if (this.poolLen + name.length * 3 > this.pool.length) {
      const next = Buffer.allocUnsafe(Math.max(this.pool.length * 2, this.poolLen + name.length * 3));
      this.pool.copy(next, 0, 0, this.poolLen);
      this.pool = next;
    }
    this.gid[this.n] = geonameid;
    this.off[this.n] = this.poolLen;
    this.kind[this.n] = kind;
    this.poolLen += this.pool.write(name, this.poolLen, 'utf8');
    this.n++;
    this.off[this.n] = this.poolLen;
  }

  seal(): void {
    if (this.order) return;
    const n = this.n;
    let perm: Uint32Array = new Uint32Array(n);
    for (let i = 0; i < n; i++) perm[i] = i;
    for (const shift of [0, 16]) {
      const count = new Uint32Array(65537);
      for (let i = 0; i < n; i++) count[((this.gid[perm[i]!]! >>> shift) & 0xffff) + 1]!++;
      for (let d = 1; d <= 65536; d++) count[d]! += count[d - 1]!;
      const next = new Uint32Array(n);
      for (let i = 0; i < n; i++) {
        const v = perm[i]!;
        next[count[(this.gid[v]! >>> shift) & 0xffff]!++] = v;
      }
      perm = next;
    }
    this.order = perm;
    this.sortedGid = new Uint32Array(n);
    for (let i = 0; i < n; i++) this.sortedGid[i] = this.gid[perm[i]!]!;
  }

  namesOf(geonameid: number): NameInput[] | null {
    const s = this.sortedGid;
    const order = this.order;
    if (!s || !order) return null;
    let lo = 0;
    let hi = s.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (s[mid]! < geonameid) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= s.length || s[lo] !== geonameid) return null;
    const out: NameInput[] = [];
    for (let i = lo; i < s.length && s[i] === geonameid; i++) {
      const r = order[i]!;
      out.push({ name: this.pool.toString('utf8', this.off[r]!, this.off[r + 1]!), kind: this.kind[r]! as NameKindCode });
    }
    // preferred names first, historic last
    out.sort((a, b) => rankKind(a.kind) - rankKind(b.kind));
    return out;
  }
}

function rankKind(k: number): number {
  return k === 3 ? 0 : k === 5 ? 2 : 1;
}

export { LineError };
