/**
 * Gazetteer benchmark: load time and memory of the bundled index, lookups per second over a
 * realistic mix of names, token-stream throughput, and import time / peak memory of the shared
 * GeoNames files (and, with SITREP_BENCH_BIG=1, of a generated 13 M-row allCountries file).
 *
 * Imports run in a child process so that their peak RSS is their own.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchSection } from './types.js';
import { IndexLayer } from '../src/resolve/gazetteer/layer.js';
import { LayeredGazetteer } from '../src/resolve/gazetteer/layered.js';
import { decodeIndex } from '../src/resolve/gazetteer/format.js';
import { bundledIndexPath, packageRoot } from '../src/resolve/gazetteer/paths.js';
import { fmtBytes } from '../src/resolve/gazetteer/io.js';
import { foldWith } from '../src/resolve/gazetteer/normalize.js';

/** Figures of the last 13 M-row run (recorded by hand; see docs/gazetteer.md). */
const RECORDED_BIG = 'last run: 1.41 GB, 329 s, peak RSS 3.23 GiB, index 1.07 GiB — docs/gazetteer.md "Measured"';

function ms(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

/** Press spellings, seed names, misses and a sample of the index's own names (some folded or lower-cased). */
function queryMix(L: IndexLayer, n: number): string[] {
  const press = [
    'Sirte', 'Sirt', 'Surt', 'Misrata', 'Misurata', 'Misratah', 'Tripoli', 'Benghazi', 'Banghazi', 'Derna', 'Ajdabiya',
    'Sabratha', 'Gulf of Sidra', 'Mediterranean', 'Libya', 'Euphrates', 'Aleppo', 'Mosul', 'Raqqa', 'Deir ez-Zor', 'Kabul',
    'Kandahar', 'Mogadishu', 'Sanaa', 'Aden', 'Donetsk', 'Kharkiv', 'Gaza', 'Khan Younis', 'Bamako', 'Timbuktu',
    'Maiduguri', 'Al Washka', 'Abu Njeem', 'Wadi Bey', 'Harouge mountains', 'Red Sea', 'Sinai', 'Tigris', 'Sahara',
  ];
  const misses = ['Obama', 'Hollande', 'Reuters', 'Islamic State', 'the', 'President', 'Tuesday', 'NATO', 'Cameron', 'DEBKA'];
  const out: string[] = [];
  let seed = 12345;
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
  while (out.length < n) {
    const r = rnd();
    if (r < 0.3) out.push(press[Math.floor(rnd() * press.length)]!);
    else if (r < 0.4) out.push(misses[Math.floor(rnd() * misses.length)]!);
    else {
      const e = Math.floor(rnd() * L.entryCount);
      const name = L.nameText(L.eNameStart[e]!);
      out.push(r < 0.8 ? name : r < 0.9 ? name.toLowerCase() : name.normalize('NFD').replace(/\p{M}/gu, ''));
    }
  }
  return out;
}

function importInChild(files: string[], out: string): { seconds: number; peakRss: number; entries: number; bytes: number } | string {
  const mod = pathToFileURL(join(packageRoot(), 'dist', 'src', 'resolve', 'gazetteer', 'import.js')).href;
  const script = `import { importFiles } from ${JSON.stringify(mod)};
const r = await importFiles(${JSON.stringify(files)}, { out: ${JSON.stringify(out)} });
console.log(JSON.stringify({ seconds: r.seconds, entries: r.entries, bytes: r.bytes, peakRss: process.resourceUsage().maxRSS * 1024 }));`;
  const res = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (res.status !== 0) return `failed: ${(res.stderr || res.stdout).trim().split('\n').slice(-3).join(' ')}`;
  return JSON.parse(res.stdout.trim().split('\n').pop()!) as { seconds: number; peakRss: number; entries: number; bytes: number };
}

export async function run(): Promise<BenchSection> {
  const rows: [string, string][] = [];
  const path = bundledIndexPath();
  rows.push(['bundled index on disk', `${fmtBytes(statSync(path).size)} (${path.replace(packageRoot() + '/', '')}, gzip)`]);

  // --- load time (fresh read + inflate + views each time)
  const loads: number[] = [];
  let layer: IndexLayer | null = null;
  const rss0 = process.memoryUsage().rss;
  for (let i = 0; i < 5; i++) {
    const t0 = process.hrtime.bigint();
    layer = new IndexLayer(decodeIndex(readFileSync(path), path), path, 'bundled');
    loads.push(ms(t0));
  }
  const L = layer!;
  const gaz = new LayeredGazetteer([L]);
  const t1 = process.hrtime.bigint();
  gaz.lookupUncached('Misurata');
  const first = ms(t1);
  rows.push(['load bundled index (median of 5; min)', `${median(loads).toFixed(0)} ms; ${Math.min(...loads).toFixed(0)} ms (goal < 300 ms)`]);
  rows.push(['first lookup after load', `${first.toFixed(2)} ms`]);
  rows.push(['index in memory', `${fmtBytes(L.decoded.body.byteLength)} typed arrays; RSS +${fmtBytes(Math.max(0, process.memoryUsage().rss - rss0))} for 5 loads (RSS now ${fmtBytes(process.memoryUsage().rss)})`]);
  rows.push(['entries / names / keys', `${L.entryCount.toLocaleString('en-US')} / ${L.nameCount().toLocaleString('en-US')} / ${L.meta.counts.keys.toLocaleString('en-US')}`]);

  // --- lookups
  const mix = queryMix(L, 20000);
  const rate = (label: string, f: (q: string) => number, rounds = 3) => {
    for (const q of mix.slice(0, 3000)) f(q); // warm the JIT
    let found = 0;
    const t = process.hrtime.bigint();
    for (let r = 0; r < rounds; r++) for (const q of mix) found += f(q) > 0 ? 1 : 0;
    const perS = (rounds * mix.length) / (ms(t) / 1000);
    rows.push([label, `${Math.round(perS).toLocaleString('en-US')} /s (${((found / (rounds * mix.length)) * 100).toFixed(0)}% found)`]);
    return perS;
  };
  rate('  fold the query only (floor of any lookup)', (q) => foldWith(L.rules, q).length);
  rate('  fold + analyse (key, generic words, hashes)', (q) => L.analyze(q).a.keyLen + 1);
  rate('lookups/s uncached, exact level (20k-name mix*)', (q) => gaz.lookupUncached(q, { minLevel: 'exact' }).length);
  rate('lookups/s uncached, up to generic level', (q) => gaz.lookupUncached(q, { minLevel: 'generic' }).length);
  rate('lookups/s uncached, all levels incl. transliteration checks', (q) => gaz.lookupUncached(q).length, 1);
  rate('  … and reading top-3 entries and reasons', (q) => {
    let n = 0;
    for (const c of gaz.lookupUncached(q, { limit: 3 })) n += c.reasons.length + c.entry.name.length;
    return n;
  }, 1);
  // cached: a document's names repeat; the per-process cache serves repeats
  const hot = mix.slice(0, 4000);
  for (const q of hot) gaz.lookup(q);
  let t0 = process.hrtime.bigint();
  const reps = 25;
  for (let r = 0; r < reps; r++) for (const q of hot) gaz.lookup(q);
  rows.push(['lookups/s, repeated names (per-process cache, 4,096 names; goal > 1,000,000)', `${Math.round((reps * hot.length) / (ms(t0) / 1000)).toLocaleString('en-US')} /s`]);
  rows.push(['  * mix', 'press spellings 30%, misses (people, words) 10%, the index\'s own names 60% (as is, lower-cased, or without accents)']);

  // --- token stream
  const seed = resolve(packageRoot(), '..', 'shared', 'seeds', '000_e55a4a22c631232f.txt');
  const text = existsSync(seed)
    ? readFileSync(seed, 'utf8')
    : 'ISIS overran Al Washka, Abu Njeem, Wadi Bey, Al Balgha and Wadi Zamzam west of Sirte, halfway to Misrata, and reached the Harouge mountains. NATO would blockade the Gulf of Sidra in the Mediterranean.';
  const tokens = text.match(/[\p{L}\p{N}'’-]+|[^\s\p{L}\p{N}]/gu) ?? [];
  t0 = process.hrtime.bigint();
  let spans = 0;
  const tr = 20;
  for (let r = 0; r < tr; r++) spans = gaz.matchTokens(tokens).length;
  rows.push(['matchTokens (seed report)', `${Math.round((tr * tokens.length) / (ms(t0) / 1000)).toLocaleString('en-US')} tokens/s; ${spans} spans in ${tokens.length} tokens`]);

  // --- imports
  const shared = resolve(packageRoot(), '..', 'shared', 'data', 'geonames');
  if (existsSync(shared)) {
    const tmp = mkdtempSync(join(tmpdir(), 'sitrep-bench-'));
    try {
      const files = ['cities500.txt', 'cities15000.txt', 'admin1CodesASCII.txt', 'admin2Codes.txt', 'countryInfo.txt', 'featureCodes_en.txt'].map((f) => join(shared, f));
      const r = importInChild(files, join(tmp, 'shared.sgz'));
      rows.push([
        'import ../shared/data/geonames (cities500+15000, admin1/2, countryInfo, featureCodes; 41 MB)',
        typeof r === 'string' ? r : `${r.seconds.toFixed(1)} s, peak RSS ${fmtBytes(r.peakRss)}, ${r.entries.toLocaleString('en-US')} places, index ${fmtBytes(r.bytes)}`,
      ]);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  } else rows.push(['import of the shared GeoNames files', 'skipped: ../shared/data/geonames is not beside the repo']);

  if (process.env.SITREP_BENCH_BIG === '1') {
    const tmp = process.env.SITREP_BENCH_DIR ?? mkdtempSync(join(tmpdir(), 'sitrep-big-'));
    const file = join(tmp, 'allCountries.txt');
    if (!existsSync(file)) {
      const g = spawnSync(process.execPath, [join(packageRoot(), 'scripts', 'gazetteer', 'gen-allcountries.mjs'), file], { encoding: 'utf8' });
      if (g.status !== 0) throw new Error(`generator failed: ${g.stderr}`);
    }
    const r = importInChild([file], join(tmp, 'allCountries.sgz'));
    rows.push([
      `import generated allCountries (13 M rows, ${fmtBytes(statSync(file).size)})`,
      typeof r === 'string' ? r : `${r.seconds.toFixed(0)} s, peak RSS ${fmtBytes(r.peakRss)}, ${r.entries.toLocaleString('en-US')} places, index ${fmtBytes(r.bytes)}`,
    ]);
  } else rows.push(['import generated 13 M-row allCountries', `skipped (set SITREP_BENCH_BIG=1; ${RECORDED_BIG})`]);

  return { title: 'gazetteer', rows };
}

// Run directly: node dist/bench/gazetteer.js
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const s = await run();
  for (const [k, v] of s.rows) console.log(`${k.padEnd(70)} ${v}`);
}
