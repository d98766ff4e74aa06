import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, cliEnv, runCliAsync, tempDir } from './run-cli.js';

const COUNT = 200;
const BAD = 'c137.yaml';
/** A batch of 200 takes ~10 s on an idle machine; a machine shared with other jobs may be ten times slower. */
const BATCH_TIMEOUT = 360_000;

/** 200 params files from the example, one of them invalid (a wrong credit code check digit). */
function makeBatch(): string {
  const dir = tempDir('contract-batch-');
  const example = readFileSync('examples/params.example.yaml', 'utf8');
  for (let i = 0; i < COUNT; i++) {
    const name = `c${String(i).padStart(3, '0')}.yaml`;
    let text = example.replace('number: YDH-2025-0001', `number: YDH-B-${String(i).padStart(4, '0')}`);
    if (name === BAD) text = text.replace('creditCode: 91110108MA01ABCD5T', 'creditCode: 91110108MA01ABCD5X');
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

interface Report {
  ok: boolean;
  summary: { inputs: number; written: number; invalid: number; files: number };
  inputs: { input: string; status: string; outputs: { format: string; path: string; bytes: number }[]; diagnostics: { line?: number; keyPath?: string }[] }[];
}

describe('batch generation', () => {
  let dir: string;
  beforeAll(() => {
    dir = makeBatch();
  });

  it('200 inputs with one invalid: 398 files, a summary naming the bad one, exit 1', async () => {
    const out = join(dir, 'out');
    const r = await runCliAsync(['gen', dir, '-o', out, '-j', '2'], { timeout: BATCH_TIMEOUT });
    expect(r.status).toBe(1);
    const files = readdirSync(out);
    expect(files.filter((f) => f.endsWith('.pdf'))).toHaveLength(COUNT - 1);
    expect(files.filter((f) => f.endsWith('.docx'))).toHaveLength(COUNT - 1);
    expect(files).toHaveLength(2 * (COUNT - 1));
    expect(files.some((f) => f.startsWith('.'))).toBe(false);
    expect(r.stderr).toContain(`200 inputs: 199 generated (398 files), 1 failed`);
    expect(r.stderr).toContain(`failed: ${join(dir, BAD)}`);
    expect(r.stderr).toMatch(new RegExp(`${join(dir, BAD).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: error: parties\\.client\\.creditCode`));
  }, BATCH_TIMEOUT);

  it('--json gives one valid report on stdout, nothing else', async () => {
    const out = join(dir, 'out-json');
    const r = await runCliAsync(['gen', dir, '-o', out, '-j', '2', '--json', '-f', 'md'], { timeout: BATCH_TIMEOUT });
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.ok).toBe(false);
    expect(report.summary).toMatchObject({ inputs: COUNT, written: COUNT - 1, invalid: 1, files: COUNT - 1 });
    const bad = report.inputs.find((i) => i.status !== 'written')!;
    expect(bad.input).toBe(join(dir, BAD));
    expect(bad.diagnostics[0]).toMatchObject({ keyPath: 'parties.client.creditCode' });
    expect(bad.diagnostics[0]!.line).toBeGreaterThan(0);
    const good = report.inputs.find((i) => i.status === 'written')!;
    expect(good.outputs[0]!.bytes).toBeGreaterThan(1000);
    expect(r.stderr).toBe('');
  }, BATCH_TIMEOUT);

  it('--shard 1/3 .. 3/3 cover every input exactly once', async () => {
    const seen: string[] = [];
    for (let k = 1; k <= 3; k++) {
      const r = await runCliAsync(['gen', dir, '-o', join(dir, `shard-${k}`), '--shard', `${k}/3`, '--json', '-f', 'md', '-j', '1'], { timeout: BATCH_TIMEOUT });
      const report = JSON.parse(r.stdout) as Report;
      expect(report.inputs.length).toBeGreaterThan(COUNT / 6); // a reasonably even split
      seen.push(...report.inputs.map((i) => i.input));
    }
    expect(seen.sort()).toEqual(readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => join(dir, f)).sort());
  }, BATCH_TIMEOUT);
});

describe('a short batch on two threads', () => {
  // Counts the worker threads the CLI starts, printed as it exits.
  const hook = `data:text/javascript,${encodeURIComponent(
    "import wt from 'node:worker_threads'; import { syncBuiltinESMExports } from 'node:module'; let n = 0; const W = wt.Worker; wt.Worker = class extends W { constructor(...a) { super(...a); n++; } }; syncBuiltinESMExports(); process.on('exit', () => process.stderr.write('workers started: ' + n + '\\n'));",
  )}`;

  function gen(dir: string, out: string, jobs: string): { status: number | null; workers: number } {
    const r = spawnSync(process.execPath, ['--import', hook, CLI, 'gen', dir, '-o', out, '-j', jobs, '-q'], {
      encoding: 'utf8',
      env: cliEnv({ SOURCE_DATE_EPOCH: '1740787200' }),
      timeout: BATCH_TIMEOUT,
    });
    expect(r.stderr).toMatch(/^workers started: \d+\n$/);
    return { status: r.status, workers: Number(/workers started: (\d+)/.exec(r.stderr)![1]) };
  }

  it('renders in the main thread and one worker, the same files as in process; a longer one in two workers', () => {
    const dir = tempDir('contract-short-batch-');
    const example = readFileSync('examples/params.example.yaml', 'utf8');
    const write = (i: number) => writeFileSync(join(dir, `s${String(i).padStart(2, '0')}.yaml`), example.replace('number: YDH-2025-0001', `number: YDH-S-${String(i).padStart(4, '0')}`).replace('北京星河数据科技有限公司', `北京第${i}号数据科技有限公司`));
    for (let i = 0; i < 12; i++) write(i);
    const [alone, split] = [join(dir, 'alone'), join(dir, 'split')];
    expect(gen(dir, alone, '1')).toEqual({ status: 0, workers: 0 });
    expect(gen(dir, split, '2')).toEqual({ status: 0, workers: 1 });
    const files = readdirSync(alone).sort();
    expect(files).toHaveLength(24);
    expect(readdirSync(split).sort()).toEqual(files);
    for (const f of files) expect(readFileSync(join(split, f)).equals(readFileSync(join(alone, f))), f).toBe(true);
    // 24 inputs are 12 a thread: a long enough batch for two workers.
    for (let i = 12; i < 24; i++) write(i);
    expect(gen(dir, join(dir, 'long'), '2')).toEqual({ status: 0, workers: 2 });
    expect(readdirSync(join(dir, 'long'))).toHaveLength(48);
  }, BATCH_TIMEOUT);
});
