import { createHash } from 'node:crypto';

/** Identifies a template's source: a precompiled template is used only for the same text. */
export function sourceHash(source: string): string {
  return createHash('sha1').update(source).digest('hex');
}
