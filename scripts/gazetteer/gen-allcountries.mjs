#!/usr/bin/env node
// Generate a deterministic allCountries-shaped GeoNames file (19 tab-separated columns) for the
// import benchmark: the real allCountries.txt (about 13 M rows, 1.5 GB) is not in this repo.
// Usage: node scripts/gazetteer/gen-allcountries.mjs OUT [--rows 13000000] [--seed 1]
// The shape follows the real dump: mostly one- or two-word names, ~38% of rows with alternate
// names (some with diacritics or Arabic script), feature classes in realistic proportions, most
// populations 0, 5-decimal coordinates, IANA timezones, modification dates.
import { openSync, writeSync, closeSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({ options: { rows: { type: 'string', default: '13000000' }, seed: { type: 'string', default: '1' } }, allowPositionals: true });
const out = positionals[0];
if (!out) {
  console.error('usage: gen-allcountries.mjs OUT [--rows N] [--seed S]');
  process.exit(2);
}
const rows = Number(values.rows);
let state = Number(values.seed) >>> 0 || 1;
const rnd = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (a) => a[Math.floor(rnd() * a.length)];
const SYL = ['ba', 'bu', 'da', 'di', 'fa', 'ga', 'ha', 'hu', 'ja', 'ka', 'ki', 'la', 'li', 'ma', 'mi', 'mu', 'na', 'ni', 'ra', 'ri', 'ru', 'sa', 'si', 'ta', 'ti', 'wa', 'ya', 'za', 'zu', 'an', 'el', 'or', 'ber', 'dor', 'gan', 'kor', 'lin', 'mar', 'nor', 'tan', 'vil', 'wen', 'shi', 'kha', 'qas', 'jab', 'sur'];
const DIA = { a: 'ā', i: 'ī', u: 'ū', s: 'ş', h: 'ḩ', d: 'ḑ', t: 'ţ', z: 'ẕ' };
const AR = ['وادي', 'جبل', 'بئر', 'قصر', 'عين', 'رأس', 'سيدي', 'أبو'];
const GEN = ['Wadi', 'Jabal', 'Bir', 'Ras', 'Lake', 'Mount', 'Saint', 'New', 'Little'];
const SUF = ['Creek', 'Hill', 'River', 'Farm', 'School', 'Church', 'Village', 'Springs'];
const word = () => {
  let w = '';
  const n = 1 + Math.floor(rnd() * 3);
  for (let i = 0; i < n; i++) w += pick(SYL);
  return w[0].toUpperCase() + w.slice(1);
};
const diacritic = (w) => w.replace(/[aiushdtz]/g, (c) => (rnd() < 0.3 ? DIA[c] : c));
const CLASSES = [
  [0.28, 'P', ['PPL', 'PPL', 'PPL', 'PPLX', 'PPLA4', 'PPLA3', 'PPLL']],
  [0.14, 'H', ['STM', 'STM', 'LK', 'SPNG', 'WLL', 'RSV', 'WAD', 'STMI']],
  [0.16, 'S', ['SCH', 'CH', 'HTL', 'FRM', 'BLDG', 'MSQE', 'CMTY', 'RSTN']],
  [0.18, 'T', ['MT', 'HLL', 'MTS', 'PK', 'VAL', 'ISL', 'CAPE', 'PASS']],
  [0.08, 'L', ['AREA', 'LCTY', 'PRK', 'RGN', 'OAS']],
  [0.06, 'A', ['ADM4', 'ADM3', 'ADM2', 'ADMD', 'ADM1']],
  [0.05, 'V', ['FRST', 'GRSLD', 'SCRB']],
  [0.03, 'R', ['RD', 'RR', 'TNL']],
  [0.02, 'U', ['SMU', 'RDGU', 'BNKU']],
];
const CC = 'AD AE AF AG AL AM AO AR AT AU AZ BA BD BE BF BG BH BI BJ BO BR BT BW BY BZ CA CD CF CG CH CI CL CM CN CO CR CU CY CZ DE DJ DK DO DZ EC EE EG ER ES ET FI FR GA GB GE GH GM GN GR GT GW HN HR HT HU ID IE IL IN IQ IR IS IT JM JO JP KE KG KH KP KR KW KZ LA LB LK LR LS LT LU LV LY MA MD ME MG MK ML MM MN MR MW MX MY MZ NA NE NG NI NL NO NP NZ OM PA PE PG PH PK PL PS PT PY QA RO RS RU RW SA SD SE SI SK SL SN SO SS SV SY SZ TD TG TH TJ TM TN TR TW TZ UA UG US UY UZ VE VN YE ZA ZM ZW'.split(' ');
const TZ = ['Africa/Tripoli', 'Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'Asia/Shanghai', 'Europe/Berlin', 'America/Mexico_City', 'Asia/Baghdad', 'Africa/Lagos', 'Asia/Tehran'];

const fd = openSync(out, 'w');
const CHUNK = 8 << 20;
let buf = '';
let bytes = 0;
const t0 = Date.now();
let id = 1;
for (let r = 0; r < rows; r++) {
  id += 1 + Math.floor(rnd() * 0.02 * 100) % 2;
  const u = rnd();
  let acc = 0;
  let cls = CLASSES[0];
  for (const c of CLASSES) {
    acc += c[0];
    if (u <= acc) {
      cls = c;
      break;
    }
  }
  const fcode = pick(cls[2]);
  const v = rnd();
  let name = word();
  if (v < 0.25) name = `${pick(GEN)} ${word()}`;
  else if (v < 0.35) name = `${word()} ${pick(SUF)}`;
  else if (v < 0.4) name = `${word()} ${word()} ${pick(SUF)}`;
  const fancy = rnd() < 0.15 ? diacritic(name) : name;
  let alts = '';
  if (rnd() < 0.38) {
    const k = 1 + Math.floor(rnd() * 6);
    const list = [];
    for (let i = 0; i < k; i++) {
      const w = rnd();
      if (w < 0.4) list.push(diacritic(name));
      else if (w < 0.6) list.push(`${pick(AR)} ${word()}`);
      else if (w < 0.8) list.push(name.replace(/a/g, 'e'));
      else list.push(word());
    }
    alts = list.join(',');
  }
  const lat = (rnd() * 170 - 85).toFixed(5);
  const lon = (rnd() * 360 - 180).toFixed(5);
  const cc = pick(CC);
  const pop = cls[1] === 'P' && rnd() < 0.4 ? Math.floor(Math.exp(rnd() * 12)) : 0;
  const a1 = String(1 + Math.floor(rnd() * 40)).padStart(2, '0');
  const a2 = rnd() < 0.6 ? String(Math.floor(rnd() * 900)) : '';
  const elev = rnd() < 0.1 ? String(Math.floor(rnd() * 3000)) : '';
  const dem = String(Math.floor(rnd() * 2500));
  const date = `20${10 + Math.floor(rnd() * 15)}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
  const ascii = name;
  buf += `${id}\t${fancy}\t${ascii}\t${alts}\t${lat}\t${lon}\t${cls[1]}\t${fcode}\t${cc}\t\t${a1}\t${a2}\t\t\t${pop}\t${elev}\t${dem}\t${pick(TZ)}\t${date}\n`;
  if (buf.length > CHUNK) {
    bytes += writeSync(fd, buf);
    buf = '';
  }
}
bytes += writeSync(fd, buf);
closeSync(fd);
console.log(`wrote ${out}: ${rows} rows, ${(bytes / 1e9).toFixed(2)} GB (UTF-8 chars counted as written), ${((Date.now() - t0) / 1000).toFixed(0)} s`);
