/**
 * The name of a language from its ISO 639-1 code, in the UI language ("ro" →
 * "Rumänisch" / "Romanian"), by the browser's own Intl data: no list to maintain.
 */
import type { Locale } from '../state/url-state.ts';

const cache = new Map<Locale, Intl.DisplayNames>();

export function languageName(locale: Locale, code: string): string {
  let names = cache.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'language' });
    cache.set(locale, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code; // not a well-formed code: show it as written
  }
}
