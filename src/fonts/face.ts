/**
 * One font face, opened for layout and embedding: its names, its cmap and advances, the
 * metrics a PDF font descriptor needs, and its tables on demand. A face comes either from
 * bytes already in memory (a font file a user named, read whole and bounded) or from a file
 * read table by table with positional reads (the bundled font: 8 MB, of which a glyph check
 * needs only the 33 KB cmap).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
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
  readonly tags: readonly string[];
  /** Per code point, filled by glyphMetrics. */
  readonly glyphs: Map<number, GlyphMetrics>;
}

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

function makeFace(source: string, index: number, directory: Map<string, TableRecord>, read: (t: TableRecord) => Uint8Array): FontFace {
  const cache = new Map<string, Uint8Array>();
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

/** Tables at least this large stay views of shared memory; smaller ones are copied out. */
const SHARED_VIEW_MIN = 1 << 20;

/**
 * A face of a font file we ship, from its bytes in memory shared between threads (a batch's
 * workers share one copy of the bundled fonts instead of reading 16 MB each). The outline
 * table stays a view of the shared bytes; the small tables are copied out, since some APIs
 * (TextDecoder) refuse views of shared memory.
 */
export function faceFromSharedFile(bytes: Uint8Array, path: string): FontFace {
  const { at } = faceOffset(bytes, 0, path);
  const directory = tableOffsets(bytes, at);
  for (const [tag, r] of directory) {
    if (r.offset + r.length > bytes.length) throw new FaceError('not-a-font', `table ${tag.trim()} runs past the end of the file`);
  }
  return makeFace(path, 0, directory, (r) => {
    const view = bytes.subarray(r.offset, r.offset + r.length);
    return r.length >= SHARED_VIEW_MIN ? view : view.slice();
  });
}

/** The whole file at `path` in memory that worker threads can share. */
export function readShared(path: string): Uint8Array {
  return withFile(path, (fd) => {
    const size = fstatSync(fd).size;
    const out = new Uint8Array(new SharedArrayBuffer(size));
    let done = 0;
    while (done < size) {
      const n = readSync(fd, out, done, size - done, done);
      if (n === 0) throw new Error(`${path}: unexpected end of file`);
      done += n;
    }
    return out;
  });
}

/** `length` bytes at `position` of an open file, into a buffer of exactly that size. */
function readAt(fd: number, position: number, length: number, path: string): Uint8Array {
  const out = new Uint8Array(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, out, done, length - done, position + done);
    if (n === 0) throw new Error(`${path}: unexpected end of file`);
    done += n;
  }
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
    return makeFace(path, index, directory, (r) => eager.get(tagOf.get(r)!) ?? withFile(path, (fd2) => readAt(fd2, r.offset, r.length, path)));
  });
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

/** Characters that are layout controls, never drawn, so never "missing". */
const CONTROL = new Set(['\n', '\r', '\t']);

/** Characters of `text` that some of `faces` cannot draw, each once, in order of appearance. */
export function missingGlyphs(text: string, faces: readonly FontFace[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const ch of text) {
    if (seen.has(ch) || CONTROL.has(ch)) continue;
    seen.add(ch);
    const cp = ch.codePointAt(0)!;
    if (faces.some((f) => f.cmap.glyph(cp) === 0)) out.push(ch);
  }
  return out;
}
