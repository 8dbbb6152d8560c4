#!/usr/bin/env node
/**
 * Train the place recognizer (data/places/recognizer.json) on the development corpora.
 *
 *   npm run build && node scripts/places/train-recognizer.mjs [--epochs 8] [--all] [--no-domain]
 *
 * Data: ../shared/data/geoparse/{geowebnews,lgl,trnews,geovirus}.dev.jsonl — GPL-3.0 / MIT
 * corpora (see their SOURCE.md). NOT TUD-Loc-2013 (non-commercial licence: it must never reach a
 * shipped model) and not WikToR (it annotates one place per article, so its negatives are false).
 * By default the held-out fifth of each corpus (isHeldOut in src/eval/geoparseCorpus.ts) is left
 * out, so `sitrep eval geoparse --subset heldout` measures documents the model never saw; --all
 * trains on everything.
 *
 * The gazetteer the features see is the one `sitrep` loads (openGazetteer).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = (p) => join(root, 'dist', p);
const { values } = parseArgs({ options: { epochs: { type: 'string', default: '8' }, all: { type: 'boolean', default: false }, 'no-domain': { type: 'boolean', default: false }, out: { type: 'string' } } });

const { prepare, train } = await import(dist('src/recognize/places/train.js'));
const { parseGeoparseCorpus, isHeldOut } = await import(dist('src/eval/geoparseCorpus.js'));
const { loadGazetteerForTools } = await import(dist('test/places/toolGazetteer.js'));
const { domainOf } = await import(dist('src/recognize/places/domain.js'));

const CORPORA = ['geowebnews', 'lgl', 'trnews', 'geovirus'];
const shared = join(root, '..', 'shared', 'data', 'geoparse');
const docs = [];
const counts = {};
for (const name of CORPORA) {
  const corpus = parseGeoparseCorpus(readFileSync(join(shared, `${name}.dev.jsonl`), 'utf8'), name);
  const kept = corpus.filter((d) => values.all || !isHeldOut(d.id));
  counts[name] = { docs: kept.length, heldOut: corpus.length - kept.length };
  for (const d of kept) docs.push({ id: d.id, text: d.text, spans: d.toponyms, domain: values['no-domain'] ? null : domainOf(d.corpus) });
}
const t0 = Date.now();
const gazetteer = await loadGazetteerForTools();
console.error(`gazetteer ready in ${Date.now() - t0} ms`);
const prepared = prepare(docs, gazetteer.gazetteer);
console.error(`${prepared.runs.length} runs, ${prepared.goldSpans} gold spans, ${prepared.unreachable} unreachable`);
const epochs = Number(values.epochs);
const weights = train(prepared, epochs, (s) => console.error(s));
const out = values.out ?? join(root, 'data', 'places', 'recognizer.json');
const file = {
  schema: 'sitrep/place-recognizer@1',
  trainedOn: {
    corpora: counts,
    heldOutExcluded: !values.all,
    domains: !values['no-domain'],
    epochs,
    gazetteer: gazetteer.description,
    licence: 'Weights learned from GeoWebNews (GPL-3.0), LGL (GPL-3.0 redistribution), TR-News (MIT), GeoVirus (GPL-3.0); no TUD-Loc-2013 data.',
  },
  weights,
};
const lines = Object.entries(weights).map(([k, v]) => `  ${JSON.stringify(k)}: ${v}`);
writeFileSync(out, `{\n"schema": ${JSON.stringify(file.schema)},\n"trainedOn": ${JSON.stringify(file.trainedOn)},\n"weights": {\n${lines.join(',\n')}\n}\n}\n`);
console.error(`wrote ${Object.keys(weights).length} weights to ${out}`);
