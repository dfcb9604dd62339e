/**
 * Explains what is visible, with the exact colours the map uses (from
 * `map/layers/palette.ts` and the layer modules): the shown theme's own block and rows
 * (handed in by the shell from the theme's `legend`), borders, selection and context,
 * the properties by status, and the Zensus classes including the grey cells under the
 * suppression threshold.
 */
import type { ReactNode } from 'react';
import type { Provenance } from '../../../../server/src/schemas/common.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { areaDashArray } from '../../map/layers/area-layer.ts';
import {
  AREA_LINE,
  CITY_LINE,
  CLUSTER_OTHER_FILL,
  CLUSTER_PROBLEM_FILL,
  CONTEXT_FILL,
  CONTEXT_LINE,
  NO_PROCEDURE,
  PROBLEM_OUTLINE,
  SELECTION_LINE,
  STATUS_COLOURS,
  ZENSUS_SUPPRESSED,
  zensusClasses,
  type ColourClass,
} from '../../map/layers/palette.ts';
import { STATUS_ORDER } from '../../map/layers/properties-layer.ts';
import type { AreaLayerId } from '../../state/area-layer-id.ts';
import type { ZensusMode } from '../../state/url-state.ts';
import { CircleSwatch, FillSwatch, LineSwatch, Ramp } from '../../ui/legend-swatches.tsx';
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
  /** The server's suppression threshold for Zensus cells (`GET /api/settings`). */
  zensusMinResidents: number;
  hasSelection: boolean;
  /** Id of the shown theme (on `data-theme`, for tests and styles). */
  theme: string;
  /** The theme's own block, above the shared rows; shown while areas are visible. */
  themeBlock?: ReactNode;
  /** The theme's rows, first in the shared list; shown while areas are visible. */
  themeItems?: ReactNode;
  /** The area border row names the level ("border of the quarters"). @default true */
  borderOfLevel?: boolean;
  propertiesVisible: boolean;
  /** Properties come from a synthetic dataset. */
  propertiesSynthetic: boolean;
}

export function Legend(props: LegendProps) {
  const { level, areaProvenance, areasVisible, contextVisible, onBasemap, hasSelection, theme, borderOfLevel = true } = props;
  const { t } = useI18n();

  return (
    <section className="card-section" data-testid="legend" data-theme={theme} aria-labelledby="legend-title">
      <h2 id="legend-title" className="section-title">
        {t('legend.title')}
      </h2>
      {areasVisible && props.themeBlock}
      <ul className="legend-list">
        {areasVisible && props.themeItems}
        {areasVisible && (
          <li className="legend-item">
            <LineSwatch colour={AREA_LINE} width={1.5} dash={areaDashArray(areaProvenance)} />
            <span>
              {borderOfLevel ? t('legend.areaBorderOf', { level: t(`levels.${level}`) }) : t('legend.areaBorder')}
              {areaProvenance && (
                <>
                  {' '}
                  <ProvenanceBadge provenance={areaProvenance} />
                </>
              )}
            </span>
          </li>
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
      {props.propertiesVisible && <PropertiesSection synthetic={props.propertiesSynthetic} />}
      {props.zensusVisible && <ZensusSection mode={props.zensusMode} minResidents={props.zensusMinResidents} />}
    </section>
  );
}

function PropertiesSection({ synthetic }: { synthetic: boolean }) {
  const { t } = useI18n();
  return (
    <div className="legend-block" data-testid="legend-properties">
      <h3 className="legend-subtitle">
        {t('legend.properties')} {synthetic && <ProvenanceBadge provenance="synthetic" />}
      </h3>
      <ul className="legend-list legend-columns">
        {STATUS_ORDER.map((status) => (
          <li key={status} className="legend-item legend-item-tight">
            <CircleSwatch colour={STATUS_COLOURS[status]} radius={5} stroke={PROBLEM_OUTLINE} strokeWidth={1.2} />
            <span>{t(`status.${status}`)}</span>
          </li>
        ))}
        <li className="legend-item legend-item-tight">
          <CircleSwatch colour={NO_PROCEDURE} radius={5} stroke={PROBLEM_OUTLINE} strokeWidth={1.2} />
          <span>{t('status.none')}</span>
        </li>
      </ul>
      <ul className="legend-list">
        <li className="legend-item legend-item-tight">
          <CircleSwatch colour={NO_PROCEDURE} radius={6} stroke={PROBLEM_OUTLINE} strokeWidth={1.8} />
          <span>{t('legend.problemProperty')}</span>
        </li>
        <li className="legend-item legend-item-tight">
          <CircleSwatch colour={NO_PROCEDURE} radius={3} stroke="#ffffff" strokeWidth={0.8} />
          <span>{t('legend.otherProperty')}</span>
        </li>
        <li className="legend-item legend-item-tight">
          <CircleSwatch colour={CLUSTER_PROBLEM_FILL} radius={7.5} stroke="#ffffff" strokeWidth={1.5} />
          <span>{t('legend.problemCluster')}</span>
        </li>
        <li className="legend-item legend-item-tight">
          <CircleSwatch colour={CLUSTER_OTHER_FILL} radius={4.5} stroke="#ffffff" strokeWidth={1} />
          <span>{t('legend.otherCluster')}</span>
        </li>
      </ul>
    </div>
  );
}

function ZensusSection({ mode, minResidents }: { mode: ZensusMode; minResidents: number }) {
  const { t, integer, percent } = useI18n();
  const format = (value: number) => (mode === 'population' ? integer(value) : percent(value));
  const classLabel = (c: ColourClass, index: number) => {
    if (c.to === null) return t('legend.rangeOpen', { from: format(c.from) });
    if (index === 0 && mode === 'share') return t('legend.rangeBelow', { to: format(c.to) });
    return t('legend.range', { from: format(c.from), to: format(c.to) });
  };
  const steps = zensusClasses(mode, minResidents).map((c, index) => ({
    colour: c.colour,
    tick: c.to === null ? `≥ ${format(c.from)}` : format(c.from),
    label: classLabel(c, index),
  }));
  return (
    <div className="legend-block" data-testid="legend-zensus">
      <h3 className="legend-subtitle">{t(mode === 'population' ? 'legend.zensusPopulation' : 'legend.zensusShare')}</h3>
      <Ramp steps={steps} />
      <ul className="legend-list">
        <li className="legend-item">
          <FillSwatch colour={ZENSUS_SUPPRESSED} />
          <span>{t('legend.zensusSuppressed', { min: integer(minResidents) })}</span>
        </li>
      </ul>
    </div>
  );
}
