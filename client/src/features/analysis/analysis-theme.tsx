/**
 * The analysis theme: an indicator's classes or a hotspot statistic (Gi*, local Moran's
 * I) on the areas of the level or on H3 hexagons, with the month player, a second month
 * side by side (two maps, cameras linked), the chart, the table and the method card.
 * Data: `GET /api/analysis/series`, `/hotspots` and `/units.geojson` (see use-analysis-view.ts).
 * Its settings are all in the URL (`analysis-url-state.ts`), so a result can be shared.
 */
import { useCallback, useMemo } from 'react';
import { defineTheme, INACTIVE_VIEW, type AreaStates, type ThemeMap, type ThemeMapLayers, type ThemeView } from '../../app/theme.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ANALYSIS_CLASS_STATE, analysisFillColour, HEX_FILL_ID, HEX_SOURCE, hexLayer } from '../../map/layers/analysis-layer.ts';
import { AREA_LAYER_IDS, levelOfAreaLayer, type AreaLayerId } from '../../state/area-layer-id.ts';
import { AnalysisLegendCard } from './analysis-legend-card.tsx';
import { AnalysisPanel } from './analysis-panel.tsx';
import { analysisLabels } from './analysis-rows.ts';
import { analysisUrl, type AnalysisState } from './analysis-url-state.ts';
import { indicatorDigits, useAnalysisView } from './use-analysis-view.ts';

/**
 * Starting or ending a side-by-side comparison changes the map's width: the view is dropped,
 * so the map (or the pair) fits the city again instead of keeping a zoom made for the other width.
 */
const dropViewOnCompareToggle = (patch: Partial<AnalysisState>) => (current: AnalysisState) =>
  patch.compareMonth !== undefined && (patch.compareMonth === null) !== (current.compareMonth === null) ? { view: null } : {};

/** Class index per feature id → the feature state the fill reads. */
const classStates = (classes: ReadonlyMap<number, number>) => new Map([...classes].map(([id, cls]) => [id, { [ANALYSIS_CLASS_STATE]: cls }]));

/** The map layers of one month: the area fill or the hexagons, coloured by class. */
function analysisLayers(
  selectHex: (hex: string) => void,
  colours: readonly string[],
  settings: Pick<AnalysisState, 'grid' | 'hex'>,
  hexUrl: string | null,
  hexClasses: ReadonlyMap<number, number> | null,
  hexDetails: ReadonlyMap<number, { name: string; detail: string }> | null,
): ThemeMapLayers {
  const hexes = hexLayer({ visible: settings.grid !== null, colours, selectedHex: settings.hex });
  return {
    // Over hexagons the areas keep only their borders, for orientation.
    areaFill: { colour: analysisFillColour(colours), opacity: settings.grid ? 0 : 0.85 },
    fills: [hexes.fill],
    lines: hexes.lines,
    sources: [{ id: HEX_SOURCE, data: hexUrl, states: hexClasses ? classStates(hexClasses) : null }],
    hits: [
      {
        layerId: HEX_FILL_ID,
        onClick: (properties) => {
          if (typeof properties.id !== 'string') return false;
          selectHex(properties.id);
          return true;
        },
        tooltip: (id) => hexDetails?.get(id) ?? null,
      },
    ],
  };
}

export const analysisTheme = defineTheme<AnalysisState>({
  id: 'analysis',
  label: ({ t }) => t('theme.analysis'),
  url: analysisUrl,
  useView(ctx): ThemeView {
    const i18n = useI18n();
    const { own: settings, level, areaLevel, city } = ctx;
    const active = ctx.active && ctx.monthsKnown && ctx.areasVisible;
    const view = useAnalysisView(active, settings, areaLevel, ctx.url.month, ctx.dataVersion);
    // A second month beside the first: the same settings, the series shared, its own statistic.
    // Decided from the URL alone (not from loaded data), so the map is not rebuilt once the data arrive.
    const compareActive = ctx.active && ctx.areasVisible && settings.compareMonth !== null;
    const compare = useAnalysisView(compareActive, settings, areaLevel, settings.compareMonth, ctx.dataVersion, view.series);
    const digits = indicatorDigits(settings.indicator);

    // Settings live in the URL; a patch merges into the current ones there (not into a render-time copy).
    const { update } = ctx;
    const updateAnalysis = useCallback((patch: Partial<AnalysisState>) => update(patch, dropViewOnCompareToggle(patch)), [update]);
    const selectHex = useCallback((hex: string | null) => update({ hex }), [update]);
    const selectLevel = useCallback((level: AreaLayerId) => update({}, { level }), [update]);
    const colours = useMemo(() => view.legend?.entries.map((e) => e.colour) ?? [], [view.legend]);
    const hexDetails = useMemo(() => {
      if (!settings.grid) return null;
      const labels = analysisLabels(view.rows, digits, i18n);
      return new Map(view.rows.map((r) => [r.index, { name: r.name, detail: labels.get(r.index) ?? '–' }]));
    }, [settings.grid, view.rows, digits, i18n]);
    const layers = useMemo(
      () => analysisLayers(selectHex, colours, settings, view.hexUrl, view.hexClasses, hexDetails),
      // eslint-disable-next-line react-hooks/exhaustive-deps
      [selectHex, colours, settings.grid, settings.hex, view.hexUrl, view.hexClasses, hexDetails],
    );
    const compareLayers = useMemo(
      () => analysisLayers(selectHex, colours, settings, view.hexUrl, compare.hexClasses, hexDetails),
      // eslint-disable-next-line react-hooks/exhaustive-deps
      [selectHex, colours, settings.grid, settings.hex, view.hexUrl, compare.hexClasses, hexDetails],
    );
    const areaStates = useMemo(
      (): AreaStates | null => (view.areaClasses ? { layer: level, states: classStates(view.areaClasses) } : null),
      [view.areaClasses, level],
    );
    const compareAreaStates = useMemo(
      (): AreaStates | null => (compareActive && compare.areaClasses ? { layer: level, states: classStates(compare.areaClasses) } : null),
      [compareActive, compare.areaClasses, level],
    );
    const labelDetails = useMemo(
      () => (!settings.grid && view.rows.length > 0 ? analysisLabels(view.rows, digits, i18n) : null),
      [settings.grid, view.rows, digits, i18n],
    );
    const compareLabels = useMemo(
      () => (compareActive && !settings.grid ? analysisLabels(compare.rows, digits, i18n) : null),
      [compareActive, compare.rows, settings.grid, digits, i18n],
    );
    // Stable, so the month player's timer is not restarted by every render of the shell.
    const { latestMonth, selectMonth, selectArea } = ctx;
    const selectAnalysisMonth = useCallback((m: string) => selectMonth(m === latestMonth ? null : m), [latestMonth, selectMonth]);

    if (!ctx.active || !ctx.areasVisible) return INACTIVE_VIEW;
    const synthetic = view.series.state.data?.synthetic ?? false;
    const primary: ThemeMap = active
      ? { layers, areaStates, labelDetails, labelDetailsSynthetic: synthetic }
      : { ...INACTIVE_VIEW.maps[0] };
    const maps: ThemeMap[] = compareActive
      ? [
          { ...primary, caption: view.month ? i18n.month(view.month) : null },
          {
            layers: compareLayers,
            areaStates: compareAreaStates,
            labelDetails: compareLabels,
            labelDetailsSynthetic: synthetic,
            caption: compare.month ? i18n.month(compare.month) : null,
            month: compare.month,
            pending: compare.pending,
          },
        ]
      : [primary];
    const levels = AREA_LAYER_IDS.filter((id) => (city.levels.find((l) => l.level === levelOfAreaLayer(id))?.count ?? 0) > 0);
    return {
      maps,
      legend: {
        block:
          view.legend && active ? <AnalysisLegendCard legend={view.legend} indicator={settings.indicator} synthetic={synthetic} /> : null,
      },
      panel: {
        wide: true,
        primary: (
          <AnalysisPanel
            view={view}
            settings={settings}
            levels={levels}
            level={level}
            cityName={city.name}
            selectedId={settings.grid ? settings.hex : ctx.url.area === null ? null : String(ctx.url.area)}
            onChange={updateAnalysis}
            onLevel={selectLevel}
            onSelectRow={(row) => (row.areaId !== null ? selectArea(row.areaId) : selectHex(row.id))}
            onSelectMonth={selectAnalysisMonth}
          />
        ),
      },
      pending: view.pending,
    };
  },
});
