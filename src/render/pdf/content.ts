/**
 * Page operations to a PDF content stream. pdfkit starts every page with a transform that
 * puts the origin at the top left with y downwards; text gets a text matrix flipping it back
 * upright, so no save/restore is needed per line. Within a text object each upright line moves
 * from the one before (Td) and glyph codes are literal strings: with both, the example's content
 * streams are 8% smaller after compression than with a full matrix per line and hex codes.
 */
import { assertNever } from '../../model/types.js';
import type { EmbeddedFace, EncodedRun } from './embed-face.js';
import type { EmbeddedFont } from './embed-font.js';
import type { Op } from './layout.js';
import type { FontStyle } from './style.js';

/** Numbers with at most three decimals, never in exponent form. */
export const num = (n: number): string => String(Math.round(n * 1000) / 1000);

/** Lengths and positions in a content stream: a hundredth of a point (0.0035 mm) is finer than any printer. */
const hundredths = (n: number): number => Math.round(n * 100);
const pos = (n: number): string => String(hundredths(n) / 100);

export function contentStream(ops: readonly Op[], faces: Readonly<Record<FontStyle, EmbeddedFace>>, used: Set<EmbeddedFont>): string {
  const out: string[] = [];
  // Consecutive text ops share one text object (BT … ET); font, character spacing (Tc) and
  // fill colour are text state that lasts through it, so each is set only when it changes.
  let inText = false;
  // Where the last upright line of the text object started, in hundredths of a point: the next
  // one moves from there (Td, relative to the line before) instead of setting the whole text
  // matrix again (Tm).
  let line: { readonly x: number; readonly y: number } | undefined;
  let font: EmbeddedFont | undefined;
  let size = '';
  let tc = 0;
  // The fill colour operator last set inside the text object ('' : black, the default).
  let fill = '';
  const endText = (): void => {
    if (!inText) return;
    if (fill !== '') out.push('0 g');
    out.push('ET');
    inText = false;
  };
  // The size of the text op before, as a number and as written (a page has two or three sizes).
  let opSize = NaN;
  let sizeText = '';
  // Each text op's runs as encoded, in one array for the whole stream.
  const encoded: (readonly EncodedRun[])[] = [];
  for (let o = 0; o < ops.length; o++) {
    const op = ops[o]!;
    switch (op.kind) {
      case 'text': {
        const face = faces[op.font];
        // A face may be two fonts (embed-face.ts): each run comes back cut where the font changes.
        // A line of one spacing is one span; no array is made for it.
        const spans = op.runs;
        const spanCount = spans === undefined ? 1 : spans.length;
        // Indexed loops, no callbacks: this runs for every line, unoptimised in a cold run or a worker.
        encoded.length = 0;
        let drawn = false;
        for (let i = 0; i < spanCount; i++) {
          const runs = face.encode(spans === undefined ? op.text : spans[i]!.text);
          encoded.push(runs);
          if (runs.length > 0) drawn = true;
        }
        if (!drawn) break;
        if (!inText) {
          out.push('BT');
          inText = true;
          line = undefined;
          font = undefined;
          tc = 0;
          fill = '';
        }

        const wanted = op.color ? `${op.color.map(num).join(' ')} rg` : op.gray !== 0 ? `${num(op.gray)} g` : '';
        if (wanted !== fill) {
          out.push(wanted === '' ? '0 g' : wanted);
          fill = wanted;
        }
        // The text matrix flips the page's y-down space back upright: from a line starting at
        // (x, y), Td tx ty starts the next one at (x + tx, y - ty).
        let m: string;
        if (op.angle) {
          const a = (op.angle * Math.PI) / 180;
          // Rotated counter-clockwise on the page, in the flipped page space.
          m = `${num(Math.cos(a))} ${num(-Math.sin(a))} ${num(-Math.sin(a))} ${num(-Math.cos(a))} ${pos(op.x)} ${pos(op.y)} Tm`;
          line = undefined;
        } else {
          const at = { x: hundredths(op.x), y: hundredths(op.y) };
          m = line === undefined ? `1 0 0 -1 ${at.x / 100} ${at.y / 100} Tm` : `${(at.x - line.x) / 100} ${(line.y - at.y) / 100} Td`;
          line = at;
        }
        // Each run continues where the one before it ended; only the font and the character spacing change.
        if (op.size !== opSize) {
          opSize = op.size;
          sizeText = num(op.size);
        }
        let first = true;
        for (let i = 0; i < spanCount; i++) {
          const spacing = spans === undefined ? op.spacing : spans[i]!.spacing;
          const runs = encoded[i]!;
          for (let k = 0; k < runs.length; k++) {
            const run = runs[k]!;
            if (run.font !== font || sizeText !== size) {
              used.add(run.font);
              out.push(`/${run.font.id} ${sizeText} Tf`);
              font = run.font;
              size = sizeText;
            }
            if (spacing !== tc) {
              out.push(`${num(spacing)} Tc`);
              tc = spacing;
            }
            out.push(first ? `${m} (${run.bytes}) Tj` : `(${run.bytes}) Tj`);
            first = false;
          }
        }
        break;
      }
      case 'line':
        endText();
        out.push(`q ${op.color ? `${op.color.map(num).join(' ')} RG` : `${num(op.gray)} G`} ${pos(op.width)} w ${pos(op.x1)} ${pos(op.y1)} m ${pos(op.x2)} ${pos(op.y2)} l S Q`);
        break;
      case 'rect': {
        endText();
        const r = `${pos(op.x)} ${pos(op.y)} ${pos(op.w)} ${pos(op.h)} re`;
        if (op.fill !== undefined) out.push(`q ${num(op.fill)} g ${r} f Q`);
        if (op.stroke !== undefined) out.push(`q ${num(op.stroke)} G ${num(op.width ?? 1)} w ${r} S Q`);
        break;
      }
      case 'form':
        endText();
        out.push(`/${op.name} Do`);
        break;
      default:
        assertNever(op);
    }
  }
  endText();
  return out.join('\n');
}
