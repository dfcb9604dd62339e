/**
 * The coverage theme's legend block: the colours of the case managers who cover areas
 * alone (by pseudonym), shared and uncovered areas, and the three gap marks drawn as the
 * map draws them (`GAP_LINE_STYLE`), plus the highlighted case manager.
 */
import { useI18n } from '../../i18n/use-i18n.ts';
import { GAP_LINE_STYLE } from '../../map/layers/coverage-layer.ts';
import { AREA_LINE, CASE_MANAGER_HIGHLIGHT, COVERAGE_NONE, COVERAGE_SHARED, GAP_NONE, NO_DATA } from '../../map/layers/palette.ts';
import { FillSwatch, LineSwatch } from '../../ui/legend-swatches.tsx';
import { ProvenanceBadge } from '../../ui/provenance-badge.tsx';

export interface CoverageLegendProps {
  /** Case managers who cover some area alone, with the colour of those areas. */
  caseManagers: Array<{ key: string; colour: string }>;
  maxDaysWithoutVisit: number;
  synthetic: boolean;
  /** Pseudonym of the case manager picked in the table, if any. */
  highlighted: string | null;
}

/** Case managers listed by name in the legend; the table lists all. */
const MAX_LEGEND_CASE_MANAGERS = 8;

export function CoverageLegend(coverage: CoverageLegendProps) {
  const { t } = useI18n();
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
