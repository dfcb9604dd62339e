/**
 * The URL (a shared link, an old bookmark) names a month the city has no data for: the
 * app shows the latest month instead, and says so rather than switching silently.
 */
import type { MonthRange } from '../../../../server/src/schemas/month.ts';
import { useI18n } from '../../i18n/use-i18n.ts';

export interface MonthWithoutDataNoticeProps {
  months: MonthRange | null;
  /** From the URL; null: the latest (nothing to say). */
  month: string | null;
}

export function MonthWithoutDataNotice({ months, month }: MonthWithoutDataNoticeProps) {
  const { t, month: formatMonth } = useI18n();
  if (!months || months.latest === null || month === null || months.months.includes(month)) return null;
  return (
    <section className="notice" role="status" data-testid="month-without-data">
      <p>{t('month.withoutData', { asked: formatMonth(month), shown: formatMonth(months.latest) })}</p>
    </section>
  );
}
