/**
 * Nothing English reaches the Chinese text: in every contract we ship an example of, the only
 * Latin words are identifiers the parties gave (numbers, codes, e-mail and web addresses,
 * company names) and the few abbreviations Chinese contracts use as they are.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseParamsText, validateParams } from '../../src/params/index.js';
import type { ContractParams } from '../../src/params/types.js';
import { buildContract } from '../../src/pipeline.js';
import { renderMarkdown } from '../../src/render/markdown/index.js';

/** Abbreviations used as such in Chinese contracts (语音导航（IVR）, LPR, 1GB（1024MB）) and the draft mark. */
const ABBREVIATIONS = new Set(['IVR', 'LPR', 'GB', 'MB', 'DRAFT']);

/** Identifiers the parties wrote: these may hold Latin letters and print as written. */
function identifiers(p: ContractParams): string[] {
  const { client, provider } = p.parties;
  return [
    p.contract.number,
    client.name,
    provider.name,
    client.creditCode,
    provider.creditCode,
    provider.telecomLicense ?? '',
    ...[client.contact.email, provider.contact.email, p.notices.client.email, p.notices.provider.email, p.support.email, p.support.portal].map((v) => v ?? ''),
  ].filter((v) => v !== '');
}

async function latinWords(file: string, draft = false): Promise<string[]> {
  const { params } = validateParams(parseParamsText(readFileSync(file), file), { draft });
  let text = renderMarkdown(await buildContract(params!, { draft })).replace(/<!-- page break -->/g, '');
  for (const id of identifiers(params!).sort((a, b) => b.length - a.length)) text = text.split(id.replace(/[\\`*_[\]<>&|~!{}#+-]/g, (c) => `\\${c}`)).join('').split(id).join('');
  return [...text.matchAll(/[A-Za-z]{2,}/g)].map((m) => m[0]).filter((w) => !ABBREVIATIONS.has(w));
}

describe('no English in the Chinese text', () => {
  it.each(['examples/params.example.yaml', 'examples/large.yaml', 'test/fixtures/valid/three-annexes.yaml', 'test/fixtures/valid/arbitration.yaml'])('%s', async (file) => {
    expect(await latinWords(file)).toEqual([]);
    expect(await latinWords(file, true)).toEqual([]);
  });
});
