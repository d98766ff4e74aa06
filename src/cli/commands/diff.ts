import type { Command } from 'commander';
import { say } from '../locale.js';
import { collect } from '../options.js';
import type { CommandResult } from '../run.js';
import type { DiffOptions } from './diff-run.js';

export function registerDiff(program: Command, run: (fn: () => Promise<CommandResult>) => Promise<void>): void {
  program
    .command('diff')
    .description(say('compare two params files of one contract: a redline with tracked changes and a change agreement (变更协议) to sign', '比较同一合同的两个参数文件：生成带修订标记的对照稿和可签署的合同变更协议'))
    .argument('<old>', say('the params file of the contract as signed', '已签署合同的参数文件'))
    .argument('<new>', say('the params file of the contract as changed', '变更后的参数文件'))
    .option('-o, --out-dir <dir>', say('folder for the files (default: out)', '输出目录（默认：out）'))
    .option('-f, --format <list>', say('docx, pdf or both (default: docx,pdf)', 'docx、pdf 或两者（默认：docx,pdf）'), collect)
    .option('--effective <date>', say('the date the changes take effect, YYYY-MM-DD (default: the day the change agreement is signed)', '变更生效日期 YYYY-MM-DD（默认：变更协议签署生效之日）'))
    .option('--author <name>', say('the author of the tracked changes in the redline (default: contract)', '对照稿中修订的作者（默认：contract）'))
    .option('--date <date>', say('the date of the tracked changes, YYYY-MM-DD (default: today, or SOURCE_DATE_EPOCH)', '修订日期 YYYY-MM-DD（默认：今天，或 SOURCE_DATE_EPOCH）'))
    .option('--templates <dir>', say('override templates, as for gen (used for both versions)', '覆盖模板，与 gen 相同（两个版本均使用）'))
    .option('--base-dir <dir>', say('also allow `extends:` bases from this folder; repeatable', '也允许从此目录引用 `extends:` 的基础文件；可重复'), collect)
    .option('--json', say('print every change (key path, old and new value, clauses touched) and the files written as JSON on stdout', '在标准输出以 JSON 打印每项变更（键路径、原值、新值、涉及的条款）及写出的文件'))
    .option('-q, --quiet', say('print errors only', '只打印错误'))
    .addHelpText(
      'after',
      say(
        `
Writes, for contract number N:
  N-redline.docx            the whole new contract, every change a Word tracked change
                            (Review > Accept / Reject in Word and WPS)
  N-redline.pdf             the changed clauses only, deletions struck through in red,
                            insertions underlined in blue, for review by e-mail
  N-change-agreement.docx   the 变更协议: one row per changed clause (original and new
  N-change-agreement.pdf    wording), the effective date, signature blocks and fields
Nothing is written when the two contracts read the same.

Examples:
  contract diff signed.yaml amended.yaml -o changes
  contract diff signed.yaml amended.yaml --effective 2026-01-01 --author "甲方法务"
  contract diff signed.yaml amended.yaml --json > changes.json

Exit codes: 0 done (with changes or without), 1 an input is invalid or unreadable,
2 usage error, 3 could not write output or internal error.`,
        `
对合同编号 N 写出：
  N-redline.docx            变更后的完整合同，每处改动均为 Word 修订
                            （Word 和 WPS 中“审阅 > 接受 / 拒绝”）
  N-redline.pdf             仅列改动的条款：删除的文字红色删除线，新增的文字蓝色下划线，
                            便于邮件审阅
  N-change-agreement.docx   合同变更协议：每个改动的条款一行（原条款与变更后内容），
  N-change-agreement.pdf    生效日期、签署栏和签名域
两份合同文本相同时不写任何文件。

示例：
  contract diff signed.yaml amended.yaml -o changes
  contract diff signed.yaml amended.yaml --effective 2026-01-01 --author "甲方法务"
  contract diff signed.yaml amended.yaml --json > changes.json

退出码：0 完成（有无改动均为 0）；1 有输入无效或无法读取；2 用法错误；3 无法写出或内部错误。`,
      ),
    )
    .action((oldFile: string, newFile: string, options: DiffOptions) => run(async () => (await import('./diff-run.js')).runDiff(oldFile, newFile, options)));
}
