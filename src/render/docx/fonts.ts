/**
 * The font families the DOCX names. Word picks a run's font by script: `eastAsia` for Chinese
 * characters, `ascii`/`hAnsi` for Latin letters and digits; `hint: eastAsia` makes the characters
 * both scripts share (quotes, dashes, ·) Chinese. With no choice in the params the house
 * defaults apply (宋体 text, 黑体 headings, Times New Roman Latin); a chosen family is named for
 * every script, as the PDF sets every character in that one font.
 */
import type { IFontAttributesProperties } from 'docx';
import type { DocumentMeta } from '../../model/types.js';
import { FONT_FAMILIES } from '../house-style.js';
import { xmlSafe } from './text.js';

export interface Families {
  readonly body: IFontAttributesProperties;
  readonly heading: IFontAttributesProperties;
  /** A key for caching what depends on the families. */
  readonly key: string;
}

function fonts(eastAsia: string, latin: string): IFontAttributesProperties {
  const [e, l] = [xmlSafe(eastAsia), xmlSafe(latin)];
  return { ascii: l, hAnsi: l, eastAsia: e, cs: l, hint: 'eastAsia' };
}

export function familiesOf(meta: DocumentMeta): Families {
  if (!meta.fonts) {
    return {
      body: fonts(FONT_FAMILIES.body.docx, FONT_FAMILIES.latin.docx),
      heading: fonts(FONT_FAMILIES.heading.docx, FONT_FAMILIES.latin.docx),
      key: '',
    };
  }
  const { body, heading } = meta.fonts;
  // A role left at its house default keeps Times New Roman for Latin text.
  const named = (family: string, role: 'body' | 'heading') => fonts(family, family === FONT_FAMILIES[role].docx ? FONT_FAMILIES.latin.docx : family);
  return { body: named(body, 'body'), heading: named(heading, 'heading'), key: `${body}\u0000${heading}` };
}

/** Languages of the text: Chinese for East Asian characters, English for Latin runs. */
export const LANGUAGE = { value: 'en-US', eastAsia: 'zh-CN' } as const;
