/**
 * `sitrep eval <what> FILE [--json]`: measure sitrep against annotated data (../shared/spec/EVAL.md).
 * Subcommands: `events` (ACLED CSV). The geoparser's `geoparse` joins here when its branch is merged.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ExitCode, packageRoot, usageError, type Gazetteer } from '../../core/index.js';
import { evalEvents, formatEventsEval } from '../../eval/events.js';
import { loadGeonamesGazetteer } from '../../eval/events-gazetteer.js';
import { parseCommandArgs } from '../args.js';
import type { Command } from '../command.js';

const HELP = `Usage: sitrep eval events FILE.csv [--json] [--gazetteer DIR] [--limit N]

Measure event extraction against an ACLED-format CSV export: each row's notes are coded by
sitrep (publication date = event_date + 7 days) and compared with the row's columns.

  events FILE.csv     ACLED CSV with a header row (event_date, event_type, sub_event_type,
                      actor1, actor2, admin1, location, latitude, longitude, fatalities, notes).
                      Old exports with only event_type ("Battle-No change of territory") are
                      mapped to today's types; rows whose sub-type stays open are left out of
                      sub_event_type_acc.

Options:
  --json              One JSON object with every figure of EVAL.md (plus per-row results
                      when --rows is given).
  --gazetteer DIR     A folder of GeoNames files (cities500.txt, cities15000.txt,
                      admin1CodesASCII.txt, countryInfo.txt) to place events with. Default:
                      ../shared/data/geonames beside the package, when present.
  --limit N           Score only the first N rows.
  --rows              With --json, include each row's result.
  -h, --help          Show this help.

Output fields: rows, extracted, event_type_acc, sub_event_type_acc, actor_acc, date_acc,
location_25km, admin1_acc, fatalities_acc, events_per_row, event_type_acc_top1,
sub_event_type_acc_top1, rows_per_s (and date_acc_stated_day, words_per_s).

Examples:
  sitrep eval events ../shared/data/events/acled/acled-mena-2020-newschema.dev.csv
  sitrep eval events export.csv --json > scores.json
`;

export const evalCommand: Command = {
  name: 'eval',
  summary: 'Measure accuracy against annotated data (events: ACLED CSV)',
  help: HELP,
  async run(args, io) {
    const [what, ...rest] = args;
    if (what === undefined || what === '--help' || what === '-h') {
      io.stdout(HELP);
      return what === undefined ? ExitCode.usage : ExitCode.ok;
    }
    if (what !== 'events') throw usageError('bad-eval', `eval: unknown subcommand ${JSON.stringify(what)}`, 'Use `sitrep eval events FILE.csv`.');
    const { values, positionals } = parseCommandArgs('eval events', rest, {
      json: { type: 'boolean', default: false },
      gazetteer: { type: 'string' },
      limit: { type: 'string' },
      rows: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    }, 1);
    if (values.help) {
      io.stdout(HELP);
      return ExitCode.ok;
    }
    const file = positionals[0];
    if (!file) throw usageError('no-input', 'eval events: no CSV file given', 'Run `sitrep eval events --help`.');
    if (!existsSync(file) || !statSync(file).isFile()) throw usageError('no-file', `eval events: no such file ${JSON.stringify(file)}`);
    const limit = values.limit !== undefined ? Number(values.limit) : undefined;
    if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) throw usageError('bad-limit', `eval events: --limit must be a positive whole number, not ${JSON.stringify(values.limit)}`);
    const dir = values.gazetteer ?? join(packageRoot(), '..', 'shared', 'data', 'geonames');
    let gazetteer: Gazetteer | null = null;
    if (existsSync(dir)) gazetteer = loadGeonamesGazetteer(dir);
    else if (values.gazetteer) throw usageError('no-gazetteer', `eval events: no gazetteer folder ${JSON.stringify(dir)}`);
    const report = await evalEvents(file, readFileSync(file, 'utf8'), { gazetteer, gazetteerName: gazetteer ? `GeoNames files in ${dir}` : 'none (locations not scored)', ...(limit ? { limit } : {}) });
    if (values.json) {
      const { results, ...figures } = report;
      io.stdout(JSON.stringify(values.rows ? { ...figures, results } : figures, null, 2) + '\n');
    } else io.stdout(formatEventsEval(report));
    return ExitCode.ok;
  },
};
