/**
 * Provides the UI language to every component. Both message files are bundled
 * (a few kB), so switching language needs no request.
 */
import { createContext, useLayoutEffect, useMemo, type ReactNode } from 'react';
import { setApiLocale } from '../api/api-locale.ts';
import type { Locale } from '../state/url-state.ts';
import { formatDate, formatMonth } from './format-date.ts';
import { formatDecimal, formatInteger, formatKm2, formatPercent, formatRange } from './format-number.ts';
import de from './messages/de.json';
import en from './messages/en.json';
import { translate, type MessageKey, type MessageParams, type Messages } from './translate.ts';

const MESSAGES: Record<Locale, Messages> = { de, en };

export interface I18n {
  locale: Locale;
  t: (key: MessageKey, params?: MessageParams) => string;
  integer: (value: number) => string;
  km2: (value: number) => string;
  percent: (share: number) => string;
  /** At most `digits` decimals. @default 1 */
  decimal: (value: number, digits?: number) => string;
  /** An estimate: always `low–high`. */
  range: (range: { low: number; high: number }, digits?: number) => string;
  /** `YYYY-MM` → `Oktober 2026`. */
  month: (month: string, style?: 'long' | 'short') => string;
  /** `YYYY-MM-DD` → `31.10.2026`. */
  date: (date: string) => string;
}

export function createI18n(locale: Locale): I18n {
  const messages = MESSAGES[locale];
  return {
    locale,
    t: (key, params) => translate(messages, key, params),
    integer: (value) => formatInteger(locale, value),
    km2: (value) => formatKm2(locale, value),
    percent: (share) => formatPercent(locale, share),
    decimal: (value, digits) => formatDecimal(locale, value, digits),
    range: (range, digits) => formatRange(locale, range, digits),
    month: (month, style) => formatMonth(locale, month, style),
    date: (date) => formatDate(locale, date),
  };
}

export const I18nContext = createContext<I18n>(createI18n('de'));

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo(() => createI18n(locale), [locale]);
  // Requests ask for answers in the UI language; a layout effect runs before any data hook's effect.
  useLayoutEffect(() => setApiLocale(locale), [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
