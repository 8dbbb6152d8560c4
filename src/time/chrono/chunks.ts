/**
 * Bounded pieces of text for chrono, and the cheap pre-check that skips pieces with nothing
 * date-like in them.
 *
 * Why chunks: chrono's patterns are linear on news text but quadratic on some hostile input
 * ("May" followed by 100k spaces took 13 s on 100 kB; 1 MB of "12-05-2016-" 22 s). Each character
 * still goes through chrono exactly once; a chunk only caps how far one regex attempt can run.
 * Cuts fall on a paragraph break, else a sentence end, else whitespace, in the last half of the
 * window, so a date expression is never split in ordinary text.
 */

/** Longest piece handed to chrono at once. */
export const MAX_CHUNK_CHARS = 4000;

export interface Chunk {
  readonly start: number;
  readonly end: number;
}

const SENTENCE_END = /[.!?]["'’”)]?\s/g;

function cutPoint(text: string, start: number, max: number): number {
  const limit = start + max;
  if (limit >= text.length) return text.length;
  const floor = start + (max >> 1);
  const nl = text.lastIndexOf('\n', limit - 1);
  if (nl >= floor) return nl + 1;
  // Last sentence end inside [floor, limit): search a slice so the regex cannot run past it.
  const window = text.slice(floor, limit);
  SENTENCE_END.lastIndex = 0;
  let best = -1;
  let m: RegExpExecArray | null;
  while ((m = SENTENCE_END.exec(window)) !== null) best = m.index + m[0].length;
  if (best > 0) return floor + best;
  for (let i = limit - 1; i >= floor; i--) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) return i + 1;
  }
  return limit;
}

/** Split `text` into consecutive chunks of at most `max` characters. */
export function chunksOf(text: string, max = MAX_CHUNK_CHARS): Chunk[] {
  const out: Chunk[] = [];
  let start = 0;
  while (start < text.length) {
    const end = cutPoint(text, start, max);
    out.push({ start, end });
    start = end;
  }
  return out;
}

/**
 * Something chrono (as configured in chronoRecognizer) could read: a month or weekday name, a
 * casual day word, a time unit, or a numeric date shape. Compiled once.
 */
export const TRIGGER =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|tonight|yesterday|tomorrow|ago|later|weekend|fortnight|days?\b|weeks?\b|months?\b|years?\b|morning|afternoon|evening|night|noon|midnight|midday)|\d{1,4}[/.-]\d{1,2}/i;
