/**
 * The fonts that come with the tool: Noto Sans Hans (OFL) from the @embedpdf/fonts-sc package,
 * Regular for body text and Bold for headings. Opened once per process (each batch worker too),
 * table by table, the outlines glyph by glyph (face.ts).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { faceFromFile, type FontFace } from './face.js';

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

export function bundledFace(style: BundledStyle): FontFace {
  let face = opened.get(style);
  if (face === undefined) {
    face = faceFromFile(bundledFontPath(style));
    opened.set(style, face);
  }
  return face;
}

/** Paths of the bundled font files (for tests and messages). */
export const bundledFontPath = (style: BundledStyle): string => join(bundledFontDir(), FILES[style]);
