// What the build's packaged data is made from: the bundled example, and the example with every
// party name, person, phone number and the contract number changed. The scripts that package the
// model, the PDF's lines and the DOCX's blocks (scripts/packaged-*.mjs) keep what builds of the two
// share, so that none of the example's own names and numbers is packaged.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const example = readFileSync('examples/params.example.yaml', 'utf8');

export const exampleWithOtherParties = [
  ['YDH-2025-0001', 'YDH-2025-7351'],
  ['北京星河数据科技有限公司', '北京鼎盛航数据科技有限公司'],
  ['上海云语通信技术有限公司', '上海启明通信技术有限公司'],
  ['legalRepresentative: 张伟', 'legalRepresentative: 赵启'],
  ['legalRepresentative: 王强', 'legalRepresentative: 钱明'],
  ['name: 李娜', 'name: 孙华'],
  ['name: 陈静', 'name: 周远'],
  ['010-62345678', '010-68881234'],
  ['021-50001234', '021-59990000'],
].reduce((yaml, [from, to]) => {
  if (!yaml.includes(from)) throw new Error(`the example no longer has ${from}`);
  return yaml.replace(from, to);
}, example);

/** The contract document of `yaml`, from the compiled modules in dist/. */
export async function contractOf(yaml) {
  const { validate, buildContract } = await import('../dist/pipeline.js');
  const { params, diagnostics } = await validate({ yaml, file: 'params.yaml' });
  if (!params) throw new Error(diagnostics.map((d) => d.message.en).join('; '));
  return buildContract(params);
}

/**
 * The entries of `first` that `second` has too: what the builds of the example and of the example
 * with other parties share, at least `least` of them. The same key must give the same value:
 * otherwise the key misses something the value depends on.
 */
export function sharedEntries(first, second, what, least) {
  const shared = [...first].filter(([key, value]) => {
    if (!second.has(key)) return false;
    if (JSON.stringify(second.get(key)) !== JSON.stringify(value)) throw new Error(`${what}: ${key} is made two ways`);
    return true;
  });
  if (shared.length < least) throw new Error(`${what}: only ${shared.length} shared`);
  console.log(`${what}: ${shared.length} of ${first.size} shared`);
  return shared;
}

/** Writes `text` as the one file `name` of the build's folder `dir`, emptied first. */
export function writePackaged(dir, name, text) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), text);
}
