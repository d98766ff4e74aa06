/**
 * The library API. In memory: `generate({ yaml })` or `generate(paramsObject)` returns the
 * file contents; `validate` returns every diagnostic. File based: `generateFiles`.
 */
export { generate, validate, buildContract, renderDocument, FORMATS } from './pipeline.js';
export type { Format, RenderOptions, RenderedOutput, GeneratedContract, ParamsInput } from './pipeline.js';
export { runBatch as generateFiles } from './output/batch.js';
export type { BatchOptions, InputResult } from './output/batch.js';
export { loadParamsFile, parseParamsText, validateParams, paramsJsonSchema } from './params/index.js';
export type { ContractParams } from './params/types.js';
export type { ContractDocument, Block, Inline } from './model/types.js';
export { ContractError, formatDiagnostic } from './diagnostics.js';
export type { Diagnostic, DiagnosticKind, LocalizedText } from './diagnostics.js';
export { daxie, daxieWithCurrency } from './compose/daxie.js';
export { safeBaseName } from './output/file-name.js';
export { sign, verify, loadP12, checkSignable, signatureFieldNames } from './sign/index.js';
export type { SignOptions, Signer, SignerInput, VerifyReport, SignatureReport, ParamsCheck, VerifyOptions, VerifyParams } from './sign/index.js';
