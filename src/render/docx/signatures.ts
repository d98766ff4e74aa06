/**
 * The signature block: a borderless table, one column per party (甲方 | 乙方). Each column:
 * `甲方（盖章）：name`, then `label：value`, or `label：` and an underlined line to fill in
 * by hand. One row that cannot split and keepNext on every paragraph: never split across
 * pages (the paragraph before it is kept with it by blocks.ts).
 */
import type { SignatureField, SignatureParty, SignaturesBlock } from '../../model/types.js';
import { run } from './inlines.js';
import { CHAR_TWIPS, TEXT_WIDTH } from './layout.js';
import { pPr } from './props.js';
import { STYLE } from './styles.js';
import { cell, tableStart } from './tables.js';
import { displayUnits } from './widths.js';

const SIDE_MARGIN = 108;
const HALF_CHAR = CHAR_TWIPS / 2;
/** The shortest line worth writing on; a shorter rest of the line moves the line down. */
const MIN_LINE_UNITS = 10;

export function signaturesTable(block: SignaturesBlock): string {
  const columns = Math.max(block.parties.length, 1);
  const base = Math.floor(TEXT_WIDTH / columns);
  const widths = Array.from({ length: columns }, (_, i) => (i < columns - 1 ? base : TEXT_WIDTH - base * (columns - 1)));
  let x = `${tableStart(widths, { borders: false, top: 0, side: SIDE_MARGIN })}<w:tr><w:trPr><w:cantSplit/></w:trPr>`;
  widths.forEach((width, i) => {
    x += cell(width, partParagraphs(block.parties[i], Math.floor((width - 2 * SIDE_MARGIN) / HALF_CHAR) - 1), { vAlign: 'top' });
  });
  return `${x}</w:tr></w:tbl>`;
}

const paragraph = (runs: string) => `<w:p>${pPr({ style: STYLE.signature, keepNext: true, keepLines: true })}${runs}</w:p>`;

function partParagraphs(party: SignatureParty | undefined, columnUnits: number): string {
  if (!party) return paragraph('');
  return paragraph(run(`${party.role}（盖章）：${party.name}`, { bold: true })) + party.fields.map((f) => fieldParagraph(f, columnUnits)).join('');
}

/** `label：value`, or `label：____` with the line filling the rest of the column's line. */
function fieldParagraph(field: SignatureField, columnUnits: number): string {
  const label = `${field.label}：`;
  if (field.value !== null) return paragraph(run(label + field.value));
  const rest = columnUnits - (displayUnits(label) % columnUnits);
  const line = rest >= MIN_LINE_UNITS ? run('_'.repeat(rest), { underline: true }) : run(`\n${'_'.repeat(columnUnits - 2)}`, { underline: true });
  return paragraph(run(label) + line);
}
