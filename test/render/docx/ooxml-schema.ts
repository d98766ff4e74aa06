/**
 * Validating the parts of a DOCX against the ECMA-376 schemas (transitional, 4th edition) with
 * xmllint, the way dolanmiu/docx's own CI validates its output. The schemas are vendored under
 * test/fixtures/ooxml/ (see its README).
 *
 * Before validating, a part goes through Markup Compatibility processing as Word does it for a
 * consumer that knows only ECMA-376: elements and attributes in the namespaces a part declares
 * ignorable (mc:Ignorable, e.g. w14 and w15) are dropped, and mc:AlternateContent is replaced by its
 * mc:Fallback. What is left must be valid: an element out of order or an unknown attribute is what
 * makes Word offer to repair a file.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SCHEMAS = new URL('../../fixtures/ooxml/', import.meta.url).pathname;
const ISO = `${SCHEMAS}ISO-IEC29500-4_2016/`;

/** The schema of a part, by the namespace of its root element. */
const SCHEMA_BY_ROOT: Readonly<Record<string, string>> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': `${SCHEMAS}wordprocessingml.xsd`,
  'http://schemas.openxmlformats.org/package/2006/metadata/core-properties': `${SCHEMAS}opc/opc-coreProperties.xsd`,
  'http://schemas.openxmlformats.org/officeDocument/2006/custom-properties': `${ISO}shared-documentPropertiesCustom.xsd`,
  'http://schemas.openxmlformats.org/officeDocument/2006/extended-properties': `${ISO}shared-documentPropertiesExtended.xsd`,
  'http://schemas.openxmlformats.org/drawingml/2006/main': `${ISO}dml-main.xsd`,
};

const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

const TAG = /<(\/?)([A-Za-z_][\w.-]*(?::[\w.-]+)?)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
const ATTR = /\s+([^\s=/>]+)\s*=\s*("[^"]*"|'[^']*')/g;

/** The namespace URI the root element's prefix (or the default namespace) stands for. */
export function rootNamespace(xml: string): string | undefined {
  const root = xml.replace(/^<\?xml[^>]*\?>\s*/, '').match(/^<([^\s/>]+)([^>]*)>/);
  if (!root) return undefined;
  const prefix = root[1]!.includes(':') ? root[1]!.split(':')[0] : '';
  const decl = prefix ? `xmlns:${prefix}` : 'xmlns';
  return new RegExp(`\\s${decl}="([^"]*)"`).exec(root[2]!)?.[1];
}

/**
 * Markup Compatibility processing for a consumer of plain ECMA-376: what a part marks ignorable is
 * removed, alternate content keeps its fallback, the mc attributes go.
 */
export function stripIgnorable(xml: string): string {
  const ignorable = new Set<string>();
  let mcPrefix = 'mc';
  for (const m of xml.matchAll(/\sxmlns:([\w.-]+)="([^"]*)"/g)) if (m[2] === MC) mcPrefix = m[1]!;
  for (const m of xml.matchAll(new RegExp(`\\s${mcPrefix}:Ignorable="([^"]*)"`, 'g'))) for (const p of m[1]!.split(/\s+/)) if (p) ignorable.add(p);
  const prefixOf = (name: string) => (name.includes(':') ? name.split(':')[0]! : '');
  let out = '';
  let last = 0;
  let skipping = 0; // depth inside an element being dropped
  const stack: ('keep' | 'drop' | 'unwrap')[] = [];
  for (const m of xml.matchAll(TAG)) {
    const [whole, closing, name, attrs, selfClosing] = m as unknown as [string, string, string, string, string];
    const text = xml.slice(last, m.index);
    last = m.index! + whole.length;
    if (skipping === 0) out += text;
    if (closing) {
      const action = stack.pop();
      if (action === 'drop') skipping--;
      else if (action === 'keep' && skipping === 0) out += whole;
      continue;
    }
    const prefix = prefixOf(name);
    const drop = skipping > 0 || ignorable.has(prefix) || name === `${mcPrefix}:Choice`;
    const unwrap = !drop && (name === `${mcPrefix}:AlternateContent` || name === `${mcPrefix}:Fallback`);
    if (drop) {
      if (!selfClosing) {
        stack.push('drop');
        skipping++;
      }
      continue;
    }
    if (unwrap) {
      if (!selfClosing) stack.push('unwrap');
      continue;
    }
    const kept = (attrs ?? '').replace(ATTR, (a, attr: string) => (ignorable.has(prefixOf(attr)) || prefixOf(attr) === mcPrefix ? '' : a));
    out += `<${name}${kept}${selfClosing ? '/' : ''}>`;
    if (!selfClosing) stack.push('keep');
  }
  return out + xml.slice(last);
}

export interface PartProblem {
  readonly part: string;
  readonly message: string;
}

/**
 * Every XML part validated: against its schema where there is one (every part but the package's
 * [Content_Types].xml and relationships, whose schemas are not vendored: those are checked for
 * well-formedness). Returns xmllint's complaints, none when every part is valid.
 */
export function validateParts(parts: Readonly<Record<string, string>>): PartProblem[] {
  const dir = mkdtempSync(join(tmpdir(), 'ooxml-'));
  try {
    const bySchema = new Map<string, { file: string; part: string }[]>();
    const problems: PartProblem[] = [];
    Object.entries(parts).forEach(([part, xml], i) => {
      if (!/\.(xml|rels)$/.test(part)) return;
      const file = join(dir, `${i}.xml`);
      const schema = SCHEMA_BY_ROOT[rootNamespace(xml) ?? ''] ?? '';
      writeFileSync(file, schema ? stripIgnorable(xml) : xml);
      bySchema.set(schema, [...(bySchema.get(schema) ?? []), { file, part }]);
    });
    for (const [schema, files] of bySchema) {
      const args = ['--noout', '--nonet', ...(schema ? ['--schema', schema] : []), ...files.map((f) => f.file)];
      const run = spawnSync('xmllint', args, { encoding: 'utf8', maxBuffer: 64 << 20 });
      for (const line of run.stderr.split('\n')) {
        if (line.trim() === '' || / validates$/.test(line)) continue;
        const file = files.find((f) => line.startsWith(f.file));
        problems.push({ part: file?.part ?? '?', message: file ? line.slice(file.file.length) : line });
      }
      if (run.status !== 0 && problems.length === 0) problems.push({ part: '?', message: `xmllint exited with ${run.status}` });
    }
    return problems;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
