/**
 * The shell: header, map with its layer card, side panel. It reads like a table of
 * contents: URL state in, server data from the feature hooks, features composed.
 * Features never import each other; everything they share passes through here.
 */
import { useCallback, useEffect } from 'react';
import type { City, ClientSettings } from '../../../server/src/schemas/city.ts';
import type { LayerInfo } from '../../../server/src/schemas/layer.ts';
import { AreaPanel } from '../features/area-panel/area-panel.tsx';
import { useArea } from '../features/area-panel/use-area.ts';
import { useAreaCollection } from '../features/area-shapes/use-area-collection.ts';
import { CityOverview } from '../features/city/city-overview.tsx';
import { MissingDistrictsNotice } from '../features/city/missing-districts-notice.tsx';
import { useCity } from '../features/city/use-city.ts';
import { LayerSwitcher } from '../features/layer-switcher/layer-switcher.tsx';
import { useLayers } from '../features/layer-switcher/use-layers.ts';
import { Legend } from '../features/legend/legend.tsx';
import { useSettings } from '../features/settings/use-settings.ts';
import { I18nProvider } from '../i18n/i18n-provider.tsx';
import { useI18n } from '../i18n/use-i18n.ts';
import type { RequestResult } from '../lib/use-request.ts';
import { MapView } from '../map/map-view.tsx';
import { AREA_LAYER_IDS, levelOfAreaLayer, tileLayerOfLevel, type AreaLayerId } from '../state/area-layer-id.ts';
import { formatViewHash, parseViewHash, type Locale, type UrlState, type ViewState } from '../state/url-state.ts';
import { updateUrlState, useUrlState } from '../state/url-state-store.ts';
import { ProgressBar } from '../ui/progress-bar.tsx';
import { RequestErrorMessage } from '../ui/request-error.tsx';
import { AppHeader } from './app-header.tsx';

/** Width of `.map-card` in app.css plus its 12 px inset. */
const MAP_CARD_WIDTH_PX = 312;

const setLocale = (lang: Locale) => updateUrlState({ lang });
const clearSelection = () => updateUrlState({ area: null });
const selectArea = (area: number | null) => updateUrlState({ area });
// Rounded like the link, so that the URL round-trips and the camera does not jump back.
const setView = (view: ViewState) => updateUrlState({ view: parseViewHash(formatViewHash(view)) });

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
  const city = useCity();
  const layers = useLayers();
  const cityName = city.state.data?.name ?? null;

  useEffect(() => {
    document.title = cityName ? `${t('app.name')} · ${cityName}` : t('app.name');
  }, [cityName, t]);

  // Escape clears the selection from anywhere on the page.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) clearSelection();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  let body;
  if (settings.state.status === 'error') {
    body = <RequestErrorMessage message={t('error.settings')} error={settings.state.error} onRetry={settings.reload} />;
  } else if (city.state.status === 'error') {
    body = <RequestErrorMessage message={t('error.city')} error={city.state.error} onRetry={city.reload} />;
  } else if (
    settings.state.status === 'success' &&
    city.state.status === 'success' &&
    // The map's attribution control is built once, so the layer list (with the
    // attributions) is awaited too; it loads in parallel, and a failure does not block.
    (layers.state.status === 'success' || layers.state.status === 'error')
  ) {
    body = <Workspace url={url} city={city.state.data} settings={settings.state.data} layers={layers} />;
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
      <AppHeader cityName={cityName} onLocaleChange={setLocale} />
      {body}
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
}: {
  url: UrlState;
  city: City;
  settings: ClientSettings;
  layers: RequestResult<LayerInfo[]>;
}) {
  const { t } = useI18n();
  const level = effectiveLevel(city, url.level);
  const summary = city.levels.find((l) => l.level === levelOfAreaLayer(level));
  const areasVisible = city.hasDistricts && (summary?.count ?? 0) > 0;
  const areaProvenance = summary?.provenance ?? null;

  const shapes = useAreaCollection(areasVisible ? level : null);
  const area = useArea(url.area);
  const selectedDetail = area.state.status === 'success' ? area.state.data : null;
  const selectedLayer = url.area === null ? null : selectedDetail ? tileLayerOfLevel(selectedDetail.level) : level;

  const attributions = [
    ...new Set((layers.state.data ?? []).filter((l) => l.featureCount > 0).flatMap((l) => l.attributions)),
  ];
  const mapState = level === url.level ? url : { ...url, level };
  // Keep the city clear of the layer card (left) and the attribution line (bottom).
  // Below ~1100 px the card would leave too little map beside it; it then simply overlaps.
  const wideMap = window.innerWidth >= 1100;
  const fitPadding = { top: 24, right: 32, bottom: 48, left: wideMap ? MAP_CARD_WIDTH_PX + 16 : 24 };
  const onLayerChange = useCallback((patch: Partial<UrlState>) => updateUrlState(patch), []);

  return (
    <div className="app-body">
      <main className="map-area">
        <MapView
          city={city}
          basemapStyleUrl={settings.basemapStyleUrl}
          attributions={attributions}
          layerInfos={layers.state.data ?? undefined}
          state={mapState}
          areaProvenance={areaProvenance}
          areasVisible={areasVisible}
          areaShapes={shapes.state.status === 'success' ? shapes.state.data : null}
          areaShapesPending={shapes.state.status === 'loading'}
          fitPadding={fitPadding}
          selectedLayer={selectedLayer}
          onSelectArea={selectArea}
          onViewChange={setView}
        />
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
            onBasemap={settings.basemapStyleUrl !== null}
            zensusVisible={city.hasZensusGrid && url.zensus}
            zensusMode={url.zensusMode}
            hasSelection={url.area !== null}
          />
        </div>
      </main>
      <aside className="side-panel" aria-label={t('panel.label')}>
        {!city.hasDistricts && <MissingDistrictsNotice cityName={city.name} />}
        {url.area !== null ? (
          <AreaPanel request={area} onClose={clearSelection} onSelect={selectArea} />
        ) : (
          <CityOverview city={city} />
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
