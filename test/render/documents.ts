import type { ContractDocument } from '../../src/model/types.js';
import { buildContract, validate } from '../../src/pipeline.js';

/** The document model of a params file's text, as `gen` builds it; invalid params throw with their messages. */
export async function documentOf(yaml: string, options: { draft?: boolean } = {}): Promise<ContractDocument> {
  const { params, diagnostics } = await validate({ yaml, file: 'params.yaml' }, options);
  if (!params) throw new Error(diagnostics.map((d) => d.message.en).join('\n'));
  return buildContract(params, options);
}
