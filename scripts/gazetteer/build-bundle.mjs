#!/usr/bin/env node
// Rebuild data/gazetteer/bundled.sgz and data/gazetteer/manifest.json from ../shared/data.
// Usage (from the repo root, after `npx tsc -p .`):
//   node scripts/gazetteer/build-bundle.mjs [--geonames DIR] [--naturalearth DIR] [--built-at ISO]
// --built-at defaults to the date recorded in the current manifest, so a rebuild from the same
// inputs gives the same bytes (check with `git diff --stat data/gazetteer`).
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values } = parseArgs({
  options: {
    geonames: { type: 'string', default: resolve(root, '..', 'shared', 'data', 'geonames') },
    naturalearth: { type: 'string', default: resolve(root, '..', 'shared', 'data', 'naturalearth') },
    'built-at': { type: 'string' },
  },
});
const manifestPath = join(root, 'data', 'gazetteer', 'manifest.json');
const previous = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : null;
const builtAt = values['built-at'] ?? previous?.builtAt ?? new Date().toISOString();
const { buildBundle } = await import(join(root, 'dist', 'src', 'resolve', 'gazetteer', 'bundle', 'build.js'));
const t0 = Date.now();
const report = await buildBundle({ geonamesDir: values.geonames, naturalEarthDir: values.naturalearth, out: join(root, 'data', 'gazetteer', 'bundled.sgz'), builtAt });
writeFileSync(manifestPath, JSON.stringify(report.manifest, null, 2) + '\n');
console.log(`bundled.sgz: ${report.entries} entries, ${report.names} names, ${report.keys} keys, ${(report.manifest.bytes / 1048576).toFixed(1)} MiB, built in ${((Date.now() - t0) / 1000).toFixed(1)} s, peak RSS ${(report.peakRssBytes / 1048576).toFixed(0)} MiB`);
console.log('added:', JSON.stringify(report.added));
