/**
 * Complex fields (PAGE, NUMPAGES) written out in full, each with a cached result run:
 *   <w:r><w:fldChar w:fldCharType="begin"/></w:r>
 *   <w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>
 *   <w:r><w:fldChar w:fldCharType="separate"/></w:r>
 *   <w:r><w:t>1</w:t></w:r>
 *   <w:r><w:fldChar w:fldCharType="end"/></w:r>
 * docx 9's PageNumber leaves out the separate + result part, which makes Word offer to
 * repair the file; LibreOffice accepts either, so it is no proof.
 */
import { rPr, type RunProps } from './props.js';
import { esc } from './xml.js';

export type FieldInstruction = 'PAGE' | 'NUMPAGES';

export function field(instruction: FieldInstruction, cachedResult: string, props: RunProps = {}): string {
  const r = rPr(props);
  return (
    `<w:r>${r}<w:fldChar w:fldCharType="begin"/></w:r>` +
    `<w:r>${r}<w:instrText xml:space="preserve"> ${instruction} \\* MERGEFORMAT </w:instrText></w:r>` +
    `<w:r>${r}<w:fldChar w:fldCharType="separate"/></w:r>` +
    `<w:r>${r}<w:t>${esc(cachedResult)}</w:t></w:r>` +
    `<w:r>${r}<w:fldChar w:fldCharType="end"/></w:r>`
  );
}
