/**
 * Drafts with open points (`--draft`): a required value that is missing is accepted, and the
 * contract prints it as a blank ____. Validation fills each missing value with a placeholder
 * the schema accepts, so that every other rule still runs on a complete, typed value, and
 * returns the key paths it filled ("open"); compose prints those paths as blanks. A missing
 * text is filled with the blank marker itself (it flows into defaults such as the court,
 * 「____人民法院」); numbers, dates and choices get a neutral typed value that compose never
 * prints. Invalid values stay errors: only absence is forgiven.
 */
import { basename, extname } from 'node:path';
import { z } from 'zod';
import { text, type LocalizedText } from '../diagnostics.js';
import { problem, type Problem } from './messages.js';
import { creditCodeCheckChar } from './credit-code.js';
import { openText } from './open-value.js';
import { paramsShape } from './schema.js';

export { OPEN_MARK, isOpenText, openText } from './open-value.js';

type Path = (string | number)[];

/** A credit code with a valid check character, for a missing one (never printed). */
const PLACEHOLDER_CREDIT_CODE = `91110000000000000${creditCodeCheckChar('91110000000000000')}`;
/** Before any date a user may give, so that no "not before the signing date" rule fires. */
const PLACEHOLDER_SIGNING_DATE = '1900-01-01';
const PLACEHOLDER_DATE = '9999-12-31';

const WRAPPERS = new Set(['optional', 'default', 'prefault', 'nullable', 'readonly', 'catch', 'nonoptional']);
type Def = { type?: string; [k: string]: unknown };
const defOf = (s: unknown): Def => ((s as { _zod?: { def?: Def } })._zod?.def ?? {}) as Def;

function unwrap(schema: unknown): unknown {
  let s = schema;
  for (let i = 0; i < 10 && WRAPPERS.has(String(defOf(s).type)); i++) s = defOf(s).innerType;
  return s;
}

/** The schema of the value at `path` (wrappers removed), or undefined. */
export function schemaAt(path: readonly (string | number)[]): unknown {
  let schema: unknown = unwrap(paramsShape);
  for (const seg of path) {
    const def = defOf(schema);
    if (def.type === 'object' && typeof seg === 'string') schema = (def.shape as Record<string, unknown>)[seg];
    else if (def.type === 'array') schema = def.element;
    else if (def.type === 'union') {
      const obj = (def.options as unknown[]).find((o) => defOf(unwrap(o)).type === 'object');
      schema = obj === undefined ? undefined : (defOf(unwrap(obj)).shape as Record<string, unknown>)[String(seg)];
    } else return undefined;
    schema = unwrap(schema);
  }
  return schema;
}

interface LeafMeta {
  type?: string | string[];
  format?: string;
  minimum?: number;
  enum?: unknown[];
  anyOf?: { enum?: unknown[] }[];
  pattern?: string;
  description?: string;
}

const metaOf = (schema: unknown): LeafMeta => (z.globalRegistry.get(schema as z.ZodType) ?? {}) as LeafMeta;

/** The Chinese words of a field's description: 名称 of '名称 Registered name'. */
export function chineseLabel(path: readonly (string | number)[]): string {
  const description = metaOf(schemaAt(path)).description ?? '';
  const label = /^[^A-Za-z]*/.exec(description)?.[0].replace(/[\s（(]+$/, '').trim() ?? '';
  const role = path[0] === 'parties' ? (path[1] === 'client' ? '甲方' : path[1] === 'provider' ? '乙方' : '') : '';
  return `${role}${label}` || path.map(String).join('.');
}

export interface Filled {
  /** The input with a placeholder at each missing path. */
  readonly value: unknown;
  /** Paths of leaves now holding a placeholder (sections and lists filled as {} or [{}] are not listed: their leaves are, next round). */
  readonly leaves: Path[];
  /** Leaves whose placeholder prints as if given (a boolean: the draft assumes true). */
  readonly assumed: Path[];
}

/** What stands in for a missing value at `path`: { value, leaf, assumed }. */
function placeholder(path: Path, file: string | undefined): { value: unknown; leaf: boolean; assumed?: boolean } {
  const schema = schemaAt(path);
  const def = defOf(schema);
  if (def.type === 'object') return { value: {}, leaf: false };
  if (def.type === 'array') return { value: [{}], leaf: false };
  const meta = metaOf(schema);
  const last = path[path.length - 1];
  const types = ([] as string[]).concat(meta.type ?? []);
  if (path.join('.') === 'contract.number') {
    // The output file is named after the contract number: name a numberless draft after its params file.
    const name = file && !file.startsWith('<') ? basename(file, extname(file)) : '';
    return { value: name !== '' ? name : '草稿', leaf: true };
  }
  if (meta.format === 'date') return { value: path.join('.') === 'contract.signing.date' ? PLACEHOLDER_SIGNING_DATE : PLACEHOLDER_DATE, leaf: true };
  if (types.includes('boolean')) return { value: true, leaf: true, assumed: true };
  if (types.includes('integer') && !types.includes('string')) return { value: meta.minimum ?? 1, leaf: true };
  const choices = meta.enum ?? meta.anyOf?.find((a) => a.enum)?.enum;
  if (choices && choices.length > 0) return { value: choices[0], leaf: true };
  if (meta.pattern === '^[0-9A-HJ-NP-RTUWXY]{18}$') return { value: PLACEHOLDER_CREDIT_CODE, leaf: true };
  if (meta.pattern === '^\\d{8,30}$') return { value: '00000000', leaf: true };
  if (last === 'phone' || last === 'hotline') return { value: '010-00000000', leaf: true };
  if (meta.format === 'email') return { value: 'open@example.invalid', leaf: true };
  if (types.includes('number')) return { value: '1', leaf: true };
  return { value: openText(chineseLabel(path)), leaf: true };
}

/** A copy of `root` with `value` at `path`, copying only the objects along the path. */
function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const base: unknown = root ?? (typeof head === 'number' ? [] : {});
  if (Array.isArray(base)) {
    const copy = [...base];
    copy[head as number] = setAt(base[head as number], rest, value);
    return copy;
  }
  const copy: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  copy[String(head)] = setAt((base as Record<string, unknown>)[String(head)], rest, value);
  return copy;
}

/** Puts a placeholder at each missing path. */
export function fillMissing(value: unknown, missing: readonly Path[], file: string | undefined): Filled {
  let out = value;
  const leaves: Path[] = [];
  const assumed: Path[] = [];
  for (const path of missing) {
    const p = placeholder(path, file);
    out = setAt(out, path, p.value);
    if (p.leaf) leaves.push(path);
    if (p.assumed) assumed.push(path);
  }
  return { value: out, leaves, assumed };
}

/**
 * Defaults taken from another value (finish() in schema.ts): when the source is open and the
 * target was not given, the target is open too.
 */
// (A text default needs no entry: the blank marker flows into it, e.g. the court 「____人民法院」.)
const DERIVED: readonly { target: Path; source: Path }[] = [
  { target: ['contract', 'term', 'effectiveDate'], source: ['contract', 'signing', 'date'] },
  { target: ['support', 'hotline'], source: ['parties', 'provider', 'contact', 'phone'] },
  { target: ['termination', 'finalBillWorkingDays'], source: ['fees', 'billing', 'paymentDays'] },
];

const same = (a: readonly (string | number)[], b: readonly (string | number)[]) => a.length === b.length && a.every((s, i) => s === b[i]);

function given(value: unknown, path: Path): boolean {
  let v = value;
  for (const seg of path) {
    if (typeof v !== 'object' || v === null) return false;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v !== undefined;
}

/** The open paths plus the defaults computed from them (only where the user gave no value). */
export function withDerived(open: readonly Path[], raw: unknown): Path[] {
  const out = [...open];
  for (const { target, source } of DERIVED) {
    if (out.some((p) => same(p, source)) && !given(raw, target) && !out.some((p) => same(p, target))) out.push(target);
  }
  return out;
}

/** The warning that lists an open value in a draft. */
export function openProblem(assumed: boolean): Problem {
  const message: LocalizedText = assumed
    ? text('is required but missing: the draft assumes true; decide before signing', '必填项缺失：草稿暂按 true 处理，签署前请确定')
    : text('is required but missing: the draft leaves it blank (____) to fill in', '必填项缺失：草稿中留作空白（____），待填写');
  return problem('draft-open', message);
}
