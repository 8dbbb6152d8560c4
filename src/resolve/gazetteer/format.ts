/**
 * The on-disk index format (`.sgz`): one file, columnar, loaded without parsing rows.
 *
 *   bytes 0..31   header: magic `SITREPGZ`, format version (u32), flags (u32; bit 0 = body is
 *                 gzip-compressed), body length (u64, uncompressed), body crc32 (u32), reserved
 *   body          u32 meta length, meta JSON (UTF-8), then the sections, each 8-byte aligned.
 *                 meta.sections names each section's type, byte offset (from body start) and length.
 *
 * Reading is a file read (and a gzip inflate for the bundled file), a JSON.parse of a
 * small meta, and typed-array views over the body: no per-row work at load.
 */
import { gunzipSync, gzipSync, crc32 as zcrc32 } from 'node:zlib';

export const MAGIC = 'SITREPGZ';
export const FORMAT_VERSION = 1;
export const HEADER_BYTES = 32;

export type SectionType = 'u8' | 'u16' | 'u32' | 'i32' | 'f32';

export interface SectionInfo {
  readonly type: SectionType;
  readonly offset: number;
  /** Number of elements. */
  readonly length: number;
}

export type TypedArray = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float32Array;

export function sectionTypeOf(a: TypedArray): SectionType {
  if (a instanceof Uint8Array) return 'u8';
  if (a instanceof Uint16Array) return 'u16';
  if (a instanceof Uint32Array) return 'u32';
  if (a instanceof Int32Array) return 'i32';
  return 'f32';
}

/** An index file could not be read: says which file and why. */
export class IndexFormatError extends Error {
  override readonly name = 'IndexFormatError';
}

/** crc32 of a byte range (node:zlib's when present, else a table implementation). */
export function crc32(data: Uint8Array): number {
  if (typeof zcrc32 === 'function') return zcrc32(data) >>> 0;
  let c = ~0;
  for (let i = 0; i < data.length; i++) {
    c ^= data[i]!;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/**
 * Serialise meta + sections into the file bytes. `compress` gzips the body (the
 * bundled index is stored this way; imports are stored plain so that they load with one read).
 */
export function encodeIndex(meta: Record<string, unknown>, sections: ReadonlyMap<string, TypedArray>, compress: boolean): Buffer[] {
  const infos: Record<string, SectionInfo> = {};
  // Lay out sections after the meta: compute offsets with a placeholder meta length first.
  const names = [...sections.keys()];
  // Reserve room for the meta, lay the sections out after it, and pad the meta with spaces to the
  // reserved length (JSON allows trailing whitespace); grow the reserve until the meta fits.
  let reserve = 0;
  let metaBytes: Buffer;
  for (;;) {
    let off = align8(4 + reserve);
    for (const name of names) {
      const a = sections.get(name)!;
      infos[name] = { type: sectionTypeOf(a), offset: off, length: a.length };
      off = align8(off + a.byteLength);
    }
    const json = Buffer.from(JSON.stringify({ ...meta, sections: infos }), 'utf8');
    if (json.length <= reserve) {
      metaBytes = Buffer.alloc(reserve, 0x20);
      json.copy(metaBytes);
      break;
    }
    reserve = json.length + 256;
  }
  const parts: Buffer[] = [];
  const lenBuf = Buffer.alloc(4);
  lenBuf.writeUInt32LE(metaBytes.length, 0);
  parts.push(lenBuf, metaBytes);
  let pos = 4 + metaBytes.length;
  for (const name of names) {
    const a = sections.get(name)!;
    const info = infos[name]!;
    if (info.offset > pos) parts.push(Buffer.alloc(info.offset - pos));
    parts.push(Buffer.from(a.buffer, a.byteOffset, a.byteLength));
    pos = info.offset + a.byteLength;
  }
  const pad = align8(pos) - pos;
  if (pad) parts.push(Buffer.alloc(pad));
  const bodyLength = align8(pos);
  let body: Buffer[] = parts;
  let crc = 0;
  if (compress) {
    const whole = Buffer.concat(parts);
    crc = crc32(whole);
    body = [gzipSync(whole, { level: 9, memLevel: 9 })];
  } else {
    crc = crcOfParts(parts);
  }
  const header = Buffer.alloc(HEADER_BYTES);
  header.write(MAGIC, 0, 'latin1');
  header.writeUInt32LE(FORMAT_VERSION, 8);
  header.writeUInt32LE(compress ? 1 : 0, 12);
  header.writeBigUInt64LE(BigInt(bodyLength), 16);
  header.writeUInt32LE(crc, 24);
  return [header, ...body];
}

function crcOfParts(parts: readonly Buffer[]): number {
  if (typeof zcrc32 === 'function') {
    let c = 0;
    for (const p of parts) c = zcrc32(p, c);
    return c >>> 0;
  }
  return crc32(Buffer.concat(parts));
}

export function align8(n: number): number {
  return (n + 7) & ~7;
}

export interface DecodedIndex {
  readonly meta: Record<string, unknown> & { sections: Record<string, SectionInfo> };
  readonly body: Uint8Array;
  readonly compressed: boolean;
  readonly fileBytes: number;
}

/**
 * Check the header and return the body (decompressed when needed). `verify` checks the crc of the
 * body (a full pass over it: done by `info`, skipped on the hot load path unless asked).
 */
export function decodeIndex(file: Buffer, where: string, verify = false): DecodedIndex {
  if (file.length < HEADER_BYTES || file.toString('latin1', 0, 8) !== MAGIC) {
    throw new IndexFormatError(`${where} is not a sitrep gazetteer index (no SITREPGZ header)`);
  }
  const version = file.readUInt32LE(8);
  if (version !== FORMAT_VERSION) {
    throw new IndexFormatError(`${where} has index format ${version}; this sitrep reads format ${FORMAT_VERSION}. Re-import it with this version.`);
  }
  const flags = file.readUInt32LE(12);
  const bodyLength = Number(file.readBigUInt64LE(16));
  const crc = file.readUInt32LE(24);
  const compressed = (flags & 1) === 1;
  let body: Uint8Array;
  if (compressed) {
    try {
      body = gunzipSync(file.subarray(HEADER_BYTES));
    } catch (e) {
      throw new IndexFormatError(`${where}: the compressed index is damaged (${(e as Error).message})`);
    }
  } else body = file.subarray(HEADER_BYTES);
  if (body.length !== bodyLength) {
    throw new IndexFormatError(`${where} is truncated: body has ${body.length} bytes, the header says ${bodyLength}`);
  }
  if (verify && crc32(body) !== crc) {
    throw new IndexFormatError(`${where} is damaged: checksum mismatch`);
  }
  // Typed-array views need the body 4-byte aligned within its ArrayBuffer.
  if (body.byteOffset % 8 !== 0) body = new Uint8Array(body);
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const metaLen = view.getUint32(0, true);
  let meta: DecodedIndex['meta'];
  try {
    meta = JSON.parse(Buffer.from(body.buffer, body.byteOffset + 4, metaLen).toString('utf8')) as DecodedIndex['meta'];
  } catch {
    throw new IndexFormatError(`${where}: the index metadata is damaged`);
  }
  return { meta, body, compressed, fileBytes: file.length };
}

export function sectionView(d: DecodedIndex, name: string, where: string): TypedArray {
  const info = d.meta.sections[name];
  if (!info) throw new IndexFormatError(`${where}: section "${name}" is missing`);
  const buf = d.body.buffer;
  const off = d.body.byteOffset + info.offset;
  const bytes = info.length * bytesPer(info.type);
  if (info.offset + bytes > d.body.byteLength) throw new IndexFormatError(`${where}: section "${name}" runs past the end of the file`);
  switch (info.type) {
    case 'u8':
      return new Uint8Array(buf, off, info.length);
    case 'u16':
      return new Uint16Array(buf, off, info.length);
    case 'u32':
      return new Uint32Array(buf, off, info.length);
    case 'i32':
      return new Int32Array(buf, off, info.length);
    case 'f32':
      return new Float32Array(buf, off, info.length);
  }
}

function bytesPer(t: SectionType): number {
  return t === 'u8' ? 1 : t === 'u16' ? 2 : 4;
}
