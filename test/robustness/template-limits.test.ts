/**
 * Issue 11, points 4, 10 and the template half of 12: user templates cannot exhaust memory or
 * the stack, their text gets the same checks as params text, and a broken templates folder is
 * a user error. Each error names the template file (and line where there is one), exit 1.
 * Before: 25 partials calling the next twice crashed V8 out of memory after 31 s (exit 134);
 * a recursive partial gave "Maximum call stack size exceeded"; emoji, 𠮷 and U+202E exited 0;
 * a GBK template decoded to U+FFFD; a link loop was an "internal error … this is a bug".
 */
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeContract } from '../../src/compose/compose.js';
import { loadTemplates } from '../../src/compose/registry.js';
import { checkTemplateText } from '../../src/compose/template-text.js';
import { ContractError } from '../../src/diagnostics.js';
import { validate } from '../../src/pipeline.js';
import { tempDir } from '../cli/run-cli.js';
import { EXAMPLE_PATH, EXAMPLE_TEXT, STACK, articleOrder, runCliTimed } from './helpers.js';

const TIMEOUT = 30_000;

/** A templates folder with `files` (name -> content, Buffer for raw bytes). */
function templates(files: Record<string, string | Buffer>): string {
  const dir = join(tempDir('contract-tpl-'), 'tpl');
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  const added = Object.keys(files).flatMap((name) => /^articles\/(99-[^/]+)\.md\.hbs$/.exec(name)?.[1] ?? []);
  if (added.length > 0) writeFileSync(join(dir, 'articles.order'), articleOrder(added));
  return dir;
}

function gen(dir: string) {
  const out = join(dir, '..', 'out');
  const r = runCliTimed(['gen', EXAMPLE_PATH, '--templates', dir, '-o', out, '-f', 'md'], { timeout: TIMEOUT });
  return { ...r, written: readdirSync(join(dir, '..')).includes('out') ? readdirSync(out) : [] };
}

/** 25 partials, each calling the next twice: 2^25 calls. */
function doubling(depth = 25): Record<string, string> {
  const files: Record<string, string> = { 'articles/99-bomb.md.hbs': '# 炸弹\n\n1. {{> p1}}\n' };
  for (let i = 1; i <= depth; i++) files[`partials/p${i}.md.hbs`] = i < depth ? `{{> p${i + 1}}}{{> p${i + 1}}}` : '字';
  return files;
}

describe('template bombs through the CLI (point 4)', { timeout: 180_000 }, () => {
  it('25 partials each calling the next twice: exit 1 at the call that nests too deep, no crash', () => {
    const dir = templates(doubling());
    const r = gen(dir);
    expect(r.signal).toBeNull();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${join(dir, 'partials/p9.md.hbs')}:1:1: error: partials are nested more than 10 deep here (articles/99-bomb → p1 → p2`);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.written).toEqual([]);
  });

  it('a partial calling itself, directly or through another: exit 1 at the call, naming the cycle', () => {
    for (const [files, at, chain] of [
      [{ 'partials/r.md.hbs': '甲{{> r}}', 'articles/99-r.md.hbs': '# 递归\n\n1. {{> r}}\n' }, 'partials/r.md.hbs:1:2', 'r → r'],
      [{ 'partials/a.md.hbs': '{{#if p.language}}\n甲{{> b}}{{/if}}', 'partials/b.md.hbs': '乙{{> a}}', 'articles/99-r.md.hbs': '# 递归\n\n1. {{> a}}\n' }, 'partials/b.md.hbs:1:2', 'a → b → a'],
    ] as const) {
      const dir = templates(files);
      const r = gen(dir);
      expect(r.signal).toBeNull();
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`${join(dir, at)}: error: the partial`);
      expect(r.stderr).toContain(`is called inside itself (${chain})`);
      expect(r.stderr).not.toMatch(/Maximum call stack/);
    }
  });

  it('partials in loops: more than 10,000 calls is an error at the calling line', () => {
    // 6 levels of "each fee line (5), twice": 10^6 calls.
    const files: Record<string, string> = { 'articles/99-loop.md.hbs': '# 循环\n\n1. {{> q1}}\n' };
    for (let i = 1; i <= 7; i++) {
      files[`partials/q${i}.md.hbs`] = i < 7 ? `{{#each @root.p.fees.items}}\n{{> q${i + 1}}}{{/each}}{{#each @root.p.fees.items}}{{> q${i + 1}}}{{/each}}` : '字';
    }
    const dir = templates(files);
    const r = gen(dir);
    expect(r.signal).toBeNull();
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`${join(dir, 'partials')}/q\\d\\.md\\.hbs:2:1: error: more than 10000 partial calls for one contract`));
  });
});

describe('template bombs in process', () => {
  // How fast: `node bench/template-bombs.mjs` (timings are not asserted in tests).
  it('the doubling bomb and a recursive partial are ContractErrors at the call, before anything renders', async () => {
    const params = (await validate({ yaml: EXAMPLE_TEXT, file: 'p.yaml' })).params!;
    const recursive = { 'partials/r.md.hbs': '甲{{> r}}', 'articles/99-r.md.hbs': '# 递归\n\n1. {{> r}}\n' };
    for (const files of [doubling(), recursive]) {
      const dir = templates(files);
      const error = await composeContract(params, { templatesDir: dir }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ContractError);
      expect((error as ContractError).diagnostics[0]).toMatchObject({ kind: 'template', code: 'template-limit', line: 1 });
    }
  });
});

describe('template text is checked like params text (point 10)', { timeout: 180_000 }, () => {
  it('emoji, 𠮷 and U+202E: exit 1, each named at its line and column, nothing written', () => {
    const dir = templates({ 'articles/99-t.md.hbs': '# 测试\n\n1. 表情😀和𠮷。\n2. 反转\u202E文字，软\u00AD连字符。\n' });
    const r = gen(dir);
    expect(r.status).toBe(1);
    const file = join(dir, 'articles/99-t.md.hbs');
    expect(r.stderr).toContain(`${file}:3:6: error: contains "😀" (U+1F600), which the contract font cannot print`);
    expect(r.stderr).toContain(`${file}:3:8: error: contains "𠮷" (U+20BB7), which the contract font cannot print`);
    expect(r.stderr).toContain(`${file}:4:6: error: template text contains the invisible formatting character U+202E (right-to-left override)`);
    expect(r.stderr).toContain(`${file}:4:11: error: template text contains the invisible formatting character U+00AD (soft hyphen)`);
    expect(r.written).toEqual([]);
  });

  it('a GBK template: "not UTF-8" at the first byte that is not, instead of U+FFFD in the contract', () => {
    // "# 测试" in GBK: B2 E2 CA D4.
    const dir = templates({ 'articles/99-g.md.hbs': Buffer.concat([Buffer.from('# '), Buffer.from([0xb2, 0xe2, 0xca, 0xd4]), Buffer.from('\n\n1. x\n')]) });
    const r = gen(dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${join(dir, 'articles/99-g.md.hbs')}:1:3: error: the template is not UTF-8 text`);
    expect(r.stderr).not.toContain('\uFFFD');
  });

  it('control and private-use characters (the pipeline marks blanks and references with U+E000-U+E003)', async () => {
    const problems = await checkTemplateText({ file: 't.md.hbs', source: '# 标题\n\n1. a\u0007b\uE002article:x\uE003\n' });
    expect(problems.map((p) => [p.line, p.column, p.message.en])).toEqual([
      [3, 5, 'contains the control character U+0007'],
      [3, 7, 'contains the private-use character U+E002'],
      [3, 17, 'contains the private-use character U+E003'],
    ]);
  });

  it('the built-in templates pass the same checks', async () => {
    for (const t of loadTemplates()) expect(await checkTemplateText(t), t.file).toEqual([]);
  });
});

describe('a broken templates folder is a user error (point 12)', { timeout: 180_000 }, () => {
  it('a symbolic link loop: exit 1 naming the link, not an internal error', () => {
    for (const make of [
      (dir: string) => symlinkSync('../articles', join(dir, 'articles', 'again')),
      (dir: string) => (symlinkSync('b', join(dir, 'articles', 'a')), symlinkSync('a', join(dir, 'articles', 'b'))),
    ]) {
      const dir = templates({ 'articles/99-x.md.hbs': '# 附加\n\n1. 文字\n' });
      make(dir);
      const r = gen(dir);
      expect(r.signal).toBeNull();
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/articles\/(again|a|b): error: (this folder is a symbolic link back into a folder that contains it|is a symbolic link loop)/);
      expect(r.stderr).not.toMatch(/internal error|this is a bug/);
    }
  });

  it('an unreadable folder: exit 3, "cannot read … permission denied" (run as an unprivileged user when root)', async () => {
    const { chmodSync } = await import('node:fs');
    const dir = templates({ 'articles/99-x.md.hbs': '# 附加\n\n1. 文字\n', 'private/x.md.hbs': '字' });
    chmodSync(join(dir, 'private'), 0o000);
    const { asUnprivileged } = await import('./as-user.js');
    const run = asUnprivileged(join(dir, '..'));
    try {
      const out = join(dir, '..', 'out');
      const r = runCliTimed(['gen', EXAMPLE_PATH, '--templates', dir, '-o', out, '-f', 'md'], { timeout: TIMEOUT, prefix: run.prefix });
      expect(r.status, r.stderr).toBe(3);
      expect(r.stderr).toContain(`${join(dir, 'private')}: error: cannot read the template folder or file: permission denied`);
      expect(r.stderr).not.toMatch(/internal error|this is a bug/);
    } finally {
      chmodSync(join(dir, 'private'), 0o755);
      run.restore();
    }
  });
});
