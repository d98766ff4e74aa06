/**
 * Page operations to a PDF content stream. pdfkit starts every page with a transform that
 * puts the origin at the top left with y downwards; text gets a text matrix flipping it back
 * upright, so no save/restore is needed per line.
 */
import { assertNever } from '../../model/types.js';
import type { EmbeddedFont } from './embed-font.js';
import type { Op } from './layout.js';
import type { FontStyle } from './style.js';

/** Numbers with at most three decimals, never in exponent form. */
export const num = (n: number): string => String(Math.round(n * 1000) / 1000);

export function contentStream(ops: readonly Op[], fonts: Readonly<Record<FontStyle, EmbeddedFont>>, used: Set<FontStyle>): string {
  const out: string[] = [];
  // Character spacing (Tc) is text state that outlives BT … ET: set it whenever it changes,
  // or a justified line's spacing leaks into the next label.
  let tc = 0;
  for (const op of ops) {
    switch (op.kind) {
      case 'text': {
        const font = fonts[op.font];
        const hex = font.encode(op.text);
        if (hex === '') break;
        used.add(op.font);
        let m = `1 0 0 -1 ${num(op.x)} ${num(op.y)}`;
        if (op.angle) {
          const a = (op.angle * Math.PI) / 180;
          // Rotated counter-clockwise on the page, in the flipped page space.
          m = `${num(Math.cos(a))} ${num(-Math.sin(a))} ${num(-Math.sin(a))} ${num(-Math.cos(a))} ${num(op.x)} ${num(op.y)}`;
        }
        const gray = op.gray !== 0 ? `${num(op.gray)} g ` : '';
        let spacing = '';
        if (gray) {
          // Inside q … Q: whatever is set here is undone by the Q.
          if (op.spacing !== tc) spacing = `${num(op.spacing)} Tc `;
        } else if (op.spacing !== tc) {
          spacing = `${num(op.spacing)} Tc `;
          tc = op.spacing;
        }
        out.push(`${gray ? 'q ' + gray : ''}BT /${font.id} ${num(op.size)} Tf ${spacing}${m} Tm <${hex}> Tj ET${gray ? ' Q' : ''}`);
        break;
      }
      case 'line':
        out.push(`q ${num(op.gray)} G ${num(op.width)} w ${num(op.x1)} ${num(op.y1)} m ${num(op.x2)} ${num(op.y2)} l S Q`);
        break;
      case 'rect': {
        const r = `${num(op.x)} ${num(op.y)} ${num(op.w)} ${num(op.h)} re`;
        if (op.fill !== undefined) out.push(`q ${num(op.fill)} g ${r} f Q`);
        if (op.stroke !== undefined) out.push(`q ${num(op.stroke)} G ${num(op.width ?? 1)} w ${r} S Q`);
        break;
      }
      default:
        assertNever(op);
    }
  }
  return out.join('\n');
}
