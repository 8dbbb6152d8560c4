/**
 * `npm run bench`: throughput and size figures. A benchmark, not a test: it never fails a build
 * on a time. Options: --words N (per news file, default 300000), --rounds N (default 3), --json.
 * SITREP_BENCH_BIG=1 adds the import of a generated 13 M-row allCountries file (minutes, ~3 GiB).
 */
import { parseArgs } from 'node:util';
import type { BenchSection } from './types.js';
import { run as pipeline } from './pipeline.js';
import { run as geoparse } from './geoparse.js';
import { run as gazetteer } from './gazetteer.js';
import { run as events } from './events.js';

const { values } = parseArgs({
  options: {
    words: { type: 'string', default: '300000' },
    rounds: { type: 'string', default: '3' },
    json: { type: 'boolean', default: false },
  },
});

const sections: BenchSection[] = [];
const maxWordsPerFile = Number(values.words);
const rounds = Number(values.rounds);
sections.push(await pipeline({ maxWordsPerFile, rounds }));
sections.push(await geoparse({ maxWordsPerFile, rounds }));
sections.push(await events({ maxWordsPerFile, rounds }));
sections.push(await gazetteer());
const rssMb = process.resourceUsage().maxRSS / 1024;
sections.push({ title: 'Process', rows: [['peak RSS', `${rssMb.toFixed(0)} MB`], ['node', process.version]] });

if (values.json) {
  process.stdout.write(JSON.stringify(sections, null, 2) + '\n');
} else {
  for (const s of sections) {
    process.stdout.write(`\n${s.title}\n`);
    const width = Math.max(...s.rows.map(([label]) => label.length));
    for (const [label, value] of s.rows) process.stdout.write(`  ${label.padEnd(width)}  ${value}\n`);
  }
}
