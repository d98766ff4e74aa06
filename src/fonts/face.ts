/**
 * One font face, opened for layout and embedding: its names, its cmap and advances, the
 * metrics a PDF font descriptor needs, and its tables on demand. A face comes either from
 * bytes already in memory (a font file a user named, read whole and bounded) or from a file
 * read table by table with positional reads (the bundled font: 8 MB, of which a glyph check
 * needs only the 33 KB cmap), its outlines page by page as the subsetter asks for them.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import {
  SFNT_HEADER_SIZE,
  TABLE_RECORD_SIZE,
  charMap,
  collectionOffsets,
  faceNames,
  fontMetrics,
  fontVersionId,
  outlineKind,
  sfntKind,
  tableCount,
  tableOffsets,
  type CharMap,
  type FaceNames,
  type FontMetrics,
  type OutlineKind,
  type TableRecord,
} from './sfnt.js';

/** gid 0 means the font has no glyph for the code point. Advance in 1/1000 em. */
export interface GlyphMetrics {
  readonly gid: number;
  readonly advance: number;
}

export interface FontFace extends FaceNames {
  /** Where the face comes from, for messages: the file, and `#n` for a face of a collection. */
  readonly source: string;
  /** Index of the face in its collection (0 for a single font file). */
  readonly index: number;
  readonly outline: OutlineKind;
  readonly cmap: CharMap;
  readonly metrics: FontMetrics;
  /**
   * Identifies the face's version, file-name safe, for cache keys: the head table's checksum
   * adjustment and modified date, the face index and the PostScript name.
   */
  readonly key: string;
  /** The bytes of a table, read on first use; undefined if the face has none. */
  table(tag: string): Uint8Array | undefined;
  /**
   * A table read in parts, for the outlines of a big font, of which a contract needs a few
   * hundred glyphs: undefined if the face has none.
   */
  tableReader(tag: string): TableReader | undefined;
  readonly tags: readonly string[];
  /** Per code point, filled by glyphMetrics. */
  readonly glyphs: Map<number, GlyphMetrics>;
}

/**
 * A table whose bytes are read range by range. `bytes` has the table's length; a range holds the
 * table's bytes once `load` has been called for it (zeros before). For a face in memory, every
 * range is already there and `load` does nothing.
 */
export interface TableReader {
  readonly bytes: Uint8Array;
  /** Reads the [start, end) ranges not read yet into `bytes`, with one open of the file. */
  load(ranges: Iterable<readonly [number, number]>): void;
  /** The bytes of each [start, end) range, read now and not kept in `bytes`. */
  read(ranges: Iterable<readonly [number, number]>): Uint8Array[];
  /** Bytes read from the file so far (the whole length for a table in memory). */
  readonly bytesRead: number;
}

/** A table held whole, as a TableReader: every range is already there. */
export const tableInMemory = (bytes: Uint8Array): TableReader => ({
  bytes,
  load: () => {},
  read: (ranges) => Array.from(ranges, ([start, end]) => bytes.subarray(start, end)),
  bytesRead: bytes.length,
});

/** Why bytes are not a usable font face (the caller words the message). */
export class FaceError extends Error {
  constructor(
    readonly reason: 'not-a-font' | 'no-such-face' | 'unsupported-outlines',
    message: string,
    readonly faces?: number,
  ) {
    super(message);
    this.name = 'FaceError';
  }
}

/** Tables read at once: what the glyph check, the layout and the font descriptor need but hmtx. */
const EAGER = ['cmap', 'head', 'hhea', 'post', 'OS/2', 'name'];

function makeFace(
  source: string,
  index: number,
  directory: Map<string, TableRecord>,
  read: (t: TableRecord) => Uint8Array,
  readInParts?: (t: TableRecord) => TableReader,
): FontFace {
  const cache = new Map<string, Uint8Array>();
  const readers = new Map<string, TableReader>();
  const table = (tag: string): Uint8Array | undefined => {
    let bytes = cache.get(tag);
    if (bytes === undefined) {
      const record = directory.get(tag);
      if (record === undefined) return undefined;
      bytes = read(record);
      cache.set(tag, bytes);
    }
    return bytes;
  };
  const tableReader = (tag: string): TableReader | undefined => {
    let reader = readers.get(tag);
    if (reader === undefined) {
      const record = directory.get(tag);
      if (record === undefined) return undefined;
      const whole = cache.get(tag);
      if (whole !== undefined || readInParts === undefined) {
        reader = tableInMemory(whole ?? table(tag)!);
      } else reader = readInParts(record);
      readers.set(tag, reader);
    }
    return reader;
  };
  for (const tag of EAGER) table(tag);
  const outline = outlineKind((tag) => directory.has(tag));
  if (outline === undefined) throw new FaceError('unsupported-outlines', 'the font has neither CFF nor TrueType outlines');
  const head = table('head');
  if (head === undefined || !directory.has('cmap') || !directory.has('hhea') || !directory.has('hmtx')) {
    throw new FaceError('not-a-font', 'the font lacks a required table (head, cmap, hhea or hmtx)');
  }
  let names: FaceNames;
  try {
    names = faceNames(table);
  } catch {
    throw new FaceError('not-a-font', 'the font has no name table');
  }
  const key = `${fontVersionId(head)}.f${index}.${names.postscriptName.replace(/[^A-Za-z0-9-]/g, '').slice(0, 48) || 'font'}`;
  return {
    ...names,
    source: index > 0 ? `${source}#${index}` : source,
    index,
    outline,
    cmap: charMap(table),
    metrics: fontMetrics(table),
    key,
    table,
    tableReader,
    tags: [...directory.keys()],
    glyphs: new Map(),
  };
}

/** Header offset of face `index` in a font file's bytes (a collection, or a single face). */
function faceOffset(start: Uint8Array, index: number, path: string): { at: number; faces: number } {
  const kind = sfntKind(start);
  if (kind === 'unknown') throw new FaceError('not-a-font', `${path} is not an OpenType or TrueType font`);
  if (kind !== 'collection') {
    if (index !== 0) throw new FaceError('no-such-face', `${path} holds a single face (#0)`, 1);
    return { at: 0, faces: 1 };
  }
  const offsets = collectionOffsets(start);
  const at = offsets[index];
  if (at === undefined) throw new FaceError('no-such-face', `${path} holds faces #0 to #${offsets.length - 1}`, offsets.length);
  return { at, faces: offsets.length };
}

/** Number of faces in font file bytes (1 for a single font). */
export function faceCount(bytes: Uint8Array): number {
  return sfntKind(bytes) === 'collection' ? collectionOffsets(bytes).length : 1;
}

/** A face of a font file held in memory. */
export function faceFromBytes(bytes: Uint8Array, index: number, source: string): FontFace {
  try {
    const { at } = faceOffset(bytes, index, source);
    const directory = tableOffsets(bytes, at);
    for (const [tag, r] of directory) {
      if (r.offset + r.length > bytes.length) throw new FaceError('not-a-font', `table ${tag.trim()} runs past the end of the file`);
    }
    return makeFace(source, index, directory, (r) => bytes.subarray(r.offset, r.offset + r.length));
  } catch (error) {
    if (error instanceof FaceError) throw error;
    throw new FaceError('not-a-font', `${source} is not a readable font (${(error as Error).message})`);
  }
}

/** Fills `into[offset, offset + length)` from `position` of an open file. */
function readInto(fd: number, into: Uint8Array, offset: number, length: number, position: number, path: string): void {
  let done = 0;
  while (done < length) {
    const n = readSync(fd, into, offset + done, length - done, position + done);
    if (n === 0) throw new Error(`${path}: unexpected end of file`);
    done += n;
  }
}

/** `length` bytes at `position` of an open file, into a buffer of exactly that size. */
function readAt(fd: number, position: number, length: number, path: string): Uint8Array {
  const out = new Uint8Array(length);
  readInto(fd, out, 0, length, position, path);
  return out;
}

function withFile<T>(path: string, f: (fd: number) => T): T {
  const fd = openSync(path, 'r');
  try {
    return f(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * A face of a font file we ship, read table by table (never a file a user named: those are
 * read whole with a size cap, see resolve.ts).
 */
export function faceFromFile(path: string, index = 0): FontFace {
  return withFile(path, (fd) => {
    const start = readAt(fd, 0, SFNT_HEADER_SIZE, path);
    const collection = sfntKind(start) === 'collection';
    const faces = collection ? ((start[8]! << 24) | (start[9]! << 16) | (start[10]! << 8) | start[11]!) >>> 0 : 1;
    if (faces > 10_000) throw new FaceError('not-a-font', `${path} has an impossible face count`);
    const { at } = faceOffset(collection ? readAt(fd, 0, 12 + 4 * faces, path) : start, index, path);
    const header = at === 0 ? start : readAt(fd, at, SFNT_HEADER_SIZE, path);
    const records = readAt(fd, at + SFNT_HEADER_SIZE, tableCount(header) * TABLE_RECORD_SIZE, path);
    const dir = new Uint8Array(SFNT_HEADER_SIZE + records.length);
    dir.set(header);
    dir.set(records, SFNT_HEADER_SIZE);
    const directory = tableOffsets(dir);
    // The file is opened again for each table read later (hmtx, the outlines).
    const eager = new Map<string, Uint8Array>();
    for (const tag of EAGER) {
      const r = directory.get(tag);
      if (r !== undefined) eager.set(tag, readAt(fd, r.offset, r.length, path));
    }
    const tagOf = new Map([...directory].map(([tag, r]) => [r, tag]));
    return makeFace(
      path,
      index,
      directory,
      (r) => eager.get(tagOf.get(r)!) ?? withFile(path, (fd2) => readAt(fd2, r.offset, r.length, path)),
      (r) => fileTableReader(path, r),
    );
  });
}

/** Reads happen in whole pages of the table: neighbouring glyphs then cost one read. */
const PAGE = 4096;

/**
 * A table of a file read in parts as they are asked for: a CJK font's outlines are 8 MB, a
 * contract's glyphs a few hundred of its 65,535 (reading the whole table cost 35 ms of system
 * time per face at every cold start, `npm run bench`). What `load` reads (dictionaries,
 * subroutines, offsets) stays, page by page; pages never read stay untouched zeros, so they take
 * no memory either. What `read` reads (a subset's glyphs) is the caller's to keep or drop.
 */
function fileTableReader(path: string, record: TableRecord): TableReader {
  const bytes = new Uint8Array(record.length);
  const read = new Uint8Array(Math.ceil(record.length / PAGE));
  let bytesRead = 0;
  return {
    bytes,
    get bytesRead() {
      return bytesRead;
    },
    load(ranges) {
      // Runs of pages not read yet, merged across ranges.
      const wanted: number[] = [];
      for (const [start, end] of ranges) {
        const from = Math.max(0, start);
        const to = Math.min(record.length, end);
        for (let page = Math.floor(from / PAGE); page * PAGE < to; page++) if (read[page] === 0) wanted.push(page);
      }
      if (wanted.length === 0) return;
      wanted.sort((a, b) => a - b);
      withFile(path, (fd) => {
        let i = 0;
        while (i < wanted.length) {
          const first = wanted[i]!;
          let last = first;
          while (i < wanted.length && wanted[i]! <= last + 1) last = wanted[i++]!;
          const start = first * PAGE;
          const length = Math.min(record.length, (last + 1) * PAGE) - start;
          readInto(fd, bytes, start, length, record.offset + start, path);
          read.fill(1, first, last + 1);
          bytesRead += length;
        }
      });
    },
    read(ranges) {
      const list = Array.from(ranges, ([start, end]) => [Math.max(0, start), Math.min(record.length, Math.max(start, end))] as const);
      const order = list.map((_, i) => i).sort((a, b) => list[a]![0] - list[b]![0]);
      const out: Uint8Array[] = new Array<Uint8Array>(list.length);
      withFile(path, (fd) => {
        // Ranges less than a page apart are read together, into one buffer they are views of.
        let i = 0;
        while (i < order.length) {
          const from = list[order[i]!]![0];
          let to = list[order[i]!]![1];
          let j = i + 1;
          while (j < order.length && list[order[j]!]![0] <= to + PAGE) to = Math.max(to, list[order[j++]!]![1]);
          const chunk = readAt(fd, record.offset + from, to - from, path);
          bytesRead += chunk.length;
          for (; i < j; i++) {
            const [start, end] = list[order[i]!]!;
            out[order[i]!] = chunk.subarray(start - from, end - from);
          }
        }
      });
      return out;
    },
  };
}

/** Glyph id and advance of a code point (gid 0: no glyph). */
export function glyphMetrics(face: FontFace, codePoint: number): GlyphMetrics {
  let m = face.glyphs.get(codePoint);
  if (m === undefined) {
    const gid = face.cmap.glyph(codePoint);
    m = gid === 0 ? { gid: 0, advance: 0 } : { gid, advance: Math.round((face.cmap.advance(gid) * 1000) / face.cmap.unitsPerEm) };
    face.glyphs.set(codePoint, m);
  }
  return m;
}

/** Glyph ids by code point, per face, as its cmap gives them (up to a bound: text is the user's). */
const glyphIds = new WeakMap<FontFace, Map<number, number>>();
const MAX_GLYPH_IDS = 65_536;

function glyphIdOf(face: FontFace, codePoint: number): number {
  let ids = glyphIds.get(face);
  if (ids === undefined) glyphIds.set(face, (ids = new Map()));
  let gid = ids.get(codePoint);
  if (gid === undefined) {
    gid = face.cmap.glyph(codePoint);
    if (ids.size < MAX_GLYPH_IDS) ids.set(codePoint, gid);
  }
  return gid;
}

/** Characters that are layout controls, never drawn, so never "missing". */
const CONTROL = new Set(['\n', '\r', '\t']);

/** Characters of `text` that some of `faces` cannot draw, each once, in order of appearance. */
export function missingGlyphs(text: string, faces: readonly FontFace[]): string[] {
  const out: string[] = [];
  const seen = new Set<number>();
  // By code point, in an index loop, each face's cmap searched once per code point: every
  // character of the params is checked, unoptimised in a worker or a cold run (a string's
  // iterator makes an object per character there). The cmap only: a check reads no advances.
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    if (seen.has(cp)) continue;
    seen.add(cp);
    const ch = String.fromCodePoint(cp);
    if (CONTROL.has(ch)) continue;
    for (let f = 0; f < faces.length; f++) {
      if (glyphIdOf(faces[f]!, cp) === 0) {
        out.push(ch);
        break;
      }
    }
  }
  return out;
}
