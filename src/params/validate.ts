/**
 * Runs the schema and turns every zod issue into a located, bilingual Diagnostic. No raw
 * zod message ever reaches the user: each issue kind has our own wording here, and leaf
 * checks carry theirs in `params.problem`.
 */
import type { z } from 'zod';
import { text, type Diagnostic } from '../diagnostics.js';
import { Located, type LoadedParams } from './load.js';
import type { SourceLocation } from './locate.js';
import { MSG, didYouMean, kindOf, problem, type Problem } from './messages.js';
import { capDiagnostics, MAX_DIAGNOSTICS, sortDiagnostics, toDiagnostic } from './report.js';
import { checkRenderLimits } from './render-limits.js';
import { fillMissing, openProblem, withDerived } from './draft.js';
import { lintParams } from './lint/index.js';
import { collectWarnings } from './rules.js';
import { paramsSchema, paramsShape } from './schema.js';
import type { ContractParams } from './types.js';

export interface ValidationResult {
  /** Undefined if and only if some diagnostic is an error. */
  readonly params?: ContractParams;
  readonly diagnostics: readonly Diagnostic[];
  /**
   * Draft only: key paths of required values that were missing, each filled with a
   * placeholder; compose prints them (and what is computed from them) as blanks.
   */
  readonly open?: readonly (readonly (string | number)[])[];
}

export interface ValidateOptions {
  /** Accept missing required values (each listed as a warning and printed as a blank); invalid values still fail. */
  readonly draft?: boolean;
}

/** Rounds of filling: a missing section is filled with {} and its own required keys in the next round. */
const MAX_FILL_ROUNDS = 6;

type Path = (string | number)[];
interface Found {
  path: Path;
  problem: Problem;
  /** Which position to report: the value, its key, or (missing value) the parent mapping. */
  at: 'value' | 'key' | 'parent';
  /** For an unknown key: the allowed key it is probably a typo of. */
  suggestion?: string;
}

function isLoaded(input: unknown): input is LoadedParams {
  if (input instanceof Located) return true;
  const o = input as Partial<LoadedParams> | null;
  return typeof o === 'object' && o !== null && typeof o.locate === 'function' && typeof o.file === 'string' && 'value' in o;
}

/**
 * Without zod's compiled fast path: it writes a parser per object schema with `new Function` at
 * its first parse, which a process that validates one file pays for and never gets back (first
 * validation of the example 20-25 -> 12-16 ms unoptimised); in a batch, warm and optimised, both
 * take ~0.5 ms. The issues are the same either way.
 */
const PARSE_OPTIONS = { reportInput: true, jitless: true } as const;

export function validateParams(input: LoadedParams | unknown, options: ValidateOptions = {}): ValidationResult {
  const loaded = isLoaded(input) ? input : undefined;
  const value = loaded ? loaded.value : input;
  const where = (path: Path, at: Found['at']): SourceLocation | undefined => {
    if (!loaded) return undefined;
    if (at === 'value') return loaded.locate(path);
    const target = at === 'key' ? path : path.slice(0, -1);
    return loaded.locateKey?.(target) ?? loaded.locate(target);
  };

  let r = paramsSchema.safeParse(value, PARSE_OPTIONS);
  const open: Path[] = [];
  const assumed: Path[] = [];
  if (options.draft) {
    let candidate = value;
    for (let round = 0; round < MAX_FILL_ROUNDS && !r.success; round++) {
      const missing = dropExplainedMissing(r.error.issues.flatMap((i) => fromIssue(i, [])))
        // A key written with no value (`name:`) is as open as one left out.
        .filter((f) => f.problem.code === 'required' || f.problem.code === 'no-value')
        .map((f) => f.path);
      if (missing.length === 0) break;
      const filled = fillMissing(candidate, missing, loaded?.file);
      candidate = filled.value;
      open.push(...filled.leaves);
      assumed.push(...filled.assumed);
      r = paramsSchema.safeParse(candidate, PARSE_OPTIONS);
    }
  }
  const dropped = droppedRecordKeys(value);
  if (!r.success || dropped.length > 0) {
    const found = [...(r.success ? [] : dropExplainedMissing(r.error.issues.flatMap((i) => fromIssue(i, [])))), ...dropped];
    const diagnostics = found.map((f) => toDiagnostic('schema', f.problem, { loc: where(f.path, f.at), file: loaded?.file, path: f.path }));
    return { diagnostics: capDiagnostics(sortDiagnostics(diagnostics, loaded?.file), loaded?.file) };
  }
  const limits = checkRenderLimits(r.data);
  if (limits.length > 0) {
    const errors = limits.map((m) => toDiagnostic('schema', m.problem, { loc: where(m.path, 'value'), file: loaded?.file, path: m.path }));
    return { diagnostics: sortDiagnostics(errors, loaded?.file) };
  }
  const allOpen = withDerived(open, value);
  const touchesOpen = (path: Path) => allOpen.some((o) => isPrefix(o, path) || isPrefix(path, o));
  const drafted = open.map((path) =>
    toDiagnostic('schema', openProblem(assumed.some((a) => isPrefix(a, path) && a.length === path.length)), { loc: where(path, 'parent'), file: loaded?.file, path }, 'warning'),
  );
  const warnings = collectWarnings(r.data)
    .filter((w) => !touchesOpen(w.path))
    .map((w) => toDiagnostic('schema', w.problem, { loc: where(w.path, 'value'), file: loaded?.file, path: w.path }, 'warning'));
  const lint = lintParams(r.data, { locate: (path) => where([...path], 'value'), file: loaded?.file, open: allOpen });
  return {
    params: r.data,
    diagnostics: sortDiagnostics([...drafted, ...warnings, ...lint], loaded?.file),
    ...(options.draft ? { open: allOpen } : {}),
  };
}

/**
 * A zod record skips an own `__proto__` key without a word (fees.units, the one record):
 * nothing a user wrote may be dropped silently, so it is an error here. (The YAML loader
 * refuses such keys anyway; this covers plain objects given to the library.)
 */
function droppedRecordKeys(value: unknown): Found[] {
  const fees = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)['fees'] : undefined;
  const units = typeof fees === 'object' && fees !== null ? (fees as Record<string, unknown>)['units'] : undefined;
  if (typeof units !== 'object' || units === null || !Object.hasOwn(units, '__proto__')) return [];
  return [{ path: ['fees', 'units', '__proto__'], problem: problem('forbidden-key', text('"__proto__" cannot be a key', '"__proto__" 不能用作键')), at: 'key' }];
}

const isPrefix = (prefix: readonly (string | number)[], path: readonly (string | number)[]) =>
  prefix.length <= path.length && prefix.every((s, i) => s === path[i]);

function fromIssue(issue: z.core.$ZodIssue, prefix: Path): Found[] {
  const path = [...prefix, ...(issue.path as Path)];
  switch (issue.code) {
    case 'custom': {
      const p = (issue.params as { problem?: Problem } | undefined)?.problem;
      if (p) return [{ path, problem: p, at: p.missing ? 'parent' : 'value' }];
      return [{ path, problem: invalid(), at: 'value' }];
    }
    case 'invalid_type': {
      const input = (issue as { input?: unknown }).input;
      if (input === undefined) return [{ path, problem: MSG.required(), at: 'parent' }];
      if (input === null) return [{ path, problem: MSG.noValue(), at: 'value' }];
      if (issue.expected === 'object') return [{ path, problem: MSG.notMapping(kindOf(input)), at: 'value' }];
      if (issue.expected === 'array') return [{ path, problem: MSG.notList(kindOf(input)), at: 'value' }];
      return [{ path, problem: invalid(), at: 'value' }];
    }
    case 'unrecognized_keys': {
      const allowed = allowedKeys(path);
      // Keys come in file order and at most MAX_DIAGNOSTICS are listed: the ones after those
      // are counted, never shown, and need no suggestion.
      return issue.keys.map((key, i) => {
        const suggestion = i < MAX_DIAGNOSTICS ? didYouMean(key, allowed) : undefined;
        return { path: [...path, key], problem: MSG.unknownKey(key, suggestion), at: 'key' as const, ...(suggestion ? { suggestion } : {}) };
      });
    }
    case 'invalid_key':
      // A record's key (fees.units) failed its own check: report that check's problem at the key.
      return issue.issues.flatMap((inner) => fromIssue(inner, path)).map((f) => ({ ...f, at: 'key' as const }));
    case 'invalid_value':
      return [{ path, problem: MSG.oneOf(issue.values.map(String)), at: 'value' }];
    case 'too_small':
      if (issue.origin === 'array') return [{ path, problem: MSG.listEmpty(), at: 'value' }];
      return [{ path, problem: invalid(), at: 'value' }];
    case 'invalid_union': {
      // The branch whose shape matched (its problems are inside the value) explains best.
      const inner = issue.errors.find((branch) => branch.some((i) => i.path.length > 0 || i.code === 'unrecognized_keys'));
      if (inner) return inner.flatMap((i) => fromIssue(i, path));
      if (path[path.length - 1] === 'conference') {
        return [{ path, problem: problem('bad-conference', text('must be false, or a mapping with maxParticipants', '必须是 false，或写明 maxParticipants 的映射'), text('e.g. conference: { maxParticipants: 50 }', '例如 conference: { maxParticipants: 50 }')), at: 'value' }];
      }
      return [{ path, problem: invalid(), at: 'value' }];
    }
    default:
      return [{ path, problem: invalid(), at: 'value' }];
  }
}

/**
 * A required key reported missing next to an unknown key that is a typo of it is one
 * mistake, not two: keep only the unknown key (its hint names the right spelling).
 */
function dropExplainedMissing(found: Found[]): Found[] {
  const typos = new Set(
    found
      .filter((f) => f.problem.code === 'unknown-key' && f.suggestion !== undefined)
      .map((f) => JSON.stringify([...f.path.slice(0, -1), f.suggestion])),
  );
  return found.filter((f) => !(f.problem.code === 'required' && typos.has(JSON.stringify(f.path))));
}

function invalid(): Problem {
  return problem('invalid', text('is not valid here', '此处的值无效'));
}

const WRAPPERS = new Set(['optional', 'default', 'prefault', 'nullable', 'readonly', 'catch', 'nonoptional']);

/** The keys the schema allows at `path`, for "did you mean". */
export function allowedKeys(path: readonly (string | number)[]): string[] {
  let schema: unknown = paramsShape;
  const unwrap = (s: unknown): { type?: string; [k: string]: unknown } => {
    let def = (s as { _zod?: { def?: Record<string, unknown> } })._zod?.def ?? {};
    for (let i = 0; i < 10; i++) {
      if (WRAPPERS.has(String(def.type))) def = (def.innerType as { _zod: { def: Record<string, unknown> } })._zod.def;
      else if (def.type === 'pipe') def = (def.in as { _zod: { def: Record<string, unknown> } })._zod.def;
      else break;
    }
    return def as { type?: string };
  };
  for (const seg of path) {
    const def = unwrap(schema);
    if (def.type === 'object' && typeof seg === 'string') schema = (def.shape as Record<string, unknown>)[seg];
    else if (def.type === 'array') schema = def.element;
    else if (def.type === 'union') schema = (def.options as unknown[]).find((o) => unwrap(o).type === 'object');
    else return [];
  }
  const def = unwrap(schema);
  if (def.type === 'union') {
    const obj = (def.options as unknown[]).find((o) => unwrap(o).type === 'object');
    return obj ? Object.keys(unwrap(obj).shape as object) : [];
  }
  return def.type === 'object' ? Object.keys(def.shape as object) : [];
}
