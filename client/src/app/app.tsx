/**
 * The shell: header, map with its layer card, side panel. It reads like a table of
 * contents: URL state in, server data from the feature hooks, features composed.
 * Features never import each other; everything they share passes through here.
 *
 * The shell knows no theme by name: it gets the registry (`themes.ts`) as a prop, asks
 * every theme for its view (`Theme.useView`) and composes the shown one's map layers,
 * legend, panel and switcher options (see `theme.ts`).
 */
// The shell's layout before the features' styles (CSS keeps the order of the imports).
import './app.css';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useMemo, useState } from 'react';
import type { City, ClientSettings } from '../../../server/src/schemas/city.ts';
import type { Bbox } from '../../../server/src/schemas/common.ts';
import type { LayerInfo } from '../../../server/src/schemas/layer.ts';
import type { MonthRange } from '../../../server/src/schemas/month.ts';
import { AreaPanel } from '../features/area-panel/area-panel.tsx';
import { useArea } from '../features/area-panel/use-area.ts';
import { useAreaCollection } from '../features/area-shapes/use-area-collection.ts';
import { CityOverview } from '../features/city/city-overview.tsx';
import { MissingDistrictsNotice } from '../features/city/missing-districts-notice.tsx';
import { useCity } from '../features/city/use-city.ts';
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
import { apiRoutes } from '../api/api-routes.ts';
import { linkCameras } from '../map/link-cameras.ts';
import { MapView, type MapViewProps } from '../map/map-view.tsx';
import { AREA_LAYER_IDS, levelOfAreaLayer, tileLayerOfLevel, type AreaLayerId } from '../state/area-layer-id.ts';
import { useStore } from '../state/create-store.ts';
import { bumpDataVersion, dataVersionStore } from '../state/data-version-store.ts';
import { formatViewHash, parseViewHash, type Locale, type UrlState, type ViewState } from '../state/url-state.ts';
import { updateThemeUrlState, updateUrlState, useUrlState } from '../state/url-state-store.ts';
import { ProgressBar } from '../ui/progress-bar.tsx';
import { RequestErrorMessage } from '../ui/request-error.tsx';
import { AppHeader } from './app-header.tsx';
import { INACTIVE_VIEW, type AnyTheme, type SharedUrlPatch, type ThemeMap, type ThemeView } from './theme.ts';

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
// Rounded like the link, so that the URL round-trips and the camera does not jump back.
const setView = (view: ViewState) => updateUrlState({ view: parseViewHash(formatViewHash(view)) });
const onLayerChange = (patch: Partial<UrlState>) => updateUrlState(patch);

/** Maps shown side by side at most (a theme's `maps`); each gets a stable `onMap` callback. */
const MAX_MAPS = 4;

export interface AppProps {
  /** The registry (`themes.ts`), fixed for the app's life: the shell calls each theme's hook in this order. */
  themes: readonly AnyTheme[];
}

export function App({ themes }: AppProps) {
  const url = useUrlState();
  const settings = useSettings();
  const locale: Locale = url.lang ?? settings.state.data?.defaultLocale ?? 'de';

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  return (
    <I18nProvider locale={locale}>
      <AppShell url={url} settings={settings} themes={themes} />
    </I18nProvider>
  );
}

function AppShell({ url, settings, themes }: { url: UrlState; settings: RequestResult<ClientSettings>; themes: readonly AnyTheme[] }) {
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
    body = <Workspace url={url} city={city.state.data} settings={settings.state.data} layers={layers} months={months} themes={themes} />;
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
  themes,
}: {
  url: UrlState;
  city: City;
  settings: ClientSettings;
  layers: RequestResult<LayerInfo[]>;
  months: RequestResult<MonthRange>;
  themes: readonly AnyTheme[];
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

  const shapes = useAreaCollection(areasVisible ? level : null, version.areas);
  const area = useArea(url.area);
  const property = useProperty(url.property, month, version.data);
  const selectedDetail = area.state.status === 'success' ? area.state.data : null;
  const selectedLayer = url.area === null ? null : selectedDetail ? tileLayerOfLevel(selectedDetail.level) : level;

  // Every theme's hook, every render, in registry order (the registry is fixed, so React's
  // hook order is too); only the shown theme is active and may request data.
  const updaters = useMemo(
    () =>
      new Map(
        themes.map((theme) => [
          theme.id,
          (patch: object, shared?: Partial<SharedUrlPatch> | ((current: unknown) => Partial<SharedUrlPatch>)) =>
            updateThemeUrlState(theme.id, patch, shared),
        ]),
      ),
    [themes],
  );
  let view: ThemeView = INACTIVE_VIEW;
  for (const theme of themes) {
    const themeView = theme.useView({
      active: theme.id === url.theme,
      own: url.themes[theme.id] ?? theme.url.defaults,
      update: updaters.get(theme.id)!,
      url,
      city,
      level,
      areaLevel,
      areasVisible,
      month,
      latestMonth: monthRange?.latest ?? null,
      monthsKnown,
      dataVersion: version.data,
      selectArea,
      selectMonth,
    });
    if (theme.id === url.theme) view = themeView;
  }

  // The maps of a theme that shows several (side by side) show the same place, moving together.
  const [mapInstances, setMapInstances] = useState<ReadonlyArray<MapLibreMap | null>>([]);
  const onMapCallbacks = useMemo(
    () =>
      Array.from({ length: MAX_MAPS }, (_, i) => (map: MapLibreMap | null) =>
        setMapInstances((previous) => {
          const next = [...previous];
          next[i] = map;
          return next;
        }),
      ),
    [],
  );
  useEffect(() => {
    const [first, ...others] = mapInstances;
    if (!first) return undefined;
    const unlinks = others.flatMap((other) => (other ? [linkCameras(first, other)] : []));
    return () => unlinks.forEach((unlink) => unlink());
  }, [mapInstances]);

  const [bbox, setBbox] = useState<Bbox | null>(null);
  const viewSummary = useViewSummary(monthsKnown && monthRange?.latest ? bbox : null, month, version.data);

  const attributions = [
    ...new Set((layers.state.data ?? []).filter((l) => l.featureCount > 0).flatMap((l) => l.attributions)),
  ];
  const mapState = level === url.level ? url : { ...url, level };
  const sideBySide = view.maps.length > 1;
  // Keep the city clear of the layer card (left) and the attribution line (bottom).
  // Below ~1100 px the card would leave too little map beside it; it then simply overlaps.
  const wideMap = window.innerWidth >= 1100;
  // Side by side, the maps sit right of the layer card (see .map-pair in app.css).
  const fitPadding = { top: 24, right: 32, bottom: 48, left: wideMap && !sideBySide ? MAP_CARD_WIDTH_PX + 16 : 24 };
  const dataPending = shapes.state.status === 'loading' || !monthsKnown || view.pending;
  const onBasemapFallback = useMemo(() => () => setBasemapFailed(true), []);

  const mapProps = (themeMap: ThemeMap, index: number): MapViewProps => ({
    city,
    basemapStyleUrl: settings.basemapStyleUrl,
    attributions,
    layerInfos: layers.state.data ?? undefined,
    focus: url.property !== null && url.property !== propertyChosenOnMap && property.state.status === 'success' ? property.state.data.location : null,
    state: mapState,
    areaProvenance,
    areasVisible,
    areaShapes: shapes.state.data ?? null,
    dataPending: themeMap.pending ?? dataPending,
    themeLayers: themeMap.layers,
    areaStates: themeMap.areaStates,
    labelDetails: themeMap.labelDetails,
    labelDetailsSynthetic: themeMap.labelDetailsSynthetic,
    // A map of its own month (a comparison's second) shows that month's properties, none while it is unknown.
    propertiesUrl:
      themeMap.month === undefined
        ? monthsKnown
          ? apiRoutes.propertiesGeojson({ month })
          : null
        : themeMap.month
          ? apiRoutes.propertiesGeojson({ month: themeMap.month })
          : null,
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
    caption: themeMap.caption ?? null,
    // One map is the page's for tests and the tooltip: the first.
    exposeForTests: index === 0,
    onMap: sideBySide ? onMapCallbacks[index] : undefined,
  });

  return (
    <div className="app-body">
      <main className="map-area">
        {sideBySide ? (
          <div className="map-pair">
            {view.maps.slice(0, MAX_MAPS).map((themeMap, index) => (
              <div className="map-slot" key={index}>
                <MapView {...mapProps(themeMap, index)} />
              </div>
            ))}
          </div>
        ) : (
          <MapView {...mapProps(view.maps[0], 0)} />
        )}
        <div className="map-card">
          <LayerSwitcher
            state={mapState}
            themes={themes.map((theme) => ({ id: theme.id, label: theme.label(i18n) }))}
            themeOptions={view.switcherOptions}
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
            themeBlock={view.legend.block}
            themeItems={view.legend.items}
            borderOfLevel={view.legend.borderOfLevel}
            propertiesVisible={url.problems}
            propertiesSynthetic={viewSummary.state.data?.synthetic ?? false}
          />
        </div>
      </main>
      <aside className={view.panel.wide ? 'side-panel side-panel-wide' : 'side-panel'} aria-label={t('panel.label')}>
        {!city.hasDistricts && <MissingDistrictsNotice cityName={city.name} />}
        <MonthWithoutDataNotice months={monthRange} month={url.month} />
        {url.property !== null ? (
          <PropertyPanel request={property} month={month} onClose={clearSelection} onSelectArea={selectArea} />
        ) : view.panel.primary ? (
          view.panel.primary
        ) : url.area !== null ? (
          <AreaPanel request={area} onClose={clearSelection} onSelect={selectArea} />
        ) : view.panel.cityOverview || !areasVisible ? (
          <CityOverview city={city} />
        ) : null}
        {view.panel.cards}
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
