// Loaded with `node --import` by the bench: records the process's resource usage (peak RSS in
// KiB, CPU in microseconds; worker threads included) as JSON when it exits.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.CONTRACT_USAGE_OUT) writeFileSync(process.env.CONTRACT_USAGE_OUT, JSON.stringify(process.resourceUsage()));
});
