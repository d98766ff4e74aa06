/**
 * A run that makes one contract and exits spends its time in code that runs once or a few
 * times; V8's optimising compiler (TurboFan) then costs more than its code saves: cold `gen`
 * of the example takes a quarter less CPU without it (`npm run bench`). A batch or --watch,
 * where the same code runs again and again, wants it. The CLI's loader (bin/load-cli.js) starts
 * every command without it, since V8 takes the build's code cache only under the flags it was
 * made with; a command that turns out to be long-running turns it back on. Process-wide.
 */
import { setFlagsFromString } from 'node:v8';

export function useOptimisingCompiler(longRunning: boolean): void {
  setFlagsFromString(longRunning ? '--opt' : '--no-opt');
}
