import type { ReactNode } from 'react';
import { useI18n } from '../i18n/use-i18n.ts';
import type { Locale } from '../state/url-state.ts';
import { LangSwitch } from './lang-switch.tsx';

export interface AppHeaderProps {
  cityName: string | null;
  onLocaleChange: (locale: Locale) => void;
  /** The month selector, in the middle. */
  month?: ReactNode;
  /** Opens the import dialog. */
  onImport: () => void;
}

export function AppHeader({ cityName, onLocaleChange, month, onImport }: AppHeaderProps) {
  const { t } = useI18n();
  return (
    <header className="app-header">
      <div className="brand">
        <svg className="brand-mark" width="26" height="26" viewBox="0 0 26 26" aria-hidden="true">
          <rect x="1" y="1" width="11" height="11" rx="2" fill="#77aadd" />
          <rect x="14" y="1" width="11" height="11" rx="2" fill="#44bb99" />
          <rect x="1" y="14" width="11" height="11" rx="2" fill="#eedd88" />
          <rect x="14" y="14" width="11" height="11" rx="2" fill="#ee8866" />
        </svg>
        <span className="brand-name">{t('app.name')}</span>
        {cityName && (
          <>
            <span className="brand-divider" aria-hidden="true" />
            <span className="brand-city" data-testid="city-name">
              {t('app.city', { name: cityName })}
            </span>
          </>
        )}
      </div>
      <div className="header-middle">{month}</div>
      <div className="header-actions">
        <button type="button" className="button button-header" data-testid="import-open" onClick={onImport}>
          <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
            <path d="M7 1v8M3.5 5.5L7 9l3.5-3.5M1.5 12.5h11" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          {t('import.open')}
        </button>
        <LangSwitch onChange={onLocaleChange} />
      </div>
    </header>
  );
}
