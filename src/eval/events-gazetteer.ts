/**
 * INTERIM gazetteer for `sitrep eval events`, until the gazetteer branch lands: the GeoNames files
 * in ../shared/data/geonames (cities500, cities15000, admin1 codes, countryInfo), indexed in memory
 * by folded name and Latin-script alternate names. Development use: it reads ../shared, ships nothing.
 *
 * `entry.admin1` holds the admin-1 *name* (not its code), which `eval` compares with ACLED's admin1.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Gazetteer, GazetteerCandidate, GazetteerEntry, LookupOptions } from '../core/index.js';
import { foldName } from '../recognize/actors/dictionary.js';

export function loadGeonamesGazetteer(dir: string): Gazetteer | null {
  const c500 = join(dir, 'cities500.txt');
  const c15k = join(dir, 'cities15000.txt');
  if (!existsSync(c500) && !existsSync(c15k)) return null;
  const admin1 = new Map<string, string>();
  const adminFile = join(dir, 'admin1CodesASCII.txt');
  if (existsSync(adminFile)) {
    for (const line of readFileSync(adminFile, 'utf8').split('\n')) {
      const [code, name, ascii] = line.split('\t');
      if (code && name) admin1.set(code, ascii || name);
    }
  }
  const byId = new Map<string, GazetteerEntry>();
  const names = new Map<string, string[]>();
  const addName = (key: string, id: string) => {
    if (!key || key.length > 60) return;
    const list = names.get(key);
    if (!list) names.set(key, [id]);
    else if (!list.includes(id)) list.push(id);
  };
  for (const file of [c500, c15k]) {
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const f = line.split('\t');
      if (f.length < 15) continue;
      const [gid, name, ascii, alt, lat, lon, fclass, fcode, cc, , a1] = f;
      const id = `geonames:${gid}`;
      const entry: GazetteerEntry = {
        id,
        name: name!,
        lat: Number(lat),
        lon: Number(lon),
        featureClass: fclass ?? '',
        featureCode: fcode ?? '',
        country: cc ?? '',
        admin1: admin1.get(`${cc}.${a1}`) ?? null,
        population: Number(f[14] ?? 0) || 0,
      };
      byId.set(id, entry); // the newer file (read last) wins
      addName(foldName(name!), id);
      addName(foldName(ascii!), id);
      for (const a of (alt ?? '').split(',')) if (a && /^[\p{Script=Latin}\s'’\-.]+$/u.test(a)) addName(foldName(a), id);
    }
  }
  // Admin-1 regions: their capital (PPLA) stands for them, as ACLED codes a region to its capital.
  const capitals = new Map<string, GazetteerEntry>();
  for (const e of byId.values()) {
    if (!e.admin1) continue;
    const key = `${e.country}|${e.admin1}`;
    const prev = capitals.get(key);
    const rank = (x: GazetteerEntry) => (x.featureCode === 'PPLA' ? 1e12 : 0) + x.population;
    if (!prev || rank(e) > rank(prev)) capitals.set(key, e);
  }
  const regions = new Map<string, GazetteerEntry[]>();
  for (const [key, cap] of capitals) {
    const [cc, a1] = key.split('|') as [string, string];
    const region: GazetteerEntry = { ...cap, id: `admin1:${cc}:${a1}`, name: a1, featureClass: 'A', featureCode: 'ADM1', admin1: a1 };
    const k = foldName(a1);
    regions.set(k, [...(regions.get(k) ?? []), region]);
    // "Sha'biyat Surt", "Idlib Governorate" → also without the generic word
    const bare = k.replace(/\b(?:governorate|province|region|state|district|shabiyat|muhafazat|wilayat)\b/g, '').replace(/\s+/g, ' ').trim();
    if (bare && bare !== k) regions.set(bare, [...(regions.get(bare) ?? []), region]);
  }
  // Countries: the capital's coordinates.
  const countries = new Map<string, GazetteerEntry>();
  const pplc = new Map<string, GazetteerEntry>();
  for (const e of byId.values()) if (e.featureCode === 'PPLC' && !pplc.has(e.country)) pplc.set(e.country, e);
  const infoFile = join(dir, 'countryInfo.txt');
  if (existsSync(infoFile)) {
    for (const line of readFileSync(infoFile, 'utf8').split('\n')) {
      if (line.startsWith('#')) continue;
      const f = line.split('\t');
      const [iso, , , , name, capital] = f;
      if (!iso || !name) continue;
      const cap = pplc.get(iso) ?? (names.get(foldName(capital ?? '')) ?? []).map((id) => byId.get(id)!).find((e) => e.country === iso);
      if (!cap) continue;
      countries.set(foldName(name), { ...cap, id: `country:${iso}`, name, featureClass: 'A', featureCode: 'PCLI', admin1: null });
    }
  }

  return {
    lookup(query: string, options: LookupOptions = {}): GazetteerCandidate[] {
      const key = foldName(query);
      const out: GazetteerCandidate[] = [];
      const country = countries.get(key);
      if (country) out.push({ entry: country, matched: query, score: 1, reasons: ['country'] });
      for (const r of regions.get(key) ?? []) out.push({ entry: r, matched: query, score: 0.8, reasons: ['admin1'] });
      for (const id of names.get(key) ?? []) {
        const e = byId.get(id)!;
        out.push({ entry: e, matched: query, score: 0.5 + Math.min(0.4, Math.log10(1 + e.population) / 20), reasons: ['name'] });
      }
      const filtered = options.country ? out.filter((c) => c.entry.country === options.country) : out;
      const pool = filtered.length ? filtered : out;
      pool.sort((a, b) => b.score - a.score || b.entry.population - a.entry.population);
      return pool.slice(0, options.limit ?? 10);
    },
  };
}
