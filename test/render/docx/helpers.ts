/** Rendering model fixtures to DOCX and reading the parts back, for the renderer's tests. */
import { readFileSync } from 'node:fs';
import type { Block, ContractDocument, Inline } from '../../../src/model/types.js';
import { parseParamsText, validateParams } from '../../../src/params/index.js';
import { buildContract } from '../../../src/pipeline.js';
import { renderDocx } from '../../../src/render/docx/index.js';
import { docxParts } from './inspect.js';
import { parseXml, type XmlElement } from './xml-tree.js';

export const EPOCH = 1740787200; // 2025-03-01T00:00:00Z

export interface Rendered {
  readonly bytes: Uint8Array;
  readonly parts: Record<string, string>;
  /** A part parsed, by path. */
  xml(path: string): XmlElement;
}

/** `sourceDateEpoch` null: no fixed date (the current time). */
export async function render(doc: ContractDocument, sourceDateEpoch: number | null = EPOCH): Promise<Rendered> {
  const bytes = await renderDocx(doc, sourceDateEpoch === null ? {} : { sourceDateEpoch });
  const parts = docxParts(bytes);
  const parsed = new Map<string, XmlElement>();
  return {
    bytes,
    parts,
    xml(path) {
      let tree = parsed.get(path);
      if (!tree) {
        const text = parts[path];
        if (text === undefined) throw new Error(`no part ${path}`);
        tree = parseXml(text);
        parsed.set(path, tree);
      }
      return tree;
    },
  };
}

/** The example contract's document model (examples/params.example.yaml). */
export async function exampleDocument(options: { draft?: boolean } = {}): Promise<ContractDocument> {
  const file = 'examples/params.example.yaml';
  const { params } = validateParams(parseParamsText(readFileSync(file), file));
  if (!params) throw new Error('the example does not validate');
  return buildContract(params, options);
}

/** Every cross-reference of a document, in document order. */
export function refsOf(doc: ContractDocument): Extract<Inline, { kind: 'ref' }>[] {
  const out: Extract<Inline, { kind: 'ref' }>[] = [];
  const inlines = (xs: readonly Inline[]) => {
    for (const x of xs) {
      if (x.kind === 'ref') out.push(x);
      else if (x.kind === 'strong') inlines(x.children);
    }
  };
  const blocks = (bs: readonly Block[]) => {
    for (const b of bs) {
      switch (b.kind) {
        case 'article':
        case 'clause':
          blocks(b.children);
          break;
        case 'paragraph':
          inlines(b.children);
          break;
        case 'list':
          b.items.forEach(blocks);
          break;
        case 'table':
          [b.header, ...b.rows].forEach((row) => row.forEach(inlines));
          break;
        default:
          break;
      }
    }
  };
  blocks(doc.body);
  doc.annexes.forEach((a) => blocks(a.body));
  return out;
}
