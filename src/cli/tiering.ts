/**
 * V8's settings for the kind of run the CLI is making. Process-wide; the library never sets them.
 *
 * The optimising compiler (TurboFan). A run that makes one contract and exits spends its time in
 * code that runs once or a few times; TurboFan then costs more than its code saves: cold `gen`
 * of the example takes a quarter less CPU without it (`npm run bench`). A batch or --watch,
 * where the same code runs again and again, wants it. The CLI's loader (lib/load-cli.js) starts
 * every command without it, since V8 takes the build's code cache only under the flags it was
 * made with; a command that turns out to be long-running turns it back on.
 *
 * A few inputs are not yet a long run: TurboFan compiles for a while before its code pays, and
 * each isolate compiles its own. Distinct contracts in process (`gen -j 1`) on 2 cores, three runs
 * each side by side, without against with it: 2 contracts 0.69-0.70 against 0.88-0.89 s; 5:
 * 1.07-1.09 against 1.20 s; 10: 1.44-1.52 against 1.58-1.61 s; 12: 1.65-1.68 against 1.71-1.85
 * s; 15: 1.90-1.96 against 1.96-1.98 s; 20: 2.50-2.59 against 2.30-2.32 s; 40: 4.44 against
 * 3.65-3.67 s (and without it, a third less CPU and peak RSS up to 20 inputs). `validate` does a
 * twentieth of the work per file: 10 files 0.33-0.34 against 0.40-0.41 s; 40: 0.63 against
 * 0.59-0.61 s; 100: 1.26-1.36 against 0.80-0.85 s. So a run is long from 16 contracts per
 * rendering thread, or 40 files to validate, and always under --watch, which generates again and
 * again (longRun).
 *
 * TurboFan compiles on background threads, and each worker's isolate compiles its own code: it
 * pays when a core is left for that. When the rendering threads take every core, it competes
 * with them. 200 distinct contracts on 2 cores (machine shared, two runs each):
 * - `-j 2` (two workers): with it 21.8 / 17.5 s wall, 41.6 / 33.3 s CPU, 233 / 234 MB peak
 *   RSS; without it 16.9 / 15.6 s, 31.8 / 29.1 s CPU, 198 / 199 MB.
 * - `-j 1` (in process, the other core free): with it 16.9 / 16.1 s wall; without 22.6 / 23.7 s.
 *
 * The young generation. V8 starts it at 1 MB a semi-space and doubles it while objects survive
 * (--semi-space-growth-factor), up to 16 MB. Every page the grown space takes is memory touched
 * for the first time, which the kernel maps one 4 KB page fault at a time: ~12 µs a page on the
 * 2-core virtual machine measured here (a C loop over fresh pages), less on bare metal but never
 * free. Kept at its starting size, a cold `gen` of one contract made 11,900 page faults instead
 * of 19,000, peaked at 75 instead of 104 MB and took 0.60 instead of 0.77 s
 * (hyperfine, 20 runs each side by side); Node 22 and 24 gain likewise. V8 puts the factor back
 * to its default whenever it sizes a new isolate's heap, so a worker's start undoes the setting
 * for the whole process (v8.cachedDataVersionTag, which hashes the flags, changes then): in a
 * `-j 2` batch it holds until the workers start. The main thread allocates little there (its
 * young generation peaked at 2 MB over 200 contracts); workers size their own young generation
 * (worker-pool.ts). Optimised code in process wants the room:
 * `-j 1` took 15.9 / 17.3 s with the small young generation against 13.4 / 14.7 s, so it grows
 * whenever TurboFan is on.
 *
 * Parallel scavenging. V8 splits each young-generation collection into tasks on its own threads,
 * which helps while a core is idle. When the rendering threads take every core, those tasks only
 * wait for one: 120 distinct contracts, `-j 2` on 2 cores, four runs each interleaved: 7.46-7.65
 * s without it against 8.15-8.48 s with it, CPU 14.4-14.8 against 15.0-15.6 s, the same peak RSS.
 * A run with a core to spare keeps it (a cold `gen`: no gain without it).
 */
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';

export interface RunTuning {
  readonly optimise: boolean;
  readonly growYoungGeneration: boolean;
  readonly parallelScavenge: boolean;
}

/** Inputs per thread from which a run is long (measured above). */
export const LONG_RUN_FROM = { gen: 16, validate: 40 } as const;

/**
 * Whether a run is long enough for TurboFan: `inputs` spread over `threads` (1 in process, else
 * the workers), or a --watch, whose process lives on.
 */
export function longRun(command: keyof typeof LONG_RUN_FROM, inputs: number, threads = 1, watching = false): boolean {
  return watching || inputs / Math.max(1, threads) >= LONG_RUN_FROM[command];
}

/** `renderThreads`: how many threads will render at once (1 in process, else the workers). */
export function tuneForRun(longRunning: boolean, renderThreads = 1): void {
  const tuning = tuningFor(longRunning, renderThreads, availableParallelism());
  setFlagsFromString(tuning.optimise ? '--opt' : '--no-opt');
  setYoungGenerationGrowth(tuning.growYoungGeneration ? DEFAULT_GROWTH : 1);
  setParallelScavenge(tuning.parallelScavenge);
}

/**
 * For a batch on worker threads. V8 takes a worker's code cache (lib/cli-worker.js) only under
 * the flags it was made with, those a command starts with, and they are the process's: of the
 * settings here, TurboFan's is one of them (as is the young generation's growth; parallel
 * scavenging is not), so it is set by the function returned, to be called once the workers have
 * loaded their code. The young generation is left as V8 has it then: a worker's start sets its
 * growth back to the default, so it grows in every thread, the workers' within their limits
 * (worker-pool.ts), as it did when the setting came before the workers and they undid it.
 */
export function tuneForWorkers(longRunning: boolean, renderThreads: number): () => void {
  const tuning = tuningFor(longRunning, renderThreads, availableParallelism());
  setParallelScavenge(tuning.parallelScavenge);
  return () => setFlagsFromString(tuning.optimise ? '--opt' : '--no-opt');
}

/**
 * TurboFan for one thread in process (as measured above), for workers only with a core to spare;
 * the young generation grows only for code TurboFan optimises; scavenges run in parallel unless
 * the rendering threads take every core.
 */
export function tuningFor(longRunning: boolean, renderThreads: number, cores: number): RunTuning {
  const optimise = longRunning && (renderThreads === 1 || renderThreads < cores);
  return { optimise, growYoungGeneration: optimise, parallelScavenge: renderThreads < cores };
}

/** V8's default, which the build's code cache was made under: V8 records the flag in a cache. */
const DEFAULT_GROWTH = 2;

/** The flags as they were when the bundle was compiled, before a code cache is made of it. */
export function restoreCompileFlags(): void {
  setFlagsFromString('--no-opt');
  setYoungGenerationGrowth(DEFAULT_GROWTH);
  // V8's default, which the user's Node flags have not changed (mayTuneScavenging).
  setParallelScavenge(true);
}

const nodeFlags = (): string[] => [...process.execArgv, process.env['NODE_OPTIONS'] ?? ''];

function setYoungGenerationGrowth(factor: number): void {
  if (mayTuneYoungGeneration(process.versions.v8, nodeFlags())) {
    setFlagsFromString(`--semi-space-growth-factor=${factor}`);
  }
}

function setParallelScavenge(on: boolean): void {
  if (mayTuneScavenging(process.versions.v8, nodeFlags())) setFlagsFromString(on ? '--parallel-scavenge' : '--no-parallel-scavenge');
}

/**
 * V8 reads --parallel-scavenge at every scavenge, so it may change while code runs (unlike the
 * concurrent marking and sweeping settings, which crashed a batch when changed at run time). On
 * V8 11 to 13, as above; never over a user's own choice of how V8 collects garbage.
 */
export function mayTuneScavenging(v8Version: string, flags: readonly string[]): boolean {
  if (!knownV8(v8Version)) return false;
  return !flags.some((flag) => /--(?:no[-_])?(?:parallel[-_]scavenge|single[-_]threaded(?:[-_]gc)?|predictable)\b/.test(flag));
}

/**
 * Only on the V8 versions where the flag is known to be read at every growth (Node 20, 22 and 24:
 * V8 11 to 13); V8 prints an error for a flag it does not know. Never over a young-generation
 * size the user set for Node.
 */
export function mayTuneYoungGeneration(v8Version: string, nodeFlags: readonly string[]): boolean {
  if (!knownV8(v8Version)) return false;
  return !nodeFlags.some((flag) => /--(?:semi[-_]space[-_]growth[-_]factor|(?:max|min)[-_]semi[-_]space[-_]size)\b/.test(flag));
}

/** V8 11 to 13 (Node 20, 22 and 24), whose flags these settings were measured with. */
function knownV8(v8Version: string): boolean {
  const major = Number(v8Version.split('.')[0]);
  return major >= 11 && major <= 13;
}
