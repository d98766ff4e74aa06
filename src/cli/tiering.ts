/**
 * V8's settings for the kind of run the CLI is making. Process-wide; the library never sets them.
 *
 * The optimising compiler (TurboFan). A run that makes one contract and exits spends its time in
 * code that runs once or a few times; TurboFan then costs more than its code saves: cold `gen`
 * of the example takes a quarter less CPU without it (`npm run bench`). A batch or --watch,
 * where the same code runs again and again, wants it. The CLI's loader (bin/load-cli.js) starts
 * every command without it, since V8 takes the build's code cache only under the flags it was
 * made with; a command that turns out to be long-running turns it back on.
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
 * (hyperfine, 20 runs each side by side); Node 22 and 24 gain likewise. Workers size their own
 * young generation (worker-pool.ts); in a `-j 2` batch it is the main thread's that stays small
 * (4 MB instead of 8), for the same speed and ~8 MB less peak RSS (200 contracts, three runs each:
 * 182-185 against 191-192 MB, 14.1-14.6 s either way). Optimised code in process wants the room:
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

/** `renderThreads`: how many threads will render at once (1 in process, else the workers). */
export function tuneForRun(longRunning: boolean, renderThreads = 1): void {
  const tuning = tuningFor(longRunning, renderThreads, availableParallelism());
  setFlagsFromString(tuning.optimise ? '--opt' : '--no-opt');
  setYoungGenerationGrowth(tuning.growYoungGeneration ? DEFAULT_GROWTH : 1);
  setParallelScavenge(tuning.parallelScavenge);
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
