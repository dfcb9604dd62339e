/**
 * Everything the analysis theme shows, from the URL state: the units' series, the
 * hotspot result, the rows of the shown month, the classes and what the map needs
 * (class per area or per hexagon). Idle (no requests) in other themes.
 */
import { useMemo } from 'react';
import type { AnalysisLevel, AnalysisSeries, HotspotResult } from '../../../../server/src/schemas/analysis.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import type { RequestResult } from '../../lib/use-request.ts';
import { apiRoutes } from '../../api/api-routes.ts';
import { versionedUrl } from '../../lib/versioned-url.ts';
import type { AnalysisState } from './analysis-url-state.ts';
import { isHotspotIndicator } from './analysis-url-state.ts';
import { allMonthValues, analysisRows, type AnalysisRow } from './analysis-rows.ts';
import { analysisLegend, type AnalysisLegend } from './analysis-legend.ts';
import { useAnalysisSeries } from './use-analysis-series.ts';
import { useHotspots } from './use-hotspots.ts';

/** Whether a result's method card is the answer to these settings. */
function answers(
  result: HotspotResult,
  asked: { month: string | null; level: AnalysisLevel; layer: string; statistic: string | null; settings: AnalysisState },
): boolean {
  const { card } = result;
  const s = asked.settings;
  return (
    card.month === asked.month &&
    card.level === asked.level &&
    card.layer === asked.layer &&
    card.statistic === asked.statistic &&
    card.weights.type === s.weights &&
    card.weights.transform === s.transform &&
    (s.weights !== 'knn' || card.weights.k === s.k) &&
    (s.weights !== 'distance_band' || card.weights.thresholdMetres === s.bandMetres) &&
    card.permutations === s.permutations &&
    card.seed === s.seed &&
    card.fdr === s.fdr
  );
}

/** Decimals of an indicator's values: rates one, counts none. */
export const indicatorDigits = (indicator: AnalysisState['indicator']) => (indicator === 'registered_per_1000' ? 1 : 0);

export interface AnalysisView {
  level: AnalysisLevel;
  series: RequestResult<AnalysisSeries>;
  hotspots: RequestResult<HotspotResult>;
  /** The month shown: the asked one if the series has it, else its latest. */
  month: string | null;
  rows: AnalysisRow[];
  legend: AnalysisLegend | null;
  /** The hotspot result of the current question (null while another loads, or none asked). */
  result: HotspotResult | null;
  /** Map: class index per area id (area units) or per hexagon feature id (grid units). */
  areaClasses: Map<number, number> | null;
  hexClasses: Map<number, number> | null;
  hexUrl: string | null;
  pending: boolean;
}

/**
 * @param shared the series of another view of the same level (the second month of a side-by-side
 *   comparison), so that it is not fetched twice; undefined: fetch it
 */
export function useAnalysisView(
  active: boolean,
  settings: AnalysisState,
  areaLevel: 'borough' | 'quarter' | 'district',
  askedMonth: string | null,
  dataVersion: number,
  shared?: RequestResult<AnalysisSeries>,
): AnalysisView {
  const { decimal } = useI18n();
  const level: AnalysisLevel = settings.grid ?? areaLevel;
  const own = useAnalysisSeries(active && !shared ? level : null, dataVersion);
  const series = shared ?? own;
  const data = series.state.data?.level === level ? series.state.data : null;
  const month = data ? (askedMonth !== null && data.months.includes(askedMonth) ? askedMonth : (data.months.at(-1) ?? null)) : null;

  const statistic = settings.statistic !== 'none' && isHotspotIndicator(settings.indicator) ? settings.statistic : null;
  const ask = useMemo(
    () =>
      active && statistic && month && isHotspotIndicator(settings.indicator)
        ? { layer: settings.indicator, level, month, method: statistic, settings }
        : null,
    // The settings object changes with every URL update; only the fields asked for matter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [active, statistic, month, settings.indicator, level, settings.weights, settings.k, settings.bandMetres, settings.transform, settings.permutations, settings.seed, settings.fdr],
  );
  const hotspots = useHotspots(ask, dataVersion);
  const fresh = hotspots.state.status === 'success' && ask !== null ? hotspots.state.data : null;
  // The answer to exactly the question asked, never the previous one beside new settings.
  const result = fresh && answers(fresh, { month, level, layer: settings.indicator, statistic, settings }) ? fresh : null;

  const rows = useMemo(
    () => (data && month ? analysisRows(data, month, settings.indicator, result && !result.refusal ? result : null) : []),
    [data, month, settings.indicator, result],
  );
  const allValues = useMemo(() => (data ? allMonthValues(data, settings.indicator) : []), [data, settings.indicator]);
  const digits = indicatorDigits(settings.indicator);
  const legend = useMemo(() => {
    if (!data || !month) return null;
    // With a statistic asked, its classes: while it loads or after a refusal the rows carry no
    // result, so every unit is "no result" rather than keeping old classes.
    return analysisLegend(rows, {
      settings,
      indicator: settings.indicator,
      statistic,
      allValues,
      format: (v) => decimal(v, digits),
      formatSd: (v) => `${v > 0 ? '+' : ''}${decimal(v, 2)}`,
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, month, rows, statistic, allValues, settings.classification, settings.classes, settings.manualBreaks.join(','), settings.palette, decimal, digits]);

  const { areaClasses, hexClasses } = useMemo(() => {
    if (!legend || !data) return { areaClasses: null, hexClasses: null };
    const classes = legend.classes.length === rows.length ? legend.classes : rows.map(() => -1);
    if (settings.grid) return { areaClasses: null, hexClasses: new Map(rows.map((r, i) => [r.index, classes[i]])) };
    return { areaClasses: new Map(rows.flatMap((r, i) => (r.areaId === null ? [] : [[r.areaId, classes[i]] as [number, number]]))), hexClasses: null };
  }, [legend, rows, data, settings.grid]);

  return {
    level,
    series,
    hotspots,
    month,
    rows,
    legend,
    result: ask ? result : null,
    areaClasses,
    hexClasses,
    // Versioned like the series: after an import the cells (and so the feature ids) may change.
    hexUrl: active && settings.grid ? versionedUrl(apiRoutes.analysisUnits({ level: settings.grid }), dataVersion) : null,
    pending: active && (series.state.status === 'loading' || (ask !== null && hotspots.state.status === 'loading')),
  };
}
