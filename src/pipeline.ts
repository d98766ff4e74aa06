import { ContractError, text, type Diagnostic } from './diagnostics.js';
import { composeContract } from './compose/compose.js';
import { buildDocument } from './model/from-markdown.js';
import type { ContractDocument } from './model/types.js';
import { parseParamsText, validateParams, type LoadedParams } from './params/index.js';
import type { ContractParams } from './params/types.js';
import { checkGlyphs } from './glyph-check.js';
import type { FontChoice, FontSet } from './fonts/index.js';

import type { Format } from './formats.js';
export { FORMATS, type Format } from './formats.js';

export interface RenderOptions {
  /** Formats to produce; default docx and pdf. */
  readonly formats?: readonly Format[];
  /**
   * A draft: missing required values are accepted (each a warning, printed as ____), unfilled
   * optional blanks print as ____, and every page carries a 草稿 DRAFT mark.
   */
  readonly draft?: boolean;
  /** Key paths left open in a draft, as validate() returns them; they print as blanks. generate() passes them itself. */
  readonly open?: readonly (readonly (string | number)[])[];
  /** A folder whose files override built-in templates of the same name. */
  readonly templatesDir?: string;
  /** Seconds since the epoch for every date inside the files; makes output byte-identical. */
  readonly sourceDateEpoch?: number;
  /** PDF/A-2b for archiving. */
  readonly pdfa?: boolean;
  /**
   * Keep encoded font subsets on disk between runs (CONTRACT_CACHE_DIR, XDG_CACHE_HOME or
   * ~/.cache; CONTRACT_CACHE=0 turns it off). The bytes are identical either way. The CLI
   * turns it on; library callers opt in.
   */
  readonly diskCache?: boolean;
  /**
   * Fonts of the PDF, a font file (`x.ttc#2`) or an installed family for each role; these
   * override the params' `document.fonts` (the CLI's --font). Relative files: the working folder.
   */
  readonly fonts?: FontChoice;
}

export interface RenderedOutput {
  readonly format: Format;
  readonly data: Uint8Array;
}

export interface GeneratedContract {
  readonly params: ContractParams;
  readonly document: ContractDocument;
  readonly outputs: readonly RenderedOutput[];
  /** Warnings of validation (errors throw a ContractError instead). */
  readonly warnings: readonly Diagnostic[];
}

/** Input of the library API: YAML text, an already parsed file, or a params object. */
export type ParamsInput = { readonly yaml: string | Uint8Array; readonly file?: string } | LoadedParams | Record<string, unknown>;

const isLoaded = (input: ParamsInput): input is LoadedParams =>
  typeof (input as LoadedParams).locate === 'function' && 'value' in input;
const isYaml = (input: ParamsInput): input is { yaml: string | Uint8Array; file?: string } =>
  'yaml' in input && (typeof input.yaml === 'string' || input.yaml instanceof Uint8Array);

/** The fonts a validated input asks for (params, overridden by options), or why they cannot be used. */
async function chooseFonts(params: ContractParams, loaded: unknown, overrides: FontChoice | undefined) {
  const { fontRequests, resolveFontSet } = await import('./fonts/index.js');
  const requests = fontRequests(params.document?.fonts, isLoaded(loaded as ParamsInput) ? (loaded as LoadedParams) : undefined, overrides);
  return { requests, ...resolveFontSet(requests) };
}

/**
 * Parses (if needed) and validates; every problem of the input at once. With `draft`, missing
 * required values are warnings and `open` lists them (pass it to buildContract).
 */
export async function validate(
  input: ParamsInput,
  options: { readonly fonts?: FontChoice; readonly draft?: boolean } = {},
): Promise<{ params?: ContractParams; diagnostics: readonly Diagnostic[]; open?: readonly (readonly (string | number)[])[] }> {
  let loaded: LoadedParams | Record<string, unknown>;
  try {
    loaded = isYaml(input) ? parseParamsText(input.yaml, input.file ?? '<input>') : input;
  } catch (error) {
    if (error instanceof ContractError) return { diagnostics: error.diagnostics };
    throw error;
  }
  const result = validateParams(loaded, { draft: options.draft ?? false });
  if (!result.params) return result;
  const chosen = await chooseFonts(result.params, loaded, options.fonts);
  if (chosen.fonts === undefined) return { diagnostics: [...result.diagnostics, ...chosen.diagnostics] };
  const { coreCoverageDiagnostics } = await import('./fonts/index.js');
  const unusable = coreCoverageDiagnostics(chosen.requests, chosen.fonts);
  if (unusable.length > 0) return { diagnostics: [...result.diagnostics, ...unusable] };
  const glyphProblems = await checkGlyphs(isLoaded(loaded) ? loaded : undefined, isLoaded(loaded) ? loaded.value : loaded, chosen.fonts);
  if (glyphProblems.length > 0) return { diagnostics: [...result.diagnostics, ...glyphProblems] };
  return result;
}

/** Builds the document model: templates rendered, Markdown parsed, numbering resolved. */
export async function buildContract(params: ContractParams, options: RenderOptions = {}): Promise<ContractDocument> {
  const draft = options.draft ?? false;
  const open = draft ? (options.open ?? []) : [];
  const composed = await composeContract(params, { draft, open, ...(options.templatesDir ? { templatesDir: options.templatesDir } : {}) });
  return buildDocument(composed, params, { draft });
}

/** The fonts of a render: given, or named by the options or by the document's metadata. */
async function fontsFor(document: ContractDocument, options: RenderOptions): Promise<FontSet> {
  const { fontRequests, resolveFontSet } = await import('./fonts/index.js');
  const { FONT_FAMILIES } = await import('./render/house-style.js');
  const named = document.meta.fonts;
  // A role the metadata leaves at the house style's DOCX name is the PDF's default font.
  const fromMeta = named && {
    ...(named.body !== FONT_FAMILIES.body.docx ? { body: named.body } : {}),
    ...(named.heading !== FONT_FAMILIES.heading.docx ? { heading: named.heading } : {}),
  };
  const { fonts, diagnostics } = resolveFontSet(fontRequests(undefined, undefined, options.fonts ?? fromMeta));
  if (fonts === undefined) throw new ContractError(diagnostics);
  return fonts;
}

/** Renders one document model to the requested formats; renderers load only when asked for. */
export async function renderDocument(document: ContractDocument, options: RenderOptions = {}, fonts?: FontSet): Promise<RenderedOutput[]> {
  const formats = options.formats ?? ['docx', 'pdf'];
  const timing = options.sourceDateEpoch !== undefined ? { sourceDateEpoch: options.sourceDateEpoch } : {};
  const outputs: RenderedOutput[] = [];
  for (const format of formats) {
    switch (format) {
      case 'docx': {
        const { renderDocx } = await import('./render/docx/index.js');
        outputs.push({ format, data: await renderDocx(document, timing) });
        break;
      }
      case 'pdf': {
        const { renderPdf } = await import('./render/pdf/index.js');
        const store = options.diskCache ? (await import('./output/subset-store.js')).diskSubsetStore() : undefined;
        const pdfFonts = fonts ?? (await fontsFor(document, options));
        outputs.push({ format, data: await renderPdf(document, { ...timing, pdfa: options.pdfa ?? false, fonts: pdfFonts, ...(store ? { subsetStore: store } : {}) }) });
        break;
      }
      case 'md': {
        const { renderMarkdown } = await import('./render/markdown/index.js');
        outputs.push({ format, data: new TextEncoder().encode(renderMarkdown(document)) });
        break;
      }
    }
  }
  return outputs;
}

/**
 * The whole pipeline in memory: params in, file contents out. Throws a ContractError with
 * every diagnostic when the input is invalid; nothing is rendered then.
 */
export async function generate(input: ParamsInput, options: RenderOptions = {}): Promise<GeneratedContract> {
  const loaded = isYaml(input) ? parseParamsText(input.yaml, input.file ?? '<input>') : input;
  const { params, diagnostics, open } = await validate(loaded, { draft: options.draft ?? false, ...(options.fonts ? { fonts: options.fonts } : {}) });
  if (!params) throw new ContractError(diagnostics.length > 0 ? diagnostics : [{ kind: 'internal', severity: 'error', code: 'internal', message: text('validation failed', '校验失败') }]);
  const built = await buildContract(params, { ...options, ...(open ? { open } : {}) });
  // Resolved once already by validate (memoized): no second read of a font file.
  const { requests, fonts } = await chooseFonts(params, loaded, options.fonts);
  if (fonts === undefined) throw new ContractError(diagnostics);
  let document = built;
  if (fonts.chosen) {
    const { documentText, missingGlyphs, uncoveredTextDiagnostics } = await import('./fonts/index.js');
    const all = documentText(built);
    const problems = uncoveredTextDiagnostics(requests, fonts, { body: missingGlyphs(all, [fonts.body]), heading: missingGlyphs(all, [fonts.heading]) });
    if (problems.length > 0) throw new ContractError(problems);
    // A role left to the default keeps the house style's DOCX family (宋体 / 黑体).
    const { FONT_FAMILIES } = await import('./render/house-style.js');
    const family = (role: 'body' | 'heading') => (requests[role] !== undefined ? fonts[role].family : FONT_FAMILIES[role].docx);
    document = { ...built, meta: { ...built.meta, fonts: { body: family('body'), heading: family('heading') } } };
  }
  const outputs = await renderDocument(document, options, fonts);
  return { params, document, outputs, warnings: diagnostics.filter((d) => d.severity === 'warning') };
}
