import { existsSync } from 'node:fs';
import { ContractError, text } from '../../diagnostics.js';
import { writeFileAtomic } from '../../output/atomic-write.js';
import { starterParamsYaml } from '../../params/index.js';
import { detectLocale } from '../locale.js';
import { createReporter } from '../report.js';
import type { CommandResult } from '../run.js';

export async function runInit(file: string): Promise<CommandResult> {
  if (file === '-') return { exitCode: 0, stdout: starterParamsYaml() };
  const reporter = createReporter({ locale: detectLocale() });
  if (existsSync(file)) {
    throw new ContractError([
      {
        kind: 'usage',
        severity: 'error',
        code: 'exists',
        file,
        message: text(`${file} already exists; not overwriting it`, `${file} 已存在，不会覆盖`),
        hint: text('choose another name: contract init other.yaml', '请换一个文件名：contract init other.yaml'),
      },
    ]);
  }
  try {
    await writeFileAtomic(file, starterParamsYaml());
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ContractError([{ kind: 'io', severity: 'error', code: 'write-failed', file, message: text(`could not write ${file} (${code})`, `无法写入 ${file}（${code}）`) }]);
  }
  reporter.info(reporter.locale === 'zh' ? `已写出 ${file}：编辑后运行 contract gen ${file}` : `wrote ${file}: edit it, then run contract gen ${file}`);
  return { exitCode: 0, stdout: '' };
}
