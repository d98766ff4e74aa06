/**
 * A small XML tree for asserting on the parts the renderer writes: elements with their attributes
 * and children, so a test reads `w:ind`'s `w:left` whatever order the attributes come in. Enough
 * for machine-written XML (no DTD, comments or CDATA); xml-check.ts checks well-formedness.
 */
import { decode } from './inspect.js';

export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: (XmlElement | string)[];
  readonly parent: XmlElement | undefined;
}

const TOKEN = /<(\/?)([^\s/>]+)((?:\s+[^\s=]+\s*=\s*"[^"]*")*)\s*(\/?)>|([^<]+)/g;

export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [], parent: undefined };
  let current = root;
  for (const m of xml.replace(/^<\?xml[^>]*\?>/, '').matchAll(TOKEN)) {
    const [, closing, name, attrs, selfClosing, text] = m;
    if (text !== undefined) {
      if (text.trim() !== '' || current !== root) current.children.push(decode(text));
      continue;
    }
    if (closing) {
      current = current.parent ?? root;
      continue;
    }
    const parsed: Record<string, string> = {};
    for (const a of (attrs ?? '').matchAll(/([^\s=]+)\s*=\s*"([^"]*)"/g)) parsed[a[1]!] = decode(a[2]!);
    const element: XmlElement = { name: name!, attrs: parsed, children: [], parent: current };
    current.children.push(element);
    if (!selfClosing) current = element;
  }
  return root;
}

export const elements = (node: XmlElement): XmlElement[] => node.children.filter((c): c is XmlElement => typeof c !== 'string');

/** Every descendant element called `name`, in document order. */
export function all(node: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (n: XmlElement) => {
    for (const c of elements(n)) {
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(node);
  return out;
}

/** The first descendant called `name`. */
export const first = (node: XmlElement, name: string): XmlElement | undefined => all(node, name)[0];

/** The nearest ancestor called `name`. */
export function ancestor(node: XmlElement, name: string): XmlElement | undefined {
  let n = node.parent;
  while (n && n.name !== name) n = n.parent;
  return n;
}

/** The text of w:t elements under a node (a field's cached result included). */
export function textOf(node: XmlElement): string {
  return all(node, 'w:t')
    .map((t) => t.children.filter((c): c is string => typeof c === 'string').join(''))
    .join('');
}

/** `w:val` of the first descendant called `name`. */
export const valOf = (node: XmlElement, name: string): string | undefined => first(node, name)?.attrs['w:val'];

/** The paragraph style of a w:p. */
export const styleOf = (p: XmlElement): string | undefined => {
  const pPr = elements(p).find((e) => e.name === 'w:pPr');
  return pPr ? valOf(pPr, 'w:pStyle') : undefined;
};

/** The w:style element with that id. */
export const styleById = (styles: XmlElement, id: string): XmlElement | undefined => all(styles, 'w:style').find((s) => s.attrs['w:styleId'] === id);

/**
 * The numbering a paragraph shows: its own w:numPr, or its style's (styles are bound to the
 * first instance of their list).
 */
export function numberingOf(p: XmlElement, styles: XmlElement): { ilvl: string; numId: string } | undefined {
  const pPr = elements(p).find((e) => e.name === 'w:pPr');
  const style = pPr ? valOf(pPr, 'w:pStyle') : undefined;
  const numPr = (pPr && first(pPr, 'w:numPr')) ?? (style ? first(styleById(styles, style) ?? p, 'w:numPr') : undefined);
  return numPr ? { ilvl: valOf(numPr, 'w:ilvl') ?? '0', numId: valOf(numPr, 'w:numId')! } : undefined;
}

/** The indent a paragraph has: its own w:ind, or its numbering level's. */
export function indentOf(p: XmlElement, styles: XmlElement, numbering: XmlElement): Readonly<Record<string, string>> | undefined {
  const own = first(elements(p).find((e) => e.name === 'w:pPr') ?? p, 'w:ind');
  if (own) return own.attrs;
  const num = numberingOf(p, styles);
  if (!num) return undefined;
  const abstractId = valOf(all(numbering, 'w:num').find((n) => n.attrs['w:numId'] === num.numId)!, 'w:abstractNumId');
  const abstract = all(numbering, 'w:abstractNum').find((a) => a.attrs['w:abstractNumId'] === abstractId)!;
  return first(all(abstract, 'w:lvl').find((l) => l.attrs['w:ilvl'] === num.ilvl)!, 'w:ind')?.attrs;
}
