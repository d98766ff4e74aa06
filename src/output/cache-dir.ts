/**
 * Where contract keeps what it can rebuild (font subsets, the CLI's code cache for a Node the
 * build's cache does not fit): $CONTRACT_CACHE_DIR, else $XDG_CACHE_HOME/contract, else
 * ~/.cache/contract. CONTRACT_CACHE=0 turns caching off. No imports beyond Node's own: the CLI's
 * loader (lib/load-cli.js) requires it, bundled as dist/loader-support.cjs, before the CLI is loaded.
 */
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

const OFF = new Set(['0', 'false', 'off', 'no']);

/** The cache directory for an environment, or undefined if caching is off or no place is known. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (OFF.has((env.CONTRACT_CACHE ?? '').trim().toLowerCase())) return undefined;
  if (env.CONTRACT_CACHE_DIR) return resolve(env.CONTRACT_CACHE_DIR);
  // The XDG spec says to ignore a relative path.
  if (env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME)) return join(env.XDG_CACHE_HOME, 'contract');
  try {
    const home = homedir();
    return home ? join(home, '.cache', 'contract') : undefined;
  } catch {
    return undefined;
  }
}
