/** The name of the area (and the Zensus cell) under the pointer, next to the pointer. */
import { useI18n } from '../i18n/use-i18n.ts';
import { useStore } from '../state/create-store.ts';
import { hoverStore } from '../state/hover-store.ts';

export function HoverTooltip() {
  const hover = useStore(hoverStore);
  const { t, integer, percent } = useI18n();
  if (!hover || (!hover.areaName && !hover.cell)) return null;
  const { cell } = hover;
  return (
    <div className="hover-tooltip" style={{ transform: `translate(${hover.x + 14}px, ${hover.y + 14}px)` }} aria-hidden="true">
      {hover.areaName && <div className="hover-tooltip-name">{hover.areaName}</div>}
      {cell && (
        <div className="hover-tooltip-cell">
          {cell.suppressed || cell.population === null
            ? t('tooltip.cellSuppressed')
            : t('tooltip.cell', { population: integer(cell.population), share: percent(cell.nongermanShare ?? 0) })}
        </div>
      )}
    </div>
  );
}
