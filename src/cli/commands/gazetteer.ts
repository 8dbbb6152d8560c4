/**
 * `sitrep gazetteer import|lookup|info`: build, query and describe the place-name index.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ExitCode, SitrepError, usageError } from '../../core/errors.js';
import type { GazetteerCandidate, GazetteerEntry, GazetteerInfo, MatchLevel } from '../../core/gazetteer.js';
import type { Command, CommandIO } from '../command.js';
import { openGazetteer } from '../../resolve/gazetteer/open.js';
import { importFiles, type ImportProgress } from '../../resolve/gazetteer/import.js';
import { DEFAULT_INFLATE_LIMITS, fmtBytes } from '../../resolve/gazetteer/io.js';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../../resolve/gazetteer/layered.js';

const HELP = `sitrep gazetteer — the place-name index sitrep resolves places with

Usage:
  sitrep gazetteer lookup NAME [--country CC] [--limit N] [--json]
  sitrep gazetteer import FILE… --out PATH
  sitrep gazetteer info [--json]

sitrep ships a gazetteer built from GeoNames cities (about 200,000 towns with 500+ people),
countries, admin regions, and Natural Earth's seas, gulfs, rivers, lakes, deserts and mountain
ranges. It works offline and loads in a fraction of a second. Small places (villages, wadis,
hills) are not in it: import a GeoNames country file to add them.

Subcommands:
  lookup NAME     Show the places a name may refer to, best first, and why each matched.
                  Spellings are forgiven: case, accents, Al-/El-/Ar-, Misrata/Misurata,
                  Njeem/Nujaym, "Wadi", "Jabal", "Gulf of", "mountains"…
                  Exit status 1 when nothing matched.
  import FILE…    Build an index from GeoNames files (plain, .zip or .gz), e.g. LY.zip or
                  allCountries.zip from https://download.geonames.org/export/dump/, plus
                  admin1CodesASCII.txt, admin2Codes.txt, countryInfo.txt, alternateNamesV2.zip,
                  or your own additions (.csv/.json, see docs/gazetteer.md).
  info            Sources and licences, counts by feature class and country, build date, size.

Which gazetteer is used (every command that resolves places takes the same options):
  --gazetteer PATH      an index made by \`import\`, searched before the bundled one
                        (default: $SITREP_GAZETTEER)
  --additions FILE      your own places (CSV/JSON), searched first; repeatable
                        (default: $SITREP_GAZETTEER_ADDITIONS, paths separated by ':')
  --no-bundled          leave the bundled gazetteer out
  Precedence: additions > imported index > bundled. The same id in a higher layer replaces
  the lower one; additions can also hide entries (!geonames:ID) or names (!name:NAME).

lookup options:
  --country CC          only places in this country (ISO 3166 alpha-2, e.g. LY)
  --limit N             at most N candidates (default ${DEFAULT_LIMIT})
  --min-level LEVEL     exact | folded | generic | variant (default variant: all)
  --json                print JSON (country as ISO alpha-2)

import options:
  --out PATH            the index to write (replaced only when the import succeeds)
  --scripts latin|all   keep names in every script (default) or Latin script only
  --compress            gzip the index (smaller, slower to load)
  --max-ratio N         stop a compressed input inflating more than N:1 (default ${DEFAULT_INFLATE_LIMITS.maxRatio})

Examples:
  sitrep gazetteer lookup Misurata
  sitrep gazetteer lookup "Gulf of Sidra" --country LY --json
  sitrep gazetteer import LY.zip admin1CodesASCII.txt --out ~/gaz/ly.sgz
  sitrep gazetteer lookup "Wadi Bey" --gazetteer ~/gaz/ly.sgz

Contains data from GeoNames (geonames.org), CC BY 4.0. Made with Natural Earth (public domain).
`;

const LEVELS: readonly MatchLevel[] = ['exact', 'folded', 'generic', 'variant'];

function parse(args: readonly string[], options: NonNullable<ParseArgsConfig['options']>) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (e) {
    const msg = (e as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, '');
    throw usageError('bad-option', `gazetteer: ${msg}`, 'Run `sitrep gazetteer --help` for the options.');
  }
}

const WHICH = {
  gazetteer: { type: 'string' },
  additions: { type: 'string', multiple: true },
  'no-bundled': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function openFrom(values: Record<string, unknown>, io: CommandIO) {
  const additions = values.additions as string[] | undefined;
  return openGazetteer((values.gazetteer as string | undefined) ?? null, io.env, {
    ...(additions ? { additions } : {}),
    bundled: !values['no-bundled'],
  });
}

export const gazetteerCommand: Command = {
  name: 'gazetteer',
  summary: 'Look up place names, import GeoNames dumps, describe the gazetteer',
  help: HELP,
  async run(args: readonly string[], io: CommandIO): Promise<number> {
    const [sub, ...rest] = args;
    if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
      io.stdout(HELP);
      return sub === undefined ? ExitCode.usage : ExitCode.ok;
    }
    switch (sub) {
      case 'lookup':
        return lookup(rest, io);
      case 'import':
        return runImport(rest, io);
      case 'info':
        return info(rest, io);
      default:
        throw usageError('unknown-subcommand', `gazetteer: unknown subcommand "${sub}"`, 'Use lookup, import or info (sitrep gazetteer --help).');
    }
  },
};

// ---------------------------------------------------------------------------------------------

async function lookup(args: readonly string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(args, {
    ...WHICH,
    country: { type: 'string' },
    limit: { type: 'string' },
    'min-level': { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help) {
    io.stdout(HELP);
    return ExitCode.ok;
  }
  const name = positionals.join(' ').trim();
  if (!name) throw usageError('no-name', 'gazetteer lookup: which name? e.g. `sitrep gazetteer lookup Misurata`');
  if (name.length > 200) throw usageError('name-too-long', `gazetteer lookup: the name is ${name.length} characters; place names are shorter than 200`);
  const country = values.country as string | undefined;
  if (country !== undefined && !/^[A-Za-z]{2}$/.test(country)) {
    throw usageError('bad-country', `gazetteer lookup: --country "${country}" is not an ISO 3166 alpha-2 code`, 'Use two letters, e.g. --country LY for Libya.');
  }
  let limit = DEFAULT_LIMIT;
  if (values.limit !== undefined) {
    limit = Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) throw usageError('bad-limit', `gazetteer lookup: --limit "${String(values.limit)}" should be a whole number from 1 to ${MAX_LIMIT}`);
  }
  const minLevel = values['min-level'] as string | undefined;
  if (minLevel !== undefined && !LEVELS.includes(minLevel as MatchLevel)) {
    throw usageError('bad-level', `gazetteer lookup: --min-level "${minLevel}" should be one of ${LEVELS.join(', ')}`);
  }
  const gaz = openFrom(values, io);
  const cc = country?.toUpperCase();
  const candidates = gaz.lookup(name, { ...(cc ? { country: cc } : {}), limit, ...(minLevel ? { minLevel: minLevel as MatchLevel } : {}) });
  if (values.json) {
    io.stdout(JSON.stringify({ query: name, country: cc ?? null, candidates: candidates.map(candidateJson) }, null, 2) + '\n');
    return candidates.length > 0 ? ExitCode.ok : ExitCode.nothingUsable;
  }
  if (candidates.length === 0) {
    const layers = gaz.layers.map((l) => l.kind).join(' + ');
    io.stdout(`No place matched "${name}"${cc ? ` in ${cc}` : ''} (searched: ${layers}).\n`);
    io.stderr(
      `hint: small places (villages, wadis, hills) are not in the bundled gazetteer. Import a GeoNames country file (sitrep gazetteer import LY.zip --out ly.sgz) and look up with --gazetteer ly.sgz, or add the place to your own additions file.\n`,
    );
    return ExitCode.nothingUsable;
  }
  const n = candidates.length;
  if (candidates.every((c) => c.level === 'variant')) {
    io.stdout(`"${name}": no place${cc ? ` in ${cc}` : ''} has exactly this name; ${n} place${n === 1 ? ' has' : 's have'} a name that may be another spelling of it, best first:\n`);
  } else io.stdout(`${n} candidate${n === 1 ? '' : 's'} for "${name}"${cc ? ` in ${cc}` : ''}, best first:\n`);
  candidates.forEach((c, i) => io.stdout(formatCandidate(c, i + 1)));
  return ExitCode.ok;
}

function candidateJson(c: GazetteerCandidate): Record<string, unknown> {
  const e = c.entry;
  return {
    id: e.id,
    name: e.name,
    country: e.country,
    otherCountries: e.otherCountries ?? [],
    lat: e.lat,
    lon: e.lon,
    featureClass: e.featureClass,
    featureCode: e.featureCode,
    admin1: e.admin1,
    admin1Name: e.admin1Name ?? null,
    admin2: e.admin2 ?? null,
    admin2Name: e.admin2Name ?? null,
    population: e.population,
    timezone: e.timezone ?? null,
    extent: e.extent ?? null,
    radiusKm: e.radiusKm ?? null,
    geonameId: e.geonameId ?? null,
    coordinateSource: e.coordinateSource ?? null,
    source: e.source ?? null,
    layer: e.layer ?? null,
    matched: c.matched,
    level: c.level ?? null,
    score: Math.round(c.score * 1000) / 1000,
    reasons: c.reasons,
  };
}

function place(e: GazetteerEntry): string {
  const parts = [e.admin2Name, e.admin1Name ?? e.admin1, e.country || (e.otherCountries?.length ? e.otherCountries.slice(0, 4).join('/') : 'no country')].filter(Boolean);
  return parts.join(', ');
}

function formatCandidate(c: GazetteerCandidate, rank: number): string {
  const e = c.entry;
  const pop = e.population > 0 ? `  pop ${e.population.toLocaleString('en-US')}` : '';
  const extent = e.radiusKm ? `  ~${e.radiusKm} km across` : '';
  return (
    `${String(rank).padStart(2)}. ${e.name}  (${place(e)})  ${e.featureClass}.${e.featureCode}  ${e.lat.toFixed(5)}, ${e.lon.toFixed(5)}${pop}${extent}  ${e.id}\n` +
    `    matched "${c.matched}": ${c.reasons.join(', ')}  [${c.level ?? '?'}, score ${c.score.toFixed(2)}${e.layer && e.layer !== 'bundled' ? `, ${e.layer}` : ''}]\n`
  );
}

// ---------------------------------------------------------------------------------------------

async function runImport(args: readonly string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(args, {
    out: { type: 'string', short: 'o' },
    scripts: { type: 'string' },
    compress: { type: 'boolean' },
    'max-ratio': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(HELP);
    return ExitCode.ok;
  }
  if (positionals.length === 0) throw usageError('no-files', 'gazetteer import: which files? e.g. `sitrep gazetteer import LY.zip --out ly.sgz`');
  const out = values.out as string | undefined;
  if (!out) throw usageError('no-out', 'gazetteer import: --out PATH is required (where to write the index)', 'e.g. --out ~/gaz/ly.sgz');
  const scripts = (values.scripts as string | undefined) ?? 'all';
  if (scripts !== 'all' && scripts !== 'latin') throw usageError('bad-scripts', `gazetteer import: --scripts "${scripts}" should be latin or all`);
  let maxRatio = DEFAULT_INFLATE_LIMITS.maxRatio;
  if (values['max-ratio'] !== undefined) {
    maxRatio = Number(values['max-ratio']);
    if (!Number.isFinite(maxRatio) || maxRatio < 2) throw usageError('bad-ratio', `gazetteer import: --max-ratio "${String(values['max-ratio'])}" should be a number of at least 2`);
  }
  let lastDraw = 0;
  const progress = io.isTTY
    ? (p: ImportProgress) => {
        const now = Date.now();
        if (now - lastDraw < 200) return;
        lastDraw = now;
        io.stderr(`\r${bar(p)}`);
      }
    : undefined;
  const report = await importFiles(positionals, {
    out,
    scripts,
    compress: !!values.compress,
    limits: { ...DEFAULT_INFLATE_LIMITS, maxRatio },
    ...(progress ? { onProgress: progress } : {}),
  });
  if (io.isTTY) io.stderr('\r\x1b[K');
  for (const f of report.files) io.stdout(`read ${f.file}: ${f.kind}, ${f.rows.toLocaleString('en-US')} rows\n`);
  io.stdout(
    `wrote ${report.out}: ${report.entries.toLocaleString('en-US')} places, ${report.names.toLocaleString('en-US')} names, ${fmtBytes(report.bytes)} in ${report.seconds.toFixed(1)} s (peak memory ${fmtBytes(report.peakRssBytes)})\n` +
      (report.duplicateIds ? `${report.duplicateIds} duplicate geonameids: kept the row with the newer modification date\n` : '') +
      `use it with: sitrep gazetteer lookup NAME --gazetteer ${report.out}\n`,
  );
  return ExitCode.ok;
}

function bar(p: ImportProgress): string {
  const frac = p.bytesTotal > 0 ? Math.min(1, p.bytesRead / p.bytesTotal) : 0;
  const width = 24;
  const filled = Math.round(frac * width);
  const name = p.file.length > 30 ? '…' + p.file.slice(-29) : p.file;
  return `[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${(frac * 100).toFixed(0).padStart(3)}% ${name} ${p.entries.toLocaleString('en-US')} places\x1b[K`;
}

// ---------------------------------------------------------------------------------------------

async function info(args: readonly string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(args, { ...WHICH, json: { type: 'boolean' } });
  if (values.help) {
    io.stdout(HELP);
    return ExitCode.ok;
  }
  if (positionals.length > 0) throw usageError('bad-argument', `gazetteer info takes no arguments (got "${positionals.join(' ')}")`);
  const gaz = openFrom(values, io);
  const data: GazetteerInfo = gaz.info();
  const heap = process.memoryUsage();
  if (values.json) {
    io.stdout(JSON.stringify({ ...data, process: { rssBytes: heap.rss, arrayBuffersBytes: heap.arrayBuffers } }, null, 2) + '\n');
    return ExitCode.ok;
  }
  for (const l of data.layers) {
    io.stdout(`${l.layer} gazetteer: ${l.path}\n`);
    io.stdout(`  built ${l.builtAt ?? 'now (in memory)'}; ${l.entries.toLocaleString('en-US')} places, ${l.names.toLocaleString('en-US')} names, ${l.keys.toLocaleString('en-US')} keys; variant rules ${l.rulesHash}\n`);
    io.stdout(`  size: ${fmtBytes(l.bytesOnDisk)} on disk${l.compressed ? ' (gzip)' : ''}, ${fmtBytes(l.bytesInMemory)} in memory\n`);
    io.stdout(`  by feature class: ${Object.entries(l.byFeatureClass).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`).join(', ')}\n`);
    io.stdout(`  top countries: ${l.topCountries.map(([c, v]) => `${c} ${v.toLocaleString('en-US')}`).join(', ')}\n`);
    io.stdout('  sources:\n');
    for (const s of l.sources) io.stdout(`    - ${s.name} — licence: ${s.licence}${s.detail ? ` (${s.detail})` : ''}\n`);
    for (const a of l.attribution) io.stdout(`  ${a}\n`);
  }
  io.stdout(`process memory: ${fmtBytes(heap.rss)} resident, ${fmtBytes(heap.arrayBuffers)} in index buffers\n`);
  return ExitCode.ok;
}

export { SitrepError };
