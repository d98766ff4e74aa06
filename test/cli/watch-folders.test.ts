import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldersToWatch } from '../../src/cli/watch.js';
import { processInput } from '../../src/output/process-input.js';

describe('gen --watch: the folders watched', () => {
  const root = mkdtempSync(join(tmpdir(), 'contract-watch-'));
  const customers = join(root, 'customers');
  mkdirSync(join(customers, 'north'), { recursive: true });
  const params = join(customers, 'north', 'a.yaml');
  writeFileSync(params, readFileSync('examples/params.example.yaml', 'utf8'));
  const watched = (args: string[], inputs: string[], templates?: string) =>
    Object.fromEntries(foldersToWatch({ args, options: templates === undefined ? {} : { templates } }, inputs.map((input) => ({ input, sources: [input] }))));

  it('a folder named as an input: that folder, with its subfolders, not the folder around it', async () => {
    expect(watched([customers], [params])).toEqual({ [customers]: true, [join(customers, 'north')]: false });
  });

  it('a pattern: the folder its fixed part names, with its subfolders', async () => {
    expect(watched([`${customers}/**/*.yaml`], [params])).toEqual({ [customers]: true, [join(customers, 'north')]: false });
  });

  it('a file: its own folder only; the templates folder with its subfolders', async () => {
    const templates = join(root, 'tpl');
    expect(watched([params], [params], templates)).toEqual({ [join(customers, 'north')]: false, [templates]: true });
  });

  it('the folder of every base an input extends, as the generation read them (a base allowed by --base-dir too)', async () => {
    const bases = join(root, 'bases');
    mkdirSync(bases, { recursive: true });
    writeFileSync(join(bases, 'provider.yaml'), readFileSync('examples/params.example.yaml', 'utf8'));
    const child = join(customers, 'north', 'child.yaml');
    writeFileSync(child, 'extends: ../../bases/provider.yaml\ncontract:\n  number: YDH-2025-W1\n');
    const processed = await processInput(child, { formats: ['md'], baseDirs: [root] });
    expect(processed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const folders = foldersToWatch({ args: [child], options: {} }, [processed]);
    expect(Object.fromEntries(folders)).toEqual({ [join(customers, 'north')]: false, [bases]: false });
  });

  it('an input that does not load: the folders of the files its errors are in', async () => {
    const other = join(root, 'other');
    mkdirSync(other, { recursive: true });
    const broken = join(other, 'broken.yaml');
    writeFileSync(broken, 'extends: ../bases/none.yaml\n');
    const processed = await processInput(broken, { formats: ['md'], baseDirs: [root] });
    expect(processed.files).toEqual([]);
    expect(processed.sources).toEqual([broken]);
    expect(Object.fromEntries(foldersToWatch({ args: [broken], options: {} }, [processed]))).toEqual({ [other]: false });
  });
});
