/**
 * The coverage theme: who covers each area (a case manager's colour, shared, or nobody
 * under a red hatching), the gaps as marks inside the borders, the case-manager table
 * (a row highlights that person's areas, `?cm=`), and the selected area's coverage card.
 * Data: `GET /api/coverage` of the level and month.
 */
import { useCallback, useMemo } from 'react';
import { defineTheme, INACTIVE_VIEW, type AreaStates, type ThemeMapLayers, type ThemeView } from '../../app/theme.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { areasOfCaseManager, coverageColouring } from '../../map/coverage-colouring.ts';
import { hatchPattern, rgba } from '../../map/hatch-pattern.ts';
import { AREA_COVERAGE_STATE, coverageFillColour, coverageLayer, GAP_NONE_PATTERN } from '../../map/layers/coverage-layer.ts';
import { COVERAGE_PALETTE, GAP_NONE } from '../../map/layers/palette.ts';
import { AreaCoverageCard } from './area-coverage-card.tsx';
import { CoverageLegend } from './coverage-legend.tsx';
import { coverageLabels } from './coverage-labels.ts';
import { CoveragePanel } from './coverage-panel.tsx';
import { coverageUrl, type CoverageState } from './coverage-url-state.ts';
import { useCoverage } from './use-coverage.ts';

/** The red hatching of uncovered areas, 10 CSS px apart, drawn at pixel ratio 2. */
const PATTERNS = [{ id: GAP_NONE_PATTERN, image: hatchPattern(20, 4, rgba(GAP_NONE)) }];

export const coverageTheme = defineTheme<CoverageState>({
  id: 'coverage',
  label: ({ t }) => t('theme.coverage'),
  url: coverageUrl,
  useView(ctx): ThemeView {
    const { t } = useI18n();
    const { own, areaLevel, level } = ctx;
    const coverage = useCoverage(ctx.active && ctx.monthsKnown && ctx.areasVisible ? areaLevel : null, ctx.month, ctx.dataVersion);
    const data = coverage.state.data?.level === areaLevel ? coverage.state.data : null;
    const colouring = useMemo(() => (data ? coverageColouring(data, COVERAGE_PALETTE.length) : null), [data]);
    const caseManagerColours = useMemo(
      () => new Map([...(colouring?.caseManagers ?? [])].map(([id, index]) => [id, COVERAGE_PALETTE[index]])),
      [colouring],
    );
    const highlighted = useMemo(() => (data ? areasOfCaseManager(data, own.caseManager) : []), [data, own.caseManager]);
    const layers = useMemo((): ThemeMapLayers => {
      const marks = coverageLayer({
        layer: level,
        visible: true,
        gaps: colouring?.gaps ?? { no_case_manager: [], no_language_match: [], no_recent_visit: [] },
        highlighted,
      });
      return { areaFill: { colour: coverageFillColour(), opacity: 0.8 }, fills: marks.fills, lines: marks.lines, patterns: PATTERNS };
    }, [level, colouring, highlighted]);
    const areaStates = useMemo(
      (): AreaStates | null =>
        colouring ? { layer: level, states: new Map([...colouring.areas].map(([id, index]) => [id, { [AREA_COVERAGE_STATE]: index }])) } : null,
      [colouring, level],
    );
    const labelDetails = useMemo(() => (data ? coverageLabels(data) : null), [data]);
    const { update } = ctx;
    const selectCaseManager = useCallback((caseManager: number | null) => update({ caseManager }), [update]);

    if (!ctx.active || !ctx.areasVisible) return INACTIVE_VIEW;
    const highlightedKey = data?.caseManagers.find((cm) => cm.id === own.caseManager)?.key ?? null;
    return {
      maps: [{ layers, areaStates, labelDetails, labelDetailsSynthetic: data?.synthetic ?? false }],
      legend: {
        block: data ? (
          <CoverageLegend
            caseManagers={data.caseManagers
              .filter((cm) => caseManagerColours.has(cm.id))
              .sort((a, b) => a.key.localeCompare(b.key, 'de', { numeric: true }))
              .map((cm) => ({ key: cm.key, colour: caseManagerColours.get(cm.id)! }))}
            maxDaysWithoutVisit={data.rules.maxDaysWithoutVisit}
            synthetic={data.synthetic}
            highlighted={highlightedKey}
          />
        ) : (
          <p className="legend-block muted small">{t('legend.loading')}</p>
        ),
      },
      panel: {
        wide: true,
        cards: (
          <>
            {ctx.url.property === null && ctx.url.area !== null && data && (
              <AreaCoverageCard coverage={data} areaId={ctx.url.area} onSelectCaseManager={selectCaseManager} />
            )}
            <CoveragePanel request={coverage} colours={caseManagerColours} selectedId={own.caseManager} onSelect={selectCaseManager} />
          </>
        ),
      },
      pending: coverage.state.status === 'loading',
    };
  },
});
