/**
 * The side panel while nothing is selected: the city's key figures and, per area
 * level, how many areas exist (of how many the city officially has) and how far
 * their boundaries can be trusted.
 */
import type { City } from '../../../../server/src/schemas/city.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { tileLayerOfLevel } from '../../state/area-layer-id.ts';
import { ProvenanceBadge } from '../../ui/provenance-badge.tsx';
import './city.css';

export function CityOverview({ city }: { city: City }) {
  const { t, km2, integer } = useI18n();
  const levels = city.levels.flatMap((l) => {
    const layer = tileLayerOfLevel(l.level);
    return layer === 'city' ? [] : [{ ...l, layer }];
  });
  return (
    <section className="panel-card" data-testid="city-overview" aria-labelledby="city-overview-title">
      <div className="panel-card-header">
        <div className="panel-card-heading">
          <p className="panel-kicker">{t('level.city')}</p>
          <h2 id="city-overview-title" className="panel-title">
            {city.name}
          </h2>
          <p className="muted small">{t('overview.ags', { ags: city.ags })}</p>
        </div>
      </div>
      <div className="panel-body">
        <dl className="facts">
          <div className="fact">
            <dt>{t('panel.area')}</dt>
            <dd>{km2(city.areaKm2)}</dd>
          </div>
          <div className="fact">
            <dt>{t('panel.population')}</dt>
            <dd>{city.zensusPopulation === null ? <span className="muted">{t('panel.populationUnknown')}</span> : integer(city.zensusPopulation)}</dd>
          </div>
        </dl>
        <h3 className="subsection-title">{t('overview.levels')}</h3>
        <table className="levels-table">
          <tbody>
            {levels.map((l) => (
              <tr key={l.level}>
                <th scope="row">{t(`levels.${l.layer}`)}</th>
                <td className="numeric">
                  {l.count === 0
                    ? <span className="muted">{t('overview.none')}</span>
                    : l.officialCount !== null && l.officialCount !== l.count
                      ? t('overview.countOf', { count: integer(l.count), official: integer(l.officialCount) })
                      : integer(l.count)}
                </td>
                <td>{l.provenance && l.count > 0 && <ProvenanceBadge provenance={l.provenance} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="hint">{t('panel.hint')}</p>
      </div>
    </section>
  );
}
