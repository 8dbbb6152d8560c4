/**
 * The shape of a CLI subcommand. Each command lives in src/cli/commands/<name>.ts and is listed in
 * src/cli/commands/index.ts; main.ts only dispatches. Commands write through `io` so tests can run
 * them in-process without spawning.
 */
export interface CommandIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Reads all of standard input (only called when the user passed `-`). */
  readonly readStdin: () => Promise<Buffer>;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether stdout is a terminal (colour). */
  readonly isTTY: boolean;
  /** Whether stdin is a terminal (then nothing is piped in). */
  readonly stdinIsTTY: boolean;
  /** Whether stderr is a terminal (progress bars). */
  readonly stderrIsTTY: boolean;
}

export interface Command {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** Full `--help` text, written for a newcomer. */
  readonly help: string;
  /** Returns the process exit code (see ExitCode); throws SitrepError for usage/input errors. */
  run(args: readonly string[], io: CommandIO): Promise<number>;
}
