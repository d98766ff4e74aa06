// The bundled example with every party name, person, phone number and the contract number
// changed: what the build's packaged data keeps is what a render of the example shares with a
// render of this (scripts/packaged-lines.mjs, scripts/packaged-docx.mjs), so that none of the
// example's own names and numbers is packaged.
import { readFileSync } from 'node:fs';

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
