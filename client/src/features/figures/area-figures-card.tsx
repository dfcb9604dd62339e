/**
 * The month's figures of the selected area (residents mode): registered RO/BG residents
 * by nationality and age, the estimate of unregistered residents as a range, properties
 * and visits. Only counts: no person appears anywhere.
 */
import type { AreaFiguresList } from '../../../../server/src/schemas/figures.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ProvenanceBadge } from '../../ui/provenance-badge.tsx';
import { residentValue, unregisteredValue } from './area-values.ts';

/**
 * @param areaId the selected area; null: the city as a whole (`list.total`)
 */
export function AreaFiguresCard({ list, areaId }: { list: AreaFiguresList; areaId: number | null }) {
  const { t, integer, range, decimal, date, month } = useI18n();
  const area = areaId === null ? list.total : list.areas.find((a) => a.areaId === areaId);
  return (
    <section className="panel-card" data-testid="area-figures" aria-labelledby="area-figures-title">
      <div className="panel-card-header">
        <div className="panel-card-heading">
          <p className="panel-kicker">{month(list.month)}</p>
          <h2 id="area-figures-title" className="panel-title panel-title-small">
            {areaId === null ? t('figures.cityTitle', { name: list.total.name }) : t('figures.title')}{' '}
            {list.synthetic && <ProvenanceBadge provenance="synthetic" />}
          </h2>
        </div>
      </div>
      <div className="panel-body">
        {!area ? (
          <p className="muted">{t('figures.otherLevel')}</p>
        ) : (
          <dl className="facts">
            <div className="fact">
              <dt>{t('figures.registered')}</dt>
              <dd>
                <strong>{integer(area.registered.roBg)}</strong>{' '}
                <span className="muted">{t('figures.roBgSplit', { ro: integer(area.registered.ro), bg: integer(area.registered.bg) })}</span>
              </dd>
            </div>
            <div className="fact">
              <dt>{t('figures.unregistered')}</dt>
              <dd>{area.unregistered ? range(area.unregistered) : <span className="muted">{t('figures.noEstimate')}</span>}</dd>
            </div>
            <div className="fact">
              <dt>{t('figures.per1000')}</dt>
              <dd>
                {residentValue(area, 'per1000') === null ? (
                  <span className="muted">{t('panel.populationUnknown')}</span>
                ) : (
                  <>
                    {decimal(residentValue(area, 'per1000')!, 1)} ‰
                    {unregisteredValue(area, 'per1000') && <span className="muted"> (+{range(unregisteredValue(area, 'per1000')!, 1)} ‰)</span>}
                  </>
                )}
              </dd>
            </div>
            <div className="fact">
              <dt>{t('figures.ages')}</dt>
              <dd>
                {t('figures.agesValue', {
                  under6: integer(area.registered.roBgUnder6),
                  from6: integer(area.registered.roBg6to17),
                  adults: integer(area.registered.roBg - area.registered.roBgUnder6 - area.registered.roBg6to17),
                })}
              </dd>
            </div>
            <div className="fact">
              <dt>{t('figures.over5y')}</dt>
              <dd>{integer(area.registered.roBgOver5y)}</dd>
            </div>
            <div className="fact">
              <dt>{t('figures.properties')}</dt>
              <dd>{t('figures.propertiesValue', { count: integer(area.properties), problems: integer(area.problemProperties) })}</dd>
            </div>
            <div className="fact">
              <dt>{t('figures.visits')}</dt>
              <dd>
                {integer(area.visits)}
                {area.lastVisit && <span className="muted"> · {t('figures.lastVisit', { date: date(area.lastVisit) })}</span>}
              </dd>
            </div>
          </dl>
        )}
      </div>
    </section>
  );
}
