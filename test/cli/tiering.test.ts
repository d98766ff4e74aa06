import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LONG_RUN_FROM, longRun, mayTuneScavenging, mayTuneYoungGeneration, tuningFor } from '../../src/cli/tiering.js';
import { renderThreads } from '../../src/output/batch.js';
import { defaultJobs, renderHereFor } from '../../src/cli/commands/gen-run.js';
import { CLI, cliEnv, tempDir } from './run-cli.js';

describe('V8 settings for a run', () => {
  const optimises = (longRunning: boolean, threads: number, cores: number) => tuningFor(longRunning, threads, cores).optimise;

  it('a run that makes one contract: no optimising compiler, a young generation that stays small', () => {
    expect(tuningFor(false, 1, 8)).toEqual({ optimise: false, growYoungGeneration: false, parallelScavenge: true });
  });

  it('a batch rendered in process, whatever the cores: optimised, the young generation grows', () => {
    expect(tuningFor(true, 1, 1)).toEqual({ optimise: true, growYoungGeneration: true, parallelScavenge: false });
    expect(tuningFor(true, 1, 2)).toEqual({ optimise: true, growYoungGeneration: true, parallelScavenge: true });
  });

  it('workers: optimised only when a core is left for it, and then their young generation grows', () => {
    expect(optimises(true, 2, 2)).toBe(false);
    expect(optimises(true, 4, 2)).toBe(false);
    expect(optimises(true, 2, 3)).toBe(true);
    expect(optimises(true, 7, 8)).toBe(true);
    expect(tuningFor(true, 2, 2).growYoungGeneration).toBe(false);
    expect(tuningFor(true, 2, 3).growYoungGeneration).toBe(true);
  });

  it('scavenges in parallel unless the rendering threads take every core', () => {
    expect(tuningFor(true, 2, 2).parallelScavenge).toBe(false);
    expect(tuningFor(true, 4, 2).parallelScavenge).toBe(false);
    expect(tuningFor(true, 2, 3).parallelScavenge).toBe(true);
    expect(tuningFor(false, 1, 2).parallelScavenge).toBe(true);
  });
});

describe('a long run, for which TurboFan pays', () => {
  it('gen: from 16 contracts per rendering thread', () => {
    expect(longRun('gen', 1)).toBe(false);
    expect(longRun('gen', 15)).toBe(false);
    expect(longRun('gen', 16)).toBe(true);
    expect(longRun('gen', 31, 2)).toBe(false);
    expect(longRun('gen', 32, 2)).toBe(true);
  });

  it('validate: from 40 files', () => {
    expect(longRun('validate', 39)).toBe(false);
    expect(longRun('validate', 40)).toBe(true);
  });

  it('always under --watch, which generates again at every change', () => {
    expect(longRun('gen', 1, 1, true)).toBe(true);
  });
});

describe('settings V8 reads while code runs', () => {
  it.each([
    ['the young generation', mayTuneYoungGeneration],
    ['parallel scavenging', mayTuneScavenging],
  ])('%s: set on the V8 versions of Node 20, 22 and 24 only', (_name, mayTune) => {
    for (const v8 of ['11.3.244.8-node.33', '12.4.254.21-node.33', '13.6.233.17-node.63']) expect(mayTune(v8, [])).toBe(true);
    for (const v8 of ['10.2.154.26-node.26', '14.1.0', '']) expect(mayTune(v8, [])).toBe(false);
  });

  it('the young generation is left to the user who sized it for Node', () => {
    expect(mayTuneYoungGeneration('11.3.244.8', ['--max-semi-space-size=64'])).toBe(false);
    expect(mayTuneYoungGeneration('11.3.244.8', ['', '--trace-gc --semi_space_growth_factor=4'])).toBe(false);
    expect(mayTuneYoungGeneration('11.3.244.8', ['--min-semi-space-size=2'])).toBe(false);
    expect(mayTuneYoungGeneration('11.3.244.8', ['--max-old-space-size=4096', '--enable-source-maps'])).toBe(true);
  });

  it('parallel scavenging is left to the user who chose how V8 collects garbage', () => {
    for (const flag of ['--parallel-scavenge', '--no_parallel_scavenge', '--single-threaded-gc', '--single-threaded', '--predictable']) {
      expect(mayTuneScavenging('11.3.244.8', ['', flag])).toBe(false);
    }
    expect(mayTuneScavenging('11.3.244.8', ['--max-old-space-size=4096 --trace-gc'])).toBe(true);
  });
});

describe('render threads of a batch', () => {
  it('are the jobs asked for, at most one per input', () => {
    expect(renderThreads(['a.yaml', 'b.yaml', 'c.yaml'], 2)).toBe(2);
    expect(renderThreads(['a.yaml'], 4)).toBe(1);
    expect(renderThreads(['a.yaml', 'b.yaml'])).toBe(1);
  });

  it('are one when standard input is among the inputs', () => {
    expect(renderThreads(['a.yaml', '-', 'b.yaml'], 4)).toBe(1);
  });

  it('by default: one thread per 4 inputs, in process below 8, up to the cores less one, and 2 on 2 cores', () => {
    expect(defaultJobs(1, 2)).toBe(1);
    expect(defaultJobs(7, 2)).toBe(1);
    expect(defaultJobs(8, 2)).toBe(2);
    expect(defaultJobs(10, 2)).toBe(2);
    expect(defaultJobs(200, 2)).toBe(2);
    expect(defaultJobs(200, 1)).toBe(1);
    expect(defaultJobs(15, 8)).toBe(3);
    expect(defaultJobs(200, 8)).toBe(7);
    expect(defaultJobs(200, 3)).toBe(2);
  });

  it('have the main thread render as one of them while each has fewer than 12 inputs, never under --watch', () => {
    expect(renderHereFor(10, 2, false)).toBe(true);
    expect(renderHereFor(23, 2, false)).toBe(true);
    expect(renderHereFor(24, 2, false)).toBe(false);
    expect(renderHereFor(200, 2, false)).toBe(false);
    expect(renderHereFor(40, 7, false)).toBe(true);
    expect(renderHereFor(10, 2, true)).toBe(false);
    expect(renderHereFor(5, 1, false)).toBe(false);
  });

  it('by default under --watch, whose workers start afresh every generation: one per 64 inputs', () => {
    expect(defaultJobs(80, 2, true)).toBe(1);
    expect(defaultJobs(128, 2, true)).toBe(2);
    expect(defaultJobs(200, 8, true)).toBe(3);
    expect(defaultJobs(1000, 8, true)).toBe(7);
  });
});

describe('the built CLI', () => {
  // Prints V8's new space (both semi-spaces) as the run ends.
  const hook = `data:text/javascript,${encodeURIComponent(
    "import v8 from 'node:v8'; process.on('exit', () => process.stderr.write('new space ' + v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size + '\\n'));",
  )}`;
  const MB = 1024 * 1024;

  function newSpaceAfter(nodeFlags: readonly string[], args: readonly string[]): number {
    const r = spawnSync(process.execPath, ['--import', hook, ...nodeFlags, CLI, 'gen', ...args, '-o', tempDir(), '-q'], { encoding: 'utf8', env: cliEnv(), timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    const size = /new space (\d+)/.exec(r.stderr);
    expect(size, r.stderr).not.toBeNull();
    return Number(size![1]);
  }

  it.runIf(mayTuneYoungGeneration(process.versions.v8, process.execArgv))('keeps a one-contract run and a small batch at the starting young generation and lets a long batch in process grow it', () => {
    const example = 'examples/params.example.yaml';
    expect(newSpaceAfter([], [example])).toBeLessThanOrEqual(2 * MB);
    // Without the setting, V8 grows it while the example renders (to 32 MB on Node 20).
    expect(newSpaceAfter(['--semi-space-growth-factor=2'], [example])).toBeGreaterThan(2 * MB);
    const batch = Array.from({ length: LONG_RUN_FROM.gen }, (_, i) => {
      const file = join(tempDir(), `b${i}.yaml`);
      writeFileSync(file, readFileSync(example, 'utf8').replace('YDH-2025-0001', `YDH-2025-B${i}`));
      return file;
    });
    // A few contracts are not yet a long run (tiering.ts); from 16 in process the young generation grows.
    expect(newSpaceAfter([], [...batch.slice(0, 3), '-j', '1'])).toBeLessThanOrEqual(2 * MB);
    expect(newSpaceAfter([], [...batch, '-j', '1'])).toBeGreaterThan(2 * MB);
  }, 180_000);

  /** Functions V8 compiled with TurboFan in a run of the built CLI (--trace-opt). */
  function turbofanCompiles(args: readonly string[]): number {
    const r = spawnSync(process.execPath, ['--trace-opt', CLI, ...args, '-q'], { encoding: 'utf8', env: cliEnv(), timeout: 180_000, maxBuffer: 64 * 1024 * 1024 });
    expect(r.status, r.stderr).toBe(0);
    return r.stdout.split('(target TURBOFAN)').length - 1;
  }

  it('turns TurboFan on only for a long run', () => {
    const example = readFileSync('examples/params.example.yaml', 'utf8');
    const files = Array.from({ length: LONG_RUN_FROM.validate }, (_, i) => {
      const file = join(tempDir(), `t${i}.yaml`);
      writeFileSync(file, example.replace('YDH-2025-0001', `YDH-2025-T${i}`));
      return file;
    });
    expect(turbofanCompiles(['gen', ...files.slice(0, 2), '-j', '1', '-o', tempDir()])).toBe(0);
    expect(turbofanCompiles(['validate', ...files.slice(0, LONG_RUN_FROM.validate - 1)])).toBe(0);
    expect(turbofanCompiles(['validate', ...files])).toBeGreaterThan(0);
  }, 180_000);

  /** Scavenges, and scavenging tasks run, in a batch with a worker on every core (V8 traces both). */
  function scavengesOfBatch(nodeFlags: readonly string[]): { scavenges: number; tasks: number } {
    const example = readFileSync('examples/params.example.yaml', 'utf8');
    const cores = Math.max(2, availableParallelism());
    const inputs = Array.from({ length: cores }, (_, i) => {
      const file = join(tempDir(), `c${i}.yaml`);
      writeFileSync(file, example.replace('YDH-2025-0001', `YDH-2025-S${i}`));
      return file;
    });
    const args = ['--trace-gc', '--trace-parallel-scavenge', ...nodeFlags, CLI, 'gen', ...inputs, '-j', String(cores), '-o', tempDir(), '-q'];
    const r = spawnSync(process.execPath, args, { encoding: 'utf8', env: cliEnv(), timeout: 300_000 });
    expect(r.status, r.stderr).toBe(0);
    // Every line starts with its isolate, `[pid:0x…]`; threads interleave lines, but not inside
    // a word. The main thread's isolate prints first; its first scavenges come before the batch
    // is known, so only the workers' are counted: a scavenge's line, and one line per task.
    const main = /\[\d+:(0x[0-9a-f]+)\]/.exec(r.stdout)?.[1];
    let scavenges = 0;
    let tasks = 0;
    for (const m of r.stdout.matchAll(/\[\d+:(0x[0-9a-f]+)\]\s+(?:\d+ ms: (Scavenge)|scavenge\[)/g)) {
      if (m[1] === main) continue;
      if (m[2]) scavenges++;
      else tasks++;
    }
    return { scavenges, tasks };
  }

  it.runIf(mayTuneScavenging(process.versions.v8, process.execArgv) && availableParallelism() <= 4)(
    'scavenges with one task when the workers take every core, unless the user asked for parallel scavenging',
    () => {
      const own = scavengesOfBatch([]);
      // Enough for the count of tasks to tell (~20 for a worker's first contract, less as it keeps more of the package).
      expect(own.scavenges).toBeGreaterThan(10);
      // One task each: the workers start after the setting. V8 writes a line's isolate and its
      // text in two writes, so now and then another thread's line lands between them and one line
      // is counted for the wrong isolate or not at all (a fresh clone's CI counted 18 scavenges
      // and 17 tasks once). With parallel tasks a worker's scavenge has ~2.8 (below: > 1.25).
      expect(Math.abs(own.tasks - own.scavenges)).toBeLessThanOrEqual(2);
      const users = scavengesOfBatch(['--parallel-scavenge']);
      expect(users.scavenges).toBeGreaterThan(10);
      expect(users.tasks).toBeGreaterThan(users.scavenges * 1.25);
    },
    300_000,
  );
});
