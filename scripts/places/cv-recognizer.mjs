#!/usr/bin/env node
/**
 * Held-out check of the place recognizer: train on the training documents of the dev corpora,
 * report exact-span P/R/F1 on the held-out fifth after each epoch (gold spans that no candidate
 * reaches count as missed). For choosing features and epochs; writes nothing.
 *
 *   npm run build && node scripts/places/cv-recognizer.mjs [--epochs 10] [--no-domain]
 */
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = (p) => join(root, 'dist', p);
const { values } = parseArgs({ options: { epochs: { type: 'string', default: '10' }, 'no-domain': { type: 'boolean', default: false }, folds: { type: 'string', default: '1' } } });
const { prepare, train, evaluatePrepared } = await import(dist('src/recognize/places/train.js'));
const { parseGeoparseCorpus, foldOf } = await import(dist('src/eval/geoparseCorpus.js'));
const { loadGazetteerForTools } = await import(dist('test/places/toolGazetteer.js'));
const { domainOf } = await import(dist('src/recognize/places/domain.js'));
const { gazetteer } = await loadGazetteerForTools();
const all = [];
for (const name of ['geowebnews', 'lgl', 'trnews', 'geovirus']) {
  for (const d of parseGeoparseCorpus(readFileSync(join(root, '..', 'shared', 'data', 'geoparse', `${name}.dev.jsonl`), 'utf8'), name)) {
    all.push({ id: d.id, text: d.text, spans: d.toponyms, domain: values['no-domain'] ? (domainOf(d.corpus) ? `~${domainOf(d.corpus)}` : null) : domainOf(d.corpus) });
  }
}
// With --no-domain the domain tag only labels the runs for reporting ("~gwn"): strip it from features.
const strip = (c) => values['no-domain'] ? { ...c, runs: c.runs.map((r) => ({ ...r, candidates: r.candidates.map((x) => ({ ...x, features: x.features.filter((f) => !f.startsWith('~')) })) })) } : c;
const folds = Number(values.folds);
const sums = new Map(); // epoch → domain → counts
for (let fold = 0; fold < folds; fold++) {
  const tr = strip(prepare(all.filter((d) => foldOf(d.id) !== fold), gazetteer));
  const te = strip(prepare(all.filter((d) => foldOf(d.id) === fold), gazetteer));
  train(tr, {
    epochs: Number(values.epochs),
    onEpoch(ep, weights) {
      const res = evaluatePrepared(te, weights());
      const e = sums.get(ep) ?? new Map();
      sums.set(ep, e);
      for (const [k, c] of res) {
        const t = e.get(k) ?? { tp: 0, fp: 0, fn: 0 };
        t.tp += c.tp; t.fp += c.fp; t.fn += c.fn;
        e.set(k, t);
      }
    },
  });
}
for (const [ep, e] of sums) {
  const parts = [];
  for (const [k, c] of [...e].sort()) {
    if (k === '-') continue;
    const p = c.tp / (c.tp + c.fp || 1), r = c.tp / (c.tp + c.fn || 1);
    parts.push(`${k} ${(2 * p * r / (p + r || 1)).toFixed(3)} (P ${p.toFixed(3)} R ${r.toFixed(3)})`);
  }
  console.log(`${folds} fold${folds > 1 ? 's' : ''}, epoch ${ep}: ${parts.join('  ')}`);
}
