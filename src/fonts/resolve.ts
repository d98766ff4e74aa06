/**
 * From what a user wrote (`document.fonts.body` or `--font body=…`) to a font face:
 * - a font file: `fonts/simsun.ttc`, `/usr/share/fonts/x.otf`, a face of a collection as
 *   `NotoSerifCJK-Regular.ttc#2` (the first face is #0); read whole, with a size cap;
 * - a family name: `Noto Serif CJK SC`, `SimSun`, `宋体`, matched against the installed fonts
 *   (any language's name, case, spaces and hyphens ignored); the face of the family nearest
 *   to the role's weight is taken (400 for body text, 700 for headings).
 */
import { isAbsolute, resolve } from 'node:path';
import { readBounded } from '../io/read-bounded.js';
import { FaceError, faceCount, faceFromBytes, type FontFace } from './face.js';
import { faceNames, tableOffsets, collectionOffsets, sfntKind } from './sfnt.js';
import { probeFile, systemFaces, type SystemFace } from './system.js';

export type FontRole = 'body' | 'heading';

/**
 * The largest font file read. CJK collections are big (Noto Serif CJK Bold.ttc 27 MB,
 * macOS Songti.ttc 65 MB, PingFang.ttc 75 MB); 128 MB takes all of these and still refuses
 * a file that is plainly not a font.
 */
export const MAX_FONT_BYTES = 128 * 1024 * 1024;

export type FontErrorReason =
  | 'missing'
  | 'unreadable'
  | 'not-a-file'
  | 'is-directory'
  | 'too-large'
  | 'not-a-font'
  | 'no-such-face'
  | 'unsupported-outlines'
  | 'family-not-found'
  | 'bad-spec';

export class FontError extends Error {
  constructor(
    readonly reason: FontErrorReason,
    message: string,
    /** Families that look like the one asked for. */
    readonly suggestions: readonly string[] = [],
  ) {
    super(message);
    this.name = 'FontError';
  }
}

const FONT_EXTENSION = /\.(otf|ttf|ttc|otc)$/i;

/** A spec names a file when it has a folder separator or a font file extension (before any `#n`). */
export function isFontFileSpec(spec: string): boolean {
  const path = spec.replace(/#\d+$/, '');
  return /[/\\]/.test(path) || FONT_EXTENSION.test(path) || path.startsWith('.') || path.startsWith('~');
}

/** `file.ttc#2` -> file.ttc and face 2; a file without `#n` is face 0. */
export function parseFileSpec(spec: string): { readonly path: string; readonly index: number; readonly indexGiven: boolean } {
  const m = /^(.*?)#(\d{1,4})$/.exec(spec);
  if (m) return { path: m[1]!, index: Number(m[2]), indexGiven: true };
  return { path: spec, index: 0, indexGiven: false };
}

const normalise = (name: string): string => name.normalize('NFKC').toLowerCase().replace(/[\s_-]+/g, '');

function fileFace(spec: string, baseDir: string): FontFace {
  const { path, index } = parseFileSpec(spec.trim());
  const absolute = isAbsolute(path) ? path : resolve(baseDir, path.replace(/^~(?=$|[/\\])/, process.env['HOME'] ?? '~'));
  const read = readBounded(absolute, MAX_FONT_BYTES);
  if (!read.ok) {
    const why: Record<typeof read.reason, string> = {
      missing: 'no such file',
      unreadable: `cannot be read${read.detail ? ` (${read.detail})` : ''}`,
      'not-a-file': 'is not a regular file',
      'is-directory': 'is a folder, not a font file',
      'too-large': `is larger than ${MAX_FONT_BYTES / 1024 / 1024} MB`,
    };
    throw new FontError(read.reason, `${path}: ${why[read.reason]}`);
  }
  let face: FontFace;
  try {
    face = faceFromBytes(read.data, index, path);
  } catch (error) {
    if (error instanceof FaceError) {
      if (error.reason === 'no-such-face') {
        throw new FontError('no-such-face', `${path} has no face #${index}: it holds faces #0 to #${(error.faces ?? 1) - 1}`, facesList(read.data));
      }
      throw new FontError(error.reason, error.reason === 'unsupported-outlines' ? `${path}: ${error.message}` : `${path} is not an OpenType or TrueType font`);
    }
    throw error;
  }
  if (face.outline === 'cff2') {
    throw new FontError('unsupported-outlines', `${path}: variable CFF2 outlines are not supported; use a static OpenType or a TrueType font`);
  }
  return face;
}

/** `#n  Family Style` for each face of a collection, to show with a wrong index. */
function facesList(bytes: Uint8Array): string[] {
  try {
    const offsets = sfntKind(bytes) === 'collection' ? collectionOffsets(bytes) : [0];
    return offsets.map((at, i) => {
      const dir = tableOffsets(bytes, at);
      const names = faceNames((tag) => {
        const r = dir.get(tag);
        return r && r.offset + r.length <= bytes.length ? bytes.subarray(r.offset, r.offset + r.length) : undefined;
      });
      return `#${i} ${names.family} ${names.style}`;
    });
  } catch {
    return [];
  }
}

/** How far a face is from what a role wants: upright first, then the nearest weight. */
function distance(face: { readonly style: string; readonly weight: number }, role: FontRole): number {
  const slanted = /italic|oblique/i.test(face.style) ? 10_000 : 0;
  const target = role === 'body' ? 400 : 700;
  // For headings, a lighter face than asked is a worse miss than a heavier one.
  const miss = face.weight - target;
  return slanted + (role === 'heading' && miss < 0 ? -2 * miss : Math.abs(miss));
}

function familyFace(name: string, role: FontRole, faces: readonly SystemFace[]): FontFace {
  const wanted = normalise(name);
  const files = new Set(faces.filter((f) => f.families.some((family) => normalise(family) === wanted)).map((f) => f.file));
  if (files.size === 0) throw new FontError('family-not-found', `no installed font family is named "${name}"`, suggest(name, faces));
  // The faces of those files that carry the family (a collection mixes families), best first.
  const candidates = [...files]
    .sort()
    .flatMap((file) => probeFile(file))
    .filter((p) => p.families.some((family) => normalise(family) === wanted))
    .sort((a, b) => distance(a, role) - distance(b, role) || a.file.localeCompare(b.file) || a.index - b.index);
  for (const c of candidates) {
    try {
      return fileFace(isCollection(c.file) ? `${c.file}#${c.index}` : c.file, '/');
    } catch {
      // An unreadable candidate: the next face of the family may do.
    }
  }
  throw new FontError('unreadable', `the fonts of family "${name}" cannot be read`);
}

const isCollection = (file: string): boolean => /\.(ttc|otc)$/i.test(file);

/** Up to five installed families whose names share a word with the one asked for. */
function suggest(name: string, faces: readonly SystemFace[]): string[] {
  const words = name.toLowerCase().split(/[\s_-]+/).filter((w) => w.length >= 2);
  const wanted = normalise(name);
  const families = new Set<string>();
  for (const f of faces) for (const family of f.families) families.add(family);
  const scored = [...families]
    .map((family) => {
      const n = normalise(family);
      const shared = words.filter((w) => family.toLowerCase().includes(w)).length;
      return { family, score: shared + (n.includes(wanted) || wanted.includes(n) ? 2 : 0) };
    })
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.family.length - b.family.length || a.family.localeCompare(b.family));
  return scored.slice(0, 5).map((s) => s.family);
}

const memo = new Map<string, FontFace>();

/**
 * The face a spec names for a role. Relative file names resolve against `baseDir` (the folder
 * of the params file that names them, or the working folder for the CLI). Throws FontError.
 * Resolved once per process for each spec, role and folder.
 */
export function resolveFont(spec: string, role: FontRole, baseDir: string): FontFace {
  const trimmed = spec.trim();
  if (trimmed === '') throw new FontError('bad-spec', 'a font is a file name or a family name, not empty');
  const file = isFontFileSpec(trimmed);
  const key = `${role}\0${file ? resolve(baseDir, trimmed) : normalise(trimmed)}`;
  let face = memo.get(key);
  if (face === undefined) {
    face = file ? fileFace(trimmed, baseDir) : familyFace(trimmed, role, systemFaces());
    memo.set(key, face);
  }
  return face;
}

/** Number of faces of a font file in memory (for tests and messages). */
export { faceCount };
