/**
 * Streaming input for the importer: plain files, .gz and .zip (a small reader of our own: the
 * central directory, then each member inflated with node:zlib), read as UTF-8 lines with bounded
 * memory. Every error names the file (and the member and line where there is one).
 *
 * Guards: bytes are checked as strict UTF-8 (a bad byte is an error, not a U+FFFD), and compressed
 * input is watched while it inflates — past MAX_INFLATED_BYTES, or past MIN_BOMB_BYTES at a ratio
 * above MAX_RATIO, the import stops as a probable zip bomb, whatever the headers claim.
 */
import { createReadStream, openSync, readSync, closeSync, fstatSync } from 'node:fs';
import { basename } from 'node:path';
import { createGunzip, createInflateRaw, crc32 as zcrc32 } from 'node:zlib';
import type { Readable } from 'node:stream';
import { inputError, usageError, type SitrepError } from '../../core/errors.js';

export interface InflateLimits {
  /** Uncompressed bytes one compressed member may produce. */
  readonly maxInflatedBytes: number;
  /** Compression ratio above which (past minBombBytes) the input is treated as a zip bomb. */
  readonly maxRatio: number;
  readonly minBombBytes: number;
}

export const DEFAULT_INFLATE_LIMITS: InflateLimits = {
  maxInflatedBytes: 16 * 1024 ** 3,
  maxRatio: 100,
  minBombBytes: 64 * 1024 ** 2,
};

/** One readable text stream: a plain file, a .gz, or one member of a .zip. */
export interface TextSource {
  /** File name as the user gave it, plus `:member` for zip members. */
  readonly label: string;
  /** Name used to recognise the format (`allCountries.txt`, `LY.txt`). */
  readonly name: string;
  readonly compressed: boolean;
  open(): Readable;
  /** Bytes of the file on disk read so far (for progress), updated while reading. */
  readonly progress: { read: number; total: number };
  /** Called after the stream ended: throws if a zip member's CRC or size does not match. */
  verify?(): void;
}

/** Expand the user's files into text sources (a zip gives one per .txt member). */
export function openSources(files: readonly string[]): TextSource[] {
  const out: TextSource[] = [];
  for (const file of files) {
    let size: number;
    let fd: number;
    try {
      fd = openSync(file, 'r');
      size = fstatSync(fd).size;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw usageError('missing-file', `${file}: no such file`, 'Check the path; GeoNames dumps are at https://download.geonames.org/export/dump/.');
      if (code === 'EISDIR') throw usageError('missing-file', `${file} is a directory, not a GeoNames file`);
      throw usageError('missing-file', `${file}: cannot open (${(e as Error).message})`);
    }
    const head = Buffer.alloc(4);
    readSync(fd, head, 0, 4, 0);
    if (size === 0) {
      closeSync(fd);
      throw inputError('import-empty', `${file} is empty`, 'Download the file again.');
    }
    const lower = file.toLowerCase();
    if (head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5)) {
      try {
        out.push(...zipSources(file, fd, size));
      } finally {
        closeSync(fd);
      }
      continue;
    }
    closeSync(fd);
    if (lower.endsWith('.zip')) throw inputError('import-corrupt', `${file} is not a zip file (no zip signature)`, 'Download it again; a truncated download often loses its header.');
    if (head[0] === 0x1f && head[1] === 0x8b) {
      const progress = { read: 0, total: size };
      out.push({
        label: file,
        name: basename(file).replace(/\.gz$/i, ''),
        compressed: true,
        progress,
        open: () => countingStream(createReadStream(file, { highWaterMark: 1 << 20 }), progress).pipe(createGunzip({ chunkSize: 1 << 20 })),
      });
      continue;
    }
    if (lower.endsWith('.gz')) throw inputError('import-corrupt', `${file} is not a gzip file (no gzip signature)`, 'Download it again.');
    const progress = { read: 0, total: size };
    out.push({
      label: file,
      name: basename(file),
      compressed: false,
      progress,
      open: () => countingStream(createReadStream(file, { highWaterMark: 1 << 20 }), progress),
    });
  }
  return out;
}

function countingStream(s: Readable, progress: { read: number }): Readable {
  s.on('data', (c: Buffer) => {
    progress.read += c.length;
  });
  return s;
}

// ---------------------------------------------------------------------------------------------
// Zip: end-of-central-directory → central directory → local headers. Stored and deflated members;
// zip64 sizes and offsets.

interface ZipMember {
  name: string;
  method: number;
  crc: number;
  compSize: number;
  size: number;
  localOffset: number;
  flags: number;
}

function zipSources(file: string, fd: number, size: number): TextSource[] {
  const tailLen = Math.min(size, 65557);
  const tail = Buffer.alloc(tailLen);
  readSync(fd, tail, 0, tailLen, size - tailLen);
  let eocd = -1;
  for (let i = tailLen - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw inputError('import-corrupt', `${file} is truncated or not a zip file: no end-of-central-directory record`, 'Download it again.');
  let count = tail.readUInt16LE(eocd + 10);
  let cdSize = tail.readUInt32LE(eocd + 12);
  let cdOffset = tail.readUInt32LE(eocd + 16);
  if ((cdOffset === 0xffffffff || count === 0xffff) && eocd >= 20 && tail.readUInt32LE(eocd - 20) === 0x07064b50) {
    const z64Off = Number(tail.readBigUInt64LE(eocd - 20 + 8));
    const z = Buffer.alloc(56);
    readSync(fd, z, 0, 56, z64Off);
    if (z.readUInt32LE(0) !== 0x06064b50) throw inputError('import-corrupt', `${file}: damaged zip64 directory`);
    count = Number(z.readBigUInt64LE(32));
    cdSize = Number(z.readBigUInt64LE(40));
    cdOffset = Number(z.readBigUInt64LE(48));
  }
  if (cdOffset + cdSize > size) throw inputError('import-corrupt', `${file} is truncated: its zip directory points past the end of the file`, 'Download it again.');
  const cd = Buffer.alloc(cdSize);
  readSync(fd, cd, 0, cdSize, cdOffset);
  const members: ZipMember[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50) throw inputError('import-corrupt', `${file}: damaged zip directory (entry ${i + 1})`);
    const flags = cd.readUInt16LE(p + 8);
    const method = cd.readUInt16LE(p + 10);
    const crc = cd.readUInt32LE(p + 16);
    let compSize = cd.readUInt32LE(p + 20);
    let usize = cd.readUInt32LE(p + 24);
    const nameLen = cd.readUInt16LE(p + 28);
    const extraLen = cd.readUInt16LE(p + 30);
    const commentLen = cd.readUInt16LE(p + 32);
    let localOffset = cd.readUInt32LE(p + 42);
    const name = cd.toString('utf8', p + 46, p + 46 + nameLen);
    // zip64 extra field
    let x = p + 46 + nameLen;
    const xEnd = x + extraLen;
    while (x + 4 <= xEnd) {
      const id = cd.readUInt16LE(x);
      const len = cd.readUInt16LE(x + 2);
      if (id === 0x0001) {
        let q = x + 4;
        if (usize === 0xffffffff) {
          usize = Number(cd.readBigUInt64LE(q));
          q += 8;
        }
        if (compSize === 0xffffffff) {
          compSize = Number(cd.readBigUInt64LE(q));
          q += 8;
        }
        if (localOffset === 0xffffffff) localOffset = Number(cd.readBigUInt64LE(q));
      }
      x += 4 + len;
    }
    members.push({ name, method, crc, compSize, size: usize, localOffset, flags });
    p = xEnd + commentLen;
  }
  const texts = members.filter((m) => !m.name.endsWith('/') && /\.(txt|tsv|csv)$/i.test(m.name) && !/(^|\/)readme[^/]*$/i.test(m.name));
  if (texts.length === 0) throw inputError('import-empty', `${file} holds no .txt file (members: ${members.map((m) => m.name).join(', ') || 'none'})`);
  return texts.map((m) => {
    if (m.flags & 1) throw inputError('import-unsupported', `${file}:${m.name} is encrypted`);
    if (m.method !== 0 && m.method !== 8) throw inputError('import-unsupported', `${file}:${m.name} uses zip compression method ${m.method}; only stored and deflate are read`, 'Unzip it and import the .txt file.');
    const lh = Buffer.alloc(30);
    const fd2 = openSync(file, 'r');
    try {
      readSync(fd2, lh, 0, 30, m.localOffset);
    } finally {
      closeSync(fd2);
    }
    if (lh.readUInt32LE(0) !== 0x04034b50) throw inputError('import-corrupt', `${file}:${m.name}: damaged zip (bad local header)`);
    const dataStart = m.localOffset + 30 + lh.readUInt16LE(26) + lh.readUInt16LE(28);
    if (dataStart + m.compSize > size) throw inputError('import-corrupt', `${file}:${m.name} is truncated: the member runs past the end of the file`, 'Download it again.');
    const progress = { read: 0, total: m.compSize };
    let crc = 0;
    let produced = 0;
    const label = `${file}:${m.name}`;
    const src: TextSource = {
      label,
      name: basename(m.name),
      compressed: m.method === 8,
      progress,
      open: () => {
        crc = 0;
        produced = 0;
        const raw = countingStream(
          createReadStream(file, { start: dataStart, end: Math.max(dataStart, dataStart + m.compSize - 1), highWaterMark: 1 << 20 }),
          progress,
        );
        const s = m.method === 8 ? raw.pipe(createInflateRaw({ chunkSize: 1 << 20 })) : raw;
        s.on('data', (c: Buffer) => {
          crc = zcrc32(c, crc);
          produced += c.length;
        });
        return s;
      },
      verify: () => {
        if (produced !== m.size) throw inputError('import-corrupt', `${label} is damaged: ${produced} bytes inflated, the zip directory says ${m.size}`, 'Download it again.');
        if (crc >>> 0 !== m.crc) throw inputError('import-corrupt', `${label} is damaged: CRC mismatch`, 'Download it again.');
      },
    };
    return src;
  });
}

// ---------------------------------------------------------------------------------------------
// Lines

export interface LineReaderOptions {
  readonly limits?: InflateLimits;
  /** Called about every 64k lines (progress bars). */
  readonly onTick?: () => void;
}

/** Thrown from a line callback to stop with a message naming the line. */
export class LineError extends Error {
  override readonly name = 'LineError';
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/**
 * Read a source line by line (LF or CRLF; a UTF-8 BOM is skipped). `onLine` gets the line without
 * its end and its 1-based number, and `last` = true for a final line without a newline (a
 * truncated file usually ends that way). Throws SitrepError naming the file and line.
 */
export async function forEachLine(
  src: TextSource,
  onLine: (line: string, lineNo: number, last: boolean) => void,
  opts: LineReaderOptions = {},
): Promise<number> {
  const limits = opts.limits ?? DEFAULT_INFLATE_LIMITS;
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let carry: Buffer | null = null;
  let lineNo = 0;
  let inflated = 0;
  let nextTick = 65536;
  const stream = src.open();
  const fail = (e: unknown): SitrepError => {
    stream.destroy();
    if (e instanceof LineError) return inputError('import-bad-line', `${src.label} line ${lineNo}: ${e.message}`, e.hint);
    if ((e as { name?: string }).name === 'SitrepError') return e as SitrepError;
    return inputError('import-failed', `${src.label} line ${lineNo}: ${(e as Error).message}`);
  };
  const handleText = (text: string, final: boolean) => {
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl < 0) break;
      lineNo++;
      const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      onLine(text.slice(start, end), lineNo, false);
      start = nl + 1;
    }
    if (final && start < text.length) {
      lineNo++;
      onLine(text.slice(start), lineNo, true);
    }
    if (lineNo >= nextTick) {
      nextTick = lineNo + 65536;
      opts.onTick?.();
    }
  };
  const decode = (bytes: Buffer, final: boolean): string => {
    try {
      return decoder.decode(bytes, { stream: !final });
    } catch {
      // Find the line holding the bad byte.
      let l = lineNo;
      let from = 0;
      for (;;) {
        const nl = bytes.indexOf(10, from);
        const end = nl < 0 ? bytes.length : nl;
        l++;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(from, end));
        } catch {
          const col = firstBadByte(bytes.subarray(from, end));
          throw inputError(
            'import-not-utf8',
            `${src.label} line ${l}: not UTF-8 (byte 0x${(bytes[from + col] ?? 0).toString(16).padStart(2, '0')} at column ${col + 1})`,
            'GeoNames files are UTF-8; convert the file (e.g. iconv -f latin1 -t utf-8) or download it again.',
          );
        }
        if (nl < 0) break;
        from = nl + 1;
      }
      throw inputError('import-not-utf8', `${src.label} near line ${lineNo + 1}: not UTF-8`);
    }
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      inflated += chunk.length;
      if (src.compressed) {
        const ratio = inflated / Math.max(1, src.progress.read);
        if (inflated > limits.maxInflatedBytes || (inflated > limits.minBombBytes && ratio > limits.maxRatio)) {
          stream.destroy();
          throw inputError(
            'import-zip-bomb',
            `${src.label}: stopped after ${fmtBytes(inflated)} inflated from ${fmtBytes(src.progress.read)} (ratio ${ratio.toFixed(0)}:1; limits ${limits.maxRatio}:1 and ${fmtBytes(limits.maxInflatedBytes)}) — this looks like a zip bomb, not a GeoNames dump`,
            'GeoNames text compresses about 4:1. If the file is genuine, unpack it yourself and import the .txt.',
          );
        }
      }
      let buf: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
      const lastNl = buf.lastIndexOf(10);
      if (lastNl < 0) {
        carry = buf;
        if (carry.length > 64 * 1024 * 1024) throw inputError('import-bad-line', `${src.label} line ${lineNo + 1}: a line longer than 64 MiB — this is not a GeoNames text file`);
        continue;
      }
      carry = lastNl + 1 < buf.length ? Buffer.from(buf.subarray(lastNl + 1)) : null;
      buf = buf.subarray(0, lastNl + 1);
      handleText(decode(buf, false), false);
    }
    const rest = carry ?? Buffer.alloc(0);
    handleText(decode(rest, true), true);
  } catch (e) {
    throw mapStreamError(e, src, lineNo, fail);
  }
  src.verify?.();
  return lineNo;
}

function mapStreamError(e: unknown, src: TextSource, lineNo: number, fail: (e: unknown) => SitrepError): SitrepError {
  const err = e as NodeJS.ErrnoException;
  if (err && err.name === 'SitrepError') return e as SitrepError;
  if (e instanceof LineError) return fail(e);
  if (err && typeof err.code === 'string' && err.code.startsWith('Z_')) {
    const what = err.code === 'Z_BUF_ERROR' || /unexpected end/i.test(err.message) ? 'is truncated: the compressed stream ends early' : `is damaged (${err.message})`;
    return inputError('import-corrupt', `${src.label} ${what}, after line ${lineNo}`, 'Download it again.');
  }
  return fail(e);
}

/** Index of the first byte that starts an invalid UTF-8 sequence. */
export function firstBadByte(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    let need: number;
    let min: number;
    if (c < 0x80) {
      i++;
      continue;
    } else if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need >= b.length + 0 && i + need > b.length - 1 + 1) return i;
    let cp = c & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const x = b[i + k];
      if (x === undefined || (x & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (x & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return 0;
}

export function fmtBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MiB`;
  return `${(n / 1024 ** 3).toFixed(2)} GiB`;
}
