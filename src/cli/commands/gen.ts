import type { Command } from 'commander';
import { FORMATS } from '../../formats.js';
import type { CommandResult } from '../run.js';
import type { GenOptions } from './gen-run.js';

// Only the command's definition: its implementation loads when the command runs, so that
// --help and the other commands start without the pipeline.
export function registerGen(program: Command, run: (fn: () => Promise<CommandResult>) => Promise<void>): void {
  program
    .command('gen')
    .description('validate params files, then write the contract as DOCX and PDF for each')
    .argument('<inputs...>', 'params files (YAML), directories of them, or - for standard input')
    .option('-o, --out-dir <dir>', 'output directory', 'out')
    .option('-f, --format <list>', `comma-separated formats: ${FORMATS.join(', ')}`, 'docx,pdf')
    .option('--templates <dir>', 'a folder whose files override built-in templates of the same name')
    .option('--base-dir <dir>', 'also allow `extends:` bases from this folder (default: only inside the current folder); repeatable', (dir: string, dirs: string[] = []) => [...dirs, dir])
    .option('--draft', 'print unfilled optional blanks as ____ and mark every page 草稿 DRAFT')
    .option('--pdfa', 'write the PDF as PDF/A-2b for archiving')
    .option('-j, --jobs <n>', 'parallel workers (default: number of cores)')
    .option('--shard <k/n>', 'process only shard k of n (a stable split for CI matrices)')
    .option('--json', 'print one machine-readable report on stdout')
    .option('-q, --quiet', 'print errors only')
    .addHelpText(
      'after',
      `
Output files are named after contract.number: out/YDH-2025-0001.docx, out/YDH-2025-0001.pdf.
Set SOURCE_DATE_EPOCH for byte-identical output across runs.

Examples:
  contract gen params.yaml
  contract gen customers/ -o build/contracts -j 4
  contract gen params.yaml -f md          # review the text as Markdown
  cat params.yaml | contract gen - -f pdf
  contract gen customers/ --shard 2/3 --json > report.json

Exit codes: 0 all written, 1 some input invalid, 2 usage error, 3 could not write or internal error.`,
    )
    .action((inputs: string[], options: GenOptions) => run(async () => (await import('./gen-run.js')).runGen(inputs, options)));
}
