/**
 * Issue 11, point 11: a font cache entry is used only if its checksum, which covers its key
 * and its payload, verifies. Before, an entry rewritten with another (well-formed) entry's
 * bytes was trusted and gave a PDF whose Chinese text printed blank, exit 0; now it is
 * discarded and rebuilt, and the PDF is byte-identical to one made without the cache.
 */
import { copyFileSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiskSubsetStore } from '../../src/output/subset-store.js';
import { tempDir } from '../cli/run-cli.js';
import { EXAMPLE_PATH, pdfTextOf, runCliTimed, squash } from './helpers.js';

const EPOCH = { SOURCE_DATE_EPOCH: '1740787200' };

describe('font cache entries are verified before use', { timeout: 180_000 }, () => {
  it("an entry overwritten with another entry's bytes: discarded, rebuilt, the PDF unchanged", () => {
    const dir = tempDir('contract-cache-');
    const cache = join(dir, 'cache');
    mkdirSync(cache);
    const gen = (out: string, env: Record<string, string>) => {
      const r = runCliTimed(['gen', EXAMPLE_PATH, '-o', join(dir, out), '-f', 'pdf', '-q'], { env: { ...EPOCH, ...env } });
      expect(r.status, r.stderr).toBe(0);
      return readFileSync(join(dir, out, 'YDH-2025-0001.pdf'));
    };
    const reference = gen('reference', { CONTRACT_CACHE: '0' });
    expect(gen('filled', { CONTRACT_CACHE_DIR: cache }).equals(reference)).toBe(true);

    // The regular and the bold subset: each file gets the other's (valid) content.
    const entries = readdirSync(cache).filter((f) => f.endsWith('.subset')).sort();
    expect(entries.length).toBeGreaterThanOrEqual(2);
    const [a, b] = [join(cache, entries[0]!), join(cache, entries[1]!)];
    copyFileSync(a, join(dir, 'a'));
    copyFileSync(b, a);
    copyFileSync(join(dir, 'a'), b);

    const pdf = gen('swapped', { CONTRACT_CACHE_DIR: cache });
    expect(pdf.equals(reference)).toBe(true);
    expect(squash(pdfTextOf(join(dir, 'swapped', 'YDH-2025-0001.pdf')))).toContain('云电话服务合同');
    // Rebuilt: both entries verify again under their own keys.
    const store = new DiskSubsetStore(cache);
    for (const name of entries) expect(store.get(name.slice(0, -'.subset'.length)), name).toBeDefined();
  });
});
