/**
 * Opening the gazetteer the pipeline uses: `openGazetteer(path, env)`.
 *
 * Layers, highest precedence first:
 *   1. user additions: `additions` files, else $SITREP_GAZETTEER_ADDITIONS (paths joined by the
 *      platform's path delimiter, `:` on Linux) — small CSV/JSON files, built in memory;
 *   2. an imported index: `path` (the `--gazetteer` option), else $SITREP_GAZETTEER;
 *   3. the bundled index shipped in data/gazetteer/bundled.sgz (always there; `bundled: false`
 *      leaves it out, e.g. for an index that already holds everything).
 *
 * Each index file is read once per process (STYLE: one gazetteer load per process) and shared.
 */
import { delimiter, resolve } from 'node:path';
import { statSync } from 'node:fs';
import { SitrepError, usageError, ExitCode } from '../../core/errors.js';
import type { Gazetteer } from '../../core/gazetteer.js';
import { readAdditions } from './additions.js';
import { IndexBuilder } from './builder.js';
import { decodeIndex, encodeIndex, IndexFormatError } from './format.js';
import { IndexLayer, type LayerKind } from './layer.js';
import { LayeredGazetteer } from './layered.js';
import { bundledIndexPath, loadDefaultPriors, loadDefaultRules } from './paths.js';

export interface OpenOptions {
  /** User-additions files (CSV/JSON); default $SITREP_GAZETTEER_ADDITIONS. */
  readonly additions?: readonly string[];
  /** Include the bundled index (default true). */
  readonly bundled?: boolean;
}

type Env = Readonly<Record<string, string | undefined>>;

const layerCache = new Map<string, IndexLayer>();

/** Open (once per process) an index file as a layer. Errors become SitrepErrors naming the file. */
export function openLayer(path: string, kind: LayerKind): IndexLayer {
  const abs = resolve(path);
  let stamp = '';
  try {
    const st = statSync(abs);
    stamp = `${st.size}:${st.mtimeMs}`;
  } catch {
    throw usageError('gazetteer-missing', `gazetteer index ${path} does not exist`, 'Make one with `sitrep gazetteer import FILE… --out PATH`, or leave --gazetteer out to use the bundled one.');
  }
  const key = `${kind}:${abs}:${stamp}`;
  const hit = layerCache.get(key);
  if (hit) return hit;
  try {
    const L = IndexLayer.open(abs, kind);
    layerCache.set(key, L);
    return L;
  } catch (e) {
    if (e instanceof IndexFormatError) {
      throw new SitrepError('input.gazetteer-bad', e.message, 'Re-create it with `sitrep gazetteer import`.', ExitCode.usage);
    }
    throw e;
  }
}

/** Build the in-memory layer of a user's additions. */
export function additionsLayer(files: readonly string[]): IndexLayer {
  const rules = loadDefaultRules();
  const b = new IndexBuilder({ rules, priors: loadDefaultPriors(), scripts: 'all' });
  const removedIds: string[] = [];
  const removedNames: string[] = [];
  for (const f of files) {
    const a = readAdditions(f, rules);
    for (const r of a.records) b.add(r);
    removedIds.push(...a.removedIds);
    removedNames.push(...a.removedNames);
  }
  const built = b.finish({
    builtAt: null,
    sources: files.map((f) => ({ name: `user additions ${f}`, licence: 'as stated by the user' })),
    attribution: [],
    removedIds,
    removedNames,
  });
  const bytes = Buffer.concat(encodeIndex(built.meta, built.sections, false));
  return new IndexLayer(decodeIndex(bytes, files.join(', ')), files.join(delimiter), 'user');
}

/**
 * The gazetteer for a run. `path` is the `--gazetteer` option (null/undefined: $SITREP_GAZETTEER,
 * else the bundled index alone).
 *
 * @example
 *   const gaz = openGazetteer(flags.gazetteer, process.env);
 *   gaz.lookup('Misurata', { country: 'LY' })[0]?.entry.id; // 'geonames:2214846'
 */
export function openGazetteer(path?: string | null, env: Env = process.env, options: OpenOptions = {}): LayeredGazetteer & Gazetteer {
  const layers: IndexLayer[] = [];
  const additions = options.additions ?? (env.SITREP_GAZETTEER_ADDITIONS ? env.SITREP_GAZETTEER_ADDITIONS.split(delimiter).filter(Boolean) : []);
  if (additions.length > 0) layers.push(additionsLayer(additions));
  const chosen = path ?? env.SITREP_GAZETTEER ?? null;
  if (chosen) layers.push(openLayer(chosen, 'imported'));
  if (options.bundled ?? true) layers.push(openLayer(bundledIndexPath(), 'bundled'));
  if (layers.length === 0) throw usageError('gazetteer-none', 'no gazetteer layer to open');
  return new LayeredGazetteer(layers);
}
