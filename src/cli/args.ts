/**
 * Shared argument handling for subcommands: node's util.parseArgs with its errors turned into
 * usage errors that name the command and point at its --help.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { usageError } from '../core/index.js';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseCommandArgs<O extends Options>(command: string, args: readonly string[], options: O, maxPositionals: number) {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (err) {
    const message = err instanceof Error ? err.message.replace(/\. To specify a positional argument.*$/s, '') : String(err);
    throw usageError('bad-option', `${command}: ${message}`, `Run \`sitrep ${command} --help\` to see the options.`);
  }
  if (parsed.positionals.length > maxPositionals) {
    throw usageError('extra-arguments', `${command}: unexpected argument ${JSON.stringify(parsed.positionals[maxPositionals])}`, `Run \`sitrep ${command} --help\` to see the usage.`);
  }
  return parsed;
}

/** Check an IANA timezone name, e.g. `Africa/Tripoli`. */
export function checkTimezone(tz: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return tz;
  } catch {
    throw usageError('bad-timezone', `unknown timezone ${JSON.stringify(tz)}`, 'Use an IANA name such as UTC, Europe/London or Africa/Tripoli.');
  }
}
