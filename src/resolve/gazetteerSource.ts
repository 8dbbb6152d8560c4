/**
 * How the geoparser's commands get a gazetteer: through the gazetteer stage's
 * `openGazetteer(path, env)` (src/resolve/gazetteer/open.ts, `--gazetteer` / $SITREP_GAZETTEER,
 * else the bundled index). Loaded dynamically, so this branch builds and runs (recognition only,
 * with a warning) where the gazetteer stage is not merged yet.
 */
import type { Gazetteer } from '../core/index.js';
import { usageError } from '../core/index.js';

type Env = Readonly<Record<string, string | undefined>>;
type OpenFn = (path?: string | null, env?: Env) => Gazetteer;

/** The gazetteer module, when present in this build. */
async function gazetteerModule(): Promise<{ openGazetteer: OpenFn } | null> {
  const specifier = './gazetteer/open.js';
  try {
    return (await import(specifier)) as { openGazetteer: OpenFn };
  } catch (err) {
    if (err instanceof Error && /Cannot find module|ERR_MODULE_NOT_FOUND/.test(`${(err as { code?: string }).code ?? ''} ${err.message}`)) return null;
    throw err;
  }
}

/**
 * Open the gazetteer: `path` (the --gazetteer option), else $SITREP_GAZETTEER, else the bundled
 * index. Null when this build has no gazetteer at all and none was asked for; a usage error when
 * one was asked for and cannot be opened.
 */
export async function loadGazetteer(path: string | null, env: Env): Promise<Gazetteer | null> {
  const mod = await gazetteerModule();
  if (!mod) {
    if (path ?? env['SITREP_GAZETTEER']) throw usageError('no-gazetteer-support', `cannot open gazetteer ${path ?? env['SITREP_GAZETTEER']}: this build of sitrep has no gazetteer module`, 'Build sitrep with the gazetteer stage (src/resolve/gazetteer).');
    return null;
  }
  return mod.openGazetteer(path, env);
}
