/**
 * Chinese line breaking (after JIS X 4051 and W3C clreq). A break is allowed between any two
 * CJK characters and at spaces; Latin words and numbers stay whole. On top of that:
 * - kinsoku: a line never starts with closing punctuation nor ends with opening punctuation
 *   (the neighbouring character moves to the next line with it);
 * - a number stays with its sign and its unit (¥7,450.00, 99.9%, 43.2分钟, 第3条), and a date
 *   with all its parts (2025年3月1日);
 * - a long Latin token (an e-mail address, a URL) that does not fit breaks after @ . / - when
 *   moving it whole would leave a gap that justification cannot close;
 * - no paragraph ends with one CJK character alone on its last line: one more comes down.
 */
import type { Revision } from '../../model/types.js';
import type { FontFace } from '../../fonts/index.js';
import { glyphMetrics, loadFont } from './font.js';
import { SPACING, type FontStyle } from './style.js';
import { KeptAcrossDocuments } from '../../kept-across-documents.js';
import { packagedLines, releasePackagedLines } from './packaged-lines.js';

export interface Run {
  readonly text: string;
  readonly style: FontStyle;
  /** A cross-reference: the anchor the text links to. */
  readonly link?: string;
  /** A redline's tracked change: inserted or deleted text. */
  readonly mark?: Revision;
}

/**
 * Characters of a piece that take the same justification: inside a Latin word or a number
 * (`rigid`: the gap after each character but the word's last stays as the font sets it, so
 * ¥7,450.00 or support@example.net is never letter-spaced) or between CJK characters.
 */
export interface PieceRun {
  readonly text: string;
  readonly rigid: boolean;
}

export interface Piece {
  readonly style: FontStyle;
  readonly link: string | undefined;
  readonly mark: Revision | undefined;
  readonly text: string;
  /** Natural width in points. */
  readonly width: number;
  /** Characters drawn (those the font has). */
  readonly chars: number;
  /** Drawn characters whose gap after them takes justification spacing. */
  readonly flexible: number;
  readonly runs: readonly PieceRun[];
}

export interface Line {
  readonly pieces: readonly Piece[];
  readonly width: number;
  /** Characters drawn. */
  readonly chars: number;
  /** Gaps that take justification spacing: after every drawn character but inside words and at the line's end. */
  readonly gaps: number;
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

/** Units that stay with the number before them, longest first. */
const UNITS = [
  '个工作日', '个自然日', '个自然月', '个日历日', '工作日', '自然日', '自然月', '日历日', '个月', '个小时',
  '分钟', '小时', '秒钟', '毫秒', '周年', '万元', '亿元', '千元', '百分点',
  '元', '角', '年', '月', '日', '天', '周', '时', '分', '秒', '次', '条', '款', '项', '页', '份', '个', '位', '名', '人', '台', '户', '路', '倍', '期', '号', '度', '笔',
].sort((a, b) => b.length - a.length);
/** Signs and prefixes that stay with the number after them. */
const PREFIXES = new Set([...'￥＄€£第约共±≥≤＋－']);
/** Date and time parts after which a number continues the same date (2025年3月1日, 10时30分). */
const DATE_PARTS = new Set([...'年月时点']);
/** Where a long Latin token may break (after the character), as a last resort. */
const SOFT_BREAK_AFTER = new Set([...'@./-_']);

type Kind = 'cjk' | 'word' | 'space' | 'newline';

interface Token {
  readonly ch: string;
  /** Where `ch` starts in the text of the tokens (`Tokens.text`). */
  readonly at: number;
  readonly style: FontStyle;
  readonly link: string | undefined;
  readonly mark: Revision | undefined;
  readonly kind: Kind;
  readonly width: number;
  readonly drawn: boolean;
}

function isDigit(ch: string | undefined): boolean {
  if (ch === undefined || ch.length !== 1) return false;
  const c = ch.charCodeAt(0);
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}

/** Ideographs, kana and hangul (not punctuation): what "one character alone on a line" counts. */
function isIdeograph(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  return (
    (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0x20000 && c <= 0x3ffff) ||
    (c >= 0x3041 && c <= 0x3096) || (c >= 0x30a1 && c <= 0x30fa) || (c >= 0xac00 && c <= 0xd7a3)
  );
}

function kindOf(cp: number, ch: string): Kind {
  if (ch === '\n') return 'newline';
  if (ch === ' ' || ch === '\t' || ch === '\r') return 'space';
  // CJK and fullwidth forms, and general punctuation (“ ” … —): each its own unit.
  if (cp >= 0x2e80 || (cp >= 0x2010 && cp <= 0x206f)) return 'cjk';
  return 'word';
}

/**
 * The characters of some runs as tokens, and their text: the runs' text without \r and with tabs
 * as spaces, where each token's `ch` is at its `at`. A line's pieces are slices of it rather than
 * strings built a character at a time (which allocates at every character, unoptimised).
 */
interface Tokens {
  readonly tokens: Token[];
  readonly text: string;
}

// The loops over characters and tokens below are indexed: a cold run executes them unoptimised,
// where every step of an iterator, and every callback given to forEach, map or reduce, allocates.
function tokenize(runs: readonly Run[], size: number): Tokens {
  const tokens: Token[] = [];
  let all = '';
  for (const run of runs) {
    const font = loadFont(run.style);
    const text = run.text;
    const at = all.length;
    const kept = text.includes('\r') ? text.replace(/\r/g, '') : text;
    all += kept.includes('\t') ? kept.replace(/\t/g, ' ') : kept;
    let dropped = 0;
    for (let i = 0; i < text.length; i++) {
      // A character as the string iterator gives it: a surrogate pair whole, a lone surrogate alone.
      const pair = text.codePointAt(i)! > 0xffff;
      const raw = pair ? text.slice(i, i + 2) : text[i]!;
      const start = i - dropped;
      if (pair) i++;
      const ch = raw === '\t' ? ' ' : raw;
      const cp = ch.codePointAt(0)!;
      const kind = kindOf(cp, ch);
      if (kind === 'newline' || ch === '\r') {
        if (kind === 'newline') tokens.push({ ch, at: at + start, style: run.style, link: undefined, mark: undefined, kind, width: 0, drawn: false });
        else dropped++;
        continue;
      }
      const m = glyphMetrics(font, cp);
      tokens.push({ ch, at: at + start, style: run.style, link: run.link, mark: run.mark, kind, width: (m.advance * size) / 1000, drawn: m.gid !== 0 });
    }
  }
  return { tokens, text: all };
}

const solid = (t: Token | undefined): boolean => t !== undefined && t.kind !== 'space' && t.kind !== 'newline';

/** Length of the unit starting at token i (0 if none). */
function unitAt(tokens: readonly Token[], i: number): number {
  for (const unit of UNITS) {
    let k = 0;
    while (k < unit.length && tokens[i + k]?.ch === unit[k]) k++;
    if (k === unit.length) return k;
  }
  return 0;
}

/**
 * For each gap between token i-1 and token i: may the line break there? Kinsoku, Latin words,
 * and numbers with their signs, units and date parts.
 */
function breakable(tokens: readonly Token[]): boolean[] {
  const can: boolean[] = new Array<boolean>(tokens.length).fill(true);
  let glueUntil = -1;
  for (let i = 1; i < tokens.length; i++) {
    const prev = tokens[i - 1]!;
    const t = tokens[i]!;
    if (!solid(prev) || !solid(t)) continue;
    if (i <= glueUntil) can[i] = false;
    else if (CLOSING.has(t.ch) || OPENING.has(prev.ch)) can[i] = false;
    else if (t.kind === 'word' && prev.kind === 'word') can[i] = false;
    else if (isDigit(prev.ch)) {
      // A number and the unit after it.
      const n = unitAt(tokens, i);
      if (n > 0) {
        can[i] = false;
        glueUntil = i + n - 1;
      }
    } else if (isDigit(t.ch) && (PREFIXES.has(prev.ch) || DATE_PARTS.has(prev.ch))) {
      // 第3, ￥7; and 3月 after 2025年 (a date part only continues a number before it).
      const before = tokens[i - 2];
      if (PREFIXES.has(prev.ch) || isDigit(before?.ch)) can[i] = false;
    }
  }
  return can;
}

/** Unbreakable groups of tokens (spaces and forced breaks each their own). */
function atoms(tokens: readonly Token[]): Token[][] {
  const can = breakable(tokens);
  const out: Token[][] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (i > 0 && !can[i] && solid(t) && solid(tokens[i - 1])) out[out.length - 1]!.push(t);
    else out.push([t]);
  }
  return out;
}

/** A loop, not reduce: unoptimised (a cold run), reduce's callback is a new closure at every call. */
function widthOf(tokens: readonly Token[]): number {
  let w = 0;
  for (let i = 0; i < tokens.length; i++) w += tokens[i]!.width;
  return w;
}

/** A phone number written in groups (400-820-1234, 010-62345678), not a date or an amount. */
const PHONE = /^\+?\d{2,4}(?:-\d{2,8}){1,3}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Positions inside a token after which it may break: in a Latin token (an address, a URL)
 * after @ . / - _; in a phone number after its hyphens. Never inside an amount or a date.
 */
function softBreaks(atom: readonly Token[]): number[] {
  const word = atom.filter((t) => t.kind === 'word').map((t) => t.ch).join('');
  const phone = PHONE.test(word) && !ISO_DATE.test(word);
  if (!phone && !atom.some((t) => /[A-Za-z@]/.test(t.ch))) return [];
  const out: number[] = [];
  for (let k = 0; k < atom.length - 1; k++) {
    if (atom[k]!.kind === 'word' && SOFT_BREAK_AFTER.has(atom[k]!.ch) && atom[k + 1]!.kind === 'word') out.push(k + 1);
  }
  return out;
}

/**
 * Text made of tokens as slices of the tokens' text: one slice while they follow one another
 * there, a new one after a gap (a space dropped at a break that a unit came down over, see
 * avoidLoneCharacter).
 */
class Slices {
  private head = '';
  private first: Token | undefined;
  private last: Token | undefined;

  constructor(private readonly text: string) {}

  get empty(): boolean {
    return this.first === undefined;
  }

  add(t: Token): void {
    const last = this.last;
    if (last !== undefined && t.at !== last.at + last.ch.length) {
      this.head += this.text.slice(this.first!.at, last.at + last.ch.length);
      this.first = t;
    }
    this.first ??= t;
    this.last = t;
  }

  /** The text so far; starts again empty. */
  take(): string {
    const out = this.first === undefined ? this.head : this.head + this.text.slice(this.first.at, this.last!.at + this.last!.ch.length);
    this.head = '';
    this.first = this.last = undefined;
    return out;
  }
}

/** The first token of the atoms after atom `a`. */
function firstAfter(atoms: readonly (readonly Token[])[], a: number): Token | undefined {
  for (let b = a + 1; b < atoms.length; b++) if (atoms[b]!.length > 0) return atoms[b]![0];
  return undefined;
}

function makeLine(text: string, atoms: readonly (readonly Token[])[], hard: boolean): Line {
  const pieces: Piece[] = [];
  let width = 0;
  let chars = 0;
  let flexibleInLine = 0;
  let pieceWidth = 0;
  let pieceChars = 0;
  let pieceFlexible = 0;
  let runs: PieceRun[] = [];
  let runRigid = false;
  const pieceText = new Slices(text);
  const runText = new Slices(text);
  let previous: Token | undefined;
  const closeRun = (): void => {
    if (!runText.empty) runs.push({ text: runText.take(), rigid: runRigid });
  };
  const close = (): void => {
    closeRun();
    if (pieceText.empty) return;
    const current = previous!;
    // Every piece has the same shape (link: undefined when it has none): one hidden class.
    pieces.push({ style: current.style, text: pieceText.take(), width: pieceWidth, chars: pieceChars, link: current.link, mark: current.mark, flexible: pieceFlexible, runs });
    pieceWidth = 0;
    pieceChars = 0;
    pieceFlexible = 0;
    runs = [];
  };
  for (let a = 0; a < atoms.length; a++) {
    const atom = atoms[a]!;
    for (let k = 0; k < atom.length; k++) {
      const t = atom[k]!;
      const next = k + 1 < atom.length ? atom[k + 1] : firstAfter(atoms, a);
      if (previous !== undefined && (t.style !== previous.style || t.link !== previous.link || t.mark !== previous.mark)) close();
      // A gap between two drawn characters of a Latin word or a number is not stretched.
      const rigid = next !== undefined && t.kind === 'word' && next.kind === 'word' && t.drawn && next.drawn;
      if (rigid !== runRigid) closeRun();
      runRigid = rigid;
      pieceText.add(t);
      runText.add(t);
      previous = t;
      pieceWidth += t.width;
      width += t.width;
      if (t.drawn) {
        chars++;
        pieceChars++;
        if (!rigid) {
          pieceFlexible++;
          flexibleInLine++;
        }
      }
    }
  }
  close();
  return { pieces, width, chars, gaps: Math.max(0, flexibleInLine - 1), hard };
}

const EPS = 0.01;

/** A line under construction: its atoms, and whether it ends a paragraph or a forced break. */
interface Draft {
  atoms: Token[][];
  hard: boolean;
}

/**
 * Break `runs` into lines: the first line `firstWidth` wide, the others `width` wide.
 * Always returns at least one line (an empty paragraph is one empty line).
 */
/**
 * Lines broken before in this process, by everything breaking reads: the faces of the layout, the
 * size, the widths and the runs. The contracts of a batch share most of their paragraphs, and
 * breaking one character by character is a fifth of what a contract allocates; the lines are
 * never changed once made, so the same ones serve every document. A contract breaks ~600
 * paragraphs and cells; 1,024 kept hold ~2 MB.
 */
const broken = new KeptAcrossDocuments<string, readonly Line[]>(1024);

/**
 * Called when a document has been laid out: lines are kept from the next one on, and the packaged
 * ones, which serve a first document only, are let go (a worker of a batch would hold ~3 MB).
 * `firstToo`: before a thread's first document, when many are coming; it keeps its lines, the
 * packaged ones among them.
 */
export function keepBrokenLines(options: { readonly firstToo?: boolean } = {}): void {
  broken.arm();
  if (options.firstToo) return;
  firstDocument = false;
  releasePackagedLines();
}

/** Whether the document being laid out is the process's first, which the packaged lines serve. */
let firstDocument = true;

/** Forgets the lines kept (tests compare renders with and without); `untilNextDocument`: as a fresh process. */
export function forgetBrokenLines(options: { readonly untilNextDocument?: boolean } = {}): void {
  broken.forget(options);
  if (options.untilNextDocument) firstDocument = true;
}

/** Paragraphs kept now, and paragraphs whose lines were reused since the process started. */
export function brokenLineStats(): { readonly kept: number; readonly reused: number } {
  return broken.stats();
}

let packagedHits = 0;

/** Paragraphs whose lines came from the package's (packaged-lines.ts) since the process started. */
export function packagedLineHits(): number {
  return packagedHits;
}

/**
 * The paragraphs kept now with these faces, by what breaking reads besides the faces, with their
 * lines (scripts/packaged-lines.mjs writes those of the templates).
 */
export function brokenLineEntries(regular: FontFace, bold: FontFace): [string, readonly Line[]][] {
  const prefix = `${facesTag(regular, bold)}|`;
  return broken.entries().flatMap(([key, lines]): [string, readonly Line[]][] => (key.startsWith(prefix) ? [[key.slice(prefix.length), lines]] : []));
}

/**
 * The faces as a short tag of the process, for keys: a face's version key is ~45 characters, which
 * every key would carry and every lookup hash again.
 */
const faceTags = new Map<string, number>();
function facesTag(regular: FontFace, bold: FontFace): number {
  const faces = `${regular.key},${bold.key}`;
  let tag = faceTags.get(faces);
  if (tag === undefined) faceTags.set(faces, (tag = faceTags.size));
  return tag;
}

/**
 * What breaking reads besides the faces, as a key: the size, the widths and the runs. The same
 * faces give the same lines in any process, which the packaged lines rely on (their file is named
 * by the faces).
 */
const lineKey = (runs: readonly Run[], size: number, firstWidth: number, width: number): string => `${size}|${firstWidth}|${width}|${JSON.stringify(runs)}`;

export function breakLines(runs: readonly Run[], size: number, firstWidth: number, width: number): readonly Line[] {
  const regular = loadFont('regular');
  const bold = loadFont('bold');
  if (broken.active) {
    const paragraph = lineKey(runs, size, firstWidth, width);
    const key = `${facesTag(regular, bold)}|${paragraph}`;
    const kept = broken.get(key);
    if (kept !== undefined) return kept;
    // A thread's first document, when many are coming, keeps the packaged lines it takes.
    const lines = packagedOnes(regular, bold, paragraph) ?? breakAfresh(runs, size, firstWidth, width);
    broken.set(key, lines);
    return lines;
  }
  // A process's first document, before it keeps lines of its own.
  return packagedOnes(regular, bold, lineKey(runs, size, firstWidth, width)) ?? breakAfresh(runs, size, firstWidth, width);
}

/** The packaged lines of a paragraph (packaged-lines.ts), while a first document has them. */
function packagedOnes(regular: FontFace, bold: FontFace, paragraph: string): readonly Line[] | undefined {
  if (!firstDocument) return undefined;
  const built = packagedLines(regular, bold)?.get(paragraph);
  if (built !== undefined) packagedHits++;
  return built;
}

function breakAfresh(runs: readonly Run[], size: number, firstWidth: number, width: number): Line[] {
  const drafts: Draft[] = [];
  let cur: Token[][] = [];
  let curWidth = 0;
  let curDrawn = 0;
  let pending: Token[] = [];
  const preferBreak = SPACING.preferBreakEm * size;
  const avail = (): number => (drafts.length === 0 ? firstWidth : width);
  const flush = (hard: boolean): void => {
    drafts.push({ atoms: cur, hard });
    cur = [];
    curWidth = 0;
    curDrawn = 0;
    pending = [];
  };
  const put = (atom: Token[]): void => {
    if (pending.length > 0) cur.push(pending);
    cur.push(atom);
    curWidth += widthOf(pending) + widthOf(atom);
    for (let i = 0; i < atom.length; i++) if (atom[i]!.drawn) curDrawn++;
    pending = [];
  };
  /** Place as much of a Latin token as fits, breaking after @ . / -; the rest is returned. */
  const splitSoft = (atom: Token[], room: number): Token[] | undefined => {
    let best = 0;
    let w = 0;
    const points = new Set(softBreaks(atom));
    for (let k = 0; k < atom.length; k++) {
      w += atom[k]!.width;
      if (w > room + EPS) break;
      if (points.has(k + 1)) best = k + 1;
    }
    if (best === 0) return undefined;
    put(atom.slice(0, best));
    return atom.slice(best);
  };
  /** A unit wider than a line: soft breaks first, then between any two characters. */
  const forceSplit = (atom: Token[]): void => {
    let rest = atom;
    while (widthOf(rest) > avail() - curWidth + EPS) {
      const tail = splitSoft(rest, avail() - curWidth - widthOf(pending));
      if (tail !== undefined) {
        rest = tail;
        flush(false);
        continue;
      }
      if (cur.length > 0) {
        flush(false);
        continue;
      }
      // No soft break fits on an empty line: as many characters as fit.
      let k = 0;
      let w = 0;
      while (k < rest.length && (k === 0 || w + rest[k]!.width <= avail() + EPS)) w += rest[k++]!.width;
      put(rest.slice(0, k));
      rest = rest.slice(k);
      flush(false);
    }
    if (rest.length > 0) put(rest);
  };

  const { tokens, text } = tokenize(runs, size);
  for (const atom of atoms(tokens)) {
    const first = atom[0]!;
    if (first.kind === 'newline') {
      flush(true);
      continue;
    }
    if (first.kind === 'space') {
      if (cur.length > 0) pending.push(...atom);
      continue;
    }
    const w = widthOf(atom);
    const spaceWidth = widthOf(pending);
    if (curWidth + spaceWidth + w <= avail() + EPS) {
      put(atom);
      continue;
    }
    const room = avail() - curWidth - spaceWidth;
    // Moving the token whole leaves this line's gap to justification; when that would spread
    // the line beyond the cap, a long Latin token breaks instead.
    const gapTooWide = cur.length > 0 && (avail() - curWidth) / Math.max(1, curDrawn - 1) > preferBreak;
    if (w > avail() + EPS || gapTooWide) {
      const rest = splitSoft(atom, room);
      if (rest !== undefined) {
        flush(false);
        if (widthOf(rest) <= avail() + EPS) put(rest);
        else forceSplit(rest);
        continue;
      }
    }
    if (cur.length > 0) flush(false);
    if (w <= avail() + EPS) put(atom);
    else forceSplit(atom);
  }
  if (cur.length > 0 || drafts.length === 0 || pending.length > 0) flush(true);
  avoidLoneCharacter(drafts, width);
  return drafts.map((d) => makeLine(text, d.atoms, d.hard));
}

/** One ideograph, perhaps with its punctuation: what a last line must not be. */
function isLoneCharacter(atoms: readonly (readonly Token[])[]): boolean {
  let ideographs = 0;
  for (const atom of atoms) {
    for (const t of atom) {
      if (t.kind === 'space') continue;
      if (isIdeograph(t.ch)) ideographs++;
      else if (!CLOSING.has(t.ch) && !OPENING.has(t.ch)) return false;
      if (ideographs > 1) return false;
    }
  }
  return ideographs === 1;
}

/**
 * The last line of each paragraph (and before each forced break) never holds one CJK character
 * alone: the last unit of the line before comes down to join it, if that line keeps at least
 * one unit and the two still fit. (Only lines after the first are last lines, so `width`.)
 */
function avoidLoneCharacter(drafts: Draft[], width: number): void {
  for (let i = 1; i < drafts.length; i++) {
    const last = drafts[i]!;
    const before = drafts[i - 1]!;
    if (!last.hard || before.hard) continue;
    // Units come down until the last line holds two characters (a unit may be punctuation only).
    while (isLoneCharacter(last.atoms)) {
      let k = before.atoms.length - 1;
      while (k >= 0 && before.atoms[k]![0]!.kind === 'space') k--;
      // The line before keeps at least one unit.
      if (k <= 0) break;
      const moved = before.atoms[k]!;
      if (widthOf(moved) + last.atoms.reduce((w, a) => w + widthOf(a), 0) > width + EPS) break;
      before.atoms = before.atoms.slice(0, k);
      last.atoms = [moved, ...last.atoms];
    }
  }
}

/** Natural (one-line) width and the widest unbreakable unit of `runs`, in points. */
export function measureRuns(runs: readonly Run[], size: number): { readonly natural: number; readonly min: number } {
  let natural = 0;
  let line = 0;
  let min = 0;
  for (const atom of atoms(tokenize(runs, size).tokens)) {
    const w = widthOf(atom);
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
