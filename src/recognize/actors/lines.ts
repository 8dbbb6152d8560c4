/**
 * The pelias-like line format of every sitrep dictionary file:
 *
 *     name | alias | alias … @ key=value; key=value
 *     # a comment
 *     !name            (removes the entry of that name from an earlier layer)
 *
 * Parsing is strict: a malformed line throws with the file and line number, so a broken user
 * dictionary fails loudly at load time instead of silently matching nothing.
 */
import { readFileSync } from 'node:fs';

export interface DictLine {
  readonly names: readonly string[];
  readonly attrs: Readonly<Record<string, string>>;
  /** `!name`: remove that entry. */
  readonly remove: boolean;
  readonly file: string;
  readonly line: number;
}

export function parseLines(text: string, file: string): DictLine[] {
  const out: DictLine[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    if (line.startsWith('!')) {
      const name = line.slice(1).trim();
      if (!name) throw new Error(`${file}:${i + 1}: "!" needs a name to remove`);
      out.push({ names: [name], attrs: {}, remove: true, file, line: i + 1 });
      return;
    }
    const at = line.indexOf(' @ ');
    const namePart = at >= 0 ? line.slice(0, at) : line.replace(/\s@$/, '');
    const attrPart = at >= 0 ? line.slice(at + 3) : '';
    const names = namePart
      .split('|')
      .map((s) => s.trim())
      .filter(Boolean);
    if (!names.length) throw new Error(`${file}:${i + 1}: no name before "@"`);
    const attrs: Record<string, string> = {};
    for (const kv of attrPart.split(';')) {
      const t = kv.trim();
      if (!t) continue;
      const eq = t.indexOf('=');
      if (eq <= 0) throw new Error(`${file}:${i + 1}: attribute ${JSON.stringify(t)} is not key=value`);
      attrs[t.slice(0, eq).trim()] = t.slice(eq + 1).trim();
    }
    out.push({ names, attrs, remove: false, file, line: i + 1 });
  });
  return out;
}

export function readLines(path: string): DictLine[] {
  return parseLines(readFileSync(path, 'utf8'), path);
}

/** Check that every attribute of a line is one the file's reader knows. */
export function checkAttrs(l: DictLine, known: readonly string[]): void {
  for (const k of Object.keys(l.attrs)) {
    if (!known.includes(k)) throw new Error(`${l.file}:${l.line}: unknown attribute "${k}" (known: ${known.join(', ')})`);
  }
}
