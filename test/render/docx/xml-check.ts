/**
 * A strict-enough XML 1.0 well-formedness check for tests (no xmllint here): one root,
 * balanced and properly nested tags, quoted unique attributes, only known or numeric
 * entity references, no character XML forbids. Returns the problems found.
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const NAME = /^[A-Za-z_][\w.:-]*$/;
const ENTITY = /&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)/;

export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  if (FORBIDDEN.test(xml)) problems.push('forbidden character');
  const stack: string[] = [];
  let roots = 0;
  let i = xml.startsWith('<?xml') ? xml.indexOf('?>') + 2 : 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt === -1 ? xml.length : lt);
    if (ENTITY.test(text) || text.includes('>')) problems.push(`bad text near ${JSON.stringify(text.slice(0, 40))}`);
    if (stack.length === 0 && text.trim() !== '') problems.push('text outside the root');
    if (lt === -1) break;
    const gt = xml.indexOf('>', lt);
    if (gt === -1) {
      problems.push('unclosed tag');
      break;
    }
    const tag = xml.slice(lt + 1, gt);
    i = gt + 1;
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      if (stack.pop() !== name) problems.push(`mismatched </${name}>`);
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const name = body.match(/^[^\s/>]+/)?.[0] ?? '';
    if (!NAME.test(name)) problems.push(`bad name <${name}>`);
    const rest = body.slice(name.length);
    const seen = new Set<string>();
    const attrRe = /\s+([^\s=]+)\s*=\s*("([^"<]*)"|'([^'<]*)')/y;
    let at = 0;
    for (;;) {
      attrRe.lastIndex = at;
      const m = attrRe.exec(rest);
      if (!m) break;
      if (seen.has(m[1]!)) problems.push(`duplicate attribute ${m[1]}`);
      seen.add(m[1]!);
      if (ENTITY.test(m[3] ?? m[4] ?? '')) problems.push(`bad attribute value ${m[1]}`);
      at = attrRe.lastIndex;
    }
    if (rest.slice(at).trim() !== '') problems.push(`bad attributes in <${name}>: ${rest.slice(at, at + 40)}`);
    if (stack.length === 0) roots++;
    if (!selfClosing) stack.push(name);
  }
  if (stack.length > 0) problems.push(`unclosed <${stack.join('> <')}>`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}
