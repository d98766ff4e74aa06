/**
 * Limits on what templates may make, so that a hostile or mistaken template fails in
 * milliseconds with its file:line instead of exhausting memory (25 partials each calling the
 * next twice ran V8 out of memory after 31 s) or the stack (a partial calling itself):
 * - before rendering, the partial calls of user templates are followed statically: a partial
 *   that calls itself (directly or through others) or partials nested deeper than
 *   MAX_PARTIAL_DEPTH are errors at the call;
 * - while rendering, partial calls and output are counted per contract: more than
 *   MAX_PARTIAL_CALLS partial calls (loops around partials) or more than MAX_OUTPUT_CHARS of
 *   text is an error at the template and line being rendered.
 */
import type { HelperDelegate, HelperOptions } from 'handlebars';
import { ContractError, text, type Diagnostic } from '../diagnostics.js';
import type { TemplateFile } from './registry.js';

export const TEMPLATE_LIMITS = {
  maxPartialDepth: 10,
  maxPartialCalls: 10_000,
  /** The example contract is ~50,000 characters; a 1 MiB params file a few million. */
  maxOutputChars: 32 * 1024 * 1024,
} as const;

const PARTIALS = 'partials/';

interface Position {
  readonly line: number;
  readonly column: number;
}
interface Call extends Position {
  /** Template name of the partial called (`partials/x`). */
  readonly callee: string;
}

function limitError(file: string, at: Position | undefined, en: string, zh: string, hint?: [string, string]): ContractError {
  const d: Diagnostic = {
    kind: 'template',
    severity: 'error',
    code: 'template-limit',
    file,
    ...(at ? { line: at.line, column: at.column } : {}),
    message: text(en, zh),
    ...(hint ? { hint: text(...hint) } : {}),
  };
  return new ContractError([d]);
}

type AstNode = { type?: string; loc?: { start: { line: number; column: number } }; [key: string]: unknown };

/** The partial calls written in a template, in source order. */
async function partialCalls(source: string): Promise<Call[]> {
  const { default: Handlebars } = await import('handlebars');
  const calls: Call[] = [];
  let ast: AstNode;
  try {
    ast = Handlebars.parse(source) as unknown as AstNode;
  } catch {
    return calls; // A syntax error is reported, located, when the template is compiled.
  }
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    const n = node as AstNode;
    if (n.type === 'PartialStatement' || n.type === 'PartialBlockStatement') {
      const name = n['name'] as AstNode | undefined;
      if (name?.type === 'PathExpression') {
        calls.push({ callee: `${PARTIALS}${String(name['original'])}`, line: n.loc?.start.line ?? 1, column: (n.loc?.start.column ?? 0) + 1 });
      }
    }
    for (const [key, value] of Object.entries(n)) if (key !== 'loc' && typeof value === 'object') visit(value);
  };
  visit(ast);
  return calls;
}

/** Where each template calls which partials: built once per template set. */
export type CallSites = ReadonlyMap<string, readonly Call[]>;

const checkedSets = new WeakMap<readonly TemplateFile[], CallSites>();

/**
 * Follows the partial calls of a template set: a recursive partial or nesting deeper than
 * the limit throws, at the call. Built-in templates call no partials, so a set without user
 * templates costs nothing.
 */
export async function checkPartialGraph(templates: readonly TemplateFile[]): Promise<CallSites> {
  const known = checkedSets.get(templates);
  if (known) return known;
  const sites = new Map<string, readonly Call[]>();
  if (templates.some((t) => !t.builtIn)) {
    for (const t of templates) sites.set(t.name, t.source.includes('{{>') || t.source.includes('{{#>') || t.source.includes('{{~>') ? await partialCalls(t.source) : []);
  }
  const byName = new Map(templates.map((t) => [t.name, t]));
  const depth = new Map<string, number>();
  const onPath: string[] = [];

  /** The deepest chain of partial calls below `name`; throws on a cycle or too deep a chain. */
  const deepest = (name: string): number => {
    const done = depth.get(name);
    if (done !== undefined) return done;
    onPath.push(name);
    let max = 0;
    for (const call of sites.get(name) ?? []) {
      const file = byName.get(name)!.file;
      if (!byName.has(call.callee)) continue; // Unknown partials are the guard's message.
      if (onPath.includes(call.callee)) {
        const chain = [...onPath.slice(onPath.indexOf(call.callee)), call.callee].map((n) => n.replace(PARTIALS, '')).join(' → ');
        throw limitError(file, call, `the partial "${call.callee.slice(PARTIALS.length)}" is called inside itself (${chain}): recursive partials are not allowed`, `部分模板“${call.callee.slice(PARTIALS.length)}”在自身内部被调用（${chain}）：不允许递归调用`, [
          'a partial may call other partials, but never back into one that is running',
          '部分模板可以调用其他部分模板，但不能回调正在执行的部分模板',
        ]);
      }
      if (onPath.length >= TEMPLATE_LIMITS.maxPartialDepth) {
        throw limitError(file, call, `partials are nested more than ${TEMPLATE_LIMITS.maxPartialDepth} deep here (${[...onPath, call.callee].map((n) => n.replace(PARTIALS, '')).join(' → ')})`, `此处部分模板嵌套超过 ${TEMPLATE_LIMITS.maxPartialDepth} 层（${[...onPath, call.callee].map((n) => n.replace(PARTIALS, '')).join(' → ')}）`);
      }
      max = Math.max(max, 1 + deepest(call.callee));
    }
    onPath.pop();
    depth.set(name, max);
    return max;
  };
  for (const t of templates) deepest(t.name);
  checkedSets.set(templates, sites);
  return sites;
}

type TemplateFn = (context: unknown, options?: Record<string, unknown>) => string;

/** The counters of one contract's rendering, and the wrappers that keep them. */
export interface RenderGuard {
  /** The partials, each counted and bounded. */
  readonly partials: Record<string, TemplateFn>;
  /** Helpers that replace Handlebars' own to count what they make (`each`). */
  readonly helpers: Record<string, HelperDelegate>;
  /** Renders one top-level template under the guard. */
  render(template: TemplateFile, fn: TemplateFn, context: unknown, options: Record<string, unknown>): string;
}

export function renderGuard(
  partials: ReadonlyMap<string, { readonly template: TemplateFile; readonly fn: TemplateFn }>,
  sites: CallSites,
  each: HelperDelegate,
): RenderGuard {
  let calls = 0;
  let produced = 0;
  const stack: TemplateFile[] = [];
  const current = (): TemplateFile => stack[stack.length - 1]!;
  const callSite = (caller: TemplateFile, callee: string): Position | undefined => sites.get(caller.name)?.find((c) => c.callee === callee);

  const tooMuch = (at: Position | undefined): ContractError =>
    limitError(
      current().file,
      at,
      `the templates make more than ${TEMPLATE_LIMITS.maxOutputChars / 1024 / 1024} MiB of text here (partials or loops repeating too much)`,
      `模板在此处生成的文字超过 ${TEMPLATE_LIMITS.maxOutputChars / 1024 / 1024} MiB（部分模板或循环重复过多）`,
    );
  const count = (chars: number, at: Position | undefined): void => {
    produced += chars;
    if (produced > TEMPLATE_LIMITS.maxOutputChars) throw tooMuch(at);
  };

  const wrapped: Record<string, TemplateFn> = {};
  for (const [name, { template, fn }] of partials) {
    wrapped[name] = (context, options) => {
      const caller = current();
      const at = callSite(caller, template.name);
      if (++calls > TEMPLATE_LIMITS.maxPartialCalls) {
        throw limitError(caller.file, at, `more than ${TEMPLATE_LIMITS.maxPartialCalls} partial calls for one contract (a partial called in a loop or repeatedly)`, `一份合同调用部分模板超过 ${TEMPLATE_LIMITS.maxPartialCalls} 次（在循环中或反复调用）`);
      }
      // Static checks make this unreachable for files on disk; kept for partials given otherwise.
      if (stack.length > TEMPLATE_LIMITS.maxPartialDepth) {
        throw limitError(caller.file, at, `partials are nested more than ${TEMPLATE_LIMITS.maxPartialDepth} deep here`, `此处部分模板嵌套超过 ${TEMPLATE_LIMITS.maxPartialDepth} 层`);
      }
      stack.push(template);
      let out: string;
      try {
        out = fn(context, options);
      } finally {
        stack.pop();
      }
      count(out.length, at);
      return out;
    };
  }

  const countedEach: HelperDelegate = function (this: unknown, ...args: unknown[]) {
    const out = (each as (...a: unknown[]) => unknown).apply(this, args);
    const options = args[args.length - 1] as HelperOptions & { loc?: { start: { line: number; column: number } } };
    const loc = options?.loc?.start;
    count(typeof out === 'string' ? out.length : 0, loc ? { line: loc.line, column: loc.column + 1 } : undefined);
    return out;
  };

  return {
    partials: wrapped,
    helpers: { each: countedEach },
    render(template, fn, context, options) {
      stack.push(template);
      try {
        const out = fn(context, options);
        count(out.length, undefined);
        return out;
      } finally {
        stack.pop();
      }
    },
  };
}
