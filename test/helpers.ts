/** Helpers shared by the test files: the ../shared folder, and an in-memory CLI io. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../src/core/index.js';
import type { CommandIO } from '../src/cli/command.js';

/** Path inside ../shared (beside the repo), or null when that folder is absent. */
export function sharedPath(...parts: string[]): string | null {
  const p = join(packageRoot(), '..', 'shared', ...parts);
  return existsSync(p) ? p : null;
}

export const SEED = ['seeds', '000_e55a4a22c631232f.txt'] as const;

export interface FakeIO extends CommandIO {
  readonly out: string[];
  readonly err: string[];
}

export function fakeIO(stdin = ''): FakeIO {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (s) => void out.push(s),
    stderr: (s) => void err.push(s),
    readStdin: async () => Buffer.from(stdin, 'utf8'),
    env: {},
    isTTY: false,
    stdinIsTTY: false,
    stderrIsTTY: false,
  };
}

export function examplePath(name: string): string {
  return join(packageRoot(), 'examples', name);
}
