/**
 * The faces the layout measures with: `regular` is the body font, `bold` the heading font
 * (headings, titles, table headers and strong text: a 黑体-style face beside a body face is
 * the Chinese convention for emphasis). Layout is synchronous, so the faces of the document
 * being laid out are set for the duration of its layout (withFonts); outside it, the
 * house style's bundled fonts.
 */
import { defaultFontSet, facesOf, missingGlyphs as missingIn, type FontFace, type FontSet } from '../../fonts/index.js';
import type { FontStyle } from './style.js';

export { glyphMetrics, type FontFace, type GlyphMetrics } from '../../fonts/index.js';

let active: FontSet | undefined;

export function loadFont(style: FontStyle): FontFace {
  const fonts = active ?? defaultFontSet();
  return style === 'regular' ? fonts.body : fonts.heading;
}

/** Run `f` (synchronous) with `fonts` as the faces of the layout. */
export function withFonts<T>(fonts: FontSet, f: () => T): T {
  const previous = active;
  active = fonts;
  try {
    return f();
  } finally {
    active = previous;
  }
}

/** Characters the faces of `fonts` (default: the bundled ones) cannot draw. */
export const missingGlyphs = (text: string, fonts: FontSet = defaultFontSet()): string[] => missingIn(text, facesOf(fonts));
