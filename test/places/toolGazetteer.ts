/**
 * The gazetteer the development tools (training scripts, dev eval) use: the bundled one when the
 * gazetteer stage provides it, else the development gazetteer built from ../shared/data.
 */
import type { Gazetteer } from '../../src/core/index.js';
import { devGazetteer } from './devGazetteer.js';

export async function loadGazetteerForTools(): Promise<{ gazetteer: Gazetteer; description: string }> {
  const g = devGazetteer();
  if (!g) throw new Error('no gazetteer: ../shared/data/geonames is absent and no bundled gazetteer exists');
  return { gazetteer: g, description: `development gazetteer (GeoNames cities500+cities15000, countries, admin1/2, Natural Earth physical), ${g.size} entries` };
}
