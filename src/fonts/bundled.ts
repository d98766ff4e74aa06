/**
 * The fonts that come with the tool: Noto Sans Hans (OFL) from the @embedpdf/fonts-sc package,
 * Regular for body text and Bold for headings. Opened once per process, table by table.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { faceFromFile, faceFromSharedFile, readShared, type FontFace } from './face.js';

export type BundledStyle = 'regular' | 'bold';

const FILES: Readonly<Record<BundledStyle, string>> = {
  regular: 'NotoSansHans-Regular.otf',
  bold: 'NotoSansHans-Bold.otf',
};

let fontDir: string | undefined;
const opened = new Map<BundledStyle, FontFace>();

function bundledFontDir(): string {
  if (fontDir === undefined) {
    // The package does not export ./package.json; its main entry sits in dist/, fonts/ beside it.
    const entry = createRequire(import.meta.url).resolve('@embedpdf/fonts-sc');
    fontDir = join(dirname(entry), '..', 'fonts');
  }
  return fontDir;
}

/** The bundled font files as shared memory, given to worker threads (see useSharedBundledFonts). */
const shared = new Map<BundledStyle, Uint8Array>();

export function bundledFace(style: BundledStyle): FontFace {
  let face = opened.get(style);
  if (face === undefined) {
    const bytes = shared.get(style);
    face = bytes === undefined ? faceFromFile(bundledFontPath(style)) : faceFromSharedFile(bytes, bundledFontPath(style));
    opened.set(style, face);
  }
  return face;
}

/**
 * The bundled font files, read into memory that worker threads can share: each worker of a
 * batch would otherwise read its own copy of their outlines (16 MB; peak RSS of a two-worker
 * batch, `npm run bench`). Read once per process.
 */
export function shareBundledFonts(): Readonly<Record<BundledStyle, Uint8Array>> {
  for (const style of ['regular', 'bold'] as const) if (!shared.has(style)) shared.set(style, readShared(bundledFontPath(style)));
  return { regular: shared.get('regular')!, bold: shared.get('bold')! };
}

/** In a worker: the bundled fonts come from these shared bytes (from shareBundledFonts). */
export function useSharedBundledFonts(files: Readonly<Record<BundledStyle, Uint8Array>>): void {
  for (const style of ['regular', 'bold'] as const) {
    if (!opened.has(style) && files[style] instanceof Uint8Array) shared.set(style, files[style]);
  }
}

/** Paths of the bundled font files (for tests and messages). */
export const bundledFontPath = (style: BundledStyle): string => join(bundledFontDir(), FILES[style]);
