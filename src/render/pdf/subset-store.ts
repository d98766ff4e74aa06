/**
 * A persistent layer under the in-memory cache of compressed font subsets (embed-font.ts),
 * injected through PdfOptions so that the renderer stays pure: the disk implementation lives
 * in src/output/subset-store.ts.
 *
 * Keys are made of [A-Za-z0-9._-] only (safe as file names) and identify everything the
 * value depends on: the format version, the subsetter, the zlib version, the font file
 * (style and head checkSumAdjustment + modified date) and the glyph list (SHA-1). A value
 * read back must be the bytes that were stored; the renderer uses it as is, so the output is
 * the same on a hit or a miss.
 */
export interface SubsetStore {
  get(key: string): Uint8Array | undefined;
  set(key: string, value: Uint8Array): void;
}
