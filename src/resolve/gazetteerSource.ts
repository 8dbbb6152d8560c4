/**
 * How commands get a gazetteer: `--gazetteer PATH`, else $SITREP_GAZETTEER, else the bundled
 * index, with the user's additions ($SITREP_GAZETTEER_ADDITIONS) layered on top. See
 * src/resolve/gazetteer/open.ts for the layering and its precedence.
 */
import type { Gazetteer } from '../core/index.js';
import { openGazetteer } from './gazetteer/open.js';

type Env = Readonly<Record<string, string | undefined>>;

export async function loadGazetteer(path: string | null, env: Env): Promise<Gazetteer> {
  return openGazetteer(path, env);
}
