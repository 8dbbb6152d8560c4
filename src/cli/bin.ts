#!/usr/bin/env node
/** Process entry of the `sitrep` command: wires the real process streams to main(). */
import { ExitCode } from '../core/index.js';
import type { CommandIO } from './command.js';
import { main } from './main.js';

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

// `sitrep … | head`: the reader closed the pipe. That ends the output, it is no error to report.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  process.stderr.write(`sitrep: cannot write the output: ${err.message}\n`);
  process.exit(ExitCode.nothingUsable);
});

const io: CommandIO = {
  stdout: (s) => void process.stdout.write(s),
  stderr: (s) => void process.stderr.write(s),
  readStdin,
  env: process.env,
  isTTY: Boolean(process.stdout.isTTY),
  stdinIsTTY: Boolean(process.stdin.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
};

main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`sitrep: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = ExitCode.nothingUsable;
  },
);
