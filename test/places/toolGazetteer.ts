/**
 * The gazetteer the development tools (training scripts, dev eval, tests) use: the one `sitrep`
 * loads (openGazetteer: the bundled index, $SITREP_GAZETTEER, user additions).
 */
import type { Gazetteer } from '../../src/core/index.js';
import { openGazetteer } from '../../src/resolve/gazetteer/index.js';

export async function loadGazetteerForTools(): Promise<{ gazetteer: Gazetteer; description: string }> {
  const gazetteer = openGazetteer(null, process.env);
  return { gazetteer, description: `gazetteer: ${process.env['SITREP_GAZETTEER'] ?? 'bundled index (data/gazetteer/bundled.sgz)'}` };
}
