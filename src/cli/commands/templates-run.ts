import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ContractError, text } from '../../diagnostics.js';
import { loadTemplates, TEMPLATE_EXTENSION } from '../../compose/registry.js';
import { writeFileAtomic } from '../../output/atomic-write.js';
import { detectLocale } from '../locale.js';
import { createReporter } from '../report.js';
import type { CommandResult } from '../run.js';

export async function runTemplatesList(options: { templates?: string }): Promise<CommandResult> {
  const lines = loadTemplates(options.templates).map((t) => `${t.name}${t.builtIn ? '' : `  (from ${t.file})`}`);
  return { exitCode: 0, stdout: `${lines.join('\n')}\n` };
}

export async function runTemplatesExport(dir: string, options: { force?: boolean }): Promise<CommandResult> {
  const reporter = createReporter(detectLocale(), false);
  const templates = loadTemplates();
  const targets = templates.map((t) => ({ path: join(dir, `${t.name}${TEMPLATE_EXTENSION}`), source: t.source }));
  const existing = targets.filter((t) => existsSync(t.path));
  if (existing.length > 0 && !options.force) {
    throw new ContractError([
      {
        kind: 'usage',
        severity: 'error',
        code: 'exists',
        message: text(`${existing[0]!.path} already exists (and ${existing.length - 1} more); use --force to overwrite`, `${existing[0]!.path} 已存在（另有 ${existing.length - 1} 个）；如需覆盖请加 --force`),
      },
    ]);
  }
  try {
    for (const t of targets) await writeFileAtomic(t.path, t.source);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ContractError([{ kind: 'io', severity: 'error', code: 'write-failed', message: text(`could not write to ${dir} (${code})`, `无法写入 ${dir}（${code}）`) }]);
  }
  reporter.info(
    reporter.locale === 'zh'
      ? `已导出 ${targets.length} 个模板到 ${dir}；修改后用 contract gen --templates ${dir} 使用`
      : `exported ${targets.length} templates to ${dir}; edit them, then use contract gen --templates ${dir}`,
  );
  return { exitCode: 0, stdout: '' };
}
