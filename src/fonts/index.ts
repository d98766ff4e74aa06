/**
 * Fonts: resolving what a user names (a file, a face of a collection, an installed family),
 * reading a face's tables, and subsetting. Shared by the PDF renderer and the validation's
 * glyph check, so that checking text never loads a renderer.
 */
export { bundledFace, bundledFontPath } from './bundled.js';
export {
  coreCoverageDiagnostics,
  defaultFontSet,
  facesOf,
  fontRequests,
  resolveFontSet,
  uncoveredTextDiagnostics,
  type FontChoice,
  type FontOrigin,
  type FontRequest,
  type FontRequests,
  type FontSet,
  type Locator,
} from './choice.js';
export { documentText } from './coverage.js';
export { faceFromBytes, faceFromFile, glyphMetrics, missingGlyphs, type FontFace, type GlyphMetrics } from './face.js';
export { FontError, MAX_FONT_BYTES, isFontFileSpec, parseFileSpec, resolveFont, type FontRole } from './resolve.js';
