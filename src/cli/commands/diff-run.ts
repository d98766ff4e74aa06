import { join, resolve } from 'node:path';
import { ContractError, type Diagnostic } from '../../diagnostics.js';
import type { ContractDocument } from '../../model/types.js';
import { loadParamsFile } from '../../params/index.js';
import { isIsoDate } from '../../params/scalars.js';
import type { ContractParams, IsoDate } from '../../params/types.js';
import { buildContract, renderDocument, validate, type RenderOptions } from '../../pipeline.js';
import { safeBaseName } from '../../output/file-name.js';
import { detectLocale } from '../locale.js';
import { parseFormats, usage } from '../options.js';
import { createReporter, diagnosticJson, exitCodeOf } from '../report.js';
import type { CommandResult } from '../run.js';
import { sourceDateEpoch } from './gen-run.js';

export interface DiffOptions {
  outDir?: string;
  format?: string[];
  effective?: string;
  author?: string;
  date?: string;
  templates?: string;
  baseDir?: string[];
  json?: boolean;
  quiet?: boolean;
}

function dateOption(name: string, value: string | undefined): IsoDate | undefined {
  if (value === undefined) return undefined;
  if (!isIsoDate(value)) throw usage(`${name} takes a date as YYYY-MM-DD, got "${value}"`, `${name} 的取值应为 YYYY-MM-DD 格式的日期，实际为“${value}”`);
  return value as IsoDate;
}

/** The revision date Word shows: --date, else the reproducible build date, else today (UTC). */
function revisionDate(option: IsoDate | undefined, epoch: number | undefined): string {
  if (option) return `${option}T00:00:00Z`;
  const when = epoch !== undefined ? new Date(epoch * 1000) : new Date();
  return `${when.toISOString().slice(0, 19)}Z`;
}

interface Loaded {
  readonly file: string;
  readonly params: ContractParams | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

async function load(file: string, baseDirs: readonly string[]): Promise<Loaded> {
  try {
    const { params, diagnostics } = await validate(await loadParamsFile(file, { baseDirs }));
    return { file, params, diagnostics };
  } catch (error) {
    if (error instanceof ContractError) return { file, params: undefined, diagnostics: error.diagnostics };
    throw error;
  }
}

export async function runDiff(oldFile: string, newFile: string, options: DiffOptions): Promise<CommandResult> {
  const locale = detectLocale();
  const { outputs, report } = parseFormats(options.format, options.json, true);
  const formats = (outputs ?? ['docx', 'pdf']).filter((f) => f === 'docx' || f === 'pdf');
  if (outputs && formats.length !== outputs.length) throw usage('diff writes docx and pdf only', 'diff 只写出 docx 和 pdf');
  if (report === 'github') throw usage('diff reports as text or json', 'diff 的报告格式为 text 或 json');
  const effective = dateOption('--effective', options.effective);
  const epoch = sourceDateEpoch();
  const author = { name: options.author ?? 'contract', date: revisionDate(dateOption('--date', options.date), epoch) };
  if (author.name.trim() === '' || author.name.length > 200) throw usage('--author takes a name of 1 to 200 characters', '--author 的取值应为 1 至 200 个字符的名字');
  const reporter = createReporter({ locale, quiet: options.quiet === true, format: report });

  const versions = [await load(oldFile, options.baseDir ?? []), await load(newFile, options.baseDir ?? [])] as const;
  for (const v of versions) reporter.input(v.file, v.diagnostics);
  reporter.flush();
  const problems = versions.flatMap((v) => v.diagnostics);
  const [oldVersion, newVersion] = versions;
  if (!oldVersion.params || !newVersion.params) {
    const exitCode = exitCodeOf(problems) || 1;
    if (report !== 'json') return { exitCode, stdout: '' };
    const json = { ok: false, inputs: versions.map((v) => ({ input: v.file, valid: v.params !== undefined, diagnostics: v.diagnostics.map((d) => diagnosticJson(d, locale)) })) };
    return { exitCode, stdout: `${JSON.stringify(json, null, 2)}\n` };
  }

  const render: RenderOptions = { ...(options.templates !== undefined ? { templatesDir: options.templates } : {}), ...(epoch !== undefined ? { sourceDateEpoch: epoch } : {}) };
  const build = (params: ContractParams): Promise<ContractDocument> => buildContract(params, render);
  const { diffContracts } = await import('../../diff/index.js');
  const oldDoc = await build(oldVersion.params);
  const newDoc = await build(newVersion.params);
  const diff = await diffContracts({ params: oldVersion.params, document: oldDoc }, { params: newVersion.params, document: newDoc }, build);

  const written: string[] = [];
  if (diff.clauses.length > 0) {
    const [{ redlineDocument }, { reviewDocument }, { changeAgreementDocument }] = await Promise.all([
      import('../../diff/redline.js'),
      import('../../diff/review.js'),
      import('../../diff/agreement.js'),
    ]);
    const base = safeBaseName(newVersion.params.contract.number);
    const agreement = await changeAgreementDocument(oldVersion.params, newVersion.params, diff, effective, build);
    const files: { name: string; data: Uint8Array }[] = [];
    const add = async (name: string, document: ContractDocument, format: 'docx' | 'pdf') => {
      if (!formats.includes(format)) return;
      const [out] = await renderDocument(document, { ...render, formats: [format] });
      files.push({ name: `${base}-${name}.${format}`, data: out!.data });
    };
    await add('redline', redlineDocument(oldDoc, newDoc, author), 'docx');
    await add('redline', reviewDocument(newDoc, diff, { oldName: oldFile, newName: newFile }), 'pdf');
    await add('change-agreement', agreement, 'docx');
    await add('change-agreement', agreement, 'pdf');
    const dir = options.outDir ?? 'out';
    const { writeOutputSet } = await import('../../output/output-set.js');
    const { outputWriteProblem } = await import('../../output/batch.js');
    try {
      await writeOutputSet(dir, `${base}-diff`, files);
    } catch (error) {
      throw new ContractError([outputWriteProblem(error, newFile, dir)]);
    }
    written.push(...files.map((f) => join(dir, f.name)));
  }

  if (report === 'json') {
    const json = {
      ok: true,
      old: oldFile,
      new: newFile,
      changes: diff.params.map((c) => ({ change: c.change, path: c.path, ...('old' in c ? { old: c.old } : {}), ...('new' in c ? { new: c.new } : {}), touches: c.touches })),
      clauses: diff.clauses.map((c) => ({ change: c.change, part: c.part, clause: c.clause, ...(c.oldClause ? { oldClause: c.oldClause } : {}), ...(c.whole ? { whole: c.whole } : {}), original: c.original, revised: c.revised })),
      files: written.map((f) => resolve(f)),
    };
    return { exitCode: 0, stdout: `${JSON.stringify(json, null, 2)}\n` };
  }
  if (diff.clauses.length === 0) {
    const keys = diff.params.length;
    reporter.info(
      locale === 'zh'
        ? keys === 0 ? '无改动：两份合同相同，未写出文件' : `无改动：参数有 ${keys} 处不同，但合同文本相同，未写出文件`
        : keys === 0 ? 'no changes: the two contracts are the same; no files written' : `no changes: ${keys} params key(s) differ but the contract text is the same; no files written`,
    );
  } else {
    reporter.info(locale === 'zh' ? `${diff.clauses.length} 处条款改动（${diff.params.length} 个参数键）` : `${diff.clauses.length} clause(s) changed (${diff.params.length} params key(s))`);
    for (const file of written) reporter.info(`${locale === 'zh' ? '已写出' : 'wrote'} ${file}`);
  }
  return { exitCode: 0, stdout: '' };
}
