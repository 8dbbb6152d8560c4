/**
 * `sitrep eval events FILE.csv [--json]`: the subcommand behind src/cli/commands/eval.ts. Reads an
 * ACLED CSV export, codes each row's notes (publication date = event_date + 7 days) and prints the
 * metrics of shared/spec/EVAL.md, or one JSON object.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { ExitCode, usageError } from '../core/index.js';
import type { CommandIO } from '../cli/command.js';
import { parseCommandArgs } from '../cli/args.js';
import { loadGazetteer } from '../resolve/gazetteerSource.js';
import { evalEvents, formatEventsEval } from './events.js';

export const EVENTS_HELP = `Usage: sitrep eval events FILE.csv [options]

Score event coding on an ACLED-format CSV export: each row's notes are coded by sitrep (the
publication date handed over is event_date + 7 days) and compared with the row's columns.

FILE.csv is an ACLED export with a header row (event_date, event_type, sub_event_type, actor1,
actor2, admin1, location, latitude, longitude, fatalities, notes, …). Older exports with only
event_type ("Battle-No change of territory") are mapped to today's types (shared/spec/ACLED.md);
rows whose sub-type that mapping leaves open are left out of sub_event_type_acc.

Options:
  --json              One JSON object: rows, extracted, event_type_acc, sub_event_type_acc,
                      actor_acc, date_acc, location_25km, admin1_acc, fatalities_acc,
                      events_per_row, event_type_acc_top1, sub_event_type_acc_top1, rows_per_s
                      (and date_acc_stated_day, rows_stated_day, words_per_s, by_type).
  --rows              With --json, also each row's result.
  --limit N           Score only the first N rows.
  --gazetteer PATH    Gazetteer index to place events with (default $SITREP_GAZETTEER, else the
                      bundled one).
  -h, --help          Show this help.

Scoring: when sitrep finds several events in a note, the one that best matches the row is
scored (type, then sub-type, actor, day, place, fatalities); the *_top1 figures score sitrep's own
first-ranked event instead, and events_per_row shows how many it emits. Actor names are compared
after folding case and punctuation, dropping ACLED's period suffix "(2011-)", matching either part
of "ABBR: Full name", and looking both sides up in sitrep's actor dictionary.

Examples:
  sitrep eval events ../shared/data/events/acled/acled-mena-2020-newschema.dev.csv
  sitrep eval events export.csv --json > scores.json
`;

export async function runEventsEval(args: readonly string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('eval events', args, {
    json: { type: 'boolean', default: false },
    rows: { type: 'boolean', default: false },
    limit: { type: 'string' },
    gazetteer: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  }, 1);
  if (values.help) {
    io.stdout(EVENTS_HELP);
    return ExitCode.ok;
  }
  const file = positionals[0];
  if (!file) throw usageError('no-input', 'eval events: no CSV file given', 'Run `sitrep eval events --help` for the format and examples.');
  if (!existsSync(file) || !statSync(file).isFile()) throw usageError('missing-file', `eval events: cannot read ${file}`, 'Give the path of an ACLED CSV export.');
  const limit = values.limit !== undefined ? Number(values.limit) : undefined;
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) throw usageError('bad-limit', `eval events: --limit must be a positive whole number, found ${JSON.stringify(values.limit)}`);
  const gazetteer = await loadGazetteer(values.gazetteer ?? null, io.env);
  if (!gazetteer) io.stderr('warning: no gazetteer in this build: places are recognized but not resolved (location_25km will be 0)\n');
  const csv = readFileSync(file, 'utf8');
  const report = await evalEvents(file, csv, { gazetteer, gazetteerName: gazetteer ? 'bundled gazetteer' : 'none', ...(limit ? { limit } : {}) });
  if (values.json) {
    const { results, ...figures } = report;
    io.stdout(JSON.stringify(values.rows ? { ...figures, results } : figures, null, 2) + '\n');
  } else io.stdout(formatEventsEval(report));
  return ExitCode.ok;
}
