import { ContractError } from '../diagnostics.js';
import { detectLocale } from './locale.js';
import { createReporter, exitCodeOf } from './report.js';

export interface CommandResult {
  readonly exitCode: number;
  /** Data for stdout (reports, schemas); messages go to stderr as they happen. */
  readonly stdout: string;
}

/**
 * Runs a command body and turns every failure into a message and an exit code: a user
 * never sees a stack trace (set CONTRACT_DEBUG=1 to get one for a bug report).
 */
export async function runCommand(body: () => Promise<CommandResult>): Promise<number> {
  const reporter = createReporter(detectLocale(), false);
  try {
    const result = await body();
    if (result.stdout) process.stdout.write(result.stdout);
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
