/** Shown while a city has no geometry below the city boundary (before its import). */
import { useI18n } from '../../i18n/use-i18n.ts';
import './city.css';

export function MissingDistrictsNotice({ cityName }: { cityName: string }) {
  const { t } = useI18n();
  return (
    <section className="notice" data-testid="missing-districts-notice" role="note" aria-labelledby="missing-districts-title">
      <h2 id="missing-districts-title" className="notice-title">
        {t('missing.title')}
      </h2>
      <p>{t('missing.text', { city: cityName })}</p>
      <pre className="command">
        <code>{t('missing.command')}</code>
      </pre>
      <p>{t('missing.until')}</p>
    </section>
  );
}
