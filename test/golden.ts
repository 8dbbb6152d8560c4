/**
 * Golden files: compare a value with test/<stage>/out/<case>.json, or write it there when REGEN=1.
 * A golden file is reviewed by a person in the diff, like code.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import assert from 'node:assert/strict';
import { packageRoot } from '../src/core/index.js';

export function golden(stage: string, name: string, actual: unknown): void {
  const file = join(packageRoot(), 'test', stage, 'out', `${name}.json`);
  const text = JSON.stringify(actual, null, 2) + '\n';
  if (process.env['REGEN'] === '1' || !existsSync(file)) {
    if (process.env['CI'] && !existsSync(file)) assert.fail(`golden file ${file} is missing; run REGEN=1 npm test and review it`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    return;
  }
  assert.deepEqual(JSON.parse(text), JSON.parse(readFileSync(file, 'utf8')), `differs from ${file} (REGEN=1 npm test rewrites it; review the diff)`);
}
