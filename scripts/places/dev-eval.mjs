#!/usr/bin/env node
/**
 * Development loop: `sitrep eval geoparse` on the dev corpora with the gazetteer `sitrep`
 * loads, in one process so the gazetteer loads once.
 *
 *   npm run build && node scripts/places/dev-eval.mjs [--gold-spans] [--subset heldout] [--json] [corpus…]
 */
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = (p) => join(root, 'dist', p);
const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'gold-spans': { type: 'boolean', default: false }, subset: { type: 'string', default: 'all' }, json: { type: 'boolean', default: false }, examples: { type: 'string', default: '8' }, 'no-conventions': { type: 'boolean', default: false }, 'no-actors': { type: 'boolean', default: false } } });
const { evaluateGeoparse, formatGeoparseReport, parseGeoparseCorpus } = await import(dist('src/eval/geoparse.js'));
const { createRunContext } = await import(dist('src/core/index.js'));
const { loadGazetteerForTools } = await import(dist('test/places/toolGazetteer.js'));
const { gazetteer } = await loadGazetteerForTools();
const ctx = createRunContext({ gazetteer });
const corpora = positionals.length ? positionals : ['geowebnews', 'lgl', 'trnews'];
const summary = [];
for (const name of corpora) {
  const file = join(root, '..', 'shared', 'data', 'geoparse', `${name}.dev.jsonl`);
  const docs = parseGeoparseCorpus(readFileSync(file, 'utf8'), file);
  const r = evaluateGeoparse(ctx, docs, { goldSpans: values['gold-spans'], subset: values.subset, conventions: !values['no-conventions'], actors: !values['no-actors'] }, Number(values.examples));
  if (values.json) console.log(JSON.stringify({ corpus: name, ...r, misses_by_cause: undefined }));
  else process.stdout.write(formatGeoparseReport(r, name) + '\n');
  summary.push(`${name.padEnd(11)} P ${r.precision.toFixed(3)} R ${r.recall.toFixed(3)} F1 ${r.f1.toFixed(3)} F1o ${r.f1_overlap.toFixed(3)} acc161 ${r.acc161.toFixed(3)} acc161r ${r.acc161_resolved.toFixed(3)} accId ${r.acc161_or_same_id.toFixed(3)} med ${r.median_km?.toFixed(0)} AUC ${r.auc?.toFixed(3)} ${Math.round(r.words_per_s)} w/s`);
}
console.error(summary.join('\n'));
