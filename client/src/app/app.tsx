/**
 * The shell: header, map with its layer card, side panel. It reads like a table of
 * contents: URL state in, server data from the feature hooks, features composed.
 * Features never import each other; everything they share passes through here.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { City, ClientSettings } from '../../../server/src/schemas/city.ts';
import type { Bbox } from '../../../server/src/schemas/common.ts';
import type { LayerInfo } from '../../../server/src/schemas/layer.ts';
import type { MonthRange } from '../../../server/src/schemas/month.ts';
import { apiRoutes } from '../api/api-routes.ts';
import { AnalysisLegendCard } from '../features/analysis/analysis-legend-card.tsx';
import { AnalysisPanel } from '../features/analysis/analysis-panel.tsx';
import { analysisLabels } from '../features/analysis/analysis-rows.ts';
import { indicatorDigits, useAnalysisView } from '../features/analysis/use-analysis-view.ts';
import { AreaPanel } from '../features/area-panel/area-panel.tsx';
import { useArea } from '../features/area-panel/use-area.ts';
import { useAreaCollection } from '../features/area-shapes/use-area-collection.ts';
import { CityOverview } from '../features/city/city-overview.tsx';
import { MissingDistrictsNotice } from '../features/city/missing-districts-notice.tsx';
import { useCity } from '../features/city/use-city.ts';
import { AreaCoverageCard } from '../features/coverage/area-coverage-card.tsx';
import { coverageLabels } from '../features/coverage/coverage-labels.ts';
import { CoveragePanel } from '../features/coverage/coverage-panel.tsx';
import { useCoverage } from '../features/coverage/use-coverage.ts';
import { AreaFiguresCard } from '../features/figures/area-figures-card.tsx';
import { residentBreaks, residentLabels, residentValues } from '../features/figures/area-values.ts';
import { useFigures } from '../features/figures/use-figures.ts';
import { ImportDialog } from '../features/import/import-dialog.tsx';
import { LayerSwitcher } from '../features/layer-switcher/layer-switcher.tsx';
import { useLayers } from '../features/layer-switcher/use-layers.ts';
import { Legend } from '../features/legend/legend.tsx';
import { MonthSelector } from '../features/months/month-selector.tsx';
import { MonthWithoutDataNotice } from '../features/months/month-without-data-notice.tsx';
import { useMonths } from '../features/months/use-months.ts';
import { PropertyPanel } from '../features/property-panel/property-panel.tsx';
import { useProperty } from '../features/property-panel/use-property.ts';
import { useSettings } from '../features/settings/use-settings.ts';
import { useViewSummary } from '../features/view-summary/use-view-summary.ts';
import { ViewSummary } from '../features/view-summary/view-summary.tsx';
import { I18nProvider } from '../i18n/i18n-provider.tsx';
import { useI18n } from '../i18n/use-i18n.ts';
import type { RequestResult } from '../lib/use-request.ts';
import { areasOfCaseManager, coverageColouring, type CoverageGap } from '../map/coverage-colouring.ts';
import { AREA_COVERAGE_STATE } from '../map/layers/coverage-layer.ts';
import { COVERAGE_PALETTE } from '../map/layers/palette.ts';
import { ANALYSIS_CLASS_STATE } from '../map/layers/analysis-layer.ts';
import { AREA_VALUE_STATE } from '../map/layers/residents-layer.ts';
import { linkCameras } from '../map/link-cameras.ts';
import { MapView, type AreaStates, type MapViewProps } from '../map/map-view.tsx';
import { AREA_LAYER_IDS, levelOfAreaLayer, tileLayerOfLevel, type AreaLayerId } from '../state/area-layer-id.ts';
import { useStore } from '../state/create-store.ts';
import { bumpDataVersion, dataVersionStore } from '../state/data-version-store.ts';
import { formatViewHash, parseViewHash, type AnalysisState, type Locale, type UrlState, type ViewState } from '../state/url-state.ts';
import { currentUrlState, updateUrlState, useUrlState } from '../state/url-state-store.ts';
import { ProgressBar } from '../ui/progress-bar.tsx';
import { RequestErrorMessage } from '../ui/request-error.tsx';
import { AppHeader } from './app-header.tsx';

/** Width of `.map-card` in app.css plus its 12 px inset. */
const MAP_CARD_WIDTH_PX = 312;

const setLocale = (lang: Locale) => updateUrlState({ lang });
const clearSelection = () => updateUrlState({ area: null, property: null });
const selectArea = (area: number | null) => updateUrlState({ area, property: null });
/** The property last chosen on the map: it is on screen already, so the map need not move to it. */
let propertyChosenOnMap: number | null = null;
const selectProperty = (property: number) => {
  propertyChosenOnMap = property;
  updateUrlState({ property, area: null });
};
const selectMonth = (month: string | null) => updateUrlState({ month });
const selectCaseManager = (caseManager: number | null) => updateUrlState({ caseManager });
const selectLevel = (level: AreaLayerId) => updateUrlState({ level });
/**
 * Analysis settings live in the URL; a patch merges into the current ones. Starting or
 * ending a side-by-side comparison changes the map's width: the view is dropped, so the
 * map (or the pair) fits the city again instead of keeping a zoom made for the other width.
 */
const updateAnalysis = (patch: Partial<AnalysisState>) => {
  const current = currentUrlState().analysis;
  const toggled = patch.compareMonth !== undefined && (patch.compareMonth === null) !== (current.compareMonth === null);
  updateUrlState({ analysis: { ...current, ...patch }, ...(toggled ? { view: null } : {}) });
};
const selectHex = (hex: string | null) => updateAnalysis({ hex });
// Rounded like the link, so that the URL round-trips and the camera does not jump back.
const setView = (view: ViewState) => updateUrlState({ view: parseViewHash(formatViewHash(view)) });
const onLayerChange = (patch: Partial<UrlState>) =>
  // The highlighted case manager belongs to the coverage mode; leaving it clears the highlight.
  updateUrlState(patch.theme !== undefined && patch.theme !== 'coverage' ? { ...patch, caseManager: null } : patch);

const NO_GAPS: Record<CoverageGap, number[]> = { no_case_manager: [], no_language_match: [], no_recent_visit: [] };

export function App() {
  const url = useUrlState();
  const settings = useSettings();
  const locale: Locale = url.lang ?? settings.state.data?.defaultLocale ?? 'de';

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  return (
    <I18nProvider locale={locale}>
      <AppShell url={url} settings={settings} />
    </I18nProvider>
  );
}

function AppShell({ url, settings }: { url: UrlState; settings: RequestResult<ClientSettings> }) {
  const { t } = useI18n();
  const version = useStore(dataVersionStore);
  const city = useCity();
  const layers = useLayers();
  const months = useMonths(version.data);
  const [importOpen, setImportOpen] = useState(false);
  const cityName = city.state.data?.name ?? null;

  useEffect(() => {
    document.title = cityName ? `${t('app.name')} · ${cityName}` : t('app.name');
  }, [cityName, t]);

  // Escape clears the selection from anywhere on the page (a dialog handles its own).
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented && !importOpen) clearSelection();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [importOpen]);

  // An areas import changes the geometry behind the city summary and the layer list.
  const { reload: reloadCity } = city;
  const { reload: reloadLayers } = layers;
  useEffect(() => {
    if (version.areas === 0) return;
    reloadCity();
    reloadLayers();
  }, [version.areas, reloadCity, reloadLayers]);

  let body;
  if (settings.state.status === 'error') {
    body = <RequestErrorMessage message={t('error.settings')} error={settings.state.error} onRetry={settings.reload} />;
  } else if (city.state.status === 'error') {
    body = <RequestErrorMessage message={t('error.city')} error={city.state.error} onRetry={city.reload} />;
  } else if (
    settings.state.status === 'success' &&
    city.state.data &&
    // The map's attribution control is built once, so the layer list (with the
    // attributions) is awaited too; it loads in parallel, and a failure does not block.
    (layers.state.status === 'success' || layers.state.status === 'error' || layers.state.data)
  ) {
    body = <Workspace url={url} city={city.state.data} settings={settings.state.data} layers={layers} months={months} />;
  } else {
    body = (
      <div className="app-loading">
        <ProgressBar label={t('app.loading')} />
        <p className="app-loading-text">{t('app.loading')}</p>
      </div>
    );
  }

  return (
    <div className="app">
      <AppHeader
        cityName={cityName}
        onLocaleChange={setLocale}
        month={<MonthSelector months={months.state.data} month={url.month} onChange={selectMonth} />}
        onImport={() => setImportOpen(true)}
      />
      {body}
      <ImportDialog open={importOpen} onClose={() => setImportOpen(false)} onImported={(result) => bumpDataVersion(result.kind)} />
    </div>
  );
}

/** Area id → analysis class as the map's feature state. */
const analysisAreaStates = (layer: AreaLayerId, classes: ReadonlyMap<number, number>): AreaStates => ({
  layer,
  states: new Map([...classes].map(([id, cls]) => [id, { [ANALYSIS_CLASS_STATE]: cls }])),
});

/** The level to draw: the one in the URL, or the coarsest level that has areas. */
function effectiveLevel(city: City, wanted: AreaLayerId): AreaLayerId {
  const count = (id: AreaLayerId) => city.levels.find((l) => l.level === levelOfAreaLayer(id))?.count ?? 0;
  if (count(wanted) > 0) return wanted;
  return AREA_LAYER_IDS.find((id) => count(id) > 0) ?? wanted;
}

function Workspace({
  url,
  city,
  settings,
  layers,
  months,
}: {
  url: UrlState;
  city: City;
  settings: ClientSettings;
  layers: RequestResult<LayerInfo[]>;
  months: RequestResult<MonthRange>;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const version = useStore(dataVersionStore);
  const level = effectiveLevel(city, url.level);
  const areaLevel = levelOfAreaLayer(level) as Exclude<ReturnType<typeof levelOfAreaLayer>, 'city'>;
  const summary = city.levels.find((l) => l.level === areaLevel);
  const areasVisible = city.hasDistricts && (summary?.count ?? 0) > 0;
  const areaProvenance = summary?.provenance ?? null;
  const [basemapFailed, setBasemapFailed] = useState(false);

  // The month: the URL's if the server has data for it, else the latest (`null` in the URL).
  // Month-dependent requests wait for the month list, so that they are asked once, not twice.
  const monthRange = months.state.data;
  const monthsKnown = monthRange !== null || months.state.status === 'error';
  const month = monthRange && url.month !== null && monthRange.months.includes(url.month) ? url.month : (monthRange?.latest ?? null);
  const isLatest = month === (monthRange?.latest ?? null);

  const shapes = useAreaCollection(areasVisible ? level : null, version.areas);
  const area = useArea(url.area);
  const property = useProperty(url.property, month, version.data);
  const selectedDetail = area.state.status === 'success' ? area.state.data : null;
  const selectedLayer = url.area === null ? null : selectedDetail ? tileLayerOfLevel(selectedDetail.level) : level;

  const wantsFigures = monthsKnown && areasVisible && url.theme === 'residents';
  const figures = useFigures(wantsFigures ? areaLevel : null, month, version.data);
  // Class breaks come from the latest month, so that stepping back keeps colours comparable.
  const reference = useFigures(wantsFigures && !isLatest ? areaLevel : null, monthRange?.latest ?? null, version.data);
  const coverage = useCoverage(monthsKnown && areasVisible && url.theme === 'coverage' ? areaLevel : null, month, version.data);
  const analysisActive = monthsKnown && areasVisible && url.theme === 'analysis';
  const analysis = useAnalysisView(analysisActive, url.analysis, areaLevel, url.month, version.data);
  // A second month beside the first: the same settings, the series shared, its own statistic.
  // Decided from the URL alone (not from loaded data), so the map is not rebuilt once the data arrive.
  const compareActive = url.theme === 'analysis' && areasVisible && url.analysis.compareMonth !== null;
  const compare = useAnalysisView(compareActive, url.analysis, areaLevel, url.analysis.compareMonth, version.data, analysis.series);
  // The two maps of a comparison show the same place, moving together.
  const [primaryMap, setPrimaryMap] = useState<MapLibreMap | null>(null);
  const [secondaryMap, setSecondaryMap] = useState<MapLibreMap | null>(null);
  useEffect(() => (primaryMap && secondaryMap ? linkCameras(primaryMap, secondaryMap) : undefined), [primaryMap, secondaryMap]);
  const compareLabels = useMemo(
    () => (compareActive && !url.analysis.grid ? analysisLabels(compare.rows, indicatorDigits(url.analysis.indicator), i18n) : null),
    [compareActive, compare.rows, url.analysis.grid, url.analysis.indicator, i18n],
  );
  const compareAreaStates = useMemo(
    (): AreaStates | null =>
      compareActive && compare.areaClasses ? analysisAreaStates(level, compare.areaClasses) : null,
    [compareActive, compare.areaClasses, level],
  );
  // Stable, so the month player's timer is not restarted by every render of the shell.
  const latestMonth = monthRange?.latest ?? null;
  const selectAnalysisMonth = useCallback((m: string) => selectMonth(m === latestMonth ? null : m), [latestMonth]);
  const hexDetails = useMemo(() => {
    if (!url.analysis.grid) return null;
    const labels = analysisLabels(analysis.rows, indicatorDigits(url.analysis.indicator), i18n);
    return new Map(analysis.rows.map((r) => [r.index, { name: r.name, detail: labels.get(r.index) ?? '–' }]));
  }, [url.analysis.grid, analysis.rows, url.analysis.indicator, i18n]);
  const analysisColours = useMemo(() => analysis.legend?.entries.map((e) => e.colour) ?? [], [analysis.legend]);
  const analysisMap = useMemo(
    () => (analysisActive ? { colours: analysisColours, hexagons: url.analysis.grid !== null, selectedHex: url.analysis.hex } : null),
    [analysisActive, analysisColours, url.analysis.grid, url.analysis.hex],
  );
  const [bbox, setBbox] = useState<Bbox | null>(null);
  const viewSummary = useViewSummary(monthsKnown && monthRange?.latest ? bbox : null, month, version.data);

  // Only data of the level on the map counts (the previous level's stays visible while the next loads).
  const figuresList = figures.state.data?.level === areaLevel ? figures.state.data : null;
  const referenceList = isLatest ? figuresList : reference.state.data?.level === areaLevel ? reference.state.data : null;
  const coverageData = coverage.state.data?.level === areaLevel ? coverage.state.data : null;

  const breaks = useMemo(() => residentBreaks(referenceList, url.residentsMode), [referenceList, url.residentsMode]);
  const colouring = useMemo(() => (coverageData ? coverageColouring(coverageData, COVERAGE_PALETTE.length) : null), [coverageData]);
  const caseManagerColours = useMemo(
    () => new Map([...(colouring?.caseManagers ?? [])].map(([id, index]) => [id, COVERAGE_PALETTE[index]])),
    [colouring],
  );
  const highlightedAreas = useMemo(
    () => (coverageData ? areasOfCaseManager(coverageData, url.caseManager) : []),
    [coverageData, url.caseManager],
  );

  const areaStates = useMemo((): AreaStates | null => {
    if (url.theme === 'residents' && figuresList) {
      const values = residentValues(figuresList, url.residentsMode);
      return { layer: level, states: new Map([...values].map(([id, value]) => [id, { [AREA_VALUE_STATE]: value }])) };
    }
    if (url.theme === 'coverage' && colouring) {
      return { layer: level, states: new Map([...colouring.areas].map(([id, index]) => [id, { [AREA_COVERAGE_STATE]: index }])) };
    }
    if (url.theme === 'analysis' && analysis.areaClasses) return analysisAreaStates(level, analysis.areaClasses);
    return null;
  }, [url.theme, url.residentsMode, figuresList, colouring, level, analysis.areaClasses]);

  const labelDetails = useMemo(() => {
    if (url.theme === 'residents' && figuresList) return residentLabels(figuresList, url.residentsMode, i18n);
    if (url.theme === 'coverage' && coverageData) return coverageLabels(coverageData);
    if (url.theme === 'analysis' && !url.analysis.grid && analysis.rows.length > 0) {
      return analysisLabels(analysis.rows, indicatorDigits(url.analysis.indicator), i18n);
    }
    return null;
  }, [url.theme, url.residentsMode, figuresList, coverageData, i18n, analysis.rows, url.analysis.grid, url.analysis.indicator]);

  const attributions = [
    ...new Set((layers.state.data ?? []).filter((l) => l.featureCount > 0).flatMap((l) => l.attributions)),
  ];
  const mapState = level === url.level ? url : { ...url, level };
  // Keep the city clear of the layer card (left) and the attribution line (bottom).
  // Below ~1100 px the card would leave too little map beside it; it then simply overlaps.
  const wideMap = window.innerWidth >= 1100;
  // Side by side, both maps sit right of the layer card (see .map-pair in app.css).
  const fitPadding = { top: 24, right: 32, bottom: 48, left: wideMap && !compareActive ? MAP_CARD_WIDTH_PX + 16 : 24 };
  const propertiesUrl = monthsKnown ? apiRoutes.propertiesGeojson({ month }) : null;
  const dataPending =
    shapes.state.status === 'loading' ||
    !monthsKnown ||
    (wantsFigures && figures.state.status === 'loading') ||
    (url.theme === 'coverage' && areasVisible && coverage.state.status === 'loading') ||
    analysis.pending;
  const onBasemapFallback = useCallback(() => setBasemapFailed(true), []);
  const highlightedKey = coverageData?.caseManagers.find((cm) => cm.id === url.caseManager)?.key ?? null;

  const mapProps: MapViewProps = {
    city,
    basemapStyleUrl: settings.basemapStyleUrl,
    attributions,
    layerInfos: layers.state.data ?? undefined,
    focus: url.property !== null && url.property !== propertyChosenOnMap && property.state.status === 'success' ? property.state.data.location : null,
    state: mapState,
    areaProvenance,
    areasVisible,
    areaShapes: shapes.state.data ?? null,
    dataPending,
    areaStates,
    residentBreaks: breaks,
    coverageGaps: colouring?.gaps ?? NO_GAPS,
    highlightedAreas,
    labelDetails,
    labelDetailsSynthetic:
      url.theme === 'residents'
        ? (figuresList?.synthetic ?? false)
        : url.theme === 'coverage'
          ? (coverageData?.synthetic ?? false)
          : url.theme === 'analysis'
            ? (analysis.series.state.data?.synthetic ?? false)
            : false,
    propertiesUrl,
    dataVersion: version.data,
    tilesVersion: version.areas,
    zensusMinResidents: settings.zensusMinResidents,
    fitPadding,
    selectedLayer,
    onSelectArea: selectArea,
    onSelectProperty: selectProperty,
    onViewChange: setView,
    onBoundsChange: setBbox,
    onBasemapFallback,
    analysis: analysisMap,
    hexUrl: analysis.hexUrl,
    hexStates: analysis.hexClasses,
    hexDetails,
    onSelectHex: selectHex,
  };

  return (
    <div className="app-body">
      <main className="map-area">
        {compareActive ? (
          <div className="map-pair">
            <div className="map-slot">
              <MapView {...mapProps} caption={analysis.month ? i18n.month(analysis.month) : null} onMap={setPrimaryMap} />
            </div>
            <div className="map-slot">
              <MapView
                {...mapProps}
                exposeForTests={false}
                onMap={setSecondaryMap}
                caption={compare.month ? i18n.month(compare.month) : null}
                dataPending={compare.pending}
                areaStates={compareAreaStates}
                labelDetails={compareLabels}
                hexStates={compare.hexClasses}
                propertiesUrl={compare.month ? apiRoutes.propertiesGeojson({ month: compare.month }) : null}
              />
            </div>
          </div>
        ) : (
          <MapView {...mapProps} />
        )}
        <div className="map-card">
          <LayerSwitcher
            state={mapState}
            levels={city.levels}
            cityName={city.name}
            hasZensusGrid={city.hasZensusGrid}
            onChange={onLayerChange}
          />
          <Legend
            level={level}
            areaProvenance={areaProvenance}
            areasVisible={areasVisible}
            contextVisible={url.context}
            onBasemap={settings.basemapStyleUrl !== null && !basemapFailed}
            zensusVisible={city.hasZensusGrid && url.zensus}
            zensusMode={url.zensusMode}
            zensusMinResidents={settings.zensusMinResidents}
            hasSelection={url.area !== null}
            theme={url.theme}
            residents={
              figuresList && month
                ? {
                    mode: url.residentsMode,
                    breaks,
                    month,
                    referenceMonth: monthRange?.latest ?? null,
                    synthetic: figuresList.synthetic,
                    hasNoData: url.residentsMode === 'per1000' && figuresList.areas.some((a) => !a.zensusPopulation),
                  }
                : null
            }
            coverage={
              coverageData
                ? {
                    caseManagers: coverageData.caseManagers
                      .filter((cm) => caseManagerColours.has(cm.id))
                      .sort((a, b) => a.key.localeCompare(b.key, 'de', { numeric: true }))
                      .map((cm) => ({ key: cm.key, colour: caseManagerColours.get(cm.id)! })),
                    maxDaysWithoutVisit: coverageData.rules.maxDaysWithoutVisit,
                    synthetic: coverageData.synthetic,
                    highlighted: highlightedKey,
                  }
                : null
            }
            analysis={
              analysis.legend && analysisActive ? (
                <AnalysisLegendCard legend={analysis.legend} indicator={url.analysis.indicator} synthetic={analysis.series.state.data?.synthetic ?? false} />
              ) : null
            }
            propertiesVisible={url.problems}
            propertiesSynthetic={viewSummary.state.data?.synthetic ?? false}
          />
        </div>
      </main>
      <aside
        className={(url.theme === 'coverage' || url.theme === 'analysis') && areasVisible ? 'side-panel side-panel-wide' : 'side-panel'}
        aria-label={t('panel.label')}
      >
        {!city.hasDistricts && <MissingDistrictsNotice cityName={city.name} />}
        <MonthWithoutDataNotice months={monthRange} month={url.month} />
        {url.property !== null ? (
          <PropertyPanel request={property} month={month} onClose={clearSelection} onSelectArea={selectArea} />
        ) : url.theme === 'analysis' && areasVisible ? (
          <AnalysisPanel
            view={analysis}
            settings={url.analysis}
            levels={AREA_LAYER_IDS.filter((id) => (city.levels.find((l) => l.level === levelOfAreaLayer(id))?.count ?? 0) > 0)}
            level={level}
            cityName={city.name}
            selectedId={url.analysis.grid ? url.analysis.hex : url.area === null ? null : String(url.area)}
            onChange={updateAnalysis}
            onLevel={selectLevel}
            onSelectRow={(row) => (row.areaId !== null ? selectArea(row.areaId) : selectHex(row.id))}
            onSelectMonth={selectAnalysisMonth}
          />
        ) : url.area !== null ? (
          <AreaPanel request={area} onClose={clearSelection} onSelect={selectArea} />
        ) : url.theme === 'areas' || !areasVisible ? (
          <CityOverview city={city} />
        ) : null}
        {url.property === null && url.theme === 'residents' && figuresList && (
          <AreaFiguresCard list={figuresList} areaId={url.area} />
        )}
        {url.property === null && url.area !== null && url.theme === 'coverage' && coverageData && (
          <AreaCoverageCard coverage={coverageData} areaId={url.area} onSelectCaseManager={selectCaseManager} />
        )}
        {url.theme === 'coverage' && areasVisible && (
          <CoveragePanel request={coverage} colours={caseManagerColours} selectedId={url.caseManager} onSelect={selectCaseManager} />
        )}
        {url.theme === 'residents' && figures.state.status === 'error' && (
          <RequestErrorMessage message={t('error.figures')} error={figures.state.error} onRetry={figures.reload} />
        )}
        {monthRange?.latest && <ViewSummary request={viewSummary} />}
        {months.state.status === 'error' && (
          <RequestErrorMessage message={t('error.months')} error={months.state.error} onRetry={months.reload} />
        )}
        {layers.state.status === 'error' && (
          <RequestErrorMessage message={t('error.layers')} error={layers.state.error} onRetry={layers.reload} />
        )}
        {shapes.state.status === 'error' && (
          <RequestErrorMessage message={t('error.shapes')} error={shapes.state.error} onRetry={shapes.reload} />
        )}
      </aside>
    </div>
  );
}
