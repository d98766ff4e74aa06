/**
 * From a docx `File` to the bytes of the .docx. docx builds every part; this module only
 * makes the package reproducible and zips it, the two things docx's Packer cannot do:
 *
 * - its core properties are dated with the current time and its watermark shapes get random
 *   ids, so the same contract would give different bytes on every run. Here the dates become
 *   SOURCE_DATE_EPOCH (or now) and the shape ids are numbered in document order;
 * - it writes every list as a simple list (hybridMultilevel) with every level marked tentative,
 *   Word's mark for a level no paragraph uses. The outline lists here (articles, sections,
 *   annexes) are multilevel lists bound to heading styles, and their levels are used;
 * - it cannot switch off the quarter em Word puts between Chinese text and Latin letters or digits
 *   (w:autoSpaceDE; its w:autoSpaceDN comes out of schema order): the PDF sets 3年 and 99.9% tight,
 *   so the Normal style gets both here, where the schema puts them (before w:spacing);
 * - its zip entries carry the current time, and it deflates in JavaScript, which in a fresh
 *   process costs tens of milliseconds. Here the parts are zipped with Node's native deflate and
 *   fixed entry dates (reproducible.ts).
 *
 * The parts come from docx's own compiler, the step of `Packer.pack` before zipping, which docx
 * keeps as a private member; if a docx release moves it, the public `Packer.pack` is used and its
 * zip unpacked, which is slower and gives the same bytes.
 */
import { Packer, type File } from 'docx';
import { zipParts } from './reproducible.js';
import { settleKeptParts } from './kept-parts.js';
import { settleReuse } from './reuse.js';

type Parts = ReadonlyMap<string, string | Uint8Array>;

interface Compiler {
  compile(file: File): Parts;
}

function compiler(): Compiler | undefined {
  const candidate = (Packer as unknown as { compiler?: Partial<Compiler> }).compiler;
  return typeof candidate?.compile === 'function' ? (candidate as Compiler) : undefined;
}

/**
 * The package's parts by path, as docx writes them, with reused paragraphs and kept parts put back
 * (reuse.ts, kept-parts.ts); document.xml is then UTF-8 already.
 */
export async function compileParts(file: File, options: { viaPacker?: boolean } = {}): Promise<Parts> {
  const direct = options.viaPacker ? undefined : compiler();
  const parts = new Map(direct ? direct.compile(file) : await partsViaPacker(file));
  const body = parts.get(DOCUMENT_PART);
  if (body !== undefined) parts.set(DOCUMENT_PART, settleReuse(typeof body === 'string' ? body : decoder.decode(body), file));
  settleKeptParts(parts, file);
  return parts;
}

/** The fallback: docx's public Packer, its zip unpacked. fflate loads only then (at load it builds its tables and loads worker_threads). */
async function partsViaPacker(file: File): Promise<[string, Uint8Array][]> {
  const { unzipSync } = await import('fflate');
  return Object.entries(unzipSync(await Packer.pack(file, 'uint8array')));
}

const DOCUMENT_PART = 'word/document.xml';

/** W3CDTF without milliseconds, as Word writes it. */
export const w3cdtf = (epochMs: number): string => new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');

const CONTENT_TYPES = '[Content_Types].xml';
const decoder = new TextDecoder();

/** The parts with fixed dates and ids, [Content_Types].xml first, zipped. */
export function packParts(parts: Parts, epochMs: number): Uint8Array {
  const date = w3cdtf(epochMs);
  let shapes = 0;
  const ordered = [...parts].sort(([a], [b]) => Number(b === CONTENT_TYPES) - Number(a === CONTENT_TYPES));
  const normalised = ordered.map(([path, data]): [string, string | Uint8Array] => {
    if (path === 'docProps/core.xml') {
      const xml = typeof data === 'string' ? data : decoder.decode(data);
      return [path, xml.replace(/(<dcterms:(?:created|modified)\b[^>]*>)[^<]*(<\/dcterms:)/g, `$1${date}$2`)];
    }
    if (path === 'word/styles.xml') return [path, tightLatin(typeof data === 'string' ? data : decoder.decode(data))];
    if (path === 'word/numbering.xml') return [path, outlineLists(typeof data === 'string' ? data : decoder.decode(data))];
    if (/^word\/header\d+\.xml$/.test(path)) {
      const xml = typeof data === 'string' ? data : decoder.decode(data);
      return [path, xml.replace(/\bid="(PowerPlusWaterMarkObject)[^"]*"/g, (_m, prefix: string) => `id="${prefix}${++shapes}"`)];
    }
    return [path, data];
  });
  return zipParts(normalised, epochMs);
}

/** Lists bound to paragraph styles become multilevel lists; no level is tentative. */
function outlineLists(xml: string): string {
  return xml
    .replace(/<w:abstractNum\b[\s\S]*?<\/w:abstractNum>/g, (list) =>
      list.includes('<w:pStyle ') ? list.replace('<w:multiLevelType w:val="hybridMultilevel"/>', '<w:multiLevelType w:val="multilevel"/>') : list,
    )
    .replace(/ w:tentative="1"/g, '');
}

/** No space added between Chinese and Latin text in the Normal style (and so in every style). */
function tightLatin(xml: string): string {
  return xml.replace(/(<w:style\b[^>]*w:styleId="Normal"[^>]*>[\s\S]*?<w:pPr>[\s\S]*?)(<w:spacing\b)/, '$1<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>$2');
}
