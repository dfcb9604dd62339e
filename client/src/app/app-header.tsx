import { useI18n } from '../i18n/use-i18n.ts';
import type { Locale } from '../state/url-state.ts';
import { LangSwitch } from './lang-switch.tsx';

export function AppHeader({ cityName, onLocaleChange }: { cityName: string | null; onLocaleChange: (locale: Locale) => void }) {
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
      <LangSwitch onChange={onLocaleChange} />
    </header>
  );
}
