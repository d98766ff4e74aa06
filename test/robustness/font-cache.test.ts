/**
 * Issue 11, point 11: a font cache entry is used only if its checksum, which covers its key
 * and its payload, verifies. Before, an entry rewritten with another (well-formed) entry's
 * bytes was trusted and gave a PDF whose Chinese text printed blank, exit 0; now it is
 * discarded and rebuilt, and the PDF is byte-identical to one made without the cache.
 */
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
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
    // Two contracts whose own subsets (their party names' glyphs) differ: two entries in the cache.
    const other = join(dir, 'other.yaml');
    writeFileSync(other, readFileSync(EXAMPLE_PATH, 'utf8').replace('北京星河数据科技有限公司', '北京翡翠琥珀科技有限公司'));
    const gen = (input: string, out: string, env: Record<string, string>) => {
      const r = runCliTimed(['gen', input, '-o', join(dir, out), '-f', 'pdf', '-q'], { env: { ...EPOCH, ...env } });
      expect(r.status, r.stderr).toBe(0);
      return readFileSync(join(dir, out, 'YDH-2025-0001.pdf'));
    };
    const references = [EXAMPLE_PATH, other].map((input, i) => gen(input, `reference-${i}`, { CONTRACT_CACHE: '0' }));
    [EXAMPLE_PATH, other].forEach((input, i) => expect(gen(input, `filled-${i}`, { CONTRACT_CACHE_DIR: cache }).equals(references[i]!)).toBe(true));

    // Each file gets the other's (valid) content.
    const entries = readdirSync(cache).filter((f) => f.endsWith('.subset')).sort();
    expect(entries.length).toBeGreaterThanOrEqual(2);
    const [a, b] = [join(cache, entries[0]!), join(cache, entries[1]!)];
    copyFileSync(a, join(dir, 'a'));
    copyFileSync(b, a);
    copyFileSync(join(dir, 'a'), b);

    [EXAMPLE_PATH, other].forEach((input, i) => {
      const pdf = gen(input, `swapped-${i}`, { CONTRACT_CACHE_DIR: cache });
      expect(pdf.equals(references[i]!)).toBe(true);
      expect(squash(pdfTextOf(join(dir, `swapped-${i}`, 'YDH-2025-0001.pdf')))).toContain(i === 0 ? '北京星河数据科技有限公司' : '北京翡翠琥珀科技有限公司');
    });
    // Rebuilt: both entries verify again under their own keys.
    const store = new DiskSubsetStore(cache);
    for (const name of entries) expect(store.get(name.slice(0, -'.subset'.length)), name).toBeDefined();
  });
});
