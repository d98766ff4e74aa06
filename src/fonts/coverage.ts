/**
 * The characters a contract prints: its model's text, plus what the renderers add (numbering,
 * running header and footer, the draft mark). A chosen font must cover all of them.
 */
import type { Block, ContractDocument, Inline } from '../model/types.js';

/** Text the PDF renderer adds around the model's own. */
const RENDERER_TEXT = '第条页共附件合同编号：（）、.•____草稿 DRAFT样本0123456789一二三四五六七八九十百零';

function inlineText(inlines: readonly Inline[], out: string[]): void {
  for (const node of inlines) {
    if (node.kind === 'text' || node.kind === 'ref') out.push(node.text);
    else if (node.kind === 'strong' || node.kind === 'ins' || node.kind === 'del') inlineText(node.children, out);
  }
}

function blockText(blocks: readonly Block[], out: string[]): void {
  for (const b of blocks) {
    switch (b.kind) {
      case 'article':
        out.push(b.title);
        blockText(b.children, out);
        break;
      case 'clause':
        blockText(b.children, out);
        break;
      case 'paragraph':
        inlineText(b.children, out);
        break;
      case 'list':
        for (const item of b.items) blockText(item, out);
        break;
      case 'table':
        for (const cell of b.header) inlineText(cell, out);
        for (const row of b.rows) for (const cell of row) inlineText(cell, out);
        break;
      case 'signatures':
        for (const p of b.parties) out.push(p.role, '（盖章）：', p.name, ...p.fields.map((f) => `${f.label}：${f.value ?? ''}`));
        break;
      case 'pageBreak':
        break;
    }
  }
}

export function documentText(doc: ContractDocument): string {
  const out: string[] = [RENDERER_TEXT, doc.meta.title, doc.meta.number];
  blockText(doc.body, out);
  for (const annex of doc.annexes) {
    out.push(annex.title);
    blockText(annex.body, out);
  }
  return out.join('');
}
