/**
 * GeoNames dump formats: recognising a file, parsing and checking its rows.
 *
 * Layouts (https://download.geonames.org/export/dump/readme.txt):
 *   geoname table (allCountries, LY.txt, cities500…): 19 columns
 *   admin1CodesASCII, admin2Codes: code, name, asciiname, geonameid
 *   countryInfo: 19 columns, `#` comments
 *   featureCodes_xx: CLASS.CODE, short name, description
 *   hierarchy: parentId, childId, type
 *   alternateNamesV2: alternateNameId, geonameid, isolanguage, name, isPreferred, isShort,
 *                     isColloquial, isHistoric, from, to (alternateNames v1: the first 8)
 */
import { LineError } from './io.js';
import { NameKind, type NameKindCode } from './names.js';
import type { NameInput, PlaceRecord } from './builder.js';

export type FileKind = 'geoname' | 'admin1' | 'admin2' | 'countryInfo' | 'featureCodes' | 'hierarchy' | 'alternateNames' | 'additions';

export const FILE_KIND_HELP =
  'allCountries.txt, a country file such as LY.txt, cities500/1000/5000/15000.txt, admin1CodesASCII.txt, admin2Codes.txt, countryInfo.txt, featureCodes_en.txt, hierarchy.txt, alternateNamesV2.txt (each plain, .zip or .gz), or a user-additions .csv/.json';

/** Recognise a GeoNames file by its name (as GeoNames names it), or null. */
export function kindFromName(name: string): FileKind | null {
  const n = name.replace(/\.(gz|zip)$/i, '');
  if (/\.(csv|json)$/i.test(n)) return 'additions';
  const base = n.replace(/\.(txt|tsv)$/i, '');
  if (/^allCountries$/i.test(base) || /^[A-Z]{2}$/.test(base) || /^cities\d+$/i.test(base) || /^no-country$/i.test(base)) return 'geoname';
  if (/^admin1Codes(ASCII)?$/i.test(base)) return 'admin1';
  if (/^admin2Codes$/i.test(base)) return 'admin2';
  if (/^countryInfo$/i.test(base)) return 'countryInfo';
  if (/^featureCodes(_[a-z]{2})?$/i.test(base)) return 'featureCodes';
  if (/^hierarchy$/i.test(base)) return 'hierarchy';
  if (/^alternateNames(V2)?$/i.test(base)) return 'alternateNames';
  return null;
}

/** Recognise a file by the column count of its first data line (fallback when the name says nothing). */
export function kindFromLine(line: string): FileKind | null {
  const cols = line.split('\t');
  if (cols.length === 19 && /^\d+$/.test(cols[0] ?? '')) return 'geoname';
  if (cols.length === 4 && /^[A-Z]{2}\.[^.]+$/.test(cols[0] ?? '')) return 'admin1';
  if (cols.length === 4 && /^[A-Z]{2}\.[^.]+\.[^.]+$/.test(cols[0] ?? '')) return 'admin2';
  if (cols.length === 3 && /^[A-Z]\.[A-Z0-9]+$/.test(cols[0] ?? '')) return 'featureCodes';
  if (cols.length === 10 && /^\d+$/.test(cols[0] ?? '') && /^\d+$/.test(cols[1] ?? '')) return 'alternateNames';
  return null;
}

const GEONAME_COLUMNS = 19;

function columnError(expected: number | string, found: number, what: string, last: boolean): LineError {
  return new LineError(
    `expected ${expected} tab-separated columns (${what}), found ${found}${last ? ' — the file looks truncated (its last line has no newline)' : ''}`,
    last ? 'Download the file again.' : 'Is this the right file? GeoNames files are tab-separated with no quoting.',
  );
}

function int(s: string, what: string): number {
  if (!/^-?\d+$/.test(s)) throw new LineError(`${what} "${s.slice(0, 40)}" is not an integer`);
  return Number(s);
}

function coord(s: string, what: string, max: number): number {
  const v = Number(s);
  if (s === '' || !Number.isFinite(v) || Math.abs(v) > max) throw new LineError(`${what} "${s.slice(0, 40)}" is not a valid coordinate`);
  return v;
}

/** Alternate names that are codes or links, not names (IATA/ICAO/postal codes, URLs). */
export function isCodeLike(name: string): boolean {
  return /^[A-Z0-9]{2,5}$/.test(name) || /^\d[\d\s-]*$/.test(name) || name.includes('://');
}

/** Alternate names of one place from alternateNamesV2, as the importer stores them. */
export interface AltLookup {
  namesOf(geonameid: number): NameInput[] | null;
}

/** Parse one geoname-table row into a record (throws LineError naming what is wrong). */
export function parseGeonameRow(line: string, last: boolean, alts: AltLookup | null): PlaceRecord | null {
  if (line === '' || line.charCodeAt(0) === 35 /* # */) return null;
  const c = line.split('\t');
  if (c.length !== GEONAME_COLUMNS) throw columnError(GEONAME_COLUMNS, c.length, 'GeoNames geoname table', last);
  const id = int(c[0]!, 'geonameid');
  if (id <= 0 || id > 0xffffffff) throw new LineError(`geonameid ${id} is out of range`);
  const name = c[1]!;
  if (!name) throw new LineError(`geonameid ${id} has an empty name`);
  const lat = coord(c[4]!, 'latitude', 90);
  const lon = coord(c[5]!, 'longitude', 180);
  const fclass = c[6]!;
  const fcode = c[7]!;
  const country = c[8]!;
  if (country !== '' && !/^[A-Z]{2}$/.test(country)) throw new LineError(`country code "${country.slice(0, 10)}" is not ISO 3166 alpha-2`);
  const popText = c[14]!;
  const population = popText === '' ? 0 : int(popText, 'population');
  const names: NameInput[] = [{ name, kind: NameKind.primary }];
  if (c[2] && c[2] !== name) names.push({ name: c[2], kind: NameKind.ascii });
  const v2 = alts?.namesOf(id);
  if (v2) names.push(...v2);
  const altText = c[3]!;
  if (altText) {
    const isCountry = fclass === 'A' && fcode.startsWith('PCL');
    for (const a of altText.split(',')) {
      if (!a || (!isCountry && isCodeLike(a))) continue;
      names.push({ name: a, kind: NameKind.alternate });
    }
  }
  const cc2 = c[9] ? c[9].split(',').filter((x) => /^[A-Z]{2}$/.test(x) && x !== country) : [];
  return {
    source: 'geonames',
    id,
    names,
    lat,
    lon,
    featureClass: fclass,
    featureCode: fcode,
    country,
    cc2,
    admin1: c[10]!,
    admin2: c[11]!,
    population,
    timezone: c[17]!,
    modified: c[18]!,
  };
}

/** admin1CodesASCII / admin2Codes row → [code, name, geonameid]. */
export function parseAdminRow(line: string, last: boolean, level: 1 | 2): [string, string, number] | null {
  if (line === '' || line.startsWith('#')) return null;
  const c = line.split('\t');
  if (c.length !== 4) throw columnError(4, c.length, `GeoNames admin${level}Codes: code, name, asciiname, geonameid`, last);
  const code = c[0]!;
  const parts = code.split('.');
  if (parts.length !== level + 1 || !/^[A-Z]{2}$/.test(parts[0]!)) throw new LineError(`admin${level} code "${code.slice(0, 30)}" is not like ${level === 1 ? 'LY.76' : 'LY.74.2208403'}`);
  const gid = c[3] === '' ? 0 : int(c[3]!, 'geonameid');
  return [code, c[1] || c[2] || code, gid];
}

export interface CountryInfoRow {
  iso2: string;
  iso3: string;
  name: string;
  capital: string;
  areaKm2: number;
  population: number;
  continent: string;
  geonameid: number;
  neighbours: string[];
}

export function parseCountryInfoRow(line: string, last: boolean): CountryInfoRow | null {
  if (line === '' || line.startsWith('#')) return null;
  const c = line.split('\t');
  if (c.length < 17 || c.length > 19) throw columnError('17 to 19', c.length, 'GeoNames countryInfo', last);
  const iso2 = c[0]!;
  if (!/^[A-Z]{2}$/.test(iso2)) throw new LineError(`ISO code "${iso2.slice(0, 10)}" is not alpha-2`);
  return {
    iso2,
    iso3: c[1]!,
    name: c[4]!,
    capital: c[5]!,
    areaKm2: Number(c[6]) || 0,
    population: Number(c[7]) || 0,
    continent: c[8]!,
    geonameid: c[16] ? int(c[16], 'geonameid') : 0,
    neighbours: c[17] ? c[17].split(',').filter(Boolean) : [],
  };
}

export function parseFeatureCodeRow(line: string, last: boolean): [string, string, string] | null {
  if (line === '' || line.startsWith('#')) return null;
  const c = line.split('\t');
  if (c.length !== 3) throw columnError(3, c.length, 'GeoNames featureCodes: code, name, description', last);
  if (c[0] === 'null') return null; // the 2012 file ends with a `null` row
  if (!/^[A-Z]\.[A-Z0-9]+$/.test(c[0]!)) throw new LineError(`feature code "${c[0]!.slice(0, 20)}" is not like P.PPLA`);
  return [c[0]!, c[1]!, c[2]!];
}

export function parseHierarchyRow(line: string, last: boolean): [number, number, string] | null {
  if (line === '') return null;
  const c = line.split('\t');
  if (c.length !== 3) throw columnError(3, c.length, 'GeoNames hierarchy: parentId, childId, type', last);
  return [int(c[0]!, 'parentId'), int(c[1]!, 'childId'), c[2]!];
}

/** isolanguage values of alternateNamesV2 that are not names. */
const NOT_NAMES = new Set(['link', 'wkdt', 'post', 'iata', 'icao', 'faac', 'tcid', 'unlc', 'fr_1793', 'phon', 'piny']);

export interface AltRow {
  geonameid: number;
  name: string;
  kind: NameKindCode;
}

export function parseAltNameRow(line: string, last: boolean): AltRow | null {
  if (line === '') return null;
  const c = line.split('\t');
  if (c.length !== 10 && c.length !== 8) throw columnError('10 (alternateNamesV2) or 8 (alternateNames)', c.length, 'GeoNames alternate names', last);
  const gid = int(c[1]!, 'geonameid');
  const lang = c[2]!;
  if (NOT_NAMES.has(lang)) return null;
  const name = c[3]!;
  if (!name) return null;
  let kind: NameKindCode = NameKind.alternate;
  if (c[7] === '1') kind = NameKind.historic;
  else if (c[5] === '1' || c[6] === '1') kind = NameKind.short;
  else if (c[4] === '1') kind = NameKind.preferred;
  if (lang === 'abbr') kind = NameKind.short;
  return { geonameid: gid, name, kind };
}
