/** The JSON view: the whole extraction, with a schema tag so consumers can check what they read. */
import type { Extraction } from '../../core/index.js';

export const SCHEMA = 'sitrep/extraction@1';

/** The extraction as JSON; the input's own text is left out unless `includeSource`. */
export function toJson(x: Extraction, options: { includeSource?: boolean } = {}): string {
  const { sourceText, ...document } = x.document;
  const doc = options.includeSource ? { ...document, sourceText } : document;
  return JSON.stringify({ schema: SCHEMA, ...x, document: doc }, null, 2) + '\n';
}
