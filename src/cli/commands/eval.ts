/**
 * `sitrep eval <what> …`: score sitrep on annotated data (shared/spec/EVAL.md). Each kind of
 * evaluation is a subcommand in its own module under src/eval/; add one by adding a row to
 * SUBCOMMANDS (e.g. `events` → src/eval/eventsCommand.ts).
 */
import { ExitCode, usageError } from '../../core/index.js';
import type { Command, CommandIO } from '../command.js';
import { GEOPARSE_HELP, runGeoparseEval } from '../../eval/geoparseCommand.js';
import { EVENTS_HELP, runEventsEval } from '../../eval/events-command.js';

interface EvalSubcommand {
  readonly summary: string;
  readonly help: string;
  run(args: readonly string[], io: CommandIO): Promise<number>;
}

const SUBCOMMANDS: Readonly<Record<string, EvalSubcommand>> = {
  geoparse: { summary: 'place recognition and resolution on a JSON Lines corpus', help: GEOPARSE_HELP, run: runGeoparseEval },
  events: { summary: 'event coding (type, actors, date, place, fatalities) on an ACLED CSV export', help: EVENTS_HELP, run: runEventsEval },
};

const HELP = `Usage: sitrep eval <what> FILE [options]

Score sitrep on annotated data, with the metrics of shared/spec/EVAL.md.

What:
${Object.entries(SUBCOMMANDS).map(([k, s]) => `  ${k.padEnd(10)} ${s.summary}`).join('\n')}

Run \`sitrep eval <what> --help\` for the options of each.
`;

export const evalCommand: Command = {
  name: 'eval',
  summary: 'Score sitrep on annotated corpora: places (geoparse) and ACLED rows (events)',
  help: HELP,
  async run(args, io) {
    const [what, ...rest] = args;
    if (what === undefined || what === '-h' || what === '--help') {
      io.stdout(HELP);
      return what === undefined ? ExitCode.usage : ExitCode.ok;
    }
    const sub = SUBCOMMANDS[what];
    if (!sub) throw usageError('unknown-eval', `eval: unknown evaluation ${JSON.stringify(what)}`, `Use one of: ${Object.keys(SUBCOMMANDS).join(', ')}.`);
    return sub.run(rest, io);
  },
};
