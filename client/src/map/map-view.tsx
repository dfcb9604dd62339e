/**
 * Owns the MapLibre map and the deck.gl overlay. Everything drawn is described by
 * the pure functions in `layers/` and `map-layers.ts`; this component creates the map
 * once, keeps its layers in line with those specs, and turns pointer events into
 * hover state and selections.
 *
 * Life of a frame: props → `mapLayers()` specs → `syncLayers()` (only changed
 * properties are set) → MapLibre draws → deck.gl's interleaved label layer on top.
 */
import { MapLibreOverlay } from '@deck.gl/maplibre';
import {
  AttributionControl,
  Map as MapLibreMap,
  NavigationControl,
  ScaleControl,
  setWorkerUrl,
  type FeatureIdentifier,
  type LayerSpecification,
  type MapGeoJSONFeature,
  type MapMouseEvent,
} from 'maplibre-gl';
// MapLibre 6 ships its worker as a separate file; without this it 404s after bundling.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { City } from '../../../server/src/schemas/city.ts';
import type { Provenance } from '../../../server/src/schemas/common.ts';
import type { AreaFeatureProperties, LayerId, LayerInfo } from '../../../server/src/schemas/layer.ts';
import { useI18n } from '../i18n/use-i18n.ts';
import type { AreaLayerId } from '../state/area-layer-id.ts';
import { hoverStore } from '../state/hover-store.ts';
import type { UrlState, ViewState } from '../state/url-state.ts';
import { areaColouring } from './area-colouring.ts';
import { baseStyle } from './base-style.ts';
import { HoverTooltip } from './hover-tooltip.tsx';
import { placeLabels } from './label-placement.ts';
import { labelPoints } from './label-points.ts';
import { AREA_FILL_ID } from './layers/area-layer.ts';
import { LABEL_SIZE_PX, areaLabelsLayer } from './layers/area-labels-layer.ts';
import { CITY_FILL_ID } from './layers/city-layer.ts';
import { AREA_PALETTE } from './layers/palette.ts';
import type { SelectionLayerOptions } from './layers/selection-layer.ts';
import { ZENSUS_FILL_ID } from './layers/zensus-layer.ts';
import { mapLayers } from './map-layers.ts';
import { syncLayers } from './sync-layers.ts';
import { tileSources } from './tile-sources.ts';

setWorkerUrl(workerUrl);

declare global {
  interface Window {
    /** For browser tests: the live map. */
    __quartiersatlas?: { map: MapLibreMap };
  }
}

/** The full geometry of one area level, for labels and colouring (from `/api/layers/<level>.geojson`). */
export type AreaShapes = FeatureCollection<Polygon | MultiPolygon, Pick<AreaFeatureProperties, 'name' | 'area_km2'>>;

export interface MapViewProps {
  city: City;
  /** null: the self-contained style (no external requests). */
  basemapStyleUrl: string | null;
  /** Attribution HTML of every layer with data; shown even while a layer is toggled off. */
  attributions: string[];
  /** `GET /api/layers` (zoom ranges of the tile sources); undefined when it failed to load. */
  layerInfos: LayerInfo[] | undefined;
  state: UrlState;
  /** Provenance of the shown area level, for its border style. */
  areaProvenance: Provenance | null;
  /** False when the city has no geometry on the chosen level. */
  areasVisible: boolean;
  /** Full geometry of the shown level; null while loading or when there is none. */
  areaShapes: AreaShapes | null;
  /** True while the shapes for labels are still expected (keeps `data-map-idle` unset). */
  areaShapesPending: boolean;
  /**
   * Space kept free around the city when the map first fits it, in CSS pixels, so
   * that floating panels do not cover it. @default 32 on every side
   */
  fitPadding?: { top: number; right: number; bottom: number; left: number };
  /** Tile layer holding the selected area (from its detail); null while unknown. */
  selectedLayer: SelectionLayerOptions['selectedLayer'];
  onSelectArea: (id: number | null) => void;
  onViewChange: (view: ViewState) => void;
}

const ZOOM_EPSILON = 0.011;
const DEGREE_EPSILON = 2e-5;

function isVisible(map: MapLibreMap, layerId: string): boolean {
  return Boolean(map.getLayer(layerId)) && map.getLayoutProperty(layerId, 'visibility') !== 'none';
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function MapView(props: MapViewProps) {
  const { city, basemapStyleUrl, attributions, state, areaProvenance, areasVisible, areaShapes, selectedLayer } = props;
  const { t } = useI18n();
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const appliedRef = useRef(new Map<string, LayerSpecification>());
  const [styleVersion, setStyleVersion] = useState(0);
  const [overlay, setOverlay] = useState<MapLibreOverlay | null>(null);
  const [labelZoom, setLabelZoom] = useState<number | null>(null);
  const [tileError, setTileError] = useState(false);

  const colouring = useMemo(
    () => (areaShapes ? areaColouring(areaShapes, AREA_PALETTE.length) : new Map<number, number>()),
    [areaShapes],
  );
  const points = useMemo(() => (areaShapes ? labelPoints(areaShapes) : []), [areaShapes]);

  const layers = useMemo(
    () =>
      mapLayers({
        onBasemap: basemapStyleUrl !== null,
        contextVisible: state.context,
        areaLayer: state.level,
        areaProvenance,
        areasVisible,
        colouring,
        hasZensus: city.hasZensusGrid,
        zensusVisible: state.zensus,
        zensusMode: state.zensusMode,
        selection: { selectedId: state.area, selectedLayer },
      }),
    [basemapStyleUrl, state.context, state.level, areaProvenance, areasVisible, colouring, city.hasZensusGrid, state.zensus, state.zensusMode, state.area, selectedLayer],
  );

  // Event handlers are registered once; they read the latest values from here.
  const latest = useRef({ props, layers, ready: false });
  latest.current.props = props;
  latest.current.layers = layers;
  latest.current.ready = !props.areaShapesPending;

  // Create the map once per mount. City and settings are loaded before this renders.
  useEffect(() => {
    const container = containerRef.current!;
    const initialView = latest.current.props.state.view;
    const map = new MapLibreMap({
      container,
      style: basemapStyleUrl ?? baseStyle(),
      ...(initialView
        ? { center: [initialView.lon, initialView.lat] as [number, number], zoom: initialView.zoom }
        : { bounds: city.bbox, fitBoundsOptions: { padding: latest.current.props.fitPadding ?? 32 } }),
      minZoom: 8,
      maxZoom: 18,
      attributionControl: false,
      // A city map is read north-up; rotation only disorients.
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      renderWorldCopies: false,
    });
    map.touchZoomRotate.disableRotation();
    map.keyboard.disableRotation();
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-left');
    map.addControl(new AttributionControl({ compact: false, customAttribution: attributions }), 'bottom-right');
    mapRef.current = map;
    window.__quartiersatlas = { map };

    const sourceIds: LayerId[] = ['context', 'city', 'boroughs', 'quarters', 'districts'];
    if (city.hasZensusGrid) sourceIds.push('zensus');

    // On a basemap our sources and layers go on top of the basemap's, after it loaded.
    map.on('style.load', () => {
      for (const [id, source] of Object.entries(tileSources(window.location.origin, sourceIds, props.layerInfos, city.bbox))) {
        if (!map.getSource(id)) map.addSource(id, source);
      }
      appliedRef.current = syncLayers(map, latest.current.layers, new Map());
      setStyleVersion((v) => v + 1);
    });

    // deck.gl must join after `load`: added earlier it ignores the style's layer order.
    map.once('load', () => {
      const deckOverlay = new MapLibreOverlay({ interleaved: true, layers: [] });
      map.addControl(deckOverlay);
      setOverlay(deckOverlay);
      setLabelZoom(map.getZoom());
    });

    // For tests: the first idle after our layers and labels are in place.
    const markIdle = () => {
      if (container.dataset.mapIdle === 'true') return;
      if (appliedRef.current.size > 0 && latest.current.ready) container.dataset.mapIdle = 'true';
    };
    map.on('idle', markIdle);

    map.on('zoomend', () => setLabelZoom(map.getZoom()));
    map.on('moveend', () => {
      const center = map.getCenter();
      latest.current.props.onViewChange({ zoom: map.getZoom(), lat: center.lat, lon: center.lng });
    });
    // A failed tile or TileJSON: the map stays usable, so a dismissible notice, not a page error.
    map.on('error', (event) => {
      console.warn(`map: ${event.error?.message ?? 'unknown error'}`);
      setTileError(true);
    });

    let hovered: FeatureIdentifier | null = null;
    const setHovered = (next: FeatureIdentifier | null) => {
      if (hovered && next && hovered.source === next.source && hovered.id === next.id) return;
      if (hovered && map.getSource(hovered.source)) map.setFeatureState(hovered, { hover: false });
      hovered = next;
      if (hovered) map.setFeatureState(hovered, { hover: true });
    };
    const featuresAt = (event: MapMouseEvent, layerIds: string[]): MapGeoJSONFeature[] => {
      const layersToQuery = layerIds.filter((id) => isVisible(map, id));
      return layersToQuery.length > 0 ? map.queryRenderedFeatures(event.point, { layers: layersToQuery }) : [];
    };

    map.on('mousemove', (event) => {
      const features = featuresAt(event, [AREA_FILL_ID, ZENSUS_FILL_ID]);
      const area = features.find((f) => f.layer.id === AREA_FILL_ID);
      const cell = features.find((f) => f.layer.id === ZENSUS_FILL_ID);
      setHovered(
        area && area.id !== undefined ? { source: area.source, sourceLayer: area.sourceLayer, id: area.id } : null,
      );
      map.getCanvas().style.cursor = area ? 'pointer' : '';
      hoverStore.set(
        area || cell
          ? {
              x: event.point.x,
              y: event.point.y,
              areaName: typeof area?.properties.name === 'string' ? area.properties.name : null,
              cell: cell
                ? {
                    suppressed: cell.properties.suppressed === true,
                    population: numberOrNull(cell.properties.population),
                    nongermanShare: numberOrNull(cell.properties.nongerman_share),
                  }
                : null,
            }
          : null,
      );
    });
    const clearHover = () => {
      setHovered(null);
      hoverStore.set(null);
    };
    map.getCanvas().addEventListener('mouseleave', clearHover);
    map.on('movestart', () => hoverStore.set(null));

    map.on('click', (event) => {
      const features = featuresAt(event, [AREA_FILL_ID, CITY_FILL_ID]);
      const hit = features.find((f) => f.layer.id === AREA_FILL_ID) ?? features.find((f) => f.layer.id === CITY_FILL_ID);
      latest.current.props.onSelectArea(typeof hit?.id === 'number' ? hit.id : null);
    });

    return () => {
      hoverStore.set(null);
      setOverlay(null);
      mapRef.current = null;
      if (window.__quartiersatlas?.map === map) delete window.__quartiersatlas;
      delete container.dataset.mapIdle;
      map.remove();
    };
    // The map is created once; later prop changes are applied by the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Keep the style in line with the specs.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || styleVersion === 0) return;
    appliedRef.current = syncLayers(map, layers, appliedRef.current);
  }, [layers, styleVersion]);

  // A hover highlight on a level that is no longer shown would come back with it.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || styleVersion === 0) return;
    for (const id of ['boroughs', 'quarters', 'districts'] satisfies AreaLayerId[]) {
      if (id !== state.level && map.getSource(id)) map.removeFeatureState({ source: id, sourceLayer: id });
    }
  }, [state.level, styleVersion]);

  // Labels: which ones fit at this zoom, then the deck.gl layer.
  const sizePx = LABEL_SIZE_PX[state.level];
  // `labelZoom` changes on `zoomend` only, so labels do not flicker during a zoom.
  const placed = useMemo(
    () =>
      labelZoom === null
        ? new Map<number, [number, number]>()
        : placeLabels(points, labelZoom, { fontSizePx: sizePx, priorityId: state.area }),
    [points, labelZoom, sizePx, state.area],
  );
  useEffect(() => {
    const map = mapRef.current;
    if (!overlay || !map) return;
    overlay.setProps({
      layers: [
        areaLabelsLayer({ points, placed, visible: state.labels && areasVisible, sizePx, selectedId: state.area }),
      ],
    });
    map.triggerRepaint();
  }, [overlay, points, placed, state.labels, areasVisible, sizePx, state.area]);

  // When the URL's view changes from outside (Back, an edited link), move the camera.
  const view = state.view;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !view) return;
    const center = map.getCenter();
    if (
      Math.abs(map.getZoom() - view.zoom) > ZOOM_EPSILON ||
      Math.abs(center.lat - view.lat) > DEGREE_EPSILON ||
      Math.abs(center.lng - view.lon) > DEGREE_EPSILON
    ) {
      map.jumpTo({ center: [view.lon, view.lat], zoom: view.zoom });
    }
  }, [view?.zoom, view?.lat, view?.lon]);

  // The last step of readiness may be the label data: poke the map so `idle` fires again.
  useEffect(() => {
    if (!props.areaShapesPending) mapRef.current?.triggerRepaint();
  }, [props.areaShapesPending]);

  return (
    <div className="map-view">
      <div
        ref={containerRef}
        className="map-container"
        data-testid="map"
        role="region"
        aria-label={t('map.label', { city: city.name })}
      />
      <HoverTooltip />
      {tileError && (
        <div className="map-notice" role="status">
          <span>{t('error.tiles')}</span>
          <button type="button" className="icon-button" aria-label={t('error.dismiss')} onClick={() => setTileError(false)}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
