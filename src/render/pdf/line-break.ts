/**
 * Chinese line breaking. A break is allowed between any two CJK characters and at spaces;
 * Latin words and numbers stay whole unless longer than a line. Kinsoku: a line never starts
 * with closing punctuation nor ends with opening punctuation (the neighbouring character moves
 * to the next line with it).
 */
import { glyphMetrics, loadFont } from './font.js';
import type { FontStyle } from './style.js';

export interface Run {
  readonly text: string;
  readonly style: FontStyle;
}

export interface Piece {
  readonly style: FontStyle;
  readonly text: string;
  /** Natural width in points. */
  readonly width: number;
  /** Characters drawn (those the font has). */
  readonly chars: number;
}

export interface Line {
  readonly pieces: readonly Piece[];
  readonly width: number;
  /** Characters drawn (the gaps between them take justification spacing). */
  readonly chars: number;
  /** The last line of a paragraph or before a forced break: never justified. */
  readonly hard: boolean;
}

/** Must not start a line. */
const CLOSING = new Set([
  ...'，。、；：？！）」』》〉〕】〗〙〛｝］｠”’%％・…—‥～〜々〃ー゛゜ぁぃぅぇぉっゃゅょァィゥェォッャュョ‰℃°′″',
  ...',.;:?!)]}»›',
]);
/** Must not end a line. */
const OPENING = new Set([...'（「『《〈〔【〖〘〚｛［｟“‘', ...'([{«‹']);

type Kind = 'cjk' | 'word' | 'space' | 'newline';

interface Token {
  readonly ch: string;
  readonly style: FontStyle;
  readonly kind: Kind;
  readonly width: number;
  readonly drawn: boolean;
}

function kindOf(cp: number, ch: string): Kind {
  if (ch === '\n') return 'newline';
  if (ch === ' ' || ch === '\t' || ch === '\r') return 'space';
  // CJK and fullwidth forms, and general punctuation (“ ” … —): each its own unit.
  if (cp >= 0x2e80 || (cp >= 0x2010 && cp <= 0x206f)) return 'cjk';
  return 'word';
}

function tokenize(runs: readonly Run[], size: number): Token[] {
  const tokens: Token[] = [];
  for (const run of runs) {
    const font = loadFont(run.style);
    for (const raw of run.text) {
      const ch = raw === '\t' ? ' ' : raw;
      const cp = ch.codePointAt(0)!;
      const kind = kindOf(cp, ch);
      if (kind === 'newline' || ch === '\r') {
        if (kind === 'newline') tokens.push({ ch, style: run.style, kind, width: 0, drawn: false });
        continue;
      }
      const m = glyphMetrics(font, cp);
      tokens.push({ ch, style: run.style, kind, width: (m.advance * size) / 1000, drawn: m.gid !== 0 });
    }
  }
  return tokens;
}

/** Unbreakable groups of tokens. */
function atoms(tokens: readonly Token[]): Token[][] {
  const out: Token[][] = [];
  let prev: Token | undefined;
  for (const t of tokens) {
    const last = out[out.length - 1];
    const glue =
      last !== undefined &&
      prev !== undefined &&
      t.kind !== 'space' &&
      t.kind !== 'newline' &&
      prev.kind !== 'space' &&
      prev.kind !== 'newline' &&
      (CLOSING.has(t.ch) || OPENING.has(prev.ch) || (t.kind === 'word' && prev.kind === 'word'));
    if (glue) last.push(t);
    else out.push([t]);
    prev = t;
  }
  return out;
}

function makeLine(tokens: readonly Token[], hard: boolean): Line {
  const pieces: Piece[] = [];
  let width = 0;
  let chars = 0;
  let text = '';
  let pieceWidth = 0;
  let pieceChars = 0;
  let style: FontStyle | undefined;
  for (const t of tokens) {
    if (style !== undefined && t.style !== style) {
      pieces.push({ style, text, width: pieceWidth, chars: pieceChars });
      text = '';
      pieceWidth = 0;
      pieceChars = 0;
    }
    style = t.style;
    text += t.ch;
    pieceWidth += t.width;
    width += t.width;
    if (t.drawn) {
      chars++;
      pieceChars++;
    }
  }
  if (style !== undefined && text !== '') pieces.push({ style, text, width: pieceWidth, chars: pieceChars });
  return { pieces, width, chars, hard };
}

const EPS = 0.01;

/**
 * Break `runs` into lines: the first line `firstWidth` wide, the others `width` wide.
 * Always returns at least one line (an empty paragraph is one empty line).
 */
export function breakLines(runs: readonly Run[], size: number, firstWidth: number, width: number): Line[] {
  const lines: Line[] = [];
  let cur: Token[] = [];
  let curWidth = 0;
  let pending: Token[] = [];
  const avail = (): number => (lines.length === 0 ? firstWidth : width);
  const flush = (hard: boolean): void => {
    lines.push(makeLine(cur, hard));
    cur = [];
    curWidth = 0;
    pending = [];
  };
  const forceSplit = (atom: readonly Token[]): void => {
    for (const t of atom) {
      if (cur.length > 0 && curWidth + t.width > avail() + EPS) flush(false);
      cur.push(t);
      curWidth += t.width;
    }
  };
  for (const atom of atoms(tokenize(runs, size))) {
    const first = atom[0]!;
    if (first.kind === 'newline') {
      flush(true);
      continue;
    }
    if (first.kind === 'space') {
      if (cur.length > 0) pending.push(...atom);
      continue;
    }
    let w = 0;
    for (const t of atom) w += t.width;
    let spaceWidth = 0;
    for (const t of pending) spaceWidth += t.width;
    if (curWidth + spaceWidth + w <= avail() + EPS) {
      cur.push(...pending, ...atom);
      curWidth += spaceWidth + w;
      pending = [];
      continue;
    }
    if (cur.length > 0) flush(false);
    if (w <= avail() + EPS) {
      cur.push(...atom);
      curWidth = w;
    } else {
      forceSplit(atom);
    }
  }
  if (cur.length > 0 || lines.length === 0) flush(true);
  return lines;
}

/** Natural (one-line) width and the widest unbreakable unit of `runs`, in points. */
export function measureRuns(runs: readonly Run[], size: number): { readonly natural: number; readonly min: number } {
  let natural = 0;
  let line = 0;
  let min = 0;
  for (const atom of atoms(tokenize(runs, size))) {
    let w = 0;
    for (const t of atom) w += t.width;
    if (atom[0]!.kind === 'newline') {
      natural = Math.max(natural, line);
      line = 0;
      continue;
    }
    line += w;
    if (atom[0]!.kind !== 'space') min = Math.max(min, w);
  }
  return { natural: Math.max(natural, line), min };
}

/** Runs as plain text (for tests and measuring). */
export const lineText = (line: Line): string => line.pieces.map((p) => p.text).join('');
