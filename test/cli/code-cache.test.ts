/**
 * The built CLI starts from its bundle and the V8 code cache the build made for it. V8 takes a
 * cache only from the same V8 under the same flags: a Node started with a V8 flag (NODE_OPTIONS
 * in many CI setups) compiles the bundle instead, and must write the very same files.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, cliEnv, tempDir } from './run-cli.js';

const run = (nodeFlags: string[], args: string[]) =>
  spawnSync(process.execPath, [...nodeFlags, CLI, ...args], {
    encoding: 'utf8',
    env: cliEnv({ CONTRACT_DEBUG_CODE_CACHE: '1', SOURCE_DATE_EPOCH: '1740787200', CONTRACT_CACHE: '0' }),
    timeout: 120_000,
  });

describe('code cache', () => {
  it('is taken by the Node that built it, refused under another V8 flag, and the output is the same either way', () => {
    const outputs = [[], ['--max-old-space-size=1000']].map((flags) => {
      const out = tempDir();
      const r = run(flags, ['gen', 'examples/params.example.yaml', '-o', out, '-q']);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toBe(`contract: code cache ${flags.length === 0 ? 'accepted' : 'rejected'}\n`);
      return readdirSync(out)
        .sort()
        .map((f) => [f, readFileSync(join(out, f))] as const);
    });
    expect(outputs[0]!.map(([f]) => f)).toEqual(['YDH-2025-0001.docx', 'YDH-2025-0001.pdf']);
    for (const [i, [name, bytes]] of outputs[0]!.entries()) {
      expect(outputs[1]![i]![0]).toBe(name);
      expect(Buffer.compare(outputs[1]![i]![1], bytes), name).toBe(0);
    }
  }, 120_000);
});
