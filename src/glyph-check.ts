import { keyPathOf, text, type Diagnostic } from './diagnostics.js';
import type { FontSet } from './fonts/index.js';
import type { LoadedParams } from './params/index.js';

/**
 * Every character of the user's text must be printable with the contract's fonts (the
 * bundled ones, or those `fonts` names): a character they lack (emoji, CJK Extension B such
 * as 𠮷) would print as an empty box in the PDF. Such text is rejected with its location.
 */
export async function checkGlyphs(loaded: LoadedParams | undefined, value: unknown, fonts?: FontSet): Promise<Diagnostic[]> {
  // The fonts' cmaps only: checking text must not load the PDF writer.
  const { defaultFontSet, facesOf, missingGlyphs } = await import('./fonts/index.js');
  const faces = facesOf(fonts ?? defaultFontSet());
  const problems: Diagnostic[] = [];
  const visit = (node: unknown, path: (string | number)[]) => {
    // Font names are not contract text.
    if (path.length === 2 && path[0] === 'document' && path[1] === 'fonts') return;
    if (typeof node === 'string') {
      const missing = missingGlyphs(node, faces);
      if (missing.length === 0) return;
      const where = loaded?.locate(path);
      const shown = missing.map((c) => `"${c}" (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`).join(', ');
      problems.push({
        kind: 'schema',
        severity: 'error',
        code: 'unsupported-character',
        ...(where ? { file: where.file, line: where.line, column: where.column } : {}),
        keyPath: keyPathOf(path),
        message: text(
          `contains characters the contract font cannot print: ${shown}`,
          `包含合同字体无法显示的字符：${shown}`,
        ),
        hint: text(
          'replace them (e.g. a rare character by its common variant); emoji are not allowed in a contract',
          '请替换这些字符（如用常用字代替生僻字）；合同中不能使用表情符号',
        ),
      });
    } else if (Array.isArray(node)) node.forEach((item, i) => visit(item, [...path, i]));
    else if (node !== null && typeof node === 'object') for (const [k, v] of Object.entries(node)) visit(v, [...path, k]);
  };
  visit(value, []);
  return problems;
}
