import { Option, type Command } from 'commander';
import { say } from '../locale.js';
import { collect } from '../options.js';
import type { CommandResult } from '../run.js';
import type { GenOptions } from './gen-run.js';

// Only the command's definition: its implementation loads when the command runs, so that
// --help and the other commands start without the pipeline.
export function registerGen(program: Command, run: (fn: () => Promise<CommandResult>) => Promise<void>): void {
  program
    .command('gen')
    .description(say('validate params files, then write the contract as DOCX and PDF for each', '校验参数文件，然后为每个文件生成 DOCX 和 PDF 合同'))
    .argument('<inputs...>', say('params files, folders (searched recursively), quoted globs, or - for standard input', '参数文件、文件夹（递归查找）、加引号的通配模式，或用 - 表示标准输入'))
    .option('-o, --output <path>', say('a folder (default out), a .docx/.pdf/.md file for one input, or - for standard output', '输出文件夹（默认 out）；单个输入时可为 .docx/.pdf/.md 文件；- 表示标准输出'))
    .addOption(new Option('--out-dir <dir>').hideHelp())
    .option('-f, --format <list>', say('output formats docx, pdf, md (default docx,pdf), and/or a report format: github, json', '输出格式 docx、pdf、md（默认 docx,pdf），和/或报告格式：github、json'), collect)
    .option('--templates <dir>', say('a folder whose files replace built-in templates of the same name', '用该文件夹中的同名文件替换内置模板'))
    .option('--base-dir <dir>', say('also allow `extends:` bases from this folder (default: only inside the current folder); repeatable', '也允许从此目录引用 `extends:` 的基础文件（默认只允许当前目录之内）；可重复'), collect)
    .option('--draft', say('accept missing required values (each a warning); print them and unfilled optional blanks as ____; mark every page 草稿 DRAFT', '接受缺少的必填项（各报一个警告）；缺少的必填项和未填写的可选项印为 ____；每页加“草稿 DRAFT”标记'))
    .option('--pdfa', say('write the PDF as PDF/A-2b for archiving', '生成 PDF/A-2b 格式的 PDF，便于归档'))
    .option('--font <roles>', say('fonts, overriding the params: body=<file|family>,heading=<file|family> (a face of a collection as file.ttc#2)', '字体，优先于参数文件：body=<文件|字体族>,heading=<文件|字体族>（字体集中的某一字体写作 file.ttc#2）'))
    .option('-j, --jobs <n>', say('threads that render at once (default: one per 4 inputs, or per 64 with --watch, up to the number of cores less one, or 2 on 2 cores; 1 runs in process; in a short batch the main thread is one of them, else all are workers)', '同时渲染的线程数（默认：每 4 个输入一个，--watch 时每 64 个一个，最多为 CPU 核数减一，双核时为 2；1 为在本进程内运行；输入较少时主线程也参与渲染，否则全部为工作线程）'))
    .option('--shard <k/n>', say('process only shard k of n (a stable split for CI matrices)', '只处理 n 份中的第 k 份（用于 CI 矩阵的稳定划分）'))
    .option('--manifest', say('also write SHA256SUMS and manifest.json (hashes of inputs, templates and outputs) beside the outputs', '同时在输出旁写出 SHA256SUMS 和 manifest.json（输入、模板和输出的哈希）'))
    .option('--json', say('print one machine-readable report on stdout (same as -f json)', '在标准输出打印一份机器可读的报告（同 -f json）'))
    .option('--max-warnings <n>', say('exit 1 when there are more than n warnings', '警告超过 n 个时以 1 退出'))
    .option('-w, --watch', say('generate again whenever a params file, a base it extends or a template changes', '参数文件、其继承的基础文件或模板变化时重新生成'))
    .option('-q, --quiet', say('print errors only', '只打印错误'))
    .addHelpText(
      'after',
      say(
        `
Output files are named after contract.number: out/YDH-2025-0001.docx, out/YDH-2025-0001.pdf.
Files and folders whose name starts with _ are bases for extends:, not generated on their own.
Set SOURCE_DATE_EPOCH for byte-identical output across runs. --manifest writes one
SHA256SUMS (check with: cd out && sha256sum -c SHA256SUMS) and one manifest.json per run
(SHA256SUMS.k-of-n and manifest.k-of-n.json with --shard k/n).

Examples:
  contract gen params.yaml
  contract gen params.yaml -o contract.pdf
  contract gen params.yaml -o - -f pdf | lpr
  contract gen customers/ -o build/contracts -j 4
  contract gen 'customers/**/*.yaml' --format github --max-warnings 0
  contract gen params.yaml -f md          # review the text as Markdown
  contract gen params.yaml --font body="Noto Serif CJK SC"   # a serif body (fonts-noto-cjk)
  contract gen params.yaml --watch --templates my-tpl/
  contract gen customers/ --shard 2/3 --json > report.json
  SOURCE_DATE_EPOCH=1740787200 contract gen customers/ --manifest

Exit codes: 0 all written, 1 an input is invalid or unreadable (or too many warnings),
2 usage error, 3 could not write output or internal error.`,
        `
输出文件以 contract.number 命名：out/YDH-2025-0001.docx、out/YDH-2025-0001.pdf。
名称以 _ 开头的文件和文件夹是供 extends: 继承的基础文件，不单独生成。
设置 SOURCE_DATE_EPOCH 可使每次输出逐字节相同。--manifest 每次运行写出一个 SHA256SUMS
（校验：cd out && sha256sum -c SHA256SUMS）和一个 manifest.json（--shard k/n 时为
SHA256SUMS.k-of-n 和 manifest.k-of-n.json）。

示例：
  contract gen params.yaml
  contract gen params.yaml -o contract.pdf
  contract gen params.yaml -o - -f pdf | lpr
  contract gen customers/ -o build/contracts -j 4
  contract gen 'customers/**/*.yaml' --format github --max-warnings 0
  contract gen params.yaml -f md          # 以 Markdown 审阅文本
  contract gen params.yaml --font body="Noto Serif CJK SC"   # 宋体风格正文（fonts-noto-cjk）
  contract gen params.yaml --watch --templates my-tpl/
  contract gen customers/ --shard 2/3 --json > report.json
  SOURCE_DATE_EPOCH=1740787200 contract gen customers/ --manifest

退出码：0 全部写出；1 有输入无效或无法读取（或警告过多）；2 用法错误；3 无法写出或内部错误。`,
      ),
    )
    .action((inputs: string[], options: GenOptions) => run(async () => (await import('./gen-run.js')).runGen(inputs, options)));
}
