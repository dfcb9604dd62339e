/** DE | EN as two toggle buttons; the choice goes into the URL (`lang=`). */
import { useI18n } from '../i18n/use-i18n.ts';
import { locales } from '../../../server/src/schemas/common.ts';
import type { Locale } from '../state/url-state.ts';

const LOCALES: readonly Locale[] = locales;

export function LangSwitch({ onChange }: { onChange: (locale: Locale) => void }) {
  const { t, locale } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.label')} data-testid="lang-switch">
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          className="lang-button"
          aria-pressed={locale === l}
          title={t(`lang.${l}`)}
          data-testid={`lang-switch-${l}`}
          onClick={() => onChange(l)}
        >
          {l.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
