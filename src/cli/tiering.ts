/**
 * A run that makes one contract and exits spends its time in code that runs once or a few
 * times; V8's optimising compiler (TurboFan) then costs more than its code saves: cold `gen`
 * of the example takes a quarter less CPU without it (`npm run bench`). A batch or --watch,
 * where the same code runs again and again, wants it. The CLI's loader (bin/load-cli.js) starts
 * every command without it, since V8 takes the build's code cache only under the flags it was
 * made with; a command that turns out to be long-running turns it back on. Process-wide.
 *
 * TurboFan compiles on background threads, and each worker's isolate compiles its own code: it
 * pays when a core is left for that. When the rendering threads take every core, it competes
 * with them. 200 distinct contracts on 2 cores (machine shared, two runs each):
 * - `-j 2` (two workers): with it 21.8 / 17.5 s wall, 41.6 / 33.3 s CPU, 233 / 234 MB peak
 *   RSS; without it 16.9 / 15.6 s, 31.8 / 29.1 s CPU, 198 / 199 MB.
 * - `-j 1` (in process, the other core free): with it 16.9 / 16.1 s wall; without 22.6 / 23.7 s.
 */
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';

/** `renderThreads`: how many threads will render at once (1 in process, else the workers). */
export function useOptimisingCompiler(longRunning: boolean, renderThreads = 1): void {
  setFlagsFromString(wantsOptimisingCompiler(longRunning, renderThreads, availableParallelism()) ? '--opt' : '--no-opt');
}

/** One thread in process keeps it (as measured above); workers only with a core to spare. */
export function wantsOptimisingCompiler(longRunning: boolean, renderThreads: number, cores: number): boolean {
  return longRunning && (renderThreads === 1 || renderThreads < cores);
}
