import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CLI = join(import.meta.dirname, '../../bin/contract.js');

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The environment of a spawned CLI: this one's, in English and without colour settings unless a test sets them. */
export function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '' };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  return { ...env, ...extra };
}

/** Runs the built CLI as a user would, in English unless the test sets LANG. */
export function runCli(args: readonly string[], options: { env?: Record<string, string>; input?: string | Buffer; cwd?: string; timeout?: number } = {}): CliResult {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: cliEnv(options.env),
    ...(options.input !== undefined ? { input: options.input } : {}),
    ...(options.cwd ? { cwd: options.cwd } : {}),
    timeout: options.timeout ?? 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export const tempDir = (prefix = 'contract-test-') => mkdtempSync(join(tmpdir(), prefix));

/** Runs a shell command line (pipelines, redirections) with `contract` standing for the built CLI. */
export function runShell(line: string, options: { env?: Record<string, string>; cwd?: string } = {}): CliResult {
  const result = spawnSync('bash', ['-c', `set -o pipefail; contract() { "${process.execPath}" "${CLI}" "$@"; }; ${line}`], {
    encoding: 'utf8',
    env: cliEnv(options.env),
    ...(options.cwd ? { cwd: options.cwd } : {}),
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the CLI and keeps stdout as bytes (`-o -` of a PDF). */
export function runCliBytes(args: readonly string[], options: { env?: Record<string, string> } = {}): { status: number | null; stdout: Buffer; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    env: cliEnv(options.env),
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.toString('utf8') };
}

/**
 * Runs the CLI with a pseudo-terminal for stdin, stdout and stderr (util-linux `script`), as
 * in an interactive shell; what the terminal showed comes back as one text.
 */
export function runInTerminal(args: readonly string[], options: { env?: Record<string, string> } = {}): { status: number | null; screen: string } {
  const quoted = [process.execPath, CLI, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const result = spawnSync('script', ['-qec', quoted, '/dev/null'], { encoding: 'utf8', env: cliEnv({ TERM: 'xterm', ...options.env }), timeout: 120_000 });
  return { status: result.status, screen: result.stdout.replace(/\r\n/g, '\n') };
}

/**
 * A command run without blocking the test worker: a long spawnSync (a batch of 200, an npm
 * install) stops the worker from answering vitest, which then reports a timeout of its own.
 */
export function runAsync(command: string, args: readonly string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; timeout?: number } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: options.env ?? process.env, ...(options.cwd ? { cwd: options.cwd } : {}), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeout ?? 120_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

/** runCli without blocking the worker, for the long runs. */
export function runCliAsync(args: readonly string[], options: { env?: Record<string, string>; cwd?: string; timeout?: number } = {}): Promise<CliResult> {
  return runAsync(process.execPath, [CLI, ...args], { env: cliEnv(options.env), ...(options.cwd ? { cwd: options.cwd } : {}), ...(options.timeout ? { timeout: options.timeout } : {}) });
}
