import { ContractError } from '../diagnostics.js';
import { writeToStdout } from '../output/stdout-sink.js';
import { detectLocale } from './locale.js';
import { createReporter, exitCodeOf } from './report.js';
import { standardOutputFailed } from './stdout.js';

export interface CommandResult {
  readonly exitCode: number;
  /** Data for stdout (reports, schemas, a file's bytes); messages go to stderr as they happen. */
  readonly stdout: string | Uint8Array;
}

/** Writes data to stdout and waits until it is taken; a failure ends the program (stdout.ts). */
export async function emit(data: string | Uint8Array): Promise<void> {
  if (data.length === 0) return;
  try {
    await writeToStdout(data);
  } catch (error) {
    standardOutputFailed(error as NodeJS.ErrnoException);
    // The program is ending; never go on as if the data had been written.
    await new Promise(() => {});
  }
}

/**
 * Runs a command body and turns every failure into a message and an exit code: a user
 * never sees a stack trace (set CONTRACT_DEBUG=1 to get one for a bug report).
 */
export async function runCommand(body: () => Promise<CommandResult>): Promise<number> {
  const reporter = createReporter({ locale: detectLocale() });
  try {
    const result = await body();
    await emit(result.stdout);
    return result.exitCode;
  } catch (error) {
    if (error instanceof ContractError) {
      reporter.diagnostics(error.diagnostics);
      return exitCodeOf(error.diagnostics) || 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    reporter.error(reporter.locale === 'zh' ? `contract：内部错误：${message}` : `contract: internal error: ${message}`);
    if (process.env['CONTRACT_DEBUG']) reporter.error(String((error as Error)?.stack ?? ''));
    return 3;
  }
}
