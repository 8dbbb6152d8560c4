#!/usr/bin/env node
/**
 * Train the candidate ranker (data/places/resolver.json) on the gold toponyms of the development
 * corpora: the target of each is the candidate with its GeoNames id (or within 161 km of its
 * coordinates). About 30 weights, so overfitting is small; the held-out fifth is left out all the
 * same (--all to use everything).
 *
 *   npm run build && node scripts/places/train-resolver.mjs [--epochs 6] [--all]
 *
 * Data: GeoWebNews, LGL, TR-News, GeoVirus (GPL-3.0 / MIT, see shared SOURCE.md) and the first
 * 800 WikToR articles (ambiguous names; its unannotated places do not matter here). Never TUD-Loc.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = (p) => join(root, 'dist', p);
const { values } = parseArgs({ options: { epochs: { type: 'string', default: '12' }, all: { type: 'boolean', default: false }, wiktor: { type: 'string', default: '800' } } });
const { trainRanker } = await import(dist('src/resolve/trainRanker.js'));
const { bundledRanker } = await import(dist('src/resolve/ranker.js'));
const { parseGeoparseCorpus, isHeldOut } = await import(dist('src/eval/geoparseCorpus.js'));
const { loadGazetteerForTools } = await import(dist('test/places/toolGazetteer.js'));
const { gazetteer, description } = await loadGazetteerForTools();
const docs = [];
const counts = {};
for (const name of ['geowebnews', 'lgl', 'trnews', 'geovirus', 'wiktor']) {
  let corpus = parseGeoparseCorpus(readFileSync(join(root, '..', 'shared', 'data', 'geoparse', `${name}.dev.jsonl`), 'utf8'), name);
  if (name === 'wiktor') corpus = corpus.slice(0, Number(values.wiktor));
  const kept = corpus.filter((d) => values.all || !isHeldOut(d.id));
  counts[name] = kept.length;
  docs.push(...kept);
}
const { weights, log } = trainRanker(docs, gazetteer, bundledRanker(), Number(values.epochs));
for (const l of log) console.error(l);
const out = join(root, 'data', 'places', 'resolver.json');
const lines = Object.entries(weights).map(([k, v]) => `  ${JSON.stringify(k)}: ${v}`);
writeFileSync(out, `{\n"schema": "sitrep/place-resolver@1",\n"trainedOn": ${JSON.stringify({ documents: counts, heldOutExcluded: !values.all, epochs: Number(values.epochs), gazetteer: description, licence: 'Weights learned from GeoWebNews, LGL, GeoVirus, WikToR (GPL-3.0) and TR-News (MIT) gold toponyms; no TUD-Loc-2013 data.' })},\n"weights": {\n${lines.join(',\n')}\n}\n}\n`);
console.error(`wrote ${out}`);
