/**
 * The language of a request's messages: the first of `de`/`en` in Accept-Language
 * (by q-value), else English, the language API clients expect. The browser client
 * sends its UI language, so its users read German or English, never a mix.
 */
import type { Locale, LocalizedText } from '../schemas/common.ts';

export type { Locale };
export const defaultApiLocale: Locale = 'en';

export function requestLocale(acceptLanguage: string | string[] | undefined): Locale {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : (acceptLanguage ?? '');
  let best: { locale: Locale; q: number } | undefined;
  for (const part of header.split(',')) {
    const [tag, ...params] = part.trim().toLowerCase().split(';');
    const language = tag.split('-')[0];
    if (language !== 'de' && language !== 'en') continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { locale: language, q };
  }
  return best?.locale ?? defaultApiLocale;
}

/** Picks the text of a locale. */
export const inLocale = (text: LocalizedText, locale: Locale): string => text[locale];
