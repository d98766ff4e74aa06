/**
 * The package parts that come out the same in every contract of a process, written by docx once.
 *
 * docx writes every part of every document afresh. Three of them hardly ever change:
 *
 * - the theme (docx's default: a large tree of components, never given options here) took a
 *   contract of a batch 1.5 ms of the ~30 its DOCX takes, to format alone, and its XML never
 *   changes;
 * - the styles (0.7 ms) depend on the font families alone, and on the ids of the lists their
 *   heading and clause styles are bound to;
 * - the numbering (0.4 ms) on its lists alone: the same definitions in every contract, and one
 *   list per place a contract restarts its numbering, which a batch's contracts share.
 *
 * A part is kept by what its XML depends on: the theme by nothing, the styles by the families and
 * their lists' ids, the numbering by its lists. When a later document's part reads the same, the part's component stands
 * in as a placeholder element, which `settleKeptParts` replaces with the kept XML, as reuse.ts does
 * for paragraphs. Formatting the styles declares their lists to the numbering (docx gives a list
 * its id on first use); the stand-in declares them as formatting would, before it compares ids.
 */
import type { File, IStylesOptions } from 'docx';
import { LruMap } from '../../lru.js';
import { NUMBERING } from './numbering.js';

const THEME_PART = 'word/theme/theme1.xml';
const STYLES_PART = 'word/styles.xml';
const NUMBERING_PART = 'word/numbering.xml';
type KeptPart = typeof THEME_PART | typeof STYLES_PART | typeof NUMBERING_PART;

const placeholder = (part: KeptPart): string => `<contract-kept part="${part}"/>`;
const placeholderXml = (part: KeptPart) => ({ 'contract-kept': { _attr: { part } } });

const decoder = new TextDecoder();

/** Each part's XML by what it depends on: the theme on nothing, styles and numbering as above (a batch of one template needs one of each). */
const keptXml = new LruMap<string, string>(16);

/** What a document being compiled takes from the kept parts, and what it will keep. */
interface Compiling {
  /** Parts standing in as placeholders, with the XML each stands for. */
  readonly standing: Map<KeptPart, string>;
  /** Parts formatted by docx, with the key to keep their XML by. */
  readonly keys: Map<KeptPart, string>;
}
const compiling = new WeakMap<File, Compiling>();

/** How many documents took each part from the kept ones, since the process started. */
const reused = new Map<KeptPart, number>();

/** Documents that took each part from an earlier one since the process started (for tests). */
export function keptPartStats(): Readonly<Record<'theme' | 'styles' | 'numbering', number>> {
  return { theme: reused.get(THEME_PART) ?? 0, styles: reused.get(STYLES_PART) ?? 0, numbering: reused.get(NUMBERING_PART) ?? 0 };
}

/** Forgets the parts kept (tests compare renders with and without). */
export function forgetKeptParts(): void {
  keptXml.clear();
}

/**
 * Before docx compiles `file`, whose styles were made from `styles` (`stylesKey`: what they were
 * made from): each part kept from an earlier document stands in as a placeholder.
 */
export function standInKeptParts(file: File, styles: IStylesOptions, stylesKey: string): void {
  const state: Compiling = { standing: new Map(), keys: new Map() };
  compiling.set(file, state);
  const formatTheme = file.Theme.prepForXml.bind(file.Theme);
  Object.defineProperty(file.Theme, 'prepForXml', {
    value: (context: Parameters<File['Theme']['prepForXml']>[0]) => standIn(state, THEME_PART, 'theme', () => formatTheme(context)),
  });
  const lists = listsOfStyles(styles);
  if (lists !== undefined) keepStyles(file, state, lists, stylesKey);
  keepNumbering(file, state);
}

function keepStyles(file: File, state: Compiling, lists: readonly string[], stylesKey: string): void {
  const formatStyles = file.Styles.prepForXml.bind(file.Styles);
  Object.defineProperty(file.Styles, 'prepForXml', {
    value: (context: Parameters<File['Styles']['prepForXml']>[0]) => {
      // What formatting the styles declares first, in the same order: their lists' ids depend on it.
      for (const reference of lists) file.Numbering.createConcreteNumberingInstance(reference, 0);
      const key = `styles\n${stylesKey}\n${listIds(file, lists)}`;
      return standIn(state, STYLES_PART, key, () => formatStyles(context));
    },
  });
}

function keepNumbering(file: File, state: Compiling): void {
  const formatNumbering = file.Numbering.prepForXml.bind(file.Numbering);
  Object.defineProperty(file.Numbering, 'prepForXml', {
    value: (context: Parameters<File['Numbering']['prepForXml']>[0]) => {
      const key = numberingKey(file);
      return key === undefined ? formatNumbering(context) : standIn(state, NUMBERING_PART, `numbering\n${key}`, () => formatNumbering(context));
    },
  });
}

/** The placeholder if `key`'s XML is kept, else the part formatted, to be kept by `key`. */
function standIn<T>(state: Compiling, part: KeptPart, key: string, format: () => T): T | ReturnType<typeof placeholderXml> {
  const kept = keptXml.get(key);
  if (kept !== undefined) {
    state.standing.set(part, kept);
    return placeholderXml(part);
  }
  state.keys.set(part, key);
  return format();
}

/** After docx compiled `file`: placeholders replaced by the kept XML, and the parts docx wrote kept. */
export function settleKeptParts(parts: Map<string, string | Uint8Array>, file: File): void {
  const state = compiling.get(file);
  compiling.delete(file);
  for (const part of [THEME_PART, STYLES_PART, NUMBERING_PART] as const) {
    const data = parts.get(part);
    // Text from docx's compiler, bytes from its public Packer's zip (package.ts).
    const written = typeof data === 'string' ? data : data === undefined ? undefined : decoder.decode(data);
    const kept = state?.standing.get(part);
    if (kept !== undefined) {
      if (written === undefined || !written.endsWith(placeholder(part))) throw new Error(`docx kept parts: ${part} was not written as its placeholder`);
      parts.set(part, kept);
      reused.set(part, (reused.get(part) ?? 0) + 1);
      continue;
    }
    const key = state?.keys.get(part);
    // A copy: docx's string may be built of pieces of more than the part.
    if (written !== undefined && key !== undefined) keptXml.set(key, Buffer.from(written).toString());
  }
}

/**
 * The lists the styles are bound to, in the order formatting them declares them; undefined if a
 * style names its list in a way this module does not replay (a definition, an instance, a restart).
 */
const stylesLists = new WeakMap<IStylesOptions, readonly string[] | undefined>();
function listsOfStyles(styles: IStylesOptions): readonly string[] | undefined {
  if (stylesLists.has(styles)) return stylesLists.get(styles);
  const lists = new Set<string>();
  let plain = true;
  for (const style of styles.paragraphStyles ?? []) {
    const numbering = style.paragraph?.numbering;
    if (numbering === undefined || numbering === false) continue;
    if (typeof numbering.reference === 'string' && (numbering.instance ?? 0) === 0 && !numbering.restart) lists.add(numbering.reference);
    else plain = false;
  }
  const found = plain ? [...lists] : undefined;
  stylesLists.set(styles, found);
  return found;
}

/** The ids docx gave the lists' first instances in this document. */
function listIds(file: File, lists: readonly string[]): string {
  const ids: string[] = [];
  for (const num of file.Numbering.ConcreteNumbering) {
    if (num.instance === 0 && num.restartedListId === undefined && lists.includes(num.reference)) ids.push(`${num.reference}=${num.numId}`);
  }
  return ids.join(' ');
}

/** The level definitions of NUMBERING, the only ones this renderer gives docx. */
const OUR_LEVELS = new Set<unknown>(NUMBERING.config.map((list) => list.levels));

/**
 * What the numbering's XML depends on: its lists, each with its id, definition and instance. The
 * definitions are NUMBERING's and docx's default bullets; a document with others is not kept.
 */
function numberingKey(file: File): string | undefined {
  const definitions = file.Numbering.ReferenceConfig;
  if (definitions.length !== OUR_LEVELS.size || !definitions.every((levels) => OUR_LEVELS.has(levels))) return undefined;
  const lists: string[] = [];
  for (const num of file.Numbering.ConcreteNumbering) lists.push(`${num.numId} ${num.reference} ${num.instance} ${num.restartedListId ?? ''}`);
  return lists.join('\n');
}
