import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldersToWatch } from '../../src/cli/watch.js';

describe('gen --watch: the folders watched', () => {
  const root = mkdtempSync(join(tmpdir(), 'contract-watch-'));
  const customers = join(root, 'customers');
  mkdirSync(join(customers, 'north'), { recursive: true });
  const params = join(customers, 'north', 'a.yaml');
  writeFileSync(params, readFileSync('examples/params.example.yaml', 'utf8'));
  const watched = (args: string[], inputs: string[], templates?: string) =>
    foldersToWatch({ args, options: templates === undefined ? {} : { templates } }, inputs).then((m) => Object.fromEntries(m));

  it('a folder named as an input: that folder, with its subfolders, not the folder around it', async () => {
    expect(await watched([customers], [params])).toEqual({ [customers]: true, [join(customers, 'north')]: false });
  });

  it('a pattern: the folder its fixed part names, with its subfolders', async () => {
    expect(await watched([`${customers}/**/*.yaml`], [params])).toEqual({ [customers]: true, [join(customers, 'north')]: false });
  });

  it('a file: its own folder only; the templates folder with its subfolders', async () => {
    const templates = join(root, 'tpl');
    expect(await watched([params], [params], templates)).toEqual({ [join(customers, 'north')]: false, [templates]: true });
  });
});
