import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ContractError, text } from '../diagnostics.js';

/** `-` is stdin; a directory stands for the *.yaml / *.yml files directly inside it, sorted. */
export function expandInputs(args: readonly string[]): string[] {
  const out: string[] = [];
  for (const arg of args) {
    if (arg === '-') {
      out.push(arg);
      continue;
    }
    let isDirectory = false;
    try {
      isDirectory = statSync(arg).isDirectory();
    } catch {
      // A missing file is reported when it is read, with the other inputs still processed.
    }
    if (isDirectory) {
      const files = readdirSync(arg)
        .filter((f) => /\.ya?ml$/i.test(f))
        .sort()
        .map((f) => join(arg, f));
      out.push(...files);
    } else out.push(arg);
  }
  return out;
}

/**
 * `--shard k/n`: a stable split of the inputs. An input's shard depends only on its own path
 * (FNV-1a hash), so machines of a CI matrix agree without coordination and adding a file does
 * not move the others.
 */
export function parseShard(value: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(value);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) {
    throw new ContractError([
      {
        kind: 'usage',
        severity: 'error',
        code: 'shard',
        message: text(`--shard must be k/n with 1 <= k <= n, got "${value}"`, `--shard 的格式应为 k/n 且 1 <= k <= n，实际为“${value}”`),
      },
    ]);
  }
  return { index, count };
}

export function selectShard<T>(items: readonly T[], shard: { index: number; count: number } | undefined): T[] {
  if (!shard) return [...items];
  return items.filter((item) => fnv1a(String(item)) % shard.count === shard.index - 1);
}

function fnv1a(value: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(value)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
