/** What is under the pointer, next to it: a property or cluster, else the area (with its figure) and the Zensus cell. */
import { useI18n } from '../i18n/use-i18n.ts';
import { useStore } from '../state/create-store.ts';
import { hoverStore } from '../state/hover-store.ts';
import './map-view.css';

export function HoverTooltip({ zensusMinResidents }: { zensusMinResidents: number }) {
  const hover = useStore(hoverStore);
  const { t, integer, percent } = useI18n();
  if (!hover || (!hover.areaName && !hover.cell && !hover.property && !hover.cluster)) return null;
  const { cell, property, cluster } = hover;
  return (
    <div className="hover-tooltip" style={{ transform: `translate(${hover.x + 14}px, ${hover.y + 14}px)` }} aria-hidden="true">
      {property ? (
        <>
          <div className="hover-tooltip-name">{property.address}</div>
          <div className="hover-tooltip-cell">
            {t(property.status ? `status.${property.status}` : 'status.none')}
            {property.isProblem && ` · ${t('tooltip.problem')}`}
            {property.synthetic && <span className="hover-tooltip-synthetic">{t('provenance.synthetic')}</span>}
          </div>
        </>
      ) : cluster ? (
        <>
          <div className="hover-tooltip-name">{t('tooltip.cluster', { count: integer(cluster.count) })}</div>
          <div className="hover-tooltip-cell">{t('tooltip.clusterProblems', { problems: integer(cluster.problems) })}</div>
        </>
      ) : (
        <>
          {hover.areaName && <div className="hover-tooltip-name">{hover.areaName}</div>}
          {hover.areaDetail && (
            <div className="hover-tooltip-cell">
              {hover.areaDetail}
              {hover.areaDetailSynthetic && <span className="hover-tooltip-synthetic">{t('provenance.synthetic')}</span>}
            </div>
          )}
          {cell && (
            <div className="hover-tooltip-cell">
              {cell.suppressed || cell.population === null
                ? t('tooltip.cellSuppressed', { min: integer(zensusMinResidents) })
                : t('tooltip.cell', { population: integer(cell.population), share: percent(cell.nongermanShare ?? 0) })}
            </div>
          )}
        </>
      )}
    </div>
  );
}
