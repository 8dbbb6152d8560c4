/**
 * Builds the bundled index (data/gazetteer/bundled.sgz) from the GeoNames cities files and Natural
 * Earth, reproducibly: same inputs and `builtAt` → the same bytes. Run by
 * scripts/gazetteer/build-bundle.mjs; see data/gazetteer/SOURCES.md for what goes in and why.
 *
 * What the cities files lack is added here:
 *  - countries (A.PCLI/PCLD): GeoNames countryInfo (id, name, population) + Natural Earth admin-0
 *    (names in many languages, bbox). Point: the area centroid of the country's populated territory
 *    (points.ts territoryPoints: a Voronoi raster of the towns; the mainland, not the overseas
 *    parts), GeoNames-like (United States 39.8 N 98.5 W); the bbox centre for a country without
 *    towns.
 *  - admin-1 (A.ADM1): GeoNames admin1 codes; point = Natural Earth's admin-1 label point joined on
 *    gn_id, else the median of the division's towns; extent = bbox of its towns (a lower bound).
 *  - admin-2 (A.ADM2) with at least one town: median point and town bbox.
 *  - seas, gulfs, bays, straits, deserts, ranges, plateaus, islands, rivers, lakes from Natural
 *    Earth, with GeoNames-like feature codes and `ne:<ne_id>` ids. Country: the one country whose
 *    towns lie inside the feature's bbox (or the nearest town's, for an empty bbox); several
 *    countries → '' with them listed as other countries (so `--country LY` still finds the
 *    Mediterranean).
 * Nothing from ACLED or the annotated geoparsing corpora is read.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { IndexBuilder, NameInput, PlaceRecord } from '../builder.js';
import { importFiles, type ImportContext, type ImportReport, GEONAMES_ATTRIBUTION } from '../import.js';
import { NameKind } from '../names.js';
import { foldWith } from '../normalize.js';
import { dataDir, loadDefaultRules } from '../paths.js';
import { approxKm, cellLat, cellLon, centroidOfCells, CityGrid, median, territoryPoints } from './points.js';

export const NATURAL_EARTH_ATTRIBUTION = 'Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com (public domain)';

export interface BundleOptions {
  readonly geonamesDir: string;
  readonly naturalEarthDir: string;
  readonly out: string;
  readonly builtAt: string;
}

const GEONAMES_FILES = ['cities500.txt', 'cities15000.txt', 'admin1CodesASCII.txt', 'admin2Codes.txt', 'countryInfo.txt', 'featureCodes_en.txt'];
const NE_FILES = [
  'ne_10m_admin_0_countries.jsonl',
  'ne_10m_admin_1_states_provinces.jsonl',
  'ne_10m_geography_marine_polys.jsonl',
  'ne_10m_geography_regions_polys.jsonl',
  'ne_10m_geography_regions_points.jsonl',
  'ne_10m_lakes.jsonl',
  'ne_10m_rivers_lake_centerlines.jsonl',
  'ne_110m_lakes.jsonl',
  'ne_110m_rivers_lake_centerlines.jsonl',
];

type Json = Record<string, unknown>;
type Box = [number, number, number, number];

function readJsonl(path: string): Json[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return JSON.parse(l) as Json;
      } catch {
        throw new Error(`${path} line ${i + 1}: not JSON`);
      }
    });
}

function s(v: unknown): string {
  return typeof v === 'string' ? v.trim() : '';
}
function n(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}
function boxOf(v: unknown): Box | null {
  if (!Array.isArray(v) || v.length !== 4 || !v.every((x) => typeof x === 'number' && Number.isFinite(x))) return null;
  return v as Box;
}

const LATIN = /^[\u0000-\u024f\u1e00-\u1eff\u2018\u2019\u02bb-\u02bf]*$/;

/** Natural Earth names of a feature: main name, alternates, and every Latin-script name_xx. */
function neNames(f: Json, upper: boolean, extra: string[] = []): NameInput[] {
  const k = (x: string) => (upper ? x.toUpperCase() : x);
  const out: NameInput[] = [];
  const push = (name: string, kind: NameInput['kind']) => {
    const t = name.trim();
    if (t && !out.some((o) => o.name === t)) out.push({ name: t, kind });
  };
  const main = s(f[k('name')]);
  // Some Natural Earth names are in capitals (SAHARA, ROCKY MOUNTAINS): title-case them.
  push(/[a-z]/.test(main) || !/[A-Z]/.test(main) ? main : main.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase()), NameKind.primary);
  for (const e of extra) push(e, NameKind.alternate);
  for (const alt of [s(f[k('namealt')]), s(f[k('name_alt')])]) for (const a of alt.split(/[|]/)) push(a, NameKind.alternate);
  push(s(f[k('name_en')]), NameKind.alternate);
  for (const [key, v] of Object.entries(f)) {
    if (/^name_[a-z]{2,3}$/i.test(key) && typeof v === 'string' && LATIN.test(v)) push(v, NameKind.alternate);
  }
  return out;
}

const MARINE_CODES: Record<string, string> = {
  ocean: 'H.OCN', sea: 'H.SEA', gulf: 'H.GULF', bay: 'H.BAY', strait: 'H.STRT', sound: 'H.SD', channel: 'H.CHN',
  lagoon: 'H.LGN', fjord: 'H.FJD', river: 'H.STM', reef: 'H.RF', inlet: 'H.INLT',
};
const REGION_CODES: Record<string, string> = {
  island: 'T.ISL', 'island group': 'T.ISLS', 'range/mtn': 'T.MTS', plateau: 'T.PLAT', desert: 'T.DSRT', 'pen/cape': 'T.PEN',
  geoarea: 'L.RGN', coast: 'L.CST', plain: 'T.PLN', delta: 'T.DLTA', peninsula: 'T.PEN', basin: 'L.BSND', continent: 'L.CONT',
  valley: 'T.VAL', lowland: 'T.PLN', tundra: 'V.TUND', isthmus: 'T.ISTH', wetlands: 'H.WTLD', gorge: 'T.GRGE',
  foothills: 'T.HLLS', lake: 'H.LK', depression: 'T.DPR', cape: 'T.CAPE', waterfall: 'H.FLLS', pole: 'T.PT',
};
const LAKE_CODES: Record<string, string> = { lake: 'H.LK', reservoir: 'H.RSV', 'alkaline lake': 'H.LKN' };
const RIVER_CODES: Record<string, string> = { river: 'H.STM', 'river (intermittent)': 'H.STMI', canal: 'H.CNL', 'lake centerline': 'H.STM' };

export interface BundleReport extends ImportReport {
  readonly added: Record<string, number>;
  readonly manifest: Json;
}

export async function buildBundle(opts: BundleOptions): Promise<BundleReport> {
  for (const f of GEONAMES_FILES) if (!existsSync(join(opts.geonamesDir, f))) throw new Error(`missing input ${join(opts.geonamesDir, f)}`);
  for (const f of NE_FILES) if (!existsSync(join(opts.naturalEarthDir, f))) throw new Error(`missing input ${join(opts.naturalEarthDir, f)}`);
  const rules = loadDefaultRules();
  const grid = new CityGrid();
  const added: Record<string, number> = {};
  const count = (k: string) => (added[k] = (added[k] ?? 0) + 1);
  const aliases = readAliases(join(dataDir(), 'country-aliases.txt'));
  const published = readPoints(join(dataDir(), 'points.txt'));
  const composites = readComposites(join(dataDir(), 'composites.txt'));

  const extra = (ctx: ImportContext) => {
    const b = ctx.builder;
    const ne = (f: string) => readJsonl(join(opts.naturalEarthDir, f));

    // --- countries
    const admin0 = ne('ne_10m_admin_0_countries.jsonl');
    const byIso = new Map<string, Json>();
    for (const f of admin0) {
      let iso = s(f.ISO_A2);
      if (!/^[A-Z]{2}$/.test(iso)) iso = s(f.ISO_A2_EH);
      if (/^[A-Z]{2}$/.test(iso) && !byIso.has(iso)) byIso.set(iso, f);
    }
    const { points: territory, cellsOf: territoryCells } = territoryPoints(grid);
    for (const [iso, ci] of ctx.countries) {
      const f = byIso.get(iso);
      const box = f ? boxOf(f.bbox) : null;
      let lat: number | null = null;
      let lon: number | null = null;
      let coordSource: PlaceRecord['coordSource'] = 'towns';
      const t = territory.get(iso);
      const pub = published.get(iso);
      if (pub) {
        // the point GeoNames publishes for the country (data/gazetteer/points.txt)
        lat = pub.lat;
        lon = pub.lon;
        coordSource = 'source';
      } else if (t) {
        lat = t.lat;
        lon = t.lon;
      } else if (box && box[0] <= box[2]) {
        // no town of its own (an uninhabited territory): the centre of its bounding box
        lat = (box[1] + box[3]) / 2;
        lon = (box[0] + box[2]) / 2;
        coordSource = 'bbox-centre';
      }
      if (lat === null || lon === null) continue;
      const extraNames = [ci.name, ...(aliases.get(iso) ?? [])];
      const names = f
        ? neNames(f, true, [s(f.NAME_LONG), s(f.FORMAL_EN), s(f.BRK_NAME), s(f.ADMIN), s(f.NAME_SORT), s(f.NAME_CIAWF), ...extraNames])
        : [{ name: ci.name, kind: NameKind.primary }];
      // GeoNames' own name first
      names.sort((a, b) => Number(b.name === ci.name) - Number(a.name === ci.name));
      names[0] = { name: names[0]!.name, kind: NameKind.primary };
      for (let k = 1; k < names.length; k++) if (names[k]!.kind === NameKind.primary) names[k] = { name: names[k]!.name, kind: NameKind.alternate };
      for (const a of aliases.get(iso) ?? []) {
        const at = names.findIndex((x) => x.name === a);
        if (at > 0) names[at] = { name: a, kind: NameKind.alias };
      }
      const type = f ? s(f.TYPE) : '';
      b.add({
        source: 'geonames',
        id: ci.geonameid,
        names,
        lat,
        lon,
        featureClass: 'A',
        featureCode: type === 'Dependency' ? 'PCLD' : 'PCLI',
        country: iso,
        population: ci.population,
        extent: box,
        coordSource,
      });
      count('country');
    }

    // --- admin-1
    const admin1Ne = ne('ne_10m_admin_1_states_provinces.jsonl');
    const neByGn = new Map<number, Json>();
    for (const f of admin1Ne) {
      const g = n(f.gn_id);
      if (g && g > 0 && !neByGn.has(g)) neByGn.set(g, f);
    }
    const members = (key: (i: number) => string) => {
      const m = new Map<string, number[]>();
      for (let i = 0; i < grid.size; i++) {
        const k = key(i);
        if (!k) continue;
        const list = m.get(k);
        if (list) list.push(i);
        else m.set(k, [i]);
      }
      return m;
    };
    const a1Members = members((i) => (grid.admin1[i] ? `${grid.country[i]}.${grid.admin1[i]}` : ''));
    const a2Members = members((i) => (grid.admin1[i] && grid.admin2[i] ? `${grid.country[i]}.${grid.admin1[i]}.${grid.admin2[i]}` : ''));
    const townBox = (list: number[] | undefined): Box | null => {
      if (!list || list.length < 2) return null;
      let w = 180, so = 90, e = -180, no = -90;
      for (const i of list) {
        w = Math.min(w, grid.lon[i]!);
        e = Math.max(e, grid.lon[i]!);
        so = Math.min(so, grid.lat[i]!);
        no = Math.max(no, grid.lat[i]!);
      }
      return e - w > 180 ? null : [w, so, e, no];
    };
    // An admin area's population: the sum of its towns' (a lower bound: villages under 500 and
    // rural people are not in the cities files), so the ranker can weigh its size.
    const townPopulation = (list: number[] | undefined) => (list ? list.reduce((t, i) => t + grid.population[i]!, 0) : 0);
    const usedNe = new Set<Json>();
    const adm1Folded = new Map<string, Set<string>>();
    for (const [code, a] of ctx.admin1) {
      const [cc = '', a1 = ''] = code.split('.');
      const f = a.geonameid ? neByGn.get(a.geonameid) : undefined;
      const towns = a1Members.get(code);
      let lat: number, lon: number;
      let coordSource: PlaceRecord['coordSource'];
      if (f && n(f.lat) !== null && n(f.lon) !== null) {
        lat = n(f.lat)!;
        lon = n(f.lon)!;
        coordSource = 'ne-label';
        usedNe.add(f);
      } else if (towns && towns.length > 0) {
        lat = median(towns.map((i) => grid.lat[i]!));
        lon = median(towns.map((i) => grid.lon[i]!));
        coordSource = 'towns';
      } else continue;
      const names: NameInput[] = [{ name: a.name, kind: NameKind.primary }];
      if (f) for (const x of neNames(f, false, [s(f.gn_name), s(f.gns_name)])) if (x.name !== a.name) names.push({ name: x.name, kind: NameKind.alternate });
      // NE admin-1 name_alt uses commas too ("Misrata, Misurata")
      if (f) for (const x of s(f.name_alt).split(/[|,]/)) if (x.trim()) names.push({ name: x.trim(), kind: NameKind.alternate });
      if (!a.geonameid) continue;
      b.add({ source: 'geonames', id: a.geonameid, names, lat, lon, featureClass: 'A', featureCode: 'ADM1', country: cc, admin1: a1, population: townPopulation(towns), extent: townBox(towns), coordSource });
      const set = adm1Folded.get(cc) ?? new Set<string>();
      for (const x of names) set.add(foldWith(rules, x.name));
      adm1Folded.set(cc, set);
      count('admin1');
    }
    for (const f of admin1Ne) {
      if (usedNe.has(f)) continue;
      const cc = s(f.iso_a2);
      const lat = n(f.lat);
      const lon = n(f.lon);
      const id = n(f.ne_id);
      if (!/^[A-Z]{2}$/.test(cc) || lat === null || lon === null || !id) continue;
      const names = neNames(f, false, [s(f.gn_name)]);
      for (const x of s(f.name_alt).split(/[|,]/)) if (x.trim()) names.push({ name: x.trim(), kind: NameKind.alternate });
      const set = adm1Folded.get(cc);
      if (set && names.some((x) => set.has(foldWith(rules, x.name)))) continue;
      b.add({ source: 'ne', id, names, lat, lon, featureClass: 'A', featureCode: 'ADM1', country: cc, population: 0, coordSource: 'ne-label' });
      count('admin1-ne-only');
    }

    // --- composites (data/gazetteer/composites.txt): areas made of Natural Earth admin-1 regions
    const byIso3166 = new Map<string, Json>();
    for (const f of admin1Ne) if (s(f.iso_3166_2)) byIso3166.set(s(f.iso_3166_2), f);
    const codeByGid = new Map<number, string>();
    for (const [code, a] of ctx.admin1) if (a.geonameid) codeByGid.set(a.geonameid, code);
    for (const c of composites) {
      const members = c.members.map((m) => byIso3166.get(m));
      if (members.some((m) => !m || n(m.lat) === null)) throw new Error(`composites.txt: ${c.name}: unknown member in ${c.members.join(', ')}`);
      const towns: number[] = [];
      for (const m of members) {
        const code = codeByGid.get(n(m!.gn_id) ?? -1);
        if (code) towns.push(...(a1Members.get(code) ?? []));
      }
      const [fclass = 'L', fcode = ''] = c.code.split('.');
      b.add({
        source: 'sitrep',
        id: foldWith(rules, c.name).replace(/ /g, '-'),
        names: [{ name: c.name, kind: NameKind.primary }, ...c.alternates.map((x) => ({ name: x, kind: NameKind.alias }))],
        lat: members.reduce((t, m) => t + n(m!.lat)!, 0) / members.length,
        lon: members.reduce((t, m) => t + n(m!.lon)!, 0) / members.length,
        featureClass: fclass,
        featureCode: fcode,
        country: c.country,
        population: towns.reduce((t, i) => t + grid.population[i]!, 0),
        extent: townBox(towns),
        coordSource: 'ne-label',
      });
      count('composite');
    }

    // --- admin-2 with towns
    for (const [code, a] of ctx.admin2) {
      const towns = a2Members.get(code);
      if (!towns || towns.length === 0 || !a.geonameid) continue;
      const [cc = '', a1 = '', a2 = ''] = code.split('.');
      b.add({
        source: 'geonames',
        id: a.geonameid,
        names: [{ name: a.name, kind: NameKind.primary }],
        lat: median(towns.map((i) => grid.lat[i]!)),
        lon: median(towns.map((i) => grid.lon[i]!)),
        featureClass: 'A',
        featureCode: 'ADM2',
        country: cc,
        admin1: a1,
        admin2: a2,
        population: townPopulation(towns),
        extent: townBox(towns),
        coordSource: 'towns',
      });
      count('admin2');
    }

    // --- physical features
    const place = (f: Json, upper: boolean, code: string, marine: boolean, extraNames: string[] = [], coordSource?: PlaceRecord['coordSource']) => {
      const lat = n(f.lat);
      const lon = n(f.lon);
      const id = n(upper ? f.NE_ID : f.ne_id);
      const names = neNames(f, upper, extraNames);
      if (lat === null || lon === null || !id || names.length === 0) return false;
      const box = boxOf(f.bbox);
      const where = countriesFor(grid, lat, lon, box, marine);
      const [fclass = 'L', fcode = ''] = code.split('.');
      b.add({ source: 'ne', id, names, lat, lon, featureClass: fclass, featureCode: fcode, country: where.country, cc2: where.others, population: 0, extent: box && box[0] < box[2] ? box : null, coordSource: coordSource ?? (box ? 'bbox-centre' : 'source') });
      count(code);
      return true;
    };
    for (const f of ne('ne_10m_geography_marine_polys.jsonl')) {
      const code = MARINE_CODES[s(f.featurecla).toLowerCase()];
      if (code) place(f, false, code, true);
    }
    // Continents: Natural Earth's bbox centres are meaningless for them (Asia and North America
    // cross the antimeridian: lon ≈ 0). Point: the centroid of the populated territory of the
    // countries Natural Earth puts on that continent (admin-0 CONTINENT), inside the continent's
    // box — plus the territory of a country of another continent that lies outside its own
    // continent's box (Siberia is Asia, though Natural Earth files Russia under Europe).
    const regionPolys = ne('ne_10m_geography_regions_polys.jsonl');
    const continentBox = new Map<string, Box>();
    for (const f of regionPolys) {
      const box = boxOf(f.bbox);
      if (s(f.FEATURECLA).toLowerCase() === 'continent' && box) continentBox.set(continentKey(s(f.NAME)), box);
    }
    const continentOfCountry = new Map<string, string>();
    for (const [iso, f] of byIso) continentOfCountry.set(iso, continentKey(s(f.CONTINENT)));
    const inBox = (b: Box, lat: number, lon: number) => lat >= b[1] && lat <= b[3] && lon >= b[0] && lon <= b[2];
    const continentPoint = (name: string): { lat: number; lon: number } | null => {
      const key = continentKey(name);
      const box = continentBox.get(key);
      if (!box) return null;
      const cells: number[] = [];
      for (const [iso, list] of territoryCells) {
        const own = continentOfCountry.get(iso);
        if (!own) continue;
        const ownBox = continentBox.get(own);
        for (const k of list) {
          const lat = cellLat(k);
          const lon = cellLon(k);
          if (!inBox(box, lat, lon)) continue;
          if (own === key || (ownBox && !inBox(ownBox, lat, lon))) cells.push(k);
        }
      }
      return cells.length ? centroidOfCells(cells) : null;
    };
    for (const f of regionPolys) {
      const code = REGION_CODES[s(f.FEATURECLA).toLowerCase()];
      if (!code) continue;
      const pub = code === 'L.CONT' ? published.get(`continent:${continentKey(s(f.NAME))}`) : undefined;
      const p = pub ?? (code === 'L.CONT' ? continentPoint(s(f.NAME)) : null);
      place(p ? { ...f, lat: p.lat, lon: p.lon } : f, true, code, false, [], pub ? 'source' : p ? 'towns' : undefined);
    }
    for (const f of ne('ne_10m_geography_regions_points.jsonl')) {
      const code = REGION_CODES[s(f.featurecla).toLowerCase()];
      if (code) place(f, false, code, false);
    }
    const lakeNames = new Set<string>();
    for (const f of ne('ne_10m_lakes.jsonl')) {
      const code = LAKE_CODES[s(f.featurecla).toLowerCase()];
      if (code && place(f, false, code, false)) lakeNames.add(foldWith(rules, s(f.name)));
    }
    for (const f of ne('ne_110m_lakes.jsonl')) {
      if (lakeNames.has(foldWith(rules, s(f.name)))) continue;
      const code = LAKE_CODES[s(f.featurecla).toLowerCase()];
      if (code) place(f, false, code, false);
    }
    // Rivers: NE splits a river into segments; merge segments by wikidata id (else by name),
    // keeping the union bbox and the point of the largest segment.
    const riverGroups = new Map<string, Json[]>();
    const riverKey = (f: Json) => s(f.wikidataid) || `name:${foldWith(rules, s(f.name))}:${s(f.featurecla)}`;
    for (const f of ne('ne_10m_rivers_lake_centerlines.jsonl')) {
      if (!s(f.name) || n(f.lat) === null) continue;
      const k = riverKey(f);
      const g = riverGroups.get(k);
      if (g) g.push(f);
      else riverGroups.set(k, [f]);
    }
    const riverNames = new Set<string>();
    for (const g of riverGroups.values()) {
      const merged = mergeSegments(g);
      const code = RIVER_CODES[s(merged.featurecla).toLowerCase()];
      const otherNames = [...new Set(g.map((x) => s(x.name)).filter((x) => x !== s(merged.name)))];
      if (code && place(merged, false, code, false, otherNames)) riverNames.add(foldWith(rules, s(merged.name)));
    }
    for (const f of ne('ne_110m_rivers_lake_centerlines.jsonl')) {
      if (riverNames.has(foldWith(rules, s(f.name)))) continue;
      const code = RIVER_CODES[s(f.featurecla).toLowerCase()];
      if (code) place(f, false, code, false);
    }
  };

  const inputs = [...GEONAMES_FILES.map((f) => join(opts.geonamesDir, f)), ...NE_FILES.map((f) => join(opts.naturalEarthDir, f)), join(dataDir(), 'country-aliases.txt'), join(dataDir(), 'points.txt'), join(dataDir(), 'composites.txt'), join(dataDir(), 'variants.txt'), join(dataDir(), 'feature-priors.txt')];
  const manifestInputs = inputs.map((p) => ({ file: basename(p), bytes: readFileSync(p).length, sha256: createHash('sha256').update(readFileSync(p)).digest('hex') }));

  const report = await importFiles(
    GEONAMES_FILES.map((f) => join(opts.geonamesDir, f)),
    {
      out: opts.out,
      scripts: 'latin',
      compress: true,
      builtAt: opts.builtAt,
      onRecord: (r) => grid.add(r.id as number, r.lat, r.lon, r.country, r.admin1 ?? '', r.admin2 ?? '', r.population),
      extra,
      meta: {
        sources: [
          { name: 'GeoNames cities500 (export ≈2023-03) and cities15000 (export 2025-11-19), admin1CodesASCII, admin2Codes (≈2023-04), countryInfo (≈2025-11), featureCodes_en (2012)', licence: 'CC BY 4.0', detail: 'geonames.org; rows deduplicated on geonameid, the newer modification date wins; Latin-script names only' },
          { name: 'Natural Earth 10m/110m: admin-0 countries, admin-1 states/provinces, marine polys, regions polys and points, lakes, rivers (v5.1 attributes, v4.0.0 geometry bboxes)', licence: 'public domain', detail: 'naturalearthdata.com' },
          { name: 'sitrep data/gazetteer/country-aliases.txt (curated English exonyms and abbreviations) and composites.txt (areas made of Natural Earth admin-1 regions, e.g. Sinai)', licence: 'MIT (sitrep)' },
        ],
        attribution: [GEONAMES_ATTRIBUTION, NATURAL_EARTH_ATTRIBUTION],
        inputs: manifestInputs,
      },
    },
  );
  const outBytes = readFileSync(opts.out);
  const manifest: Json = {
    file: basename(opts.out),
    bytes: outBytes.length,
    sha256: createHash('sha256').update(outBytes).digest('hex'),
    builtAt: opts.builtAt,
    entries: report.entries,
    names: report.names,
    keys: report.keys,
    added,
    inputs: manifestInputs,
    command: 'npx tsc -p . && node scripts/gazetteer/build-bundle.mjs --geonames ../shared/data/geonames --naturalearth ../shared/data/naturalearth',
  };
  return { ...report, added, manifest };
}

/**
 * Which country a feature belongs to, from the towns in its bbox (or the nearest town). Countries
 * are ranked by how many 1° cells of the bbox hold their towns (an area measure: a dense corner
 * of towns does not outrank a country that fills the box).
 */
function countriesFor(grid: CityGrid, lat: number, lon: number, box: Box | null, marine: boolean): { country: string; others: string[] } {
  const cells = new Map<string, Set<number>>();
  if (box) {
    grid.inBox(box, (i) => {
      const c = grid.country[i]!;
      let set = cells.get(c);
      if (!set) cells.set(c, (set = new Set()));
      set.add(Math.floor(grid.lat[i]!) * 360 + Math.floor(grid.lon[i]!));
    });
  }
  if (cells.size === 0) {
    const near = grid.nearest(lat, lon, marine ? 150 : 300);
    if (near >= 0) cells.set(grid.country[near]!, new Set([0]));
  }
  cells.delete('');
  const ranked = [...cells].sort((a, b) => b[1].size - a[1].size || (a[0] < b[0] ? -1 : 1)).map(([c]) => c);
  if (ranked.length === 1) return { country: ranked[0]!, others: [] };
  return { country: '', others: ranked.slice(0, 24) };
}

function mergeSegments(g: Json[]): Json {
  if (g.length === 1) return g[0]!;
  let best = g[0]!;
  let bestSize = -1;
  let w = 180, so = 90, e = -180, no = -90;
  for (const f of g) {
    const b = boxOf(f.bbox);
    if (!b) continue;
    const size = approxKm(b[1], b[0], b[3], b[2]);
    if (size > bestSize) {
      bestSize = size;
      best = f;
    }
    w = Math.min(w, b[0]);
    so = Math.min(so, b[1]);
    e = Math.max(e, b[2]);
    no = Math.max(no, b[3]);
  }
  return { ...best, bbox: bestSize >= 0 ? [w, so, e, no] : best.bbox };
}

interface Composite {
  name: string;
  alternates: string[];
  code: string;
  country: string;
  members: string[];
}

/** data/gazetteer/composites.txt: `NAME | alt|alt | CLASS.CODE | CC | ISO-3166-2, …`. */
function readComposites(path: string): Composite[] {
  const out: Composite[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((raw, i) => {
      const line = raw.replace(/#.*$/, '').trim();
      if (!line) return;
      const parts = line.split(/\s+\|\s+/);
      if (parts.length !== 5) throw new Error(`${path} line ${i + 1}: expected NAME | alternates | CLASS.CODE | CC | members`);
      const [name, alts, code, country, members] = parts as [string, string, string, string, string];
      out.push({ name, alternates: alts.split('|').map((x) => x.trim()).filter(Boolean), code, country, members: members.split(',').map((x) => x.trim()) });
    });
  return out;
}

/** Natural Earth's continent names as one key: "NORTH AMERICA" (regions) = "North America" (admin-0); its landmass "AUSTRALIA" is admin-0's "Oceania". */
function continentKey(name: string): string {
  const k = name.toLowerCase().replace(/\s+/g, ' ').trim();
  return k === 'australia' ? 'oceania' : k;
}

/**
 * data/gazetteer/points.txt: `CC<TAB>lat<TAB>lon` and `continent:Name<TAB>lat<TAB>lon` → points,
 * keyed by ISO code or `continent:<continentKey>`.
 */
function readPoints(path: string): Map<string, { lat: number; lon: number }> {
  const m = new Map<string, { lat: number; lon: number }>();
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      const t = line.replace(/#.*/, '').trim();
      if (!t) return;
      const [key = '', la = '', lo = ''] = t.split('\t');
      const lat = Number(la);
      const lon = Number(lo);
      if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) throw new Error(`${path}:${i + 1}: bad point "${line}"`);
      m.set(key.startsWith('continent:') ? `continent:${continentKey(key.slice(10))}` : key, { lat, lon });
    });
  return m;
}

/** data/gazetteer/country-aliases.txt: `CC: alias|alias`. */
function readAliases(path: string): Map<string, string[]> {
  const m = new Map<string, string[]>();
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((raw, i) => {
      const line = raw.replace(/#.*$/, '').trim();
      if (!line) return;
      const r = /^([A-Z]{2}):\s*(.+)$/.exec(line);
      if (!r) throw new Error(`${path} line ${i + 1}: expected "CC: alias|alias"`);
      m.set(r[1]!, r[2]!.split('|').map((x) => x.trim()).filter(Boolean));
    });
  return m;
}
