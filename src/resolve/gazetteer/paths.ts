/**
 * Where the gazetteer's data files live (data/gazetteer in the package), found from this module's
 * own location so that it works from src/ (tests), dist/ (the CLI) and an installed package.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRules, type NameRules } from './normalize.js';

let root: string | null = null;

/** The package root: the nearest ancestor holding data/gazetteer/variants.txt. */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, 'data', 'gazetteer', 'variants.txt'))) return (root = dir);
    const up = resolve(dir, '..');
    if (up === dir) break;
    dir = up;
  }
  throw new Error('sitrep: cannot find data/gazetteer/ next to the installed package (reinstall sitrep)');
}

export function dataDir(): string {
  return join(packageRoot(), 'data', 'gazetteer');
}

/** The bundled index shipped in the package. */
export function bundledIndexPath(): string {
  return join(dataDir(), 'bundled.sgz');
}

let defaultRules: NameRules | null = null;
export function loadDefaultRules(): NameRules {
  return (defaultRules ??= parseRules(readFileSync(join(dataDir(), 'variants.txt'), 'utf8')));
}

let defaultPriors: Map<string, number> | null = null;
/** data/gazetteer/feature-priors.txt as code → prior. */
export function loadDefaultPriors(): Map<string, number> {
  if (defaultPriors) return defaultPriors;
  const m = new Map<string, number>();
  const text = readFileSync(join(dataDir(), 'feature-priors.txt'), 'utf8');
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) return;
    const [code, value] = line.split(/\s+/);
    const v = Number(value);
    if (!code || !Number.isFinite(v)) throw new Error(`feature-priors.txt line ${i + 1}: expected "CODE prior", found "${raw}"`);
    m.set(code, v);
  });
  return (defaultPriors = m);
}
