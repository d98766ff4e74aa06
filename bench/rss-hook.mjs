// Loaded with `node --import`: records the process's peak RSS (KiB) when it exits.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.CONTRACT_RSS_OUT) writeFileSync(process.env.CONTRACT_RSS_OUT, String(process.resourceUsage().maxRSS));
});
