/**
 * The language every request asks the server to answer in (`Accept-Language`), so that
 * its error messages and problem texts match the UI. Set by the i18n provider, the one
 * place the UI language is decided; before it has rendered (the settings request that
 * decides the default language), the page's `<html lang>`.
 */
import type { Locale } from '../state/url-state.ts';

let current: Locale | null = null;

/** Called by the i18n provider whenever the UI language changes. */
export function setApiLocale(locale: Locale): void {
  current = locale;
}

/** The UI language; `de` outside a browser page without `<html lang>` (the app's default). */
export function apiLocale(): Locale {
  if (current) return current;
  const lang = typeof document === 'undefined' ? '' : document.documentElement.lang;
  return lang.startsWith('en') ? 'en' : 'de';
}

/**
 * The headers of every request to our server: the UI language, and what is accepted.
 * `Accept-Language` is a CORS-safelisted header, so it never causes a preflight.
 */
export function apiHeaders(accept: string): Record<string, string> {
  return { accept, 'accept-language': apiLocale() };
}
