import { statSync, watch, type FSWatcher } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ContractError } from '../diagnostics.js';
import { forgetTemplates } from '../compose/registry.js';
import type { InputResult } from '../output/batch.js';
import { generateOnce, type GenPlan } from './commands/gen-run.js';
import { exitCodeOf } from './report.js';
import { usage } from './options.js';
import type { CommandResult } from './run.js';

/** Files whose change means generating again; editors' swap and backup files are not. */
const RELEVANT = /\.(ya?ml|hbs)$|(^|[\\/])articles\.order$/i;
const SETTLE_MS = 150;

/**
 * The folders to watch for a run: those of the inputs and of every base they extend (the files
 * the generation read, `sources`: a base added later is seen when its folder changes), the
 * templates folder, and the folders named as inputs. Folders, not files: an editor that saves
 * by writing a new file and renaming it over the old one would end a watch on the file.
 */
export function foldersToWatch(plan: Pick<GenPlan, 'args' | 'options'>, results: readonly Pick<InputResult, 'input' | 'sources'>[]): Map<string, boolean> {
  const inputs = results.map((r) => r.input);
  const folders = new Map<string, boolean>();
  const add = (dir: string, recursive: boolean) => folders.set(resolve(dir), (folders.get(resolve(dir)) ?? false) || recursive);
  for (const arg of plan.args) {
    if (arg === '-') continue;
    if (inputs.includes(arg)) add(dirname(arg), false);
    // A folder named as an input is itself watched (not its parent, with everything beside it).
    else if (isFolder(arg)) add(arg, true);
    else add(arg.split(/[*?[{]/)[0]!.replace(/[^/\\]*$/, '') || '.', true);
  }
  for (const result of results) {
    add(dirname(result.input), false);
    for (const file of result.sources) add(dirname(file), false);
  }
  if (plan.options.templates !== undefined) add(plan.options.templates, true);
  return folders;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

const clock = () => new Date().toTimeString().slice(0, 8);

/**
 * `gen --watch`: generates, then again whenever a params file, a base it extends or a
 * template changes; an invalid edit prints its errors and the watch goes on. Ends on
 * Ctrl-C (SIGINT) or SIGTERM, after the generation under way, with exit code 0.
 */
export async function watchGen(plan: GenPlan): Promise<CommandResult> {
  const { reporter } = plan;
  const zh = reporter.locale === 'zh';
  if (plan.args.includes('-')) throw usage('--watch needs files: standard input cannot be read again', '--watch 需要文件：标准输入无法重复读取');
  if (plan.options.output === '-') throw usage('--watch writes files: -o - cannot be used with it', '--watch 会写出文件，不能与 -o - 同用');

  const watchers = new Map<string, FSWatcher>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let pending: string | undefined;
  let stopped = false;

  const generate = async (reason: string | undefined) => {
    if (reason !== undefined) reporter.info(`[${clock()}] ${zh ? `${reason} 已更改，重新生成` : `${reason} changed: generating again`}`);
    forgetTemplates();
    let results: readonly InputResult[] = [];
    try {
      results = (await generateOnce(plan)).results;
    } catch (error) {
      if (!(error instanceof ContractError) || exitCodeOf(error.diagnostics) === 2) throw error;
      reporter.diagnostics(error.diagnostics);
    }
    if (stopped) return;
    updateWatchers(foldersToWatch(plan, results));
    reporter.info(zh ? `[${clock()}] 正在监视 ${watchers.size} 个文件夹中的变化（按 Ctrl-C 结束）` : `[${clock()}] watching ${watchers.size} folder(s) for changes (Ctrl-C to stop)`);
  };

  const schedule = (file: string) => {
    pending = file;
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (running) return schedule(pending!);
      const reason = pending;
      pending = undefined;
      running = generate(reason)
        .catch((error: unknown) => {
          // A later run never ends the watch: say what went wrong and wait for the next change.
          if (error instanceof ContractError) reporter.diagnostics(error.diagnostics);
          else reporter.error(`contract: ${zh ? '内部错误' : 'internal error'}: ${error instanceof Error ? error.message : String(error)}`);
        })
        .finally(() => {
          running = undefined;
        });
    }, SETTLE_MS);
  };

  const updateWatchers = (folders: Map<string, boolean>) => {
    for (const [dir, watcher] of watchers) {
      if (!folders.has(dir)) {
        watcher.close();
        watchers.delete(dir);
      }
    }
    for (const [dir, recursive] of folders) {
      if (watchers.has(dir)) continue;
      try {
        const watcher = watch(dir, { recursive }, (_event, name) => {
          if (name && RELEVANT.test(String(name))) schedule(String(name));
        });
        watcher.on('error', () => {
          watcher.close();
          watchers.delete(dir);
        });
        watchers.set(dir, watcher);
      } catch {
        // A folder that does not exist (yet): its parent's watch, if any, will tell.
      }
    }
  };

  running = generate(undefined).finally(() => {
    running = undefined;
  });
  await running;

  await new Promise<void>((resolveStop) => {
    const stop = () => {
      stopped = true;
      clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void Promise.resolve(running).then(() => resolveStop());
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return { exitCode: 0, stdout: '' };
}
