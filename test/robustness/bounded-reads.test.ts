/**
 * Issue 11, points 1 and 2: every file the tool reads (params, bases, templates) is checked to
 * be a regular file and read with a size cap before a byte is read, and `extends:` reads only
 * `.yaml`/`.yml` files inside the folder the command runs in (or a `--base-dir`), never
 * echoing a file that is not a params file. Each case would hang, fill memory or print the
 * file's content before.
 */
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../cli/run-cli.js';
import { EXAMPLE_TEXT, STACK, articleOrder, runCliTimed } from './helpers.js';

const mkfifo = (path: string) => execFileSync('mkfifo', [path]);
/** Ended by the test if it hangs: what matters is that the run ends by itself, with exit 1. */
const TIMEOUT = 20_000;

describe('inputs that are not regular files', { timeout: 180_000 }, () => {
  it('gen /dev/zero: a located error, exit 1, at once (not a read that grows to gigabytes)', () => {
    const out = join(tempDir('contract-reads-'), 'out');
    const r = runCliTimed(['gen', '/dev/zero', '-o', out], { timeout: TIMEOUT });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('/dev/zero:1:1: error: is not a regular file');
    expect(r.stderr).not.toMatch(STACK);
  });

  it('a FIFO in an input folder fails alone; the other input of the batch is generated', () => {
    const dir = tempDir('contract-reads-');
    const inputs = join(dir, 'd');
    mkdirSync(inputs);
    mkfifo(join(inputs, 'a.yaml'));
    writeFileSync(join(inputs, 'b.yaml'), EXAMPLE_TEXT);
    const out = join(dir, 'out');
    for (const jobs of ['1', '2']) {
      const r = runCliTimed(['gen', inputs, '-o', out, '-f', 'md', '-j', jobs], { timeout: TIMEOUT });
      expect(r.signal).toBeNull();
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`${join(inputs, 'a.yaml')}:1:1: error: is not a regular file`);
      expect(readdirSync(out)).toEqual(['YDH-2025-0001.md']);
    }
  });

  it('validate reads the same way: a FIFO and a directory are input errors, not hangs', () => {
    const dir = tempDir('contract-reads-');
    mkfifo(join(dir, 'f.yaml'));
    mkdirSync(join(dir, 'folder.yaml'));
    const r = runCliTimed(['validate', join(dir, 'f.yaml'), '/dev/zero'], { timeout: TIMEOUT });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${join(dir, 'f.yaml')}:1:1: error: is not a regular file`);
  });
});

describe('extends: reads only params files, only from allowed folders', { timeout: 180_000 }, () => {
  /** A file shaped like /etc/shadow: user names, salts and hashes that must never be printed. */
  const SECRET = 'root:$6$s4ltS4LT$0123456789abcdefghijklmnopqrstuvwxyzABCDEFGH:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n';
  const child = (base: string) => `extends: ${base}\n${EXAMPLE_TEXT}`;

  function tree(): string {
    const dir = tempDir('contract-extends-');
    writeFileSync(join(dir, 'shadow'), SECRET);
    return dir;
  }

  it.each([
    ['an absolute path to a non-YAML file', (dir: string) => join(dir, 'shadow'), /must be a \.yaml or \.yml file/],
    ['/dev/zero', () => '/dev/zero', /must be a \.yaml or \.yml file/],
    ['a .yaml symlink to the secret file', (dir: string) => (symlinkSync(join(dir, 'shadow'), join(dir, 'innocent.yaml')), 'innocent.yaml'), /must be a \.yaml or \.yml file; \\?"innocent\.yaml\\?" leads to \S*shadow/],
  ])('%s: refused at the extends value, nothing of the file printed (text and --json)', (_, base, message) => {
    const dir = tree();
    writeFileSync(join(dir, 'p.yaml'), child(base(dir)));
    for (const json of [false, true]) {
      const r = runCliTimed(['validate', 'p.yaml', ...(json ? ['--json'] : [])], { cwd: dir, timeout: TIMEOUT });
      expect(r.signal).toBeNull();
      expect(r.status).toBe(1);
      const all = r.stdout + r.stderr;
      expect(all).toMatch(message);
      expect(all).toMatch(json ? /"line": 1,\s*"column": 10/ : /p\.yaml:1:10: error: extends: /);
      for (const secret of ['s4ltS4LT', '0123456789abcdef', 'daemon', '19000']) expect(all).not.toContain(secret);
    }
  });

  it('a FIFO or a folder named .yaml as the base: refused without blocking', () => {
    const dir = tempDir('contract-extends-');
    mkfifo(join(dir, 'fifo.yaml'));
    mkdirSync(join(dir, 'folder.yaml'));
    writeFileSync(join(dir, 'a.yaml'), child('fifo.yaml'));
    writeFileSync(join(dir, 'b.yaml'), child('folder.yaml'));
    const r = runCliTimed(['validate', 'a.yaml', 'b.yaml'], { cwd: dir, timeout: TIMEOUT });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('a.yaml:1:10: error: extends: the base file fifo.yaml is not a regular file');
    expect(r.stderr).toContain('b.yaml:1:10: error: extends: the base file folder.yaml is a directory');
  });

  it('a base outside the folder the command runs in is refused, naming its real path; --base-dir allows it', () => {
    const dir = tempDir('contract-extends-');
    const work = join(dir, 'work');
    // A folder beside the working one (inside this test's temporary folder).
    const shared = join(dir, 'bases');
    mkdirSync(work);
    mkdirSync(shared);
    writeFileSync(join(shared, 'provider.yaml'), 'language: zh-CN\n');
    // Reached through a link inside the work folder: the real path decides, and is shown.
    symlinkSync(shared, join(work, 'link'));
    writeFileSync(join(work, 'p.yaml'), `extends: link/provider.yaml\n${EXAMPLE_TEXT.replace('language: zh-CN', '')}`);
    const refused = runCliTimed(['validate', 'p.yaml'], { cwd: work, timeout: TIMEOUT });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`p.yaml:1:10: error: extends: the base file ${join(shared, 'provider.yaml')} is outside the folder the command runs in`);
    expect(refused.stderr).toContain(`--base-dir ${shared}`);
    const allowed = runCliTimed(['validate', 'p.yaml', '--base-dir', shared], { cwd: work, timeout: TIMEOUT });
    expect(allowed.stderr).toContain('1 file(s) valid');
    expect(allowed.status).toBe(0);
    const gen = runCliTimed(['gen', 'p.yaml', '--base-dir', '../bases', '-o', 'out', '-f', 'md'], { cwd: work, timeout: TIMEOUT });
    expect(gen.status, gen.stderr).toBe(0);
    const missing = runCliTimed(['validate', 'p.yaml', '--base-dir', 'nope'], { cwd: work, timeout: TIMEOUT });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--base-dir: nope is not a folder');
  });

  it('customers/acme.yaml with extends: ../provider.yaml keeps working when run from the parent folder', () => {
    const dir = tempDir('contract-extends-');
    const services = EXAMPLE_TEXT.indexOf('services:');
    writeFileSync(join(dir, 'provider.yaml'), EXAMPLE_TEXT.slice(services));
    mkdirSync(join(dir, 'customers'));
    writeFileSync(join(dir, 'customers', 'acme.yaml'), `extends: ../provider.yaml\n${EXAMPLE_TEXT.slice(0, services)}`);
    const r = runCliTimed(['gen', 'customers/', '-o', 'out', '-f', 'md'], { cwd: dir, timeout: TIMEOUT });
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(join(dir, 'out'))).toEqual(['YDH-2025-0001.md']);
    // An error in the base names it by its path from here.
    writeFileSync(join(dir, 'provider.yaml'), `${EXAMPLE_TEXT.slice(services)}\nnot-a-key: 1\n`);
    const bad = runCliTimed(['validate', 'customers/acme.yaml'], { cwd: dir, timeout: TIMEOUT });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^provider\.yaml:\d+:1: error: not-a-key: unknown key "not-a-key"$/m);
  });

  it('a base that is a list, not a mapping, is an error located in the base', () => {
    const dir = tempDir('contract-extends-');
    writeFileSync(join(dir, 'base.yaml'), '- a\n- b\n');
    writeFileSync(join(dir, 'p.yaml'), child('base.yaml'));
    const r = runCliTimed(['validate', 'p.yaml'], { cwd: dir, timeout: TIMEOUT });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('base.yaml:1:1: error: the top level must be a mapping');
  });
});

describe('templates that are not regular files', { timeout: 180_000 }, () => {
  it.each([
    ['a FIFO', (path: string) => mkfifo(path)],
    ['a link to /dev/zero', (path: string) => symlinkSync('/dev/zero', path)],
  ])('%s as a template: a located template error, exit 1, nothing written', (_, make) => {
    const dir = tempDir('contract-reads-');
    mkdirSync(join(dir, 'tpl', 'articles'), { recursive: true });
    writeFileSync(join(dir, 'tpl', 'articles.order'), articleOrder(['99-x']));
    const template = join(dir, 'tpl', 'articles', '99-x.md.hbs');
    make(template);
    writeFileSync(join(dir, 'p.yaml'), EXAMPLE_TEXT);
    const r = runCliTimed(['gen', join(dir, 'p.yaml'), '--templates', join(dir, 'tpl'), '-o', join(dir, 'out'), '-f', 'md'], { timeout: TIMEOUT });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${template}: error: is not a regular file`);
    expect(readdirSync(dir).sort()).toEqual(['p.yaml', 'tpl']);
  });

  it('a template larger than the cap is refused without being read whole', () => {
    const dir = tempDir('contract-reads-');
    mkdirSync(join(dir, 'tpl', 'articles'), { recursive: true });
    writeFileSync(join(dir, 'tpl', 'articles.order'), articleOrder(['99-big']));
    writeFileSync(join(dir, 'tpl', 'articles', '99-big.md.hbs'), `# 大\n\n${'文字'.repeat(40_000)}\n`);
    const r = runCliTimed(['gen', 'examples/params.example.yaml', '--templates', join(dir, 'tpl'), '-o', join(dir, 'out'), '-f', 'md'], { timeout: TIMEOUT });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/99-big\.md\.hbs: error: the template is larger than 64 KB/);
  });
});
