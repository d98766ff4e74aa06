/**
 * The record of a `gen --manifest` run, written beside the outputs: SHA256SUMS in coreutils
 * format (`sha256sum -c SHA256SUMS` in the output folder checks every file) and manifest.json
 * with the tool's version, SOURCE_DATE_EPOCH, and for each input the SHA-256 of the params
 * file, of every base it extends and of every template that went into its outputs, and each
 * output's size and SHA-256. One manifest per run; a shard of a split run names its own.
 */
import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';
import { loadTemplates, type TemplateFile } from '../compose/registry.js';
import { readBounded } from '../io/read-bounded.js';
import { packageVersion } from '../package-root.js';
import { loadParamsFile, validateParams } from '../params/index.js';
import { Located } from '../params/load.js';
import type { Format } from '../pipeline.js';
import { writeFileAtomic } from './atomic-write.js';
import type { InputResult } from './batch.js';

export interface ManifestOptions {
  readonly outDir: string;
  readonly formats: readonly Format[];
  readonly draft: boolean;
  readonly pdfa: boolean;
  readonly templatesDir?: string;
  readonly sourceDateEpoch?: number;
  readonly shard?: { readonly index: number; readonly count: number };
}

export interface SourceRecord {
  readonly role: 'params' | 'base' | 'template';
  /** As given (params, bases) or the template's name (`articles/05-fees`). */
  readonly name: string;
  readonly path: string;
  /** Null for standard input, which cannot be read again. */
  readonly sha256: string | null;
  readonly builtIn?: boolean;
}

export interface Manifest {
  readonly tool: { readonly name: 'contract'; readonly version: string };
  readonly sourceDateEpoch: number | null;
  readonly options: { readonly formats: readonly Format[]; readonly draft: boolean; readonly pdfa: boolean; readonly templates: string | null };
  readonly shard: string | null;
  readonly inputs: readonly {
    readonly input: string;
    readonly status: InputResult['status'];
    readonly contractNumber?: string;
    readonly sources: readonly SourceRecord[];
    readonly outputs: readonly { readonly file: string; readonly format: Format; readonly bytes: number; readonly sha256: string }[];
  }[];
}

/** Params files are small; this is the params loader's own limit with room to spare. */
const MAX_SOURCE_BYTES = 16 * 1024 * 1024;
const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

function fileHash(path: string): string | null {
  const read = readBounded(path, MAX_SOURCE_BYTES);
  return read.ok ? sha256(read.data) : null;
}

/** The params file and the bases it extends, most derived first, as the loader read them. */
async function paramsSources(input: string): Promise<{ sources: SourceRecord[]; annexes?: readonly string[] }> {
  if (input === '-') return { sources: [{ role: 'params', name: '-', path: '-', sha256: null }] };
  const sources: SourceRecord[] = [];
  let annexes: readonly string[] | undefined;
  try {
    const loaded = await loadParamsFile(input);
    const files = loaded instanceof Located ? loaded.layers.map((l) => l.file) : [input];
    files.forEach((file, i) => sources.push({ role: i === 0 ? 'params' : 'base', name: file, path: file, sha256: fileHash(file) }));
    annexes = validateParams(loaded).params?.annexes;
  } catch {
    sources.push({ role: 'params', name: input, path: input, sha256: fileHash(input) });
  }
  return { sources, ...(annexes ? { annexes } : {}) };
}

/** The templates a contract is composed of: every article, partial, preamble and signature block, and its annexes. */
function templatesUsed(templates: readonly TemplateFile[], annexes: readonly string[] | undefined): TemplateFile[] {
  return templates.filter((t) => !t.name.startsWith('annexes/') || annexes === undefined || annexes.includes(t.name.slice('annexes/'.length)));
}

function templateRecord(t: TemplateFile): SourceRecord {
  return { role: 'template', name: t.name, path: t.file, sha256: sha256(t.source), builtIn: t.builtIn };
}

export async function buildManifest(results: readonly InputResult[], options: ManifestOptions, outputData: (path: string) => Uint8Array | null): Promise<Manifest> {
  const templates = loadTemplates(options.templatesDir);
  const inputs: Manifest['inputs'][number][] = [];
  for (const r of results) {
    const { sources, annexes } = await paramsSources(r.input);
    const outputs = r.outputs.map((o) => {
      const data = outputData(o.path);
      return { file: relative(options.outDir, o.path).split('\\').join('/'), format: o.format, bytes: o.bytes, sha256: data ? sha256(data) : '' };
    });
    inputs.push({
      input: r.input,
      status: r.status,
      ...(r.contractNumber !== undefined ? { contractNumber: r.contractNumber } : {}),
      sources: r.status === 'written' ? [...sources, ...templatesUsed(templates, annexes).map(templateRecord)] : sources,
      outputs,
    });
  }
  return {
    tool: { name: 'contract', version: packageVersion() },
    sourceDateEpoch: options.sourceDateEpoch ?? null,
    options: { formats: options.formats, draft: options.draft, pdfa: options.pdfa, templates: options.templatesDir ?? null },
    shard: options.shard ? `${options.shard.index}/${options.shard.count}` : null,
    inputs,
  };
}

/** `sha256sum` lines: names with a backslash or a newline are escaped and the line starts with `\`. */
export function sha256sums(manifest: Manifest): string {
  const lines: string[] = [];
  for (const input of manifest.inputs) {
    for (const o of input.outputs) {
      const escaped = /[\\\n\r]/.test(o.file);
      const name = o.file.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
      lines.push(`${escaped ? '\\' : ''}${o.sha256}  ${name}`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** File names of a run's manifest: `SHA256SUMS` and `manifest.json`, or with `.k-of-n` for a shard. */
export function manifestNames(shard: ManifestOptions['shard']): { sums: string; json: string } {
  const suffix = shard ? `.${shard.index}-of-${shard.count}` : '';
  return { sums: `SHA256SUMS${suffix}`, json: `manifest${suffix}.json` };
}

/** Writes both files (each atomically) and returns their paths. */
export async function writeManifest(results: readonly InputResult[], options: ManifestOptions): Promise<{ sums: string; json: string }> {
  // The outputs are hashed as written on disk, which is what sha256sum -c will read.
  const manifest = await buildManifest(results, options, (path) => {
    const read = readBounded(path, 1024 * 1024 * 1024);
    return read.ok ? read.data : null;
  });
  const names = manifestNames(options.shard);
  const sums = join(options.outDir, names.sums);
  const json = join(options.outDir, names.json);
  await writeFileAtomic(sums, sha256sums(manifest));
  await writeFileAtomic(json, `${JSON.stringify(manifest, null, 2)}\n`);
  return { sums, json };
}
