/**
 * Explains what is visible, with the exact colours the map uses (from
 * `map/layers/palette.ts`): the area level, borders, selection, context and the
 * Zensus classes including the grey "inhabited, < 30 residents" cells.
 */
import type { Provenance } from '../../../../server/src/schemas/common.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { areaDashArray } from '../../map/layers/area-layer.ts';
import {
  AREA_LINE,
  AREA_PALETTE,
  CITY_LINE,
  CONTEXT_FILL,
  CONTEXT_LINE,
  SELECTION_LINE,
  ZENSUS_SUPPRESSED,
  zensusClasses,
  type ZensusClass,
} from '../../map/layers/palette.ts';
import type { AreaLayerId } from '../../state/area-layer-id.ts';
import type { ZensusMode } from '../../state/url-state.ts';
import { ProvenanceBadge } from '../../ui/provenance-badge.tsx';

export interface LegendProps {
  level: AreaLayerId;
  areaProvenance: Provenance | null;
  areasVisible: boolean;
  contextVisible: boolean;
  /** On a basemap the neighbours are drawn as outlines only (see context-layer.ts). */
  onBasemap: boolean;
  zensusVisible: boolean;
  zensusMode: ZensusMode;
  hasSelection: boolean;
}

function LineSwatch({ colour, width = 2, dash }: { colour: string; width?: number; dash?: number[] }) {
  return (
    <svg className="swatch" width="28" height="14" aria-hidden="true">
      <line
        x1="1"
        y1="7"
        x2="27"
        y2="7"
        stroke={colour}
        strokeWidth={width}
        strokeDasharray={dash?.map((d) => d * width).join(' ')}
      />
    </svg>
  );
}

function FillSwatch({ colour, stroke }: { colour: string; stroke?: string }) {
  return <span className="swatch swatch-fill" style={{ background: colour, borderColor: stroke ?? 'transparent' }} aria-hidden="true" />;
}

export function Legend(props: LegendProps) {
  const { level, areaProvenance, areasVisible, contextVisible, onBasemap, zensusVisible, zensusMode, hasSelection } = props;
  const { t, integer, percent } = useI18n();
  const format = (value: number) => (zensusMode === 'population' ? integer(value) : percent(value));
  const classLabel = (c: ZensusClass, index: number) => {
    if (c.to === null) return t('legend.rangeOpen', { from: format(c.from) });
    if (index === 0 && zensusMode === 'share') return t('legend.rangeBelow', { to: format(c.to) });
    return t('legend.range', { from: format(c.from), to: format(c.to) });
  };

  return (
    <section className="card-section" data-testid="legend" aria-labelledby="legend-title">
      <h2 id="legend-title" className="section-title">
        {t('legend.title')}
      </h2>
      <ul className="legend-list">
        {areasVisible && (
          <>
            <li className="legend-item">
              <span className="swatch-palette" aria-hidden="true">
                {AREA_PALETTE.slice(0, 4).map((colour) => (
                  <span key={colour} style={{ background: colour }} />
                ))}
              </span>
              <span>
                <strong className="legend-level">{t(`levels.${level}`)}</strong>
                <span className="legend-note">{t('legend.areasNote')}</span>
              </span>
            </li>
            <li className="legend-item">
              <LineSwatch colour={AREA_LINE} width={1.5} dash={areaDashArray(areaProvenance)} />
              <span>
                {t('legend.areaBorder')}
                {areaProvenance && (
                  <>
                    {' '}
                    <ProvenanceBadge provenance={areaProvenance} />
                  </>
                )}
              </span>
            </li>
          </>
        )}
        <li className="legend-item">
          <LineSwatch colour={CITY_LINE} width={3} />
          <span>{t('legend.cityBoundary')}</span>
        </li>
        {hasSelection && (
          <li className="legend-item">
            <LineSwatch colour={SELECTION_LINE} width={3} />
            <span>{t('legend.selection')}</span>
          </li>
        )}
        {contextVisible && (
          <li className="legend-item">
            {onBasemap ? <LineSwatch colour={CONTEXT_LINE} width={1.5} /> : <FillSwatch colour={CONTEXT_FILL} stroke={CONTEXT_LINE} />}
            <span>{t('legend.context')}</span>
          </li>
        )}
      </ul>
      {zensusVisible && (
        <div className="legend-zensus" data-testid="legend-zensus">
          <h3 className="legend-subtitle">{t(zensusMode === 'population' ? 'legend.zensusPopulation' : 'legend.zensusShare')}</h3>
          {/* A compact ramp: class colours side by side, lower bounds as ticks; full ranges for screen readers. */}
          <ol className="ramp">
            {zensusClasses(zensusMode).map((c, index) => (
              <li key={c.from} className="ramp-step">
                <span className="ramp-swatch" style={{ background: c.colour }} aria-hidden="true" />
                <span className="ramp-tick" aria-hidden="true">
                  {c.to === null ? `≥ ${format(c.from)}` : format(c.from)}
                </span>
                <span className="sr-only">{classLabel(c, index)}</span>
              </li>
            ))}
          </ol>
          <ul className="legend-list">
            <li className="legend-item">
              <FillSwatch colour={ZENSUS_SUPPRESSED} />
              <span>{t('legend.zensusSuppressed')}</span>
            </li>
          </ul>
        </div>
      )}
    </section>
  );
}
