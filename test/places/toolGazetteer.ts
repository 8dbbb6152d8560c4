/**
 * The gazetteer the development tools (training scripts, dev eval, tests) use: the bundled one
 * (openGazetteer of the gazetteer stage), or with SITREP_DEV_GAZETTEER=1 the development
 * gazetteer built from ../shared/data (for comparisons).
 */
import type { Gazetteer } from '../../src/core/index.js';
import { loadGazetteer } from '../../src/resolve/gazetteerSource.js';
import { devGazetteer } from './devGazetteer.js';

export async function loadGazetteerForTools(): Promise<{ gazetteer: Gazetteer; description: string }> {
  if (process.env['SITREP_DEV_GAZETTEER'] !== '1') {
    const g = await loadGazetteer(null, process.env);
    if (g) return { gazetteer: g, description: 'bundled gazetteer (data/gazetteer/bundled.sgz)' };
  }
  const g = devGazetteer();
  if (!g) throw new Error('no gazetteer: ../shared/data/geonames is absent and no bundled gazetteer exists');
  return { gazetteer: g, description: `development gazetteer (GeoNames cities500+cities15000, countries, admin1/2, Natural Earth physical), ${g.size} entries` };
}
