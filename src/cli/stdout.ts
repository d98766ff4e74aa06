import { detectLocale } from './locale.js';

let ended = false;
let exit: (code: number) => void = (code) => process.exit(code);

/**
 * How the program ends when standard output fails, as command-line tools do: a reader that
 * stopped early (`contract schema | head`, EPIPE) ends it quietly with exit 0, since nobody
 * wants the rest; any other failure (`> /dev/full`) is one line on stderr and exit 3. Called
 * by the stream's error event and by whoever awaited a write, whichever comes first: once.
 */
export function standardOutputFailed(error: NodeJS.ErrnoException): void {
  if (ended) return;
  ended = true;
  if (error.code === 'EPIPE') return exit(0);
  const reason = error.code ?? error.message;
  try {
    process.stderr.write(
      detectLocale() === 'zh' ? `contract：无法写入标准输出（${reason}）\n` : `contract: could not write to standard output (${reason})\n`,
    );
  } catch {
    // Nowhere left to say it; the exit code does.
  }
  exit(3);
}

/** Installs the handlers once, before anything is written. Standard error going away is ignored. */
export function guardStandardStreams(onExit?: (code: number) => void): void {
  if (onExit) exit = onExit;
  process.stdout.on('error', standardOutputFailed);
  process.stderr.on('error', () => {});
}
