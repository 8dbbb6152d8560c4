/** The JSON view: the whole extraction, with a schema tag so consumers can check what they read. */
import type { Extraction } from '../../core/index.js';

export const SCHEMA = 'sitrep/extraction@1';

export function toJson(x: Extraction): string {
  return JSON.stringify({ schema: SCHEMA, ...x }, null, 2) + '\n';
}
