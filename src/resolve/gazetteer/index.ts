/**
 * The gazetteer capability: open the layered gazetteer a run uses, import GeoNames dumps, read
 * user additions. See docs/gazetteer.md.
 */
export { openGazetteer, openLayer, additionsLayer, type OpenOptions } from './open.js';
export { LayeredGazetteer, USER_BONUS, DEFAULT_LIMIT } from './layered.js';
export { IndexLayer, IndexEntry, MAX_POSTINGS, MAX_VARIANT_CHECKS, minVariantSimilarity } from './layer.js';
export { importFiles, writeAtomic, GEONAMES_ATTRIBUTION, type ImportOptions, type ImportReport, type ImportProgress } from './import.js';
export { readAdditions, type Additions } from './additions.js';
export { analyze, foldWith, keyText, parseRules, type Analysis, type NameRules } from './normalize.js';
export { bundledIndexPath, loadDefaultRules } from './paths.js';
