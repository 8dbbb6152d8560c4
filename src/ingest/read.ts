/**
 * Reading raw input: a file, standard input, or inline text. Turns bytes into a JS string and
 * refuses, with a clear error, what is not text (binary, oversize, undecodable).
 */
import { readFile, stat } from 'node:fs/promises';
import { inputError, usageError, type Warning } from '../core/index.js';

export type InputSource =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'stdin'; readonly read: () => Promise<Buffer> }
  | { readonly kind: 'inline'; readonly text: string; readonly name?: string };

export interface RawInput {
  readonly text: string;
  /** `file:<path>`, `stdin` or `inline`. */
  readonly origin: string;
  /** File name hint for format detection (`.html`), when there is one. */
  readonly filename: string | null;
  readonly warnings: Warning[];
}

/** Read the source, bounded by `maxBytes`. */
export async function readInput(source: InputSource, maxBytes: number): Promise<RawInput> {
  if (source.kind === 'inline') {
    return { text: source.text, origin: 'inline', filename: source.name ?? null, warnings: [] };
  }
  let bytes: Buffer;
  let origin: string;
  let filename: string | null = null;
  if (source.kind === 'file') {
    origin = `file:${source.path}`;
    filename = source.path;
    let size: number;
    try {
      const st = await stat(source.path);
      if (st.isDirectory()) throw usageError('is-directory', `${source.path} is a directory, not a report file`, 'Give the path of one text or HTML file, or - to read standard input.');
      size = st.size;
    } catch (err) {
      if (err instanceof Error && 'code' in err && err.code === 'ENOENT') {
        throw usageError('no-such-file', `no such file: ${source.path}`, 'Check the path, or pass - to read the report from standard input.');
      }
      throw err;
    }
    if (size > maxBytes) throw tooLarge(source.path, size, maxBytes);
    bytes = await readFile(source.path);
  } else {
    origin = 'stdin';
    bytes = await source.read();
    if (bytes.length > maxBytes) throw tooLarge('standard input', bytes.length, maxBytes);
  }
  const { text, warnings } = decode(bytes, origin);
  return { text, origin, filename, warnings };
}

function tooLarge(what: string, size: number, max: number) {
  return inputError('too-large', `${what} is ${(size / 1048576).toFixed(1)} MiB, over the ${(max / 1048576).toFixed(0)} MiB input limit`, 'Split the input into separate reports; sitrep codes one report at a time.');
}

/**
 * Decode bytes as text. UTF-8 (with or without BOM) and UTF-16 with a BOM are accepted. Bytes that
 * are not valid UTF-8 are decoded as Windows-1252 (the usual culprit in news feeds) with a warning,
 * so nothing is lost silently. Binary data (NUL bytes, many control characters) is refused.
 */
export function decode(bytes: Buffer, origin: string): { text: string; warnings: Warning[] } {
  const warnings: Warning[] = [];
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const enc = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    return { text: new TextDecoder(enc).decode(bytes.subarray(2)), warnings };
  }
  if (looksBinary(bytes)) {
    throw inputError('binary', `${origin} looks like binary data, not text`, 'Give sitrep a plain-text or HTML report (UTF-8). PDFs and Word files must be converted to text first.');
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, warnings };
  } catch {
    warnings.push({
      code: 'input.not-utf8',
      stage: 'ingest',
      message: `${origin} is not valid UTF-8; decoded as Windows-1252. Check accented letters in the output.`,
    });
    return { text: new TextDecoder('windows-1252').decode(bytes), warnings };
  }
}

/** NUL bytes, or more than 10 % control characters in the first 8 KiB, mean binary. */
function looksBinary(bytes: Buffer): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  return n > 0 && control / n > 0.1;
}
