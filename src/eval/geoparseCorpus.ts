/**
 * Reading geoparsing corpora in the JSON Lines format of shared/spec/EVAL.md: one document a line,
 * `{id, corpus, text, toponyms: [{start, end, name, lat, lon, geonameid, feature}]}`.
 */
import { inputError } from '../core/index.js';

export interface GoldToponym {
  readonly start: number;
  readonly end: number;
  readonly name: string;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly geonameid: number | null;
  readonly feature: string | null;
}

export interface GeoparseDoc {
  readonly id: string;
  readonly corpus: string | null;
  readonly text: string;
  readonly toponyms: readonly GoldToponym[];
  /** False when only some toponyms are annotated (WikToR): recognition precision means nothing. */
  readonly exhaustive: boolean;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * Parse a corpus. Throws an input error naming the line and the field for anything malformed,
 * including a span whose text does not match `name` (offsets must be UTF-16 indices).
 */
export function parseGeoparseCorpus(jsonl: string, origin = 'corpus'): GeoparseDoc[] {
  const docs: GeoparseDoc[] = [];
  const lines = jsonl.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const where = `${origin} line ${i + 1}`;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (err) {
      throw inputError('bad-corpus', `${where}: not JSON (${err instanceof Error ? err.message : String(err)})`, 'Each line must be one JSON object; see shared/spec/EVAL.md.');
    }
    if (typeof raw !== 'object' || raw === null) throw inputError('bad-corpus', `${where}: expected an object`, 'See shared/spec/EVAL.md for the format.');
    const o = raw as Record<string, unknown>;
    if (typeof o['text'] !== 'string') throw inputError('bad-corpus', `${where}: "text" must be a string`, 'See shared/spec/EVAL.md for the format.');
    const text = o['text'];
    const list = o['toponyms'];
    if (!Array.isArray(list)) throw inputError('bad-corpus', `${where}: "toponyms" must be an array`, 'See shared/spec/EVAL.md for the format.');
    const toponyms: GoldToponym[] = [];
    for (const [k, t] of list.entries()) {
      const r = t as Record<string, unknown>;
      const start = r['start'];
      const end = r['end'];
      if (!Number.isInteger(start) || !Number.isInteger(end) || (start as number) < 0 || (end as number) > text.length || (start as number) >= (end as number)) {
        throw inputError('bad-corpus', `${where}: toponym ${k} has bad offsets [${String(start)}, ${String(end)})`, 'Offsets are UTF-16 string indices into "text".');
      }
      const name = typeof r['name'] === 'string' ? r['name'] : text.slice(start as number, end as number);
      if (text.slice(start as number, end as number) !== name) {
        throw inputError('bad-corpus', `${where}: toponym ${k} "${name}" does not match the text at [${String(start)}, ${String(end)})`, 'Offsets are UTF-16 string indices into "text".');
      }
      toponyms.push({
        start: start as number,
        end: end as number,
        name,
        lat: num(r['lat']),
        lon: num(r['lon']),
        geonameid: num(r['geonameid']),
        feature: typeof r['feature'] === 'string' ? r['feature'] : null,
      });
    }
    toponyms.sort((a, b) => a.start - b.start || a.end - b.end);
    docs.push({
      id: typeof o['id'] === 'string' ? o['id'] : `${origin}:${i + 1}`,
      corpus: typeof o['corpus'] === 'string' ? o['corpus'] : null,
      text,
      toponyms,
      exhaustive: o['toponyms_exhaustive'] !== false,
    });
  }
  return docs;
}

/**
 * The fixed held-out subset of a corpus: about one document in five, chosen by a hash of its id,
 * so the same documents are held out however the file is ordered or cut. The shipped recognizer
 * model is trained on the other documents only (scripts/places/train-recognizer.mjs).
 */
export function isHeldOut(id: string): boolean {
  return foldOf(id) === 0;
}

/** The document's fold (0–4) for cross-validation; fold 0 is the held-out subset. */
export function foldOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % 5;
}
