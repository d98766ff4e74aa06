/**
 * The package part that is the same in every contract of a process, written by docx once.
 *
 * docx writes every part of every document afresh. Its theme (docx's default: a large tree of
 * components, never given options here) took a contract of a batch 1.5 ms of the ~30 its DOCX
 * takes, to format alone (timing docx's formatter per part), and its XML never changes. The first
 * document of a process keeps the XML docx wrote for it; in a later one the Theme component stands
 * in as a placeholder element, which `settleKeptParts` replaces with that XML, as reuse.ts does
 * for paragraphs.
 *
 * The styles are not kept although they hardly change: formatting them declares their outline
 * lists' instances to the document's numbering, whose ids the styles' XML then carries.
 */
import type { File } from 'docx';

const THEME_PART = 'word/theme/theme1.xml';
const PLACEHOLDER = `<contract-kept part="${THEME_PART}"/>`;

const decoder = new TextDecoder();

/** The theme's XML, as docx wrote it in the first document of the process. */
let themeXml: string | undefined;
/** The documents being compiled with their theme standing in, and the XML it stands for. */
const standingIn = new WeakMap<File, string>();

/** Forgets the part kept (tests compare renders with and without). */
export function forgetKeptParts(): void {
  themeXml = undefined;
}

/** Before docx compiles `file`: a theme kept from an earlier document stands in as a placeholder. */
export function standInKeptParts(file: File): void {
  if (themeXml === undefined) return;
  Object.defineProperty(file.Theme, 'prepForXml', { value: () => ({ 'contract-kept': { _attr: { part: THEME_PART } } }) });
  standingIn.set(file, themeXml);
}

/** After docx compiled `file`: the placeholder replaced by the kept XML, or the theme kept. */
export function settleKeptParts(parts: Map<string, string | Uint8Array>, file: File): void {
  const data = parts.get(THEME_PART);
  // Text from docx's compiler, bytes from its public Packer's zip (package.ts).
  const written = typeof data === 'string' ? data : data === undefined ? undefined : decoder.decode(data);
  const kept = standingIn.get(file);
  if (kept !== undefined) {
    standingIn.delete(file);
    if (written === undefined || !written.endsWith(PLACEHOLDER)) throw new Error(`docx kept parts: ${THEME_PART} was not written as its placeholder`);
    parts.set(THEME_PART, kept);
  } else if (themeXml === undefined && written !== undefined) {
    // A copy: docx's string may be built of pieces of more than the part.
    themeXml = Buffer.from(written).toString();
  }
}
