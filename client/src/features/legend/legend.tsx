/**
 * Explains what is visible, with the exact colours the map uses (from
 * `map/layers/palette.ts` and the layer modules): the thematic fill (neutral areas, the
 * residents classes with the estimate's interval mark, or the coverage colours and gap
 * marks), borders, selection and context, the properties by status, and the Zensus
 * classes including the grey cells under the suppression threshold.
 */
import type { ReactNode } from 'react';
import type { Provenance } from '../../../../server/src/schemas/common.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { areaDashArray } from '../../map/layers/area-layer.ts';
import { GAP_LINE_STYLE } from '../../map/layers/coverage-layer.ts';
import {
  AREA_LINE,
  AREA_PALETTE,
  CASE_MANAGER_HIGHLIGHT,
  CITY_LINE,
  CLUSTER_OTHER_FILL,
  CLUSTER_PROBLEM_FILL,
  CONTEXT_FILL,
  CONTEXT_LINE,
  COVERAGE_NONE,
  COVERAGE_SHARED,
  GAP_NONE,
  NO_DATA,
  NO_PROCEDURE,
  PROBLEM_OUTLINE,
  RESIDENTS_ZERO,
  SELECTION_LINE,
  STATUS_COLOURS,
  ZENSUS_SUPPRESSED,
  zensusClasses,
  type ColourClass,
} from '../../map/layers/palette.ts';
import { STATUS_ORDER } from '../../map/layers/properties-layer.ts';
import { residentsClasses } from '../../map/layers/residents-layer.ts';
import type { AreaLayerId } from '../../state/area-layer-id.ts';
import type { ResidentsMode, Theme, ZensusMode } from '../../state/url-state.ts';
import { ProvenanceBadge } from '../../ui/provenance-badge.tsx';

export interface ResidentsLegend {
  mode: ResidentsMode;
  /** Class breaks (see class-breaks.ts). */
  breaks: readonly number[];
  /** The month shown. */
  month: string;
  /** The month the breaks come from (the latest), so that months stay comparable. */
  referenceMonth: string | null;
  synthetic: boolean;
  /** Some area has no figure (per 1,000 without a Zensus population). */
  hasNoData: boolean;
}

export interface CoverageLegend {
  /** Case managers who cover some area alone, with the colour of those areas. */
  caseManagers: Array<{ key: string; colour: string }>;
  maxDaysWithoutVisit: number;
  synthetic: boolean;
  /** Pseudonym of the case manager picked in the table, if any. */
  highlighted: string | null;
}

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
  theme: Theme;
  /** The analysis theme's classes (composed by the app from features/analysis). */
  analysis?: ReactNode;
  /** Residents mode: null while its figures load. */
  residents: ResidentsLegend | null;
  /** Coverage mode: null while its data loads. */
  coverage: CoverageLegend | null;
  propertiesVisible: boolean;
  /** Properties come from a synthetic dataset. */
  propertiesSynthetic: boolean;
}

/** Case managers listed by name in the legend; the table lists all. */
const MAX_LEGEND_CASE_MANAGERS = 8;

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

function FillSwatch({ colour, stroke, className }: { colour: string; stroke?: string; className?: string }) {
  return (
    <span
      className={`swatch swatch-fill${className ? ` ${className}` : ''}`}
      style={{ background: colour, borderColor: stroke ?? 'transparent' }}
      aria-hidden="true"
    />
  );
}

function CircleSwatch({ colour, radius, stroke, strokeWidth }: { colour: string; radius: number; stroke: string; strokeWidth: number }) {
  return (
    <svg className="swatch swatch-circle" width="18" height="18" aria-hidden="true">
      <circle cx="9" cy="9" r={radius} fill={colour} stroke={stroke} strokeWidth={strokeWidth} />
    </svg>
  );
}

/** The interval mark: a bar with end ticks, for "an estimate is a range". */
function IntervalMark() {
  return (
    <svg className="swatch" width="28" height="14" aria-hidden="true">
      <line x1="4" y1="7" x2="24" y2="7" stroke={PROBLEM_OUTLINE} strokeWidth="2" />
      <line x1="4" y1="2" x2="4" y2="12" stroke={PROBLEM_OUTLINE} strokeWidth="2" />
      <line x1="24" y1="2" x2="24" y2="12" stroke={PROBLEM_OUTLINE} strokeWidth="2" />
    </svg>
  );
}

/** Class colours side by side, lower bounds as ticks; full ranges for screen readers. */
function Ramp({ steps }: { steps: Array<{ colour: string; tick: string; label: string }> }) {
  return (
    <ol className="ramp">
      {steps.map((s) => (
        <li key={`${s.colour}-${s.tick}`} className="ramp-step">
          <span className="ramp-swatch" style={{ background: s.colour }} aria-hidden="true" />
          <span className="ramp-tick" aria-hidden="true">
            {s.tick}
          </span>
          <span className="sr-only">{s.label}</span>
        </li>
      ))}
    </ol>
  );
}

export function Legend(props: LegendProps) {
  const { level, areaProvenance, areasVisible, contextVisible, onBasemap, hasSelection, theme } = props;
  const { t } = useI18n();

  return (
    <section className="card-section" data-testid="legend" data-theme={theme} aria-labelledby="legend-title">
      <h2 id="legend-title" className="section-title">
        {t('legend.title')}
      </h2>
      {areasVisible && theme === 'residents' && <ResidentsSection residents={props.residents} />}
      {areasVisible && theme === 'coverage' && <CoverageSection coverage={props.coverage} />}
      {areasVisible && theme === 'analysis' && props.analysis}
      <ul className="legend-list">
        {areasVisible && theme === 'areas' && (
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
        )}
        {areasVisible && (
          <li className="legend-item">
            <LineSwatch colour={AREA_LINE} width={1.5} dash={areaDashArray(areaProvenance)} />
            <span>
              {theme === 'areas' ? t('legend.areaBorder') : t('legend.areaBorderOf', { level: t(`levels.${level}`) })}
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

function ResidentsSection({ residents }: { residents: ResidentsLegend | null }) {
  const { t, decimal, month } = useI18n();
  if (!residents) return <p className="legend-block muted small">{t('legend.loading')}</p>;
  const digits = residents.mode === 'per1000' ? 1 : 0;
  const format = (v: number) => decimal(v, digits);
  const classes = residentsClasses(residents.breaks);
  const label = (c: ColourClass, i: number) => {
    if (i === 0) return c.to === null ? t('legend.aboveZero') : t('legend.rangeAboveZero', { to: format(c.to) });
    return c.to === null ? t('legend.rangeOpen', { from: format(c.from) }) : t('legend.range', { from: format(c.from), to: format(c.to) });
  };
  const steps = [
    { colour: RESIDENTS_ZERO, tick: '0', label: t('legend.residentsNone') },
    ...classes.map((c, i) => ({
      colour: c.colour,
      tick: c.to === null && i > 0 ? `≥ ${format(c.from)}` : i === 0 ? (residents.mode === 'count' ? '1' : '> 0') : format(c.from),
      label: label(c, i),
    })),
  ];
  return (
    <div className="legend-block" data-testid="legend-residents">
      <h3 className="legend-subtitle">
        {t(residents.mode === 'count' ? 'legend.residentsCount' : 'legend.residentsPer1000')}{' '}
        {residents.synthetic && <ProvenanceBadge provenance="synthetic" />}
      </h3>
      <p className="legend-note legend-note-top">{month(residents.month)}</p>
      <Ramp steps={steps} />
      <ul className="legend-list">
        {residents.hasNoData && (
          <li className="legend-item">
            <FillSwatch colour={NO_DATA} stroke={AREA_LINE} />
            <span>{t('legend.noData')}</span>
          </li>
        )}
        <li className="legend-item" data-testid="legend-interval">
          <IntervalMark />
          <span>
            {t('legend.estimate')}
            <span className="legend-note">{t('legend.estimateExample')}</span>
          </span>
        </li>
      </ul>
      {residents.referenceMonth && residents.referenceMonth !== residents.month && (
        <p className="legend-note">{t('legend.fixedBreaks', { month: month(residents.referenceMonth) })}</p>
      )}
    </div>
  );
}

function CoverageSection({ coverage }: { coverage: CoverageLegend | null }) {
  const { t } = useI18n();
  if (!coverage) return <p className="legend-block muted small">{t('legend.loading')}</p>;
  const shown = coverage.caseManagers.slice(0, MAX_LEGEND_CASE_MANAGERS);
  const more = coverage.caseManagers.length - shown.length;
  return (
    <div className="legend-block" data-testid="legend-coverage">
      <h3 className="legend-subtitle">
        {t('legend.coverage')} {coverage.synthetic && <ProvenanceBadge provenance="synthetic" />}
      </h3>
      <ul className="legend-list">
        {shown.length > 0 && (
          <li className="legend-item">
            <FillSwatch colour={shown[0].colour} />
            <span>
              {t('legend.coverageAlone')}
              <span className="legend-chips">
                {shown.map((cm) => (
                  <span key={cm.key} className="legend-chip">
                    <span className="legend-chip-colour" style={{ background: cm.colour }} aria-hidden="true" />
                    {cm.key}
                  </span>
                ))}
                {more > 0 && <span className="legend-note">{t('legend.andMore', { count: more })}</span>}
              </span>
            </span>
          </li>
        )}
        <li className="legend-item">
          <FillSwatch colour={COVERAGE_SHARED} />
          <span>{t('legend.coverageShared')}</span>
        </li>
        <li className="legend-item">
          <FillSwatch colour={NO_DATA} stroke={GAP_NONE} className="swatch-hatch" />
          <span>{t('gap.no_case_manager')}</span>
        </li>
        <li className="legend-item">
          <FillSwatch colour={COVERAGE_NONE} stroke={AREA_LINE} />
          <span>{t('legend.coverageNobodyNoNeed')}</span>
        </li>
        <li className="legend-item">
          <LineSwatch colour={GAP_LINE_STYLE.no_language_match.colour} width={GAP_LINE_STYLE.no_language_match.widthPx} />
          <span>{t('gap.no_language_match')}</span>
        </li>
        <li className="legend-item">
          <LineSwatch
            colour={GAP_LINE_STYLE.no_recent_visit.colour}
            width={GAP_LINE_STYLE.no_recent_visit.widthPx}
            dash={GAP_LINE_STYLE.no_recent_visit.dash}
          />
          <span>{t('gap.no_recent_visit', { days: coverage.maxDaysWithoutVisit })}</span>
        </li>
        {coverage.highlighted && (
          <li className="legend-item">
            <FillSwatch colour={`${CASE_MANAGER_HIGHLIGHT}44`} stroke={CASE_MANAGER_HIGHLIGHT} />
            <span>{t('legend.coverageHighlighted', { key: coverage.highlighted })}</span>
          </li>
        )}
      </ul>
    </div>
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
