/**
 * Reading a DOCX back, for tests and for comparing the DOCX with the PDF: the paragraph
 * texts in document order (tables included, header and footer not; a field's cached result
 * counts as text), with the labels Word would show for numbered paragraphs (第一条, 1.1, （1）,
 * •, 附件一) computed from numbering.xml the way Word counts them, legal numbering (w:isLgl)
 * included. A label and its text are one space apart whatever the level's suffix (a tab or a
 * space), as a reader sees them. Not a general DOCX reader: enough for the files renderDocx writes.
 */
import { strFromU8, unzipSync } from 'fflate';
import { chineseCount } from '../../../src/model/numbering.js';

/** Every part of the package, decoded as UTF-8 text. */
export function docxParts(bytes: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(unzipSync(bytes))) out[name] = strFromU8(data);
  return out;
}

export interface ParagraphTextOptions {
  /** Prefix numbered paragraphs with their label (default true). */
  readonly labels?: boolean;
  /** Keep paragraphs without text (default false). */
  readonly keepEmpty?: boolean;
}

/** The paragraph texts of word/document.xml in order; `\n` for a line break, `\t` for a tab. */
export function docxParagraphTexts(bytes: Uint8Array, options: ParagraphTextOptions = {}): string[] {
  const parts = docxParts(bytes);
  const numbering = parseNumbering(parts['word/numbering.xml'] ?? '');
  const styleNum = parseStyleNumbering(parts['word/styles.xml'] ?? '');
  const counters = new Map<string, number[]>();
  const texts: string[] = [];
  for (const p of (parts['word/document.xml'] ?? '').match(/<w:p\b(?![A-Za-z])(?:\/>|[\s\S]*?<\/w:p>)/g) ?? []) {
    const text = runText(p);
    const style = attr(p.match(/<w:pStyle\b[^>]*>/)?.[0] ?? '', 'w:val');
    const direct = p.match(/<w:numPr>([\s\S]*?)<\/w:numPr>/)?.[1];
    const num = direct !== undefined ? numPrOf(direct) : style !== undefined ? styleNum.get(style) : undefined;
    let label = '';
    if (num && numbering.nums.has(num.numId)) label = nextLabel(numbering, counters, num.numId, num.ilvl);
    const full = (options.labels ?? true) ? label + text : text;
    if (full !== '' || options.keepEmpty) texts.push(full);
  }
  return texts;
}

interface Level {
  readonly format: string;
  readonly text: string;
  readonly start: number;
  readonly legal: boolean;
  readonly suffix: string;
}

interface NumberingDefs {
  readonly abstracts: Map<string, Level[]>;
  readonly nums: Map<string, { abstractId: string; starts: Map<number, number> }>;
}

const attr = (tag: string, name: string): string | undefined => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];
const childVal = (xml: string, name: string): string | undefined => attr(xml.match(new RegExp(`<w:${name}\\b[^>]*>`))?.[0] ?? '', 'w:val');

function numPrOf(xml: string): { numId: string; ilvl: number } | undefined {
  const numId = childVal(xml, 'numId');
  return numId === undefined || numId === '0' ? undefined : { numId, ilvl: Number(childVal(xml, 'ilvl') ?? 0) };
}

function parseNumbering(xml: string): NumberingDefs {
  const abstracts = new Map<string, Level[]>();
  for (const a of xml.match(/<w:abstractNum\b[\s\S]*?<\/w:abstractNum>/g) ?? []) {
    const levels: Level[] = [];
    for (const l of a.match(/<w:lvl\b[\s\S]*?<\/w:lvl>/g) ?? []) {
      levels[Number(attr(l, 'w:ilvl') ?? 0)] = {
        format: childVal(l, 'numFmt') ?? 'decimal',
        text: decode(childVal(l, 'lvlText') ?? ''),
        start: Number(childVal(l, 'start') ?? 1),
        legal: /<w:isLgl\s*\/>/.test(l),
        suffix: { space: ' ', nothing: '', tab: ' ' }[childVal(l, 'suff') ?? 'tab'] ?? ' ',
      };
    }
    abstracts.set(attr(a, 'w:abstractNumId') ?? '', levels);
  }
  const nums = new Map<string, { abstractId: string; starts: Map<number, number> }>();
  for (const n of xml.match(/<w:num\b[\s\S]*?<\/w:num>/g) ?? []) {
    const starts = new Map<number, number>();
    for (const o of n.match(/<w:lvlOverride\b[\s\S]*?<\/w:lvlOverride>/g) ?? []) {
      const start = childVal(o, 'startOverride');
      if (start !== undefined) starts.set(Number(attr(o, 'w:ilvl') ?? 0), Number(start));
    }
    nums.set(attr(n, 'w:numId') ?? '', { abstractId: childVal(n, 'abstractNumId') ?? '', starts });
  }
  return { abstracts, nums };
}

function parseStyleNumbering(xml: string): Map<string, { numId: string; ilvl: number }> {
  const out = new Map<string, { numId: string; ilvl: number }>();
  for (const s of xml.match(/<w:style\b[\s\S]*?<\/w:style>/g) ?? []) {
    const numPr = s.match(/<w:numPr>([\s\S]*?)<\/w:numPr>/)?.[1];
    const id = attr(s, 'w:styleId');
    const num = numPr === undefined ? undefined : numPrOf(numPr);
    if (id !== undefined && num) out.set(id, num);
  }
  return out;
}

/** Counts the paragraph in its list (per numId, as Word does) and returns its label. */
function nextLabel(defs: NumberingDefs, counters: Map<string, number[]>, numId: string, ilvl: number): string {
  const num = defs.nums.get(numId)!;
  const levels = defs.abstracts.get(num.abstractId) ?? [];
  const level = levels[ilvl];
  if (!level) return '';
  const startOf = (i: number) => num.starts.get(i) ?? levels[i]?.start ?? 1;
  const count = counters.get(numId) ?? [];
  count[ilvl] = (count[ilvl] ?? startOf(ilvl) - 1) + 1;
  for (let i = 0; i < ilvl; i++) count[i] ??= startOf(i);
  count.length = ilvl + 1;
  counters.set(numId, count);
  if (level.format === 'bullet') return level.text + level.suffix;
  const label = level.text.replace(/%([1-9])/g, (_m, d: string) => {
    const i = Number(d) - 1;
    return formatNumber(count[i] ?? startOf(i), level.legal && i < ilvl ? 'decimal' : (levels[i]?.format ?? 'decimal'));
  });
  return label + level.suffix;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'ideographTraditional':
      return chineseCount(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return CIRCLED[n - 1] ?? String(n);
    case 'lowerLetter':
      return String.fromCharCode(96 + (((n - 1) % 26) + 1));
    case 'upperLetter':
      return String.fromCharCode(64 + (((n - 1) % 26) + 1));
    default:
      return String(n);
  }
}

/** The text of a paragraph's runs: w:t, w:tab as \t, w:br (not page breaks) as \n; field codes left out. */
function runText(p: string): string {
  let out = '';
  for (const m of p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\b([^>]*)\/>/g)) {
    if (m[1] !== undefined) out += decode(m[1]);
    else if (m[0].startsWith('<w:tab')) out += '\t';
    else if (!/w:type="(page|column)"/.test(m[2] ?? '')) out += '\n';
  }
  return out;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decode(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, e: string) =>
    e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : (ENTITIES[e] ?? m),
  );
}
