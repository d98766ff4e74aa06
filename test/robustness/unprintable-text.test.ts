/**
 * Text the DOCX or the PDF cannot hold: characters XML 1.0 forbids (a DOCX with one is
 * unreadable) and characters the bundled font lacks (a PDF with one shows an empty box).
 * Each is an input error naming the character, the key path and file:line:column; nothing is
 * written, whatever the format asked for. The corpus (test/fixtures/invalid) already has a
 * quoted "\u0007" escape and a private-use character; these are raw characters in the file.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContractError } from '../../src/diagnostics.js';
import { generate, validate } from '../../src/pipeline.js';
import { runCli, tempDir } from '../cli/run-cli.js';
import { EXAMPLE_TEXT, STACK, exampleObject, positionOf } from './helpers.js';

const CLIENT = 'name: 北京星河数据科技有限公司';
const PROVIDER = 'name: 上海云语通信技术有限公司';
const ADDRESS = 'address: 北京市海淀区中关村大街1号 ';

interface Case {
  readonly name: string;
  readonly from: string;
  /** The new `key: value` text; the value starts after the first `: `. */
  readonly to: string;
  readonly keyPath: string;
  /** What the message must name. */
  readonly names: readonly string[];
}

const CASES: readonly Case[] = [
  { name: 'U+0001 raw in an address', from: ADDRESS, to: 'address: 北京市海淀区\u0001中关村大街1号 ', keyPath: 'parties.client.address', names: ['U+0001'] },
  { name: 'U+001F raw in an address', from: ADDRESS, to: 'address: 北京市海淀区中关村大街1号\u001f ', keyPath: 'parties.client.address', names: ['U+001F'] },
  { name: 'U+0001 as a "\\x01" escape', from: ADDRESS, to: 'address: "北京市海淀区\\x01中关村大街1号" ', keyPath: 'parties.client.address', names: ['U+0001'] },
  { name: 'U+007F (DEL) in a name', from: CLIENT, to: 'name: 北京星河\u007f数据科技有限公司', keyPath: 'parties.client.name', names: ['U+007F'] },
  { name: 'U+FFFE in a name', from: CLIENT, to: 'name: 北京星河\ufffe数据科技有限公司', keyPath: 'parties.client.name', names: ['U+FFFE'] },
  { name: 'U+FFFF as a "\\uFFFF" escape', from: CLIENT, to: 'name: "北京星河\\uFFFF数据科技有限公司"', keyPath: 'parties.client.name', names: ['U+FFFF'] },
  { name: 'a lone surrogate as a "\\uD800" escape', from: CLIENT, to: 'name: "北京星河\\uD800数据科技有限公司"', keyPath: 'parties.client.name', names: ['U+D800'] },
  { name: 'a tab inside a name', from: CLIENT, to: 'name: 北京星河\t数据科技有限公司', keyPath: 'parties.client.name', names: ['U+0009'] },
  { name: 'an emoji in the client name', from: CLIENT, to: 'name: 北京星河😀数据科技有限公司', keyPath: 'parties.client.name', names: ['😀', 'U+1F600'] },
  { name: 'CJK Extension B in the provider name', from: PROVIDER, to: 'name: 上海𠮷云语通信技术有限公司', keyPath: 'parties.provider.name', names: ['𠮷', 'U+20BB7'] },
  { name: 'an emoji with a variation selector in a fee line', from: 'name: 通话录音存储', to: 'name: 通话录音存储❤️', keyPath: 'fees.items[4].name', names: ['U+2764', 'U+FE0F'] },
  { name: 'a zero-width space in the legal representative', from: 'legalRepresentative: 张伟', to: 'legalRepresentative: 张\u200b伟', keyPath: 'parties.client.legalRepresentative', names: ['U+200B'] },
];

describe('characters a DOCX or PDF cannot hold, through the CLI', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s: exit 1, located, named, nothing written', (_, c) => {
    expect(EXAMPLE_TEXT).toContain(c.from);
    const text = EXAMPLE_TEXT.replace(c.from, c.to);
    const valueAt = positionOf(text, c.to.slice(c.to.indexOf(': ') + 2));
    const dir = tempDir('contract-char-');
    const file = join(dir, 'p.yaml');
    writeFileSync(file, text);
    const out = join(dir, 'out');
    // DOCX alone too: the check must not depend on the PDF being asked for.
    for (const format of ['docx,pdf', 'docx']) {
      const r = runCli(['gen', file, '-o', out, '-f', format]);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`${file}:${valueAt.line}:${valueAt.column}`);
      expect(r.stderr).toContain(c.keyPath);
      for (const n of c.names) expect(r.stderr).toContain(n);
      expect(r.stderr).not.toMatch(STACK);
      expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    }
  });
});

describe('the same characters through the library', () => {
  it('a params object with 😀, 𠮷 and U+0001 is one ContractError listing all three key paths', async () => {
    const p = exampleObject();
    p.parties.client.name = '北京星河😀数据科技有限公司';
    p.parties.provider.name = '上海𠮷云语通信技术有限公司';
    p.parties.client.address = '北京市海淀区\u0001中关村大街1号';
    const error = await generate(p).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ContractError);
    const paths = (error as ContractError).diagnostics.filter((d) => d.severity === 'error').map((d) => d.keyPath);
    expect(paths).toEqual(expect.arrayContaining(['parties.client.address']));
    // The glyph check runs once the schema passes; the schema error alone is enough to stop.
    const { diagnostics } = await validate({ ...p, parties: { ...p.parties, client: { ...p.parties.client, address: '北京市海淀区中关村大街1号' } } });
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => d.keyPath).sort()).toEqual(['parties.client.name', 'parties.provider.name']);
    expect(diagnostics.map((d) => d.message.en).join('\n')).toMatch(/U\+1F600[\s\S]*U\+20BB7|U\+20BB7[\s\S]*U\+1F600/);
  });

  it('the rare characters of Chinese names are printable (not rejected as missing glyphs)', async () => {
    const p = exampleObject();
    p.parties.client.name = '喆堃赟玥珺昇犇镕科技有限公司';
    p.parties.client.legalRepresentative = '王喆';
    const { params, diagnostics } = await validate(p);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(params?.parties.client.name).toBe('喆堃赟玥珺昇犇镕科技有限公司');
  });
});
