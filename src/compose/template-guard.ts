import Handlebars from 'handlebars';
import { HELPER_NAMES } from './context.js';
import { BLOCK_HELPERS } from './compile-options.js';

/**
 * User templates are data, not code. Before compiling, walk the template's syntax tree and
 * refuse anything that could reach outside the context: prototype members, decorators,
 * dynamic partials, helpers that are not ours.
 */
const FORBIDDEN_SEGMENTS = new Set([
  'constructor',
  '__proto__',
  'prototype',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toString',
  'valueOf',
  'toLocaleString',
]);

const ALLOWED_HELPERS = new Set<string>([...HELPER_NAMES, ...BLOCK_HELPERS]);

export interface GuardProblem {
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

type Node = { type?: string; loc?: { start: { line: number; column: number } }; [key: string]: unknown };

export function checkTemplate(source: string, partialNames: ReadonlySet<string>): GuardProblem[] {
  const problems: GuardProblem[] = [];
  const ast = Handlebars.parse(source) as unknown as Node;
  const report = (node: Node, message: string) =>
    problems.push({ message, line: node.loc?.start.line ?? 1, column: (node.loc?.start.column ?? 0) + 1 });

  const helperName = (node: Node): string | undefined => {
    const path = node['path'] as Node | undefined;
    return path?.type === 'PathExpression' ? String(path['original']) : undefined;
  };

  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    const n = node as Node;
    switch (n.type) {
      case 'PathExpression': {
        const parts = (n['parts'] as unknown[]).map(String);
        const bad = parts.find((part) => FORBIDDEN_SEGMENTS.has(part));
        if (bad) report(n, `"${bad}" cannot be used in a template`);
        break;
      }
      case 'Decorator':
      case 'DecoratorBlock':
        report(n, 'decorators ({{* …}}) are not supported in templates');
        break;
      case 'PartialStatement':
      case 'PartialBlockStatement': {
        const name = n['name'] as Node;
        if (name.type !== 'PathExpression' || String(name['original']).startsWith('@')) {
          report(n, 'only static partials such as {{> party-block}} are allowed');
        } else if (!partialNames.has(String(name['original']))) {
          report(n, `unknown partial "${String(name['original'])}"`);
        }
        break;
      }
      case 'MustacheStatement':
      case 'SubExpression':
      case 'BlockStatement': {
        const name = helperName(n);
        const params = (n['params'] as unknown[] | undefined) ?? [];
        const isCall = n.type === 'BlockStatement' || params.length > 0 || n['hash'] !== undefined;
        if (isCall && name !== undefined && !ALLOWED_HELPERS.has(name)) {
          report(n, `unknown helper "${name}"; the helpers are ${[...ALLOWED_HELPERS].join(', ')}`);
        }
        break;
      }
      default:
        break;
    }
    for (const [key, value] of Object.entries(n)) {
      if (key !== 'loc' && typeof value === 'object') visit(value);
    }
  };
  visit(ast);
  return problems;
}
