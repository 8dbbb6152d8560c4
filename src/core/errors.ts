/**
 * Errors and warnings.
 *
 * Misuse and unreadable input fail loudly at the boundary with a `SitrepError` that says what went
 * wrong and what to do; the CLI prints its message (never a stack trace) and exits with its code.
 * Problems a stage can live with become `Warning`s on the result, so nothing is dropped silently.
 */

/** Process exit codes of the CLI. */
export const ExitCode = {
  ok: 0,
  /** The input was read but nothing usable came out (empty, binary, no text). */
  nothingUsable: 1,
  /** The command line was wrong: unknown flag, missing file, bad date. */
  usage: 2,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export class SitrepError extends Error {
  override readonly name = 'SitrepError';
  constructor(
    /** Stable machine-readable code, e.g. `input.empty`, `usage.bad-date`. */
    readonly code: string,
    message: string,
    /** What the user can do about it. */
    readonly hint: string | undefined,
    readonly exitCode: ExitCode,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A usage error: the command line or an option value is wrong. */
export function usageError(code: string, message: string, hint?: string): SitrepError {
  return new SitrepError(`usage.${code}`, message, hint, ExitCode.usage);
}

/** The input could be read but holds nothing sitrep can work with. */
export function inputError(code: string, message: string, hint?: string): SitrepError {
  return new SitrepError(`input.${code}`, message, hint, ExitCode.nothingUsable);
}

/** Something a stage noticed and worked around; shown to the user, kept in JSON. */
export interface Warning {
  /** Stable code, e.g. `language.not-english`, `time.year-unknown`, `limits.truncated`. */
  readonly code: string;
  readonly stage: string;
  readonly message: string;
  /** Where in the clean text it applies, when it applies somewhere. */
  readonly span?: { start: number; end: number };
}
