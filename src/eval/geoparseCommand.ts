/**
 * `sitrep eval geoparse FILE.jsonl [--gold-spans] [--json]`: the subcommand behind
 * src/cli/commands/eval.ts. Reads a corpus in the format of shared/spec/EVAL.md, runs the
 * geoparser, prints the metrics and the worst misses by cause (or one JSON object).
 */
import { readFileSync } from 'node:fs';
import { createRunContext, ExitCode, inputError, usageError } from '../core/index.js';
import type { CommandIO } from '../cli/command.js';
import { parseCommandArgs } from '../cli/args.js';
import { loadGazetteer } from '../resolve/gazetteerSource.js';
import { evaluateGeoparse, formatGeoparseReport, parseGeoparseCorpus, type Subset } from './geoparse.js';

export const GEOPARSE_HELP = `Usage: sitrep eval geoparse FILE.jsonl [options]

Score the geoparser (place recognition and resolution) on an annotated corpus: JSON Lines, one
document a line, {"id", "corpus", "text", "toponyms": [{"start", "end", "name", "lat", "lon",
"geonameid"}]} with UTF-16 offsets (see shared/spec/EVAL.md).

Options:
  --gold-spans        Resolve the annotated spans instead of recognizing places (scores
                      resolution only, as Mordecai 3 and Gritta et al. report it).
  --json              Print one JSON object (precision, recall, f1, f1_overlap, acc161,
                      acc161_resolved, median_km, mean_km, auc, words_per_s, …).
  --subset S          all (default); heldout: only the documents the shipped recognizer was not
                      trained on (one in five of the dev corpora, by a hash of the id); train.
  --no-conventions    Ignore the document's "corpus" field: use sitrep's own notion of a place
                      mention instead of the corpus's annotation convention.
  --examples N        Worst misses shown per cause (default 8).
  --gazetteer PATH    Gazetteer index to use (default $SITREP_GAZETTEER, else the bundled one).
  -h, --help          Show this help.

Metrics: strict P/R/F1 (exact span), f1_overlap (overlapping spans), acc161 (share of gold
toponyms with coordinates resolved within 161 km; a missed one counts as wrong), acc161_resolved
(the same over recognized ones), median/mean error in km, AUC of log(1 + km) (Gritta et al.
2018; lower is better). An unresolved mention scores the largest error, 20,039 km.

Examples:
  sitrep eval geoparse ../shared/data/geoparse/lgl.dev.jsonl
  sitrep eval geoparse ../shared/data/geoparse/trnews.dev.jsonl --gold-spans --json
`;

export async function runGeoparseEval(args: readonly string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('eval geoparse', args, {
    'gold-spans': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    subset: { type: 'string', default: 'all' },
    'no-conventions': { type: 'boolean', default: false },
    examples: { type: 'string', default: '8' },
    gazetteer: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  }, 1);
  if (values.help) {
    io.stdout(GEOPARSE_HELP);
    return ExitCode.ok;
  }
  const file = positionals[0];
  if (!file) throw usageError('no-input', 'eval geoparse: no corpus file given', 'Run `sitrep eval geoparse --help` for the format and examples.');
  const subset = values.subset as Subset;
  if (!['all', 'heldout', 'train'].includes(subset)) throw usageError('bad-subset', `eval geoparse: unknown --subset ${JSON.stringify(values.subset)}`, 'Use all, heldout or train.');
  const examples = Number(values.examples);
  if (!Number.isInteger(examples) || examples < 0) throw usageError('bad-examples', `eval geoparse: --examples must be a whole number, found ${JSON.stringify(values.examples)}`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw usageError('missing-file', `eval geoparse: cannot read ${file}`, 'Give the path of a JSON Lines corpus.');
  }
  const docs = parseGeoparseCorpus(text, file);
  if (!docs.length) throw inputError('empty', `eval geoparse: no documents in ${file}`);
  const gazetteer = await loadGazetteer(values.gazetteer ?? null, io.env);
  if (!gazetteer) io.stderr('warning: no gazetteer in this build: places are recognized but not resolved (acc161 will be 0)\n');
  const ctx = createRunContext({ gazetteer });
  const report = evaluateGeoparse(ctx, docs, { goldSpans: values['gold-spans'], subset, conventions: !values['no-conventions'] }, examples);
  if (values.json) {
    const { misses_by_cause, ...scores } = report;
    io.stdout(JSON.stringify({ file, ...scores, misses_by_cause: misses_by_cause.map((g) => ({ cause: g.cause, detail: g.detail, count: g.count, examples: g.examples.map((m) => ({ doc: m.docId, text: m.text, other: m.other, km: m.km })) })) }) + '\n');
  } else {
    io.stdout(formatGeoparseReport(report, file));
  }
  return ExitCode.ok;
}
