/**
 * Where the project's bundled data lives. Code is compiled to dist/src/…, data stays in data/ at
 * the package root; this finds that root from the module's own location, never from the cwd.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | null = null;

export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'data'))) {
      root = dir;
      return dir;
    }
    dir = resolve(dir, '..');
  }
  throw new Error('sitrep: cannot find the package root (package.json beside data/) above ' + fileURLToPath(import.meta.url));
}

/** Absolute path of a file in the bundled data folder. */
export function dataPath(...parts: string[]): string {
  return join(packageRoot(), 'data', ...parts);
}
