import { LIMITS } from '../params/to-plain.js';

/**
 * All of standard input, as bytes (decoding is the params loader's job: it checks UTF-8).
 * Reading stops one byte past the size limit, so an endless stream (`yes | contract gen -`)
 * ends in the loader's "file too large" error instead of filling memory.
 */
export async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    total += (chunk as Buffer).length;
    if (total > LIMITS.maxBytes) break;
  }
  return Buffer.concat(chunks);
}
