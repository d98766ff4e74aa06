/**
 * The font faces installed on this machine, by family name: fontconfig's `fc-list` where it
 * exists (Linux, most BSDs), else a scan of the usual font folders (macOS, Windows, a bare
 * container). A scan reads only each file's table directory and name table, with positional
 * reads of a regular file, never a whole file.
 */
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { faceNames, sfntKind, tableOffsets, collectionOffsets, SFNT_HEADER_SIZE, TABLE_RECORD_SIZE } from './sfnt.js';

export interface SystemFace {
  readonly file: string;
  readonly index: number;
  /** Every family name of the face, in every language it gives. */
  readonly families: readonly string[];
}

const FONT_FILE = /\.(otf|ttf|ttc|otc)$/i;
/** Bounds of a scan, so that a huge or looping folder tree cannot stall the tool. */
const MAX_FILES = 5000;
const MAX_DEPTH = 6;

export function fontFolders(env: NodeJS.ProcessEnv = process.env): string[] {
  const home = homedir();
  const xdg = (env['XDG_DATA_DIRS'] ?? '/usr/local/share:/usr/share').split(':').filter(Boolean).map((d) => join(d, 'fonts'));
  const windows = env['WINDIR'] ? [join(env['WINDIR'], 'Fonts')] : [];
  const local = env['LOCALAPPDATA'] ? [join(env['LOCALAPPDATA'], 'Microsoft', 'Windows', 'Fonts')] : [];
  return [
    ...new Set([
      ...xdg,
      join(env['XDG_DATA_HOME'] ?? join(home, '.local', 'share'), 'fonts'),
      join(home, '.fonts'),
      '/Library/Fonts',
      '/System/Library/Fonts',
      '/System/Library/Fonts/Supplemental',
      join(home, 'Library', 'Fonts'),
      ...windows,
      ...local,
    ]),
  ];
}

/** Loaded when fc-list runs, not with this module: loading child_process costs every command ~5 ms. */
const childProcess = (): typeof import('node:child_process') => createRequire(import.meta.url)('node:child_process') as typeof import('node:child_process');

function fromFcList(): SystemFace[] | undefined {
  let out: string;
  try {
    out = childProcess().execFileSync('fc-list', ['--format', '%{file}\\t%{index}\\t%{family}\\n'], {
      encoding: 'utf8',
      timeout: 10_000,
      maxBuffer: 32 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return undefined;
  }
  const faces: SystemFace[] = [];
  for (const line of out.split('\n')) {
    const [file, index, families] = line.split('\t');
    if (!file || !families || !FONT_FILE.test(file)) continue;
    faces.push({ file, index: Number(index) || 0, families: families.split(',').map((f) => f.trim()).filter(Boolean) });
  }
  return faces;
}

function readAt(fd: number, position: number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, out, done, length - done, position + done);
    if (n === 0) throw new Error('unexpected end of file');
    done += n;
  }
  return out;
}

/** A face's names, style and weight, read without reading the whole file. */
export interface FaceProbe extends SystemFace {
  readonly style: string;
  readonly weight: number;
}

/** Every face of one font file, probed; [] for anything unreadable or not a font. */
export function probeFile(file: string): FaceProbe[] {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return [];
  }
  try {
    if (!fstatSync(fd).isFile()) return [];
    const start = readAt(fd, 0, SFNT_HEADER_SIZE);
    const kind = sfntKind(start);
    if (kind === 'unknown') return [];
    let offsets = [0];
    if (kind === 'collection') {
      const n = ((start[8]! << 24) | (start[9]! << 16) | (start[10]! << 8) | start[11]!) >>> 0;
      if (n > 1000) return [];
      offsets = collectionOffsets(readAt(fd, 0, 12 + 4 * n));
    }
    return offsets.map((at, index) => {
      const header = readAt(fd, at, SFNT_HEADER_SIZE);
      const n = (header[4]! << 8) | header[5]!;
      const dir = new Uint8Array(SFNT_HEADER_SIZE + n * TABLE_RECORD_SIZE);
      dir.set(header);
      dir.set(readAt(fd, at + SFNT_HEADER_SIZE, n * TABLE_RECORD_SIZE), SFNT_HEADER_SIZE);
      const directory = tableOffsets(dir);
      const tables = new Map<string, Uint8Array>();
      for (const tag of ['name', 'OS/2']) {
        const r = directory.get(tag);
        if (r !== undefined && r.length <= 1024 * 1024) tables.set(tag, readAt(fd, r.offset, r.length));
      }
      if (!tables.has('name')) return { file, index, families: [], style: '', weight: 400 };
      const names = faceNames((tag) => tables.get(tag));
      return { file, index, families: names.families, style: names.style, weight: names.weight };
    });
  } catch {
    return [];
  } finally {
    closeSync(fd);
  }
}

export function scanFolders(folders: readonly string[]): SystemFace[] {
  const faces: SystemFace[] = [];
  let files = 0;
  const walk = (dir: string, depth: number): void => {
    if (depth > MAX_DEPTH || files >= MAX_FILES) return;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path, depth + 1);
      else if ((e.isFile() || e.isSymbolicLink()) && FONT_FILE.test(e.name) && files++ < MAX_FILES) faces.push(...probeFile(path));
    }
  };
  for (const folder of folders) walk(folder, 0);
  return faces;
}

let cached: SystemFace[] | undefined;

/** Every installed face (listed once per process). */
export function systemFaces(): readonly SystemFace[] {
  cached ??= fromFcList() ?? scanFolders(fontFolders());
  return cached;
}
