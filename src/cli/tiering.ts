/**
 * A run that makes one contract and exits spends its time in code that runs once or a few
 * times; V8's optimising compiler (TurboFan) then costs more than its code saves: cold `gen`
 * of the example takes a quarter less CPU without it (`npm run bench`). A batch or --watch,
 * where the same code runs again and again, keeps it. Process-wide, so only the CLI decides.
 */
import { setFlagsFromString } from 'node:v8';

export function skipOptimisingCompiler(): void {
  setFlagsFromString('--no-opt');
}
