/**
 * Spans and the offset map.
 *
 * Every derived field in sitrep points at the characters that support it. A span is a pair of
 * UTF-16 offsets (JavaScript string indices) into the document's *clean* text, so that
 * `doc.text.slice(span.start, span.end) === span.text` always holds. The offset map translates
 * clean-text offsets back into the original input (the file or HTML text the user gave), so a
 * reviewer can highlight the same characters in the source.
 */

/** A half-open range [start, end) of UTF-16 code units in a document's clean text. */
export interface Span {
  readonly start: number;
  readonly end: number;
  /** The covered text, copied for readability of JSON output and for checks. */
  readonly text: string;
}

/** Make a span over `text`, checking the bounds (a bad span is a programming error). */
export function spanOf(text: string, start: number, end: number): Span {
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end >= start && end <= text.length)) {
    throw new RangeError(`span [${start}, ${end}) is outside a text of length ${text.length}`);
  }
  return { start, end, text: text.slice(start, end) };
}

/** True when the two spans share at least one character. */
export function overlaps(a: Pick<Span, 'start' | 'end'>, b: Pick<Span, 'start' | 'end'>): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * One run of clean text copied verbatim from the input: clean [start, end) equals
 * input [sourceStart, sourceStart + end - start).
 */
export interface OffsetSegment {
  readonly start: number;
  readonly end: number;
  readonly sourceStart: number;
}

/**
 * Map from clean-text offsets to offsets in the original input. Characters the cleaner inserted
 * (a newline between HTML paragraphs, say) belong to no segment and map to the nearest copied
 * character before them.
 */
export interface OffsetMap {
  /** What the source offsets index: the raw input text, or the text Readability extracted from HTML. */
  readonly sourceKind: 'input' | 'html-text';
  readonly segments: readonly OffsetSegment[];
}

/** Translate a clean-text offset into a source offset (binary search over the segments). */
export function toSourceOffset(map: OffsetMap, offset: number): number {
  const segs = map.segments;
  let lo = 0;
  let hi = segs.length - 1;
  let best: OffsetSegment | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const seg = segs[mid]!;
    if (seg.start <= offset) {
      best = seg;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  if (!best) return 0;
  const within = Math.min(offset, best.end) - best.start;
  return best.sourceStart + within;
}

/** Translate a clean-text span into source offsets. */
export function toSourceSpan(map: OffsetMap, span: Pick<Span, 'start' | 'end'>): { start: number; end: number } {
  return { start: toSourceOffset(map, span.start), end: toSourceOffset(map, span.end) };
}

/**
 * Builds clean text piece by piece while recording where each copied piece came from.
 * Cleaners append slices of the source (`copy`) or synthetic text (`insert`).
 */
export class TextBuilder {
  private readonly parts: string[] = [];
  private readonly segs: OffsetSegment[] = [];
  private length = 0;

  /** Append `source.slice(from, to)`, remembering its origin. */
  copy(source: string, from: number, to: number): void {
    if (to <= from) return;
    const piece = source.slice(from, to);
    const last = this.segs[this.segs.length - 1];
    // Merge with the previous segment when contiguous in both texts: keeps maps small.
    if (last && last.end === this.length && last.sourceStart + (last.end - last.start) === from) {
      this.segs[this.segs.length - 1] = { start: last.start, end: last.end + piece.length, sourceStart: last.sourceStart };
    } else {
      this.segs.push({ start: this.length, end: this.length + piece.length, sourceStart: from });
    }
    this.parts.push(piece);
    this.length += piece.length;
  }

  /** Append text that has no counterpart in the source (separators, normalised characters). */
  insert(text: string): void {
    this.parts.push(text);
    this.length += text.length;
  }

  get size(): number {
    return this.length;
  }

  /** The text so far ends with `suffix`? (used to avoid doubled separators) */
  endsWith(suffix: string): boolean {
    return this.toString().endsWith(suffix);
  }

  toString(): string {
    if (this.parts.length > 1) {
      const joined = this.parts.join('');
      this.parts.length = 0;
      this.parts.push(joined);
    }
    return this.parts[0] ?? '';
  }

  build(sourceKind: OffsetMap['sourceKind']): { text: string; map: OffsetMap } {
    return { text: this.toString(), map: { sourceKind, segments: this.segs.slice() } };
  }
}
