/**
 * Helpers for the time stage's tests (not a test file itself): run the stage with a buffered
 * debug trace that is printed only when an assertion fails, and find fixtures.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BufferedDebug, createRunContext, type RunContextOptions } from '../core/index.js';
import { resolveTimes, type TimeResult } from './index.js';

/** The repository root (the folder holding package.json), from src/ or dist/src/. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    dir = dirname(dir);
  }
  throw new Error('time tests: cannot find the repository root');
}

/** The shared seed report, or null when ../shared is not there (the test then skips, saying why). */
export function seedText(): string | null {
  const path = resolve(repoRoot(), '..', 'shared', 'seeds', '000_e55a4a22c631232f.txt');
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
}

export const SEED_MISSING = 'the shared seed ../shared/seeds/000_e55a4a22c631232f.txt is not available';

/**
 * Run resolveTimes and hand the result to `check`; when `check` throws, the stage's debug trace is
 * printed first (as chrono's test_util does), then the error is rethrown.
 */
export function withTimes(
  text: string,
  reference: string | null,
  check: (r: TimeResult) => void,
  options: Omit<RunContextOptions, 'referenceDate' | 'debug'> = {},
): TimeResult {
  const debug = new BufferedDebug();
  const ctx = createRunContext({ ...options, referenceDate: reference, debug: debug.sink });
  const result = resolveTimes(ctx, text);
  try {
    check(result);
  } catch (e) {
    console.error(`--- time debug trace for ${JSON.stringify(text.slice(0, 80))} (reference ${reference}) ---`);
    for (const line of debug.lines) console.error(JSON.stringify(line.message));
    throw e;
  }
  return result;
}

/** One line per expression: `"May 5-6" range at 2016-05-05..2016-05-06 day p2 implied`. */
export function compact(r: TimeResult): string[] {
  return r.times.map((t) => {
    const v = t.value ? `${t.value.start}..${t.value.end} ${t.value.granularity} p${t.value.acledPrecision}` : 'null';
    return `${JSON.stringify(t.span.text)} ${t.kind} ${t.relation} ${v} ${t.year}`;
  });
}
