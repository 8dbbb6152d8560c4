/**
 * The `sitrep` command: dispatches to a subcommand, and turns every failure into a one-line
 * message with a hint and an exit code (0 ok, 1 nothing usable, 2 usage). Never a stack trace,
 * unless SITREP_DEBUG=1.
 */
import { readFileSync } from 'node:fs';
import { ExitCode, SitrepError, packageRoot } from '../core/index.js';
import type { CommandIO } from './command.js';
import { COMMANDS } from './commands/index.js';
import { join } from 'node:path';

function version(): string {
  const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? 'unknown';
}

export function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `sitrep — turn conflict news reports into structured, sourced, map-ready records.

Usage: sitrep <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Run \`sitrep <command> --help\` for a command's options and examples.
Start with: sitrep extract examples/sirte-offensive.txt --published 2016-05-13
`;
}

export async function main(argv: readonly string[], io: CommandIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(mainHelp());
    return name === undefined ? ExitCode.usage : ExitCode.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`sitrep ${version()}\n`);
    return ExitCode.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`sitrep: unknown command ${JSON.stringify(name)}\n  Commands: ${COMMANDS.map((c) => c.name).join(', ')}. Run \`sitrep --help\`.\n`);
    return ExitCode.usage;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    return report(err, io);
  }
}

function report(err: unknown, io: CommandIO): number {
  if (err instanceof SitrepError) {
    io.stderr(`sitrep: ${err.message}\n${err.hint ? `  ${err.hint}\n` : ''}`);
    return err.exitCode;
  }
  if (io.env['SITREP_DEBUG'] === '1' && err instanceof Error) io.stderr(`${err.stack}\n`);
  io.stderr(`sitrep: internal error: ${err instanceof Error ? err.message : String(err)}\n  This is a bug in sitrep. Run again with SITREP_DEBUG=1 for details and report it.\n`);
  return ExitCode.nothingUsable;
}
