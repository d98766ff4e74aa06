// Extracts the documentation of the template context (the JSDoc of TemplateContext in
// src/compose/context.ts) into dist/template-context-docs.json, keyed by variable path
// (`term.endDate`, `services.numbers[].no`), for `contract templates vars`: the reference
// is generated from the code, so it cannot drift from it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

/** Interfaces and type aliases the context refers to by name, from this file and the files it imports types from. */
const named = new Map();
function collectNamed(sourceFile) {
  ts.forEachChild(sourceFile, (node) => {
    if (ts.isInterfaceDeclaration(node)) named.set(node.name.text, { members: node.members });
    else if (ts.isTypeAliasDeclaration(node)) named.set(node.name.text, { type: node.type });
  });
}
collectNamed(source);
for (const statement of source.statements) {
  if (!ts.isImportDeclaration(statement) || !statement.importClause?.isTypeOnly) continue;
  const spec = statement.moduleSpecifier.text;
  if (!spec.startsWith('.')) continue;
  const path = join('src/compose', spec.replace(/\.js$/, '.ts'));
  collectNamed(ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true));
}

const visiting = new Set();

/** The keys a Record's key type allows, when it is a union of string literals (or names one). */
function keyNames(type) {
  const alias = type && ts.isTypeReferenceNode(type) ? named.get(type.typeName.getText(type.getSourceFile()))?.type : type;
  if (!alias || !ts.isUnionTypeNode(alias)) return '';
  return alias.types.map((t) => (ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal) ? t.literal.text : '')).filter(Boolean).join(', ');
}

/**
 * Walks a type; records the doc of each member under its path. Lists add `[]`; a Record's
 * keys are one wildcard segment `*` (`annexesByRole.*[].id`).
 */
function walk(type, prefix) {
  if (!type) return;
  if (ts.isTypeReferenceNode(type)) {
    const name = type.typeName.getText(type.getSourceFile());
    const args = type.typeArguments ?? [];
    if (name === 'Readonly' || name === 'ReadonlyArray' || name === 'Array') {
      return name === 'Readonly' ? walk(args[0], prefix) : walk(args[0], `${prefix}[]`);
    }
    if (name === 'Record' || name === 'ReadonlyMap') {
      const keys = keyNames(args[0]);
      docs[`${prefix}.*`] ??= `The entry of ${prefix} for one key${keys ? ` (${keys})` : ''}.`;
      return walk(args[1], `${prefix}.*`);
    }
    const target = named.get(name);
    if (!target || visiting.has(name)) return;
    visiting.add(name);
    if (target.members) members(target.members, prefix);
    else walk(target.type, prefix);
    visiting.delete(name);
    return;
  }
  if (ts.isParenthesizedTypeNode(type)) return walk(type.type, prefix);
  if (ts.isTypeOperatorNode(type)) return walk(type.type, prefix);
  if (ts.isArrayTypeNode(type)) return walk(type.elementType, `${prefix}[]`);
  if (ts.isUnionTypeNode(type) || ts.isIntersectionTypeNode(type)) return type.types.forEach((t) => walk(t, prefix));
  if (ts.isTypeLiteralNode(type)) return members(type.members, prefix);
}

function members(list, prefix) {
  for (const member of list) {
    if (!ts.isPropertySignature(member)) continue;
    const path = `${prefix}${prefix ? '.' : ''}${member.name.getText(member.getSourceFile())}`;
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
