/**
 * A development gazetteer for tests and the dev eval loop, built in memory from the GeoNames and
 * Natural Earth files in ../shared/data: cities500 (+ the newer cities15000), countries, admin-1
 * (Natural Earth points), admin-2 (the population-weighted mean of its towns), seas, gulfs, lakes,
 * rivers, mountain ranges, deserts and continents. Exact matching on folded names only.
 *
 * Test-only: the product loads the bundled gazetteer index (src/resolve/gazetteer, another branch).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Gazetteer, GazetteerCandidate, GazetteerEntry, LookupOptions } from '../../src/core/index.js';
import { sharedPath } from '../helpers.js';

/** Case, diacritics, apostrophes and dots out; hyphens to spaces. */
export function foldName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`ʻʼ.]/g, '')
    .replace(/[-‐–_/]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

interface Row {
  entry: GazetteerEntry;
  primary: string;
}

export class DevGazetteer implements Gazetteer {
  private readonly rows: Row[] = [];
  private readonly index = new Map<string, number[]>();
  private readonly byId = new Map<string, number>();

  add(entry: GazetteerEntry, names: Iterable<string>): void {
    const prev = this.byId.get(entry.id);
    let i: number;
    if (prev !== undefined) {
      i = prev;
      this.rows[i] = { entry, primary: this.rows[i]!.primary };
    } else {
      i = this.rows.length;
      this.rows.push({ entry, primary: foldName(entry.name) });
      this.byId.set(entry.id, i);
    }
    for (const n of names) {
      if (!n || n.length > 80) continue;
      const k = foldName(n);
      if (!k) continue;
      let list = this.index.get(k);
      if (!list) this.index.set(k, (list = []));
      if (!list.includes(i)) list.push(i);
    }
  }

  get size(): number {
    return this.rows.length;
  }

  entry(id: string): GazetteerEntry | null {
    const i = this.byId.get(id);
    return i === undefined ? null : this.rows[i]!.entry;
  }

  lookup(name: string, options: LookupOptions = {}): GazetteerCandidate[] {
    const k = foldName(name);
    const list = this.index.get(k);
    if (!list) return [];
    const out: GazetteerCandidate[] = [];
    for (const i of list) {
      const r = this.rows[i]!;
      if (options.country && r.entry.country !== options.country) continue;
      const primary = r.primary === k;
      out.push({ entry: r.entry, matched: name, score: primary ? 1 : 0.9, reasons: [primary ? 'exact' : 'alternate-name'] });
    }
    out.sort((a, b) => b.score - a.score || b.entry.population - a.entry.population);
    return options.limit ? out.slice(0, options.limit) : out;
  }
}

const NE_REGION_CODES: Record<string, [string, string]> = {
  'Range/mtn': ['T', 'MTS'], Plateau: ['T', 'PLAT'], Desert: ['T', 'DSRT'], Continent: ['L', 'CONT'],
  Island: ['T', 'ISL'], 'Island group': ['T', 'ISLS'], Geoarea: ['L', 'RGN'], Valley: ['T', 'VAL'],
  Basin: ['T', 'BSNU'], Peninsula: ['T', 'PEN'], 'Pen/cape': ['T', 'CAPE'], Plain: ['T', 'PLN'],
  Delta: ['T', 'DLTA'], Coast: ['L', 'CST'], Lowland: ['T', 'LWLD'], Depression: ['T', 'DPR'],
  Foothills: ['T', 'HLLS'], Gorge: ['T', 'GRGE'], Isthmus: ['T', 'ISTH'], Lake: ['H', 'LK'],
  Tundra: ['L', 'RGN'], Wetlands: ['H', 'WTLD'],
};
const NE_MARINE_CODES: Record<string, string> = {
  bay: 'BAY', channel: 'CHN', fjord: 'FJD', generic: 'SEA', gulf: 'GULF', inlet: 'INLT', lagoon: 'LGN',
  ocean: 'OCN', reef: 'RF', river: 'STM', sea: 'SEA', sound: 'SD', strait: 'STRT',
};

function jsonl(path: string): Record<string, unknown>[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Record<string, unknown>);
}
const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);
const numOr = (v: unknown, d: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : d);

function sphericalMean(ps: readonly [number, number][]): [number, number] {
  const r = Math.PI / 180;
  let x = 0, y = 0, z = 0;
  for (const [la, lo] of ps) {
    x += Math.cos(la * r) * Math.cos(lo * r);
    y += Math.cos(la * r) * Math.sin(lo * r);
    z += Math.sin(la * r);
  }
  return [Math.atan2(z, Math.hypot(x, y)) / r, Math.atan2(y, x) / r];
}

let cached: DevGazetteer | null | undefined;

/** The development gazetteer, or null when ../shared/data is absent (tests then skip). */
export function devGazetteer(): DevGazetteer | null {
  if (cached !== undefined) return cached;
  const gn = sharedPath('data', 'geonames');
  const ne = sharedPath('data', 'naturalearth');
  if (!gn || !ne) return (cached = null);
  const g = new DevGazetteer();

  // Towns: cities500 (2023), then cities15000 (2025) over it (same ids keep the newer row).
  type Town = { cc: string; a1: string; a2: string; lat: number; lon: number; pop: number };
  const towns: Town[] = [];
  for (const file of ['cities500.txt', 'cities15000.txt']) {
    for (const line of readFileSync(join(gn, file), 'utf8').split('\n')) {
      const c = line.split('\t');
      if (c.length < 19) continue;
      const lat = Number(c[4]);
      const lon = Number(c[5]);
      const pop = Number(c[14]) || 0;
      const entry: GazetteerEntry = { id: `geonames:${c[0]}`, name: c[1]!, lat, lon, featureClass: c[6]!, featureCode: c[7]!, country: c[8]!, admin1: c[10] || null, population: pop };
      const alts = c[3] ? c[3].split(',').filter((a) => /^[\p{Script=Latin}\s\d'’.()-]+$/u.test(a) && !/^[A-Z0-9]{3,4}$/.test(a)) : [];
      g.add(entry, [c[1]!, c[2]!, ...alts]);
      if (file === 'cities500.txt') towns.push({ cc: c[8]!, a1: c[10]!, a2: c[11]!, lat, lon, pop });
    }
  }

  // Countries: countryInfo names and ids, Natural Earth points and name variants.
  const neCountry = new Map<string, Record<string, unknown>>();
  for (const o of jsonl(join(ne, 'ne_10m_admin_0_countries.jsonl'))) {
    const iso = str(o['ISO_A2_EH']) ?? str(o['ISO_A2']);
    if (iso && iso !== '-99' && !neCountry.has(iso)) neCountry.set(iso, o);
  }
  // Country points: the spherical mean of its Natural Earth admin-1 points (GeoNames' own country
  // points are not in these files; the bbox centre is poor for countries with overseas parts).
  const a1Points = new Map<string, [number, number][]>();
  for (const o of jsonl(join(ne, 'ne_10m_admin_1_states_provinces.jsonl'))) {
    const cc = str(o['iso_a2']);
    if (!cc || typeof o['latitude'] !== 'number' || typeof o['longitude'] !== 'number') continue;
    let list = a1Points.get(cc);
    if (!list) a1Points.set(cc, (list = []));
    list.push([o['latitude'], o['longitude']]);
  }
  for (const line of readFileSync(join(gn, 'countryInfo.txt'), 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const c = line.split('\t');
    const iso = c[0]!;
    const o = neCountry.get(iso);
    if (!o) continue;
    const pts = a1Points.get(iso);
    if (pts?.length) {
      const m = sphericalMean(pts);
      o['lat'] = m[0];
      o['lon'] = m[1];
    }
    const names = [c[4]!, ...['NAME', 'NAME_LONG', 'FORMAL_EN', 'ABBREV', 'BRK_NAME', 'NAME_EN', 'NAME_SORT', 'ADMIN', 'GEOUNIT'].map((k) => str(o[k])).filter((x): x is string => !!x)];
    g.add({ id: `geonames:${c[16]}`, name: c[4]!, lat: numOr(o['lat'], 0), lon: numOr(o['lon'], 0), featureClass: 'A', featureCode: 'PCLI', country: iso, admin1: null, population: Number(c[7]) || 0 }, names);
  }

  // Admin-1: Natural Earth points, GeoNames ids where it gives them, GeoNames names too.
  const a1Names = new Map<string, string[]>();
  const a1Codes = new Map<string, string>();
  for (const line of readFileSync(join(gn, 'admin1CodesASCII.txt'), 'utf8').split('\n')) {
    const c = line.split('\t');
    if (c.length >= 4) {
      a1Names.set(c[3]!, [c[1]!, c[2]!]);
      a1Codes.set(c[3]!, c[0]!.split('.')[1] ?? '');
    }
  }
  for (const o of jsonl(join(ne, 'ne_10m_admin_1_states_provinces.jsonl'))) {
    const name = str(o['name']);
    const lat = o['latitude'] ?? o['lat'];
    if (!name || typeof lat !== 'number') continue;
    const gnId = numOr(o['gn_id'], -1);
    const id = gnId > 0 ? `geonames:${gnId}` : `ne:admin1:${str(o['adm1_code'])}`;
    const names = [name, ...(str(o['name_alt'])?.split('|') ?? []), str(o['gn_name']) ?? '', ...(a1Names.get(String(gnId)) ?? [])];
    g.add({ id, name, lat, lon: numOr(o['longitude'] ?? o['lon'], 0), featureClass: 'A', featureCode: 'ADM1', country: str(o['iso_a2']) ?? '', admin1: a1Codes.get(String(gnId)) || null, population: 0 }, names);
  }

  // Admin-1 units Natural Earth lacks (England, Scotland…): GeoNames names, the point from its towns.
  const a1Sums = new Map<string, { w: number; lat: number; lon: number; pop: number }>();
  for (const t of towns) {
    const k = `${t.cc}.${t.a1}`;
    const w = Math.max(1, t.pop);
    const s = a1Sums.get(k) ?? { w: 0, lat: 0, lon: 0, pop: 0 };
    s.w += w; s.lat += t.lat * w; s.lon += t.lon * w; s.pop += t.pop;
    a1Sums.set(k, s);
  }
  for (const line of readFileSync(join(gn, 'admin1CodesASCII.txt'), 'utf8').split('\n')) {
    const c = line.split('\t');
    if (c.length < 4 || g.entry(`geonames:${c[3]}`)) continue;
    const s = a1Sums.get(c[0]!);
    if (!s) continue;
    const [cc, a1] = c[0]!.split('.');
    g.add({ id: `geonames:${c[3]}`, name: c[1]!, lat: s.lat / s.w, lon: s.lon / s.w, featureClass: 'A', featureCode: 'ADM1', country: cc!, admin1: a1 ?? null, population: s.pop }, [c[1]!, c[2]!]);
  }

  // Admin-2: names from admin2Codes, the point from its towns.
  const sums = new Map<string, { w: number; lat: number; lon: number; pop: number }>();
  for (const t of towns) {
    const k = `${t.cc}.${t.a1}.${t.a2}`;
    const w = Math.max(1, t.pop);
    const s = sums.get(k) ?? { w: 0, lat: 0, lon: 0, pop: 0 };
    s.w += w; s.lat += t.lat * w; s.lon += t.lon * w; s.pop += t.pop;
    sums.set(k, s);
  }
  for (const line of readFileSync(join(gn, 'admin2Codes.txt'), 'utf8').split('\n')) {
    const c = line.split('\t');
    if (c.length < 4) continue;
    const s = sums.get(c[0]!);
    if (!s) continue;
    const [cc, a1] = c[0]!.split('.');
    g.add({ id: `geonames:${c[3]}`, name: c[1]!, lat: s.lat / s.w, lon: s.lon / s.w, featureClass: 'A', featureCode: 'ADM2', country: cc!, admin1: a1 ?? null, population: s.pop }, [c[1]!, c[2]!]);
  }

  // Physical features from Natural Earth.
  for (const o of jsonl(join(ne, 'ne_10m_geography_marine_polys.jsonl'))) {
    const name = str(o['name']);
    if (!name || typeof o['lat'] !== 'number') continue;
    const code = NE_MARINE_CODES[String(o['featurecla'])] ?? 'SEA';
    g.add({ id: `ne:marine:${String(o['ne_id'] ?? name)}`, name, lat: o['lat'], lon: numOr(o['lon'], 0), featureClass: 'H', featureCode: code, country: '', admin1: null, population: 0 }, [name, str(o['name_en']) ?? '', ...(str(o['namealt'])?.split(/[|,]/) ?? [])]);
  }
  for (const o of jsonl(join(ne, 'ne_10m_geography_regions_polys.jsonl'))) {
    const name = str(o['NAME']);
    if (!name || typeof o['lat'] !== 'number') continue;
    const [fc, code] = NE_REGION_CODES[String(o['FEATURECLA'])] ?? ['L', 'RGN'];
    g.add({ id: `ne:region:${String(o['NE_ID'] ?? name)}`, name, lat: o['lat'], lon: numOr(o['lon'], 0), featureClass: fc, featureCode: code, country: '', admin1: null, population: 0 }, [name, str(o['NAME_EN']) ?? '', str(o['NAMEALT']) ?? '']);
  }
  for (const file of ['ne_10m_lakes.jsonl', 'ne_10m_rivers_lake_centerlines.jsonl']) {
    for (const o of jsonl(join(ne, file))) {
      const name = str(o['name']) ?? str(o['name_en']);
      if (!name || typeof o['lat'] !== 'number') continue;
      const river = file.includes('rivers');
      g.add({ id: `ne:${river ? 'river' : 'lake'}:${String(o['ne_id'] ?? name)}`, name, lat: o['lat'], lon: numOr(o['lon'], 0), featureClass: 'H', featureCode: river ? 'STM' : 'LK', country: '', admin1: null, population: 0 }, [name, str(o['name_en']) ?? '', str(o['name_alt']) ?? '']);
    }
  }
  return (cached = g);
}
