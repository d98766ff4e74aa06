import Handlebars from 'handlebars';
import { COMPILE_OPTIONS, BLOCK_HELPERS } from './compile-options.js';
import { HELPERS } from './context.js';
import { MARK, unescapeMarkdown } from './escape.js';
import { makeHelpers } from './helpers.js';
import { chineseCount } from '../model/numbering.js';
import type { TemplateContext } from './context.js';

/**
 * The reference of everything a template can use, generated from the code so that it cannot
 * drift: the variables are those of a real context (built from the example params, whose
 * values are the examples), described by the JSDoc of TemplateContext (extracted at build
 * time) or, for the params, by the JSON Schema; the helpers are HELPERS, each example run
 * through the real helper.
 */
export interface VariableEntry {
  readonly path: string;
  readonly doc: string | undefined;
  readonly example: string;
}

type Schema = { description?: string; properties?: Record<string, Schema>; items?: Schema; anyOf?: Schema[] };

/** The JSON Schema description of a params path (`contract.number`, `fees.items[].name`). */
function schemaDescription(schema: Schema, path: string): string | undefined {
  let node: Schema | undefined = schema;
  for (const segment of path.split('.')) {
    const list = segment.endsWith('[]');
    const key = list ? segment.slice(0, -2) : segment;
    node = propertyOf(node, key);
    if (list) node = node?.items ?? node?.anyOf?.find((s) => s.items)?.items;
    if (!node) return undefined;
  }
  return node.description ?? node.anyOf?.find((s) => s.description)?.description;
}

function propertyOf(node: Schema | undefined, key: string): Schema | undefined {
  if (!node) return undefined;
  return node.properties?.[key] ?? node.anyOf?.map((s) => s.properties?.[key]).find((s) => s !== undefined);
}

/** Shown value: unescaped, markers removed, cut at 40 characters. */
function shown(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? '(empty list)' : `(list of ${value.length})`;
  const raw = typeof value === 'string' ? unescapeMarkdown(value).replace(/[\uE000-\uE003]/g, '') : String(value);
  return raw.length > 40 ? `${raw.slice(0, 40)}…` : raw === '' ? '(empty)' : raw;
}

/** Every leaf (and every list) of the context, with its documentation. */
export function templateVariables(context: TemplateContext, contextDocs: Readonly<Record<string, string>>, schema: Schema): VariableEntry[] {
  const entries = new Map<string, VariableEntry>();
  const describe = (path: string): string | undefined => {
    if (contextDocs[path]) return contextDocs[path];
    // A key of a record (annexesByRole.form) is documented under the wildcard `*`.
    const segments = path.split('.');
    for (let i = 1; i < segments.length; i++) {
      const wild = [...segments.slice(0, i), segments[i]!.replace(/^[^[]+/, '*'), ...segments.slice(i + 1)].join('.');
      if (contextDocs[wild]) return contextDocs[wild];
    }
    if (path.startsWith('p.')) return schemaDescription(schema, path.slice(2));
    // Rows that copy a params list (maintenance[], changes[]) are described by the params.
    return schemaDescription(schema, path);
  };
  const visit = (value: unknown, path: string) => {
    if (Array.isArray(value)) {
      entries.set(path, { path, doc: describe(path), example: shown(value) });
      for (const item of value) visit(item, `${path}[]`);
      return;
    }
    if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) visit(child, path === '' ? key : `${path}.${key}`);
      return;
    }
    if (!entries.has(path)) entries.set(path, { path, doc: describe(path), example: value === null ? '(none)' : shown(value) });
  };
  visit(context, '');
  // Optional params the example leaves out are variables too.
  const fromSchema = (node: Schema, path: string) => {
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      if (key === 'extends') continue;
      const here = path === '' ? `p.${key}` : `${path}.${key}`;
      const items = child.items ?? child.anyOf?.find((s) => s.items)?.items;
      const group = child.properties ? child : child.anyOf?.find((s) => s.properties);
      if (!entries.has(here) && ![...entries.keys()].some((k) => k.startsWith(`${here}.`) || k.startsWith(`${here}[]`))) {
        entries.set(here, { path: here, doc: child.description ?? group?.description, example: '(not set in the example)' });
      }
      if (group) fromSchema(group, here);
      else if (items?.properties) fromSchema(items, `${here}[]`);
    }
  };
  fromSchema(schema, '');
  return [...entries.values()].sort((a, b) => order(a.path) - order(b.path) || a.path.localeCompare(b.path));
}

/** `p.*` first, then the computed values in the order the context declares them. */
function order(path: string): number {
  const top = path.split(/[.[]/)[0]!;
  return ['p', 'draft', 'term', 'services', 'fees', 'sla', 'maintenance', 'changes', 'disputes', 'annexes'].indexOf(top);
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** What a helper example prints with the example params (blanks shown as ____). */
function runExample(snippet: string, context: TemplateContext, articleIds: readonly string[]): string {
  const hb = Handlebars.create();
  const fn = hb.compile(snippet, COMPILE_OPTIONS);
  const out = fn({ ...context, draft: true }, { helpers: makeHelpers({ ...context, draft: true }), allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
  return unescapeMarkdown(out)
    .replace(new RegExp(`${MARK.blankOpen}([^${MARK.blankClose}]*)${MARK.blankClose}`, 'g'), '____（$1）')
    .replace(new RegExp(`${MARK.refOpen}(article|annex):([^${MARK.refClose}]*)${MARK.refClose}`, 'g'), (_, kind: string, id: string) => {
      if (kind === 'annex') return context.annexes.find((a) => a.id === id)?.label ?? id;
      const index = articleIds.indexOf(id);
      return index < 0 ? id : `第${chineseCount(index + 1)}条`;
    })
    .trim();
}

/** The whole reference, as Markdown (docs/template-variables.md is this text). */
export function templateReferenceMarkdown(context: TemplateContext, contextDocs: Readonly<Record<string, string>>, schema: Schema, articleIds: readonly string[]): string {
  const lines = [
    '# Template variables and helpers',
    '',
    '<!-- Generated by `contract templates vars` from the code: do not edit. -->',
    '',
    'What a template (`contract templates export`, then `contract gen --templates <dir>`) can use.',
    'Generated from the code: the variables of the template context (`src/compose/context.ts`, and',
    'for `p.*` the params schema), the helpers (`HELPERS`); each example is what',
    '`examples/params.example.yaml` prints.',
    '',
    'Every text value is already escaped for Markdown: print it with `{{path}}`. Amounts, dates and',
    'percentages are raw (`7450.00`, `2025-03-01`): print them through a helper. A list is used with',
    '`{{#each list}}…{{/each}}`, and inside it the fields of one item by their own name',
    '(`{{#each services.numbers}}{{number}}{{/each}}`). Optional params that a file leaves out are',
    'missing from the context: test them with `{{#if p.x}}` first. Templates run in strict mode: a',
    'name that is not here is an error with its file, line and column.',
    '',
    '## Variables',
    '',
    '| variable | what it is | example |',
    '| --- | --- | --- |',
  ];
  for (const v of templateVariables(context, contextDocs, schema)) {
    lines.push(`| \`${v.path}\` | ${cell(v.doc ?? '')} | ${cell(v.example)} |`);
  }
  lines.push('', '## Helpers', '', '| helper | takes | does | example | prints |', '| --- | --- | --- | --- | --- |');
  for (const h of HELPERS) {
    lines.push(`| \`${h.name}\` | ${cell(h.args.join(', '))} | ${cell(h.en)}（${cell(h.zh)}） | \`${cell(h.example)}\` | ${cell(runExample(h.example, context, articleIds))} |`);
  }
  lines.push(
    '',
    '## Blocks and partials',
    '',
    `Handlebars' own block helpers: ${BLOCK_HELPERS.map((b) => `\`{{#${b}}}\``).join(', ')}, with \`{{else}}\`.`,
    'A file `partials/<name>.md.hbs` in the templates folder is included with `{{> <name>}}`.',
    'Nothing else is available: no `lookup`, no `log`, no dynamic partials, no access to prototypes.',
    '',
  );
  return lines.join('\n');
}
