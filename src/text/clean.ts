/**
 * Cleaning: from the input text to the clean text every span indexes. It normalises line endings
 * and invisible characters, drops boilerplate lines, and records an offset map back to the input
 * and every piece it removed.
 */
import { TextBuilder, type OffsetMap, type Removed, type Warning } from '../core/index.js';
import { matchFurniture, type BoilerplateRule } from './boilerplate.js';

export interface CleanText {
  readonly text: string;
  readonly map: OffsetMap;
  readonly removed: Removed[];
  readonly warnings: Warning[];
}

/** Characters dropped outright: zero-width marks, BOM, soft hyphen, C0/C1 controls but tab/newline. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F]/;
/** Characters replaced by a plain space: no-break and other Unicode spaces, form feed. */
const SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\f]/;

export function cleanText(source: string, kind: OffsetMap['sourceKind'], rules: readonly BoilerplateRule[], maxChars: number): CleanText {
  const warnings: Warning[] = [];
  const removed: Removed[] = [];
  const out = new TextBuilder();
  let input = source;
  if (input.length > maxChars) {
    warnings.push({ code: 'limits.truncated', stage: 'text', message: `the text has ${input.length.toLocaleString('en')} characters; only the first ${maxChars.toLocaleString('en')} were processed` });
    input = input.slice(0, maxChars);
  }
  let pos = 0;
  let pendingBreak = '';
  while (pos < input.length) {
    let eol = input.indexOf('\n', pos);
    if (eol < 0) eol = input.length;
    let lineEnd = eol;
    if (lineEnd > pos && input.charCodeAt(lineEnd - 1) === 13) lineEnd--; // \r\n
    const line = input.slice(pos, lineEnd);
    const rule = matchFurniture(line, rules);
    if (rule) {
      removed.push({ sourceStart: pos, sourceEnd: lineEnd, rule });
    } else if (line.trim()) {
      // Line breaks are emitted lazily, before the next non-blank line, so that blank and removed
      // lines leave at most one paragraph break and none at the start or end.
      // Runs of blank lines (also those left by removed lines) shrink to one paragraph break.
      if (pendingBreak) out.insert(pendingBreak.length > 2 ? '\n\n' : pendingBreak);
      pendingBreak = '';
      copyLine(input, pos, lineEnd, out);
    }
    if (eol < input.length && out.size > 0) pendingBreak += '\n';
    pos = eol + 1;
  }
  const built = out.build(kind);
  // Trailing white space on the last line is not worth keeping.
  const text = built.text.replace(/\s+$/, '');
  return { text, map: built.map, removed, warnings };
}

/** Any character copyLine must treat specially (one scan per line instead of one test per character). */
const SPECIAL = new RegExp(`${INVISIBLE.source.slice(0, -1)}${SPACES.source.slice(1, -1)}\r]`, 'g');

/** Copy one line, dropping invisible characters and turning exotic spaces into plain ones. */
function copyLine(input: string, from: number, to: number, out: TextBuilder): void {
  let runStart = from;
  SPECIAL.lastIndex = from;
  for (let m = SPECIAL.exec(input); m && m.index < to; m = SPECIAL.exec(input)) {
    out.copy(input, runStart, m.index);
    if (!INVISIBLE.test(m[0])) out.insert(' ');
    runStart = m.index + 1;
  }
  out.copy(input, runStart, to);
}
