// Extracts the documentation of the template context (the JSDoc of TemplateContext in
// src/compose/context.ts) into dist/template-context-docs.json, keyed by variable path
// (`term.endDate`, `services.numbers[].no`), for `contract templates vars`: the reference
// is generated from the code, so it cannot drift from it.
import { readFileSync, writeFileSync } from 'node:fs';
import ts from 'typescript';

const file = 'src/compose/context.ts';
const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
const docs = {};

const docOf = (node) =>
  ts
    .getJSDocCommentsAndTags(node)
    .filter(ts.isJSDoc)
    .map((d) => (typeof d.comment === 'string' ? d.comment : ts.getTextOfJSDocComment(d.comment) ?? ''))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Walks a type; records the doc of each member under its path. Lists add `[]`. */
function walk(type, prefix) {
  if (!type) return;
  if (ts.isParenthesizedTypeNode(type)) return walk(type.type, prefix);
  if (ts.isTypeOperatorNode(type)) return walk(type.type, prefix);
  if (ts.isArrayTypeNode(type)) return walk(type.elementType, `${prefix}[]`);
  if (ts.isUnionTypeNode(type) || ts.isIntersectionTypeNode(type)) return type.types.forEach((t) => walk(t, prefix));
  if (ts.isTypeLiteralNode(type)) return members(type.members, prefix);
}

function members(list, prefix) {
  for (const member of list) {
    if (!ts.isPropertySignature(member)) continue;
    const path = `${prefix}${prefix ? '.' : ''}${member.name.getText(source)}`;
    const doc = docOf(member);
    if (doc) docs[path] = doc;
    walk(member.type, path);
  }
}

ts.forEachChild(source, (node) => {
  if (ts.isInterfaceDeclaration(node) && node.name.text === 'TemplateContext') members(node.members, '');
});
if (Object.keys(docs).length === 0) throw new Error(`no documented members of TemplateContext found in ${file}`);
writeFileSync('dist/template-context-docs.json', `${JSON.stringify(docs, null, 2)}\n`);
