/**
 * A user's own additions: places GeoNames lacks or misnames, with where the analyst got them.
 *
 * CSV (header required, columns in any order; `alternatenames` separated by `|`):
 *   id,name,alternatenames,lat,lon,feature,country,admin1,population,source,note
 *   ,Al Washka,Washka|Al Wishka,30.62,15.87,P.PPL,LY,,0,"analyst note 2016-05, from imagery",
 *   geonames:4879018,…                      ← replaces that GeoNames entry in every lower layer
 *   !geonames:4879018                       ← hides that entry (and nothing else) below
 *   !name:Lange                             ← no lower-layer place matches the name "Lange" any more
 * JSON: the same fields, as `[{…}, …]` or `{ "places": [{…}], "remove": ["geonames:…", "name:…"] }`.
 *
 * `source` (provenance) is required for every place. `feature` is CLASS.CODE (default L.AREA).
 */
import { readFileSync } from 'node:fs';
import { inputError, usageError } from '../../core/errors.js';
import { IndexBuilder, type NameInput, type PlaceRecord } from './builder.js';
import { NameKind } from './names.js';
import { foldWith, type NameRules } from './normalize.js';

export interface Additions {
  readonly records: PlaceRecord[];
  readonly removedIds: string[];
  /** Folded names. */
  readonly removedNames: string[];
}

interface RawPlace {
  [k: string]: unknown;
}

const KNOWN = new Set(['id', 'name', 'alternatenames', 'lat', 'lon', 'latitude', 'longitude', 'feature', 'feature_class', 'feature_code', 'country', 'admin1', 'admin2', 'population', 'source', 'note', 'timezone']);

export function readAdditions(file: string, rules: NameRules): Additions {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw usageError('missing-file', code === 'ENOENT' ? `${file}: no such additions file` : `${file}: cannot read (${(e as Error).message})`);
  }
  if (text.includes('\uFFFD')) throw inputError('additions-not-utf8', `${file} is not UTF-8`, 'Save it as UTF-8.');
  const out: Additions = { records: [], removedIds: [], removedNames: [] };
  const usedIds = new Set<string>();
  if (/\.json$/i.test(file)) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      throw inputError('additions-bad', `${file}: not valid JSON (${(e as Error).message})`);
    }
    const places = Array.isArray(data) ? data : (data as { places?: unknown }).places;
    const remove = Array.isArray(data) ? [] : ((data as { remove?: unknown }).remove ?? []);
    if (!Array.isArray(places) || !Array.isArray(remove)) throw inputError('additions-bad', `${file}: expected an array of places, or { "places": [...], "remove": [...] }`);
    places.forEach((p, i) => addRaw(out, p as RawPlace, `${file} place ${i + 1}`, rules, usedIds));
    remove.forEach((r, i) => addRemoval(out, String(r), `${file} remove ${i + 1}`, rules));
    return out;
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let header: string[] | null = null;
  lines.forEach((line, i) => {
    const where = `${file} line ${i + 1}`;
    if (!line.trim() || line.startsWith('#')) return;
    const cells = parseCsvLine(line, where);
    if (!header) {
      header = cells.map((h) => h.trim().toLowerCase());
      for (const h of header) if (!KNOWN.has(h)) throw inputError('additions-bad', `${where}: unknown column "${h}" (known: ${[...KNOWN].join(', ')})`);
      if (!header.includes('name') && !header.includes('id')) throw inputError('additions-bad', `${where}: the header needs a "name" column`);
      return;
    }
    const first = (cells[0] ?? '').trim();
    if (first.startsWith('!')) {
      addRemoval(out, first.slice(1), where, rules);
      return;
    }
    if (cells.length > header.length) throw inputError('additions-bad', `${where}: ${cells.length} columns, the header has ${header.length}`);
    const raw: RawPlace = {};
    header.forEach((h, k) => (raw[h] = cells[k] ?? ''));
    addRaw(out, raw, where, rules, usedIds);
  });
  if (!header) throw inputError('additions-bad', `${file}: empty (expected a CSV header such as id,name,lat,lon,feature,country,source)`);
  return out;
}

function addRemoval(out: Additions, r: string, where: string, rules: NameRules): void {
  const s = r.trim();
  if (s.startsWith('name:')) {
    const f = foldWith(rules, s.slice(5));
    if (!f) throw inputError('additions-bad', `${where}: empty name to remove`);
    out.removedNames.push(f);
  } else if (/^(geonames|ne|user):.+/.test(s)) out.removedIds.push(s);
  else throw inputError('additions-bad', `${where}: "!${s}" — a removal is !geonames:<id>, !ne:<id>, !user:<id> or !name:<name>`);
}

function str(v: unknown): string {
  return v === undefined || v === null ? '' : String(v).trim();
}

function addRaw(out: Additions, p: RawPlace, where: string, rules: NameRules, usedIds: Set<string>): void {
  if (typeof p !== 'object' || p === null) throw inputError('additions-bad', `${where}: expected an object`);
  for (const k of Object.keys(p)) if (!KNOWN.has(k.toLowerCase())) throw inputError('additions-bad', `${where}: unknown field "${k}"`);
  const name = str(p.name);
  if (!name) throw inputError('additions-bad', `${where}: a place needs a name`);
  const lat = Number(str(p.lat ?? p.latitude));
  const lon = Number(str(p.lon ?? p.longitude));
  if (str(p.lat ?? p.latitude) === '' || !Number.isFinite(lat) || Math.abs(lat) > 90) throw inputError('additions-bad', `${where}: "${name}" needs lat between -90 and 90`);
  if (str(p.lon ?? p.longitude) === '' || !Number.isFinite(lon) || Math.abs(lon) > 180) throw inputError('additions-bad', `${where}: "${name}" needs lon between -180 and 180`);
  const source = str(p.source);
  if (!source) throw inputError('additions-bad', `${where}: "${name}" needs a source (where the place comes from: a map, a report, your own knowledge)`);
  let feature = str(p.feature) || (p.feature_class ? `${str(p.feature_class)}.${str(p.feature_code)}` : 'L.AREA');
  if (!/^[A-Z]\.[A-Z0-9]*$/.test(feature)) throw inputError('additions-bad', `${where}: feature "${feature}" should be CLASS.CODE, e.g. P.PPL, H.WAD, T.MTS`);
  const country = str(p.country).toUpperCase();
  if (country && !/^[A-Z]{2}$/.test(country)) throw inputError('additions-bad', `${where}: country "${country}" should be an ISO 3166 alpha-2 code such as LY`);
  const alts = Array.isArray(p.alternatenames) ? p.alternatenames.map(str) : str(p.alternatenames).split('|').map((s) => s.trim());
  const names: NameInput[] = [{ name, kind: NameKind.primary }, ...alts.filter(Boolean).map((a) => ({ name: a, kind: NameKind.alternate }))];
  let id = str(p.id);
  let src: PlaceRecord['source'] = 'user';
  let numId: number | string;
  const m = /^(geonames|ne):(\d+)$/.exec(id);
  if (m) {
    src = m[1] as 'geonames' | 'ne';
    numId = Number(m[2]);
  } else {
    if (id.startsWith('user:')) id = id.slice(5);
    if (!id) {
      const base = foldWith(rules, name).replace(/ /g, '-') || 'place';
      id = base;
      for (let k = 2; usedIds.has(id); k++) id = `${base}-${k}`;
    }
    numId = id;
  }
  const full = `${src}:${numId}`;
  if (usedIds.has(full) || usedIds.has(String(numId))) throw inputError('additions-bad', `${where}: id ${full} is used twice`);
  usedIds.add(full);
  usedIds.add(String(numId));
  const population = str(p.population) ? Number(str(p.population)) : 0;
  if (!Number.isFinite(population) || population < 0) throw inputError('additions-bad', `${where}: population "${str(p.population)}" is not a number`);
  feature = feature.includes('.') ? feature : `${feature}.`;
  const [fclass = 'L', fcode = ''] = feature.split('.');
  out.records.push({
    source: src,
    id: numId,
    names,
    lat,
    lon,
    featureClass: fclass,
    featureCode: fcode,
    country,
    admin1: str(p.admin1),
    admin2: str(p.admin2),
    population,
    timezone: str(p.timezone),
    provenance: str(p.note) ? `${source} — ${str(p.note)}` : source,
    modified: '9999-12-31', // an addition wins over the same id from a dump imported with it
  });
}

/** Split one CSV line (RFC 4180 quoting within a line). */
export function parseCsvLine(line: string, where: string): string[] {
  const out: string[] = [];
  let cur = '';
  let i = 0;
  let quoted = false;
  while (i <= line.length) {
    const c = line[i];
    if (quoted) {
      if (c === undefined) throw inputError('additions-bad', `${where}: unclosed quote`);
      if (c === '"') {
        if (line[i + 1] === '"') {
          cur += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      cur += c;
      i++;
      continue;
    }
    if (c === undefined || c === ',') {
      out.push(cur);
      cur = '';
      i++;
      continue;
    }
    if (c === '"' && cur.trim() === '') {
      quoted = true;
      cur = '';
      i++;
      continue;
    }
    cur += c;
    i++;
  }
  return out;
}

/** Add every record of the additions to a builder. */
export function addAll(b: IndexBuilder, a: Additions): void {
  for (const r of a.records) b.add(r);
}
