/** Document properties: core (title, subject, keywords, …) and custom (contract number, parties). */
import type { DocumentMeta } from '../../model/types.js';
import { xmlSafe } from './text.js';

export const CREATOR = 'contract';

export function coreProperties(meta: DocumentMeta) {
  const { title, number, client, provider, signingDate } = meta;
  return {
    title: xmlSafe(title),
    subject: xmlSafe(`${number} ${client.name} / ${provider.name}`),
    keywords: xmlSafe([title, number, client.name, provider.name, ...(meta.draft ? ['草稿'] : [])].join('; ')),
    description: xmlSafe(`${title}（合同编号：${number}）甲方：${client.name}；乙方：${provider.name}；签订日期：${signingDate}`),
    creator: CREATOR,
    lastModifiedBy: CREATOR,
    revision: 1,
  };
}

/** The custom properties, by name: the contract number and both parties. */
export function customProperties(meta: DocumentMeta): { name: string; value: string }[] {
  return [
    ['ContractNumber', meta.number],
    ['ClientName', meta.client.name],
    ['ClientCreditCode', meta.client.creditCode],
    ['ProviderName', meta.provider.name],
    ['ProviderCreditCode', meta.provider.creditCode],
    ['SigningDate', meta.signingDate],
    ['Draft', meta.draft ? 'true' : 'false'],
  ].map(([name, value]) => ({ name: name!, value: xmlSafe(value!) }));
}
