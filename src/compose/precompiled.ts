/**
 * The built-in templates as precompiled by the build (scripts/precompile-templates.mjs), read
 * from dist/ at run time. The CLI's single-file bundle (dist/contract.cjs, which starts from a
 * V8 code cache) replaces this module with one that holds them inline, so that their compiled
 * code is in the cache too (scripts/bundle.mjs).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../package-root.js';

/** Per template (`zh-CN/articles/01-definitions`): the SHA-1 of its source and its compiled spec. */
export type Precompiled = Record<string, { hash: string; spec: unknown }>;

let precompiled: Promise<Precompiled> | undefined;

export function loadPrecompiled(): Promise<Precompiled> {
  precompiled ??= (async () => {
    const file = join(packageRoot(), 'dist', 'precompiled-templates.mjs');
    if (!existsSync(file)) return {};
    return ((await import(pathToFileURL(file).href)) as { templates: Precompiled }).templates;
  })();
  return precompiled;
}
