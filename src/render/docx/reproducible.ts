/**
 * Zipping the package reproducibly: entries in the order given, each dated from
 * SOURCE_DATE_EPOCH in UTC (so the bytes do not depend on the time zone), no extra fields.
 *
 * What docx cannot do, so written here: docx's Packer dates every entry with the current time and
 * deflates with fflate in JavaScript (tens of milliseconds in a fresh process, which is what a CLI
 * run pays); fflate's own zip can date entries but deflates the same way. The container is a few
 * dozen lines of PKZIP around DEFLATE from node:zlib, which takes about a millisecond.
 */
import * as zlib from 'node:zlib';
import { LruMap } from '../../lru.js';

const DOS_MIN = Date.UTC(1980, 0, 1, 0, 0, 0);
const DOS_MAX = Date.UTC(2107, 11, 31, 23, 59, 58);
const encoder = new TextEncoder();

/** Seconds since the epoch (SOURCE_DATE_EPOCH) to milliseconds; undefined: now. */
export function epochMs(sourceDateEpoch: number | undefined): number {
  return sourceDateEpoch === undefined || !Number.isFinite(sourceDateEpoch) ? Date.now() : Math.trunc(sourceDateEpoch) * 1000;
}

interface Packed {
  readonly packed: Uint8Array;
  readonly crc: number;
  readonly size: number;
}

/**
 * Most small parts come out the same in every contract of a batch (theme, styles, numbering,
 * settings, relationships, footer): deflating them again cost ~1 ms a package (36 parts, 65 KB).
 * Kept by their text, up to SMALL_PART characters each; document.xml and the like are not.
 */
const SMALL_PART = 16 * 1024;
const packedParts = new LruMap<string, Packed>(48);

function pack(content: string | Uint8Array): Packed {
  const small = typeof content === 'string' && content.length <= SMALL_PART;
  const kept = small ? packedParts.get(content) : undefined;
  if (kept !== undefined) return kept;
  const data = typeof content === 'string' ? encoder.encode(content) : content;
  const deflated = zlib.deflateRawSync(data, { level: 6 });
  // Kept as a copy of its own size: zlib's output is a view of a larger buffer.
  const packed: Packed = { packed: small ? new Uint8Array(deflated) : deflated, crc: crc32(data), size: data.length };
  if (small) packedParts.set(content, packed);
  return packed;
}

/** The parts, in the order given, as one zip file with every entry dated `epochMs` (UTC). */
export function zipParts(parts: readonly (readonly [string, string | Uint8Array])[], epochMs: number): Uint8Array {
  const { time, date } = dosDateTime(epochMs);
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const [path, content] of parts) {
    const name = encoder.encode(path);
    const { packed, crc, size } = pack(content);
    const local = new Uint8Array(30 + name.length);
    const l = new DataView(local.buffer);
    l.setUint32(0, 0x04034b50, true);
    l.setUint16(4, 20, true); // version needed: 2.0 (deflate)
    l.setUint16(6, 0x0800, true); // names are UTF-8
    l.setUint16(8, 8, true); // deflate
    l.setUint16(10, time, true);
    l.setUint16(12, date, true);
    l.setUint32(14, crc, true);
    l.setUint32(18, packed.length, true);
    l.setUint32(22, size, true);
    l.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const c = new DataView(central.buffer);
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, 20, true); // made by: 2.0, MS-DOS
    c.setUint16(6, 20, true);
    c.setUint16(8, 0x0800, true);
    c.setUint16(10, 8, true);
    c.setUint16(12, time, true);
    c.setUint16(14, date, true);
    c.setUint32(16, crc, true);
    c.setUint32(20, packed.length, true);
    c.setUint32(24, size, true);
    c.setUint16(28, name.length, true);
    c.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, packed);
    centrals.push(central);
    offset += local.length + packed.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, parts.length, true);
  e.setUint16(10, parts.length, true);
  e.setUint32(12, centralSize, true);
  e.setUint32(16, offset, true);
  return concat([...locals, ...centrals, end], offset + centralSize + end.length);
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  return Buffer.concat(chunks, size);
}

/** MS-DOS date and time fields from the UTC date (2-second resolution). */
export function dosDateTime(epochMs: number): { time: number; date: number } {
  const d = new Date(Math.min(Math.max(epochMs, DOS_MIN), DOS_MAX));
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

let table: Uint32Array | undefined;

/** CRC-32 (zlib's when this Node has it, 20.15+; a table otherwise). */
export function crc32(data: Uint8Array): number {
  if (typeof zlib.crc32 === 'function') return zlib.crc32(data) >>> 0;
  table ??= Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let crc = 0xffffffff;
  for (const byte of data) crc = table[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
