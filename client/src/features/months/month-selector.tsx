/**
 * The month all figures refer to: a list of the months with data and a step back and
 * forward. The latest month is the default and is left out of the URL.
 */
import type { MonthRange } from '../../../../server/src/schemas/month.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import './months.css';

export interface MonthSelectorProps {
  months: MonthRange | null;
  /** From the URL; null: the latest. */
  month: string | null;
  /** null: back to the latest (the default). */
  onChange: (month: string | null) => void;
}

export function MonthSelector({ months, month, onChange }: MonthSelectorProps) {
  const { t, month: formatMonth } = useI18n();
  const list = months?.months ?? [];
  if (!months || months.latest === null || list.length === 0) {
    return (
      <div className="month-selector" data-testid="month-selector">
        <span className="month-selector-label">{t('month.label')}</span>
        <span className="muted small">{months ? t('month.none') : t('month.loading')}</span>
      </div>
    );
  }
  const current = month !== null && list.includes(month) ? month : months.latest;
  const index = list.indexOf(current);
  const select = (next: string) => onChange(next === months.latest ? null : next);

  return (
    <div className="month-selector" data-testid="month-selector" role="group" aria-label={t('month.label')}>
      <label className="month-selector-label" htmlFor="month-select">
        {t('month.label')}
      </label>
      <button
        type="button"
        className="step-button"
        data-testid="month-prev"
        aria-label={t('month.previous')}
        title={t('month.previous')}
        disabled={index <= 0}
        onClick={() => select(list[index - 1])}
      >
        <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
          <path d="M9 2L4 7l5 5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      <select id="month-select" className="month-select" data-testid="month-select" value={current} onChange={(e) => select(e.target.value)}>
        {[...list].reverse().map((m) => (
          <option key={m} value={m}>
            {formatMonth(m)}
            {m === months.latest ? ` · ${t('month.latest')}` : ''}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="step-button"
        data-testid="month-next"
        aria-label={t('month.next')}
        title={t('month.next')}
        disabled={index >= list.length - 1}
        onClick={() => select(list[index + 1])}
      >
        <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
          <path d="M5 2l5 5-5 5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
    </div>
  );
}
