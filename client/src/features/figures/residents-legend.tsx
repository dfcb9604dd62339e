/**
 * The residents theme's legend block: "none" in its own colour, then the classes of the
 * classification (quintiles of the reference month, `residentClassification`) as a ramp
 * with the lower bounds as ticks, "no figure", the interval mark of an estimate, and
 * where the breaks come from when another month is shown.
 */
import type { Classification } from '../../map/classification/classify.ts';
import { legendClasses } from '../../map/classification/legend-classes.ts';
import type { MessageKey } from '../../i18n/translate.ts';
import { AREA_LINE, NO_DATA, PROBLEM_OUTLINE, RESIDENTS_ZERO } from '../../map/layers/palette.ts';
import { residentsClasses } from '../../map/layers/residents-layer.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { FillSwatch, Ramp } from '../../ui/legend-swatches.tsx';
import { ProvenanceBadge } from '../../ui/provenance-badge.tsx';
import type { ResidentsMode } from './residents-url-state.ts';

export interface ResidentsLegendProps {
  mode: ResidentsMode;
  /** The classes (from the reference month). */
  classification: Classification;
  /** The month shown. */
  month: string;
  /** The month the breaks come from (the latest), so that months stay comparable. */
  referenceMonth: string | null;
  synthetic: boolean;
  /** Some area has no figure (per 1,000 without a Zensus population). */
  hasNoData: boolean;
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

export function ResidentsLegend(props: ResidentsLegendProps) {
  const { t, decimal, month } = useI18n();
  const digits = props.mode === 'per1000' ? 1 : 0;
  const format = (v: number) => decimal(v, digits);
  const colours = residentsClasses(props.classification.breaks).map((c) => c.colour);
  // Only positive values are classified (zero has its own colour), so the first class
  // reads "above 0 to under …" rather than "under …".
  const rows = legendClasses(props.classification, colours, format);
  const firstLabel = (to: number | null): { key: MessageKey; params: Record<string, string> } =>
    to === null ? { key: 'legend.aboveZero', params: {} } : { key: 'legend.rangeAboveZero', params: { to: format(to) } };
  const classes = rows.length > 0 ? rows : [{ colour: colours[0], from: null, to: null, label: firstLabel(null) }];
  const steps = [
    { colour: RESIDENTS_ZERO, tick: '0', label: t('legend.residentsNone') },
    ...classes.map((row, i) => {
      const label: { key: MessageKey; params: Record<string, string> } = i === 0 ? firstLabel(row.to) : row.label;
      return {
        colour: row.colour,
        tick: row.to === null && i > 0 ? `≥ ${format(row.from!)}` : i === 0 ? (props.mode === 'count' ? '1' : '> 0') : format(row.from!),
        label: t(label.key, label.params),
      };
    }),
  ];
  return (
    <div className="legend-block" data-testid="legend-residents">
      <h3 className="legend-subtitle">
        {t(props.mode === 'count' ? 'legend.residentsCount' : 'legend.residentsPer1000')}{' '}
        {props.synthetic && <ProvenanceBadge provenance="synthetic" />}
      </h3>
      <p className="legend-note legend-note-top">{month(props.month)}</p>
      <Ramp steps={steps} />
      <ul className="legend-list">
        {props.hasNoData && (
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
      {props.referenceMonth && props.referenceMonth !== props.month && (
        <p className="legend-note">{t('legend.fixedBreaks', { month: month(props.referenceMonth) })}</p>
      )}
    </div>
  );
}
