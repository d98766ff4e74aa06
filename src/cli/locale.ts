import type { Locale } from '../diagnostics.js';

/** Chinese messages when the locale says zh_*, English otherwise (LC_ALL > LC_MESSAGES > LANG). */
export function detectLocale(env: NodeJS.ProcessEnv = process.env): Locale {
  const value = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || '';
  return /^zh/i.test(value) ? 'zh' : 'en';
}

/** The English or the Chinese of a help text or message, by the locale of this process. */
export function say(en: string, zh: string): string {
  return detectLocale() === 'zh' ? zh : en;
}
