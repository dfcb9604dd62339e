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
  type GeoJSONSource,
  type LayerSpecification,
  type MapGeoJSONFeature,
  type MapMouseEvent,
  type VectorTileSource,
} from 'maplibre-gl';
// MapLibre 6 ships its worker as a separate file; without this it 404s after bundling.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { City } from '../../../server/src/schemas/city.ts';
import type { Bbox, Provenance } from '../../../server/src/schemas/common.ts';
import type { AreaFeatureProperties, LayerId, LayerInfo } from '../../../server/src/schemas/layer.ts';
import { propertyStatuses, type PropertyStatus } from '../../../server/src/schemas/property.ts';
import { useI18n } from '../i18n/use-i18n.ts';
import type { AreaLayerId } from '../state/area-layer-id.ts';
import { hoverStore } from '../state/hover-store.ts';
import type { UrlState, ViewState } from '../state/url-state.ts';
import { areaColouring } from './area-colouring.ts';
import { baseStyle } from './base-style.ts';
import { countImage } from './count-image.ts';
import { HoverTooltip } from './hover-tooltip.tsx';
import { placeLabels, type LabelObstacle } from './label-placement.ts';
import { labelPoints } from './label-points.ts';
import { AREA_FILL_ID } from './layers/area-layer.ts';
import { LABEL_SIZE_PX, areaLabelsLayer } from './layers/area-labels-layer.ts';
import { CITY_FILL_ID } from './layers/city-layer.ts';
import { AREA_PALETTE } from './layers/palette.ts';
import {
  COUNT_IMAGE_PREFIX,
  PROPERTIES_SOURCE,
  PROPERTY_CLUSTER_ID,
  PROPERTY_CLUSTER_OTHER_ID,
  PROPERTY_POINT_ID,
  CLUSTER_MAX_ZOOM,
  markRadiusPx,
  propertiesSource,
} from './layers/properties-layer.ts';
import type { SelectionLayerOptions } from './layers/selection-layer.ts';
import { ZENSUS_FILL_ID } from './layers/zensus-layer.ts';
import { mapLayers, type MapLayersOptions } from './map-layers.ts';
import { syncLayers } from './sync-layers.ts';
import type { AreaStates, ThemeMapLayers } from './theme-layers.ts';
import { tileSources } from './tile-sources.ts';
import { reportMapError, transformMapRequest } from '../api/map-requests.ts';
import './map-view.css';

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
  /**
   * A point the map must show ([lon, lat]), e.g. a property opened from a link: the map
   * eases to it whenever it changes. null: nothing (a point clicked on the map is shown already).
   */
  focus?: [number, number] | null;
  state: UrlState;
  /** Provenance of the shown area level, for its border style. */
  areaProvenance: Provenance | null;
  /** False when the city has no geometry on the chosen level. */
  areasVisible: boolean;
  /** Full geometry of the shown level; null while loading or when there is none. */
  areaShapes: AreaShapes | null;
  /** True while data the map draws is still expected (keeps `data-map-idle` unset): shapes, figures, the month. */
  dataPending: boolean;
  /** What the shown theme draws (its fill colour, layers, sources, hit layers); memoised by the theme. */
  themeLayers: ThemeMapLayers;
  /** Feature state for the theme's area fill; null in the neutral theme or while loading. */
  areaStates: AreaStates | null;
  /** A second label line per area (the thematic figure); null: names only. */
  labelDetails: ReadonlyMap<number, string> | null;
  /** The thematic figures come from a synthetic dataset (the tooltip says so). */
  labelDetailsSynthetic: boolean;
  /** `/api/properties.geojson?month=…`; null while the month is not known yet. */
  propertiesUrl: string | null;
  /** Changes after an import: the properties are fetched again even if their URL is the same. */
  dataVersion: number;
  /** Changes after an areas import: the area tiles are fetched again. */
  tilesVersion: number;
  /** The server's suppression threshold for Zensus cells. */
  zensusMinResidents: number;
  /**
   * Space kept free around the city when the map first fits it, in CSS pixels, so
   * that floating panels do not cover it. @default 32 on every side
   */
  fitPadding?: { top: number; right: number; bottom: number; left: number };
  /** Tile layer holding the selected area (from its detail); null while unknown. */
  selectedLayer: SelectionLayerOptions['selectedLayer'];
  onSelectArea: (id: number | null) => void;
  onSelectProperty: (id: number) => void;
  onViewChange: (view: ViewState) => void;
  /** The map's visible bounds after each move (and once loaded). */
  onBoundsChange: (bbox: Bbox) => void;
  /** The basemap style could not be loaded: the map fell back to the self-contained style. */
  onBasemapFallback?: () => void;
  /** A line shown over the map, e.g. the month of one side of a comparison. */
  caption?: string | null;
  /** This map is `window.__quartiersatlas` for browser tests. @default true (false for a comparison's second map) */
  exposeForTests?: boolean;
  /** The MapLibre map once created (null when it is removed), e.g. to link two cameras. */
  onMap?: (map: MapLibreMap | null) => void;
}

const ZOOM_EPSILON = 0.011;
const DEGREE_EPSILON = 2e-5;
/** A basemap style that has not loaded after this long is given up for the self-contained one. */
const BASEMAP_TIMEOUT_MS = 10_000;
/** Points are small: a click this close counts as a hit (CSS pixels). */
const POINT_TOLERANCE_PX = 5;
const EMPTY_COLLECTION: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };
const STATUSES: readonly string[] = propertyStatuses;

function isVisible(map: MapLibreMap, layerId: string): boolean {
  return Boolean(map.getLayer(layerId)) && map.getLayoutProperty(layerId, 'visibility') !== 'none';
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function boundsOf(map: MapLibreMap): Bbox {
  const [[w, s], [e, n]] = map.getBounds().toArray();
  return [w, s, e, n];
}

/**
 * The theme's GeoJSON sources and fill patterns, before its layers refer to them. Sources
 * stay once added (a later theme may use them again); their data and feature state follow
 * the theme's. `applied` remembers the data and states already set, per source.
 */
function applyThemeResources(map: MapLibreMap, theme: ThemeMapLayers, applied: Map<string, { data: string | null; states: unknown }>): void {
  for (const { id, image } of theme.patterns ?? []) {
    if (!map.hasImage(id)) map.addImage(id, image, { pixelRatio: 2 });
  }
  for (const source of theme.sources ?? []) {
    const previous = applied.get(source.id);
    if (!map.getSource(source.id)) map.addSource(source.id, { type: 'geojson', data: source.data ?? EMPTY_COLLECTION });
    else if (previous?.data !== source.data) map.getSource<GeoJSONSource>(source.id)?.setData(source.data ?? EMPTY_COLLECTION);
    if (previous && previous.data === source.data && previous.states === source.states) continue;
    map.removeFeatureState({ source: source.id });
    for (const [id, state] of source.states ?? []) map.setFeatureState({ source: source.id, id }, state);
    applied.set(source.id, { data: source.data, states: source.states });
  }
}

export function MapView(props: MapViewProps) {
  const { city, basemapStyleUrl, attributions, state, areaProvenance, areasVisible, areaShapes, selectedLayer } = props;
  const { t } = useI18n();
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const appliedRef = useRef(new Map<string, LayerSpecification>());
  const appliedStatesRef = useRef<{ layer: AreaLayerId; ids: number[]; keys: string[] } | null>(null);
  const appliedResourcesRef = useRef(new Map<string, { data: string | null; states: unknown }>());
  const [styleVersion, setStyleVersion] = useState(0);
  const [overlay, setOverlay] = useState<MapLibreOverlay | null>(null);
  const [labelZoom, setLabelZoom] = useState<number | null>(null);
  const [tileError, setTileError] = useState(false);
  const [basemapFailed, setBasemapFailed] = useState(false);
  const [basemapNotice, setBasemapNotice] = useState(false);
  const [obstacles, setObstacles] = useState<LabelObstacle[]>([]);
  const onBasemap = basemapStyleUrl !== null && !basemapFailed;

  const colouring = useMemo(
    () => (areaShapes ? areaColouring(areaShapes, AREA_PALETTE.length) : new Map<number, number>()),
    [areaShapes],
  );
  const basePoints = useMemo(() => (areaShapes ? labelPoints(areaShapes) : []), [areaShapes]);
  // The thematic figure goes on a second line under the name.
  const labelDetails = props.labelDetails;
  const points = useMemo(
    () =>
      labelDetails
        ? basePoints.map((p) => {
            const detail = labelDetails.get(p.id);
            return detail ? { ...p, name: `${p.name}\n${detail}` } : p;
          })
        : basePoints,
    [basePoints, labelDetails],
  );

  const layers = useMemo(
    () =>
      mapLayers({
        onBasemap,
        contextVisible: state.context,
        areaLayer: state.level,
        areaProvenance,
        areasVisible,
        colouring,
        theme: props.themeLayers,
        hasZensus: city.hasZensusGrid,
        zensusVisible: state.zensus,
        zensusMode: state.zensusMode,
        zensusMinResidents: props.zensusMinResidents,
        propertiesVisible: state.problems,
        selectedProperty: state.property,
        selection: { selectedId: state.area, selectedLayer },
      }),
    [
      onBasemap,
      state.context,
      state.level,
      areaProvenance,
      areasVisible,
      colouring,
      props.themeLayers,
      city.hasZensusGrid,
      state.zensus,
      state.zensusMode,
      props.zensusMinResidents,
      state.problems,
      state.property,
      state.area,
      selectedLayer,
    ],
  );

  // Event handlers are registered once; they read the latest values from here.
  const latest = useRef({ props, layers, ready: false });
  latest.current.props = props;
  latest.current.layers = layers;
  latest.current.ready = !props.dataPending;

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
      // Tiles, TileJSON and GeoJSON from our server carry the language and credentials.
      transformRequest: transformMapRequest,
    });
    map.touchZoomRotate.disableRotation();
    map.keyboard.disableRotation();
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-left');
    map.addControl(new AttributionControl({ compact: false, customAttribution: attributions }), 'bottom-right');
    mapRef.current = map;
    const exposed = latest.current.props.exposeForTests ?? true;
    if (exposed) window.__quartiersatlas = { map };
    latest.current.props.onMap?.(map);

    const sourceIds: LayerId[] = ['context', 'city', 'boroughs', 'quarters', 'districts'];
    if (city.hasZensusGrid) sourceIds.push('zensus');

    // A basemap that cannot be loaded (offline, wrong URL, broken JSON) must not leave an
    // empty map: fall back to the self-contained style once, and say so.
    let styleLoaded = false;
    let fellBack = false;
    const fallBack = () => {
      if (fellBack || styleLoaded || basemapStyleUrl === null) return;
      fellBack = true;
      console.warn(`map: the basemap style ${basemapStyleUrl} could not be loaded; using the self-contained style`);
      setBasemapFailed(true);
      setBasemapNotice(true);
      latest.current.props.onBasemapFallback?.();
      map.setStyle(baseStyle(), { diff: false });
    };
    const basemapTimer = basemapStyleUrl === null ? undefined : window.setTimeout(fallBack, BASEMAP_TIMEOUT_MS);

    // On a basemap our sources and layers go on top of the basemap's, after it loaded.
    map.on('style.load', () => {
      styleLoaded = true;
      window.clearTimeout(basemapTimer);
      for (const [id, source] of Object.entries(tileSources(window.location.origin, sourceIds, props.layerInfos, city.bbox))) {
        if (!map.getSource(id)) map.addSource(id, source);
      }
      if (!map.getSource(PROPERTIES_SOURCE)) {
        map.addSource(PROPERTIES_SOURCE, propertiesSource(latest.current.props.propertiesUrl ?? EMPTY_COLLECTION));
      }
      // A new style starts without our images, sources and feature state.
      appliedStatesRef.current = null;
      appliedResourcesRef.current = new Map();
      applyThemeResources(map, latest.current.props.themeLayers, appliedResourcesRef.current);
      appliedRef.current = syncLayers(map, latest.current.layers, new Map());
      setStyleVersion((v) => v + 1);
    });

    // Cluster numbers are drawn when the style first asks for them (MapLibre 6 asks a resolver).
    map.setMissingStyleImageResolver((id) => {
      if (!id.startsWith(COUNT_IMAGE_PREFIX) || map.hasImage(id)) return;
      const ratio = Math.max(1, Math.round(window.devicePixelRatio || 1));
      map.addImage(id, countImage(id.slice(COUNT_IMAGE_PREFIX.length), ratio), { pixelRatio: ratio });
    });

    // deck.gl must join after `load`: added earlier it ignores the style's layer order.
    map.once('load', () => {
      const deckOverlay = new MapLibreOverlay({ interleaved: true, layers: [] });
      map.addControl(deckOverlay);
      setOverlay(deckOverlay);
      setLabelZoom(map.getZoom());
      latest.current.props.onBoundsChange(boundsOf(map));
    });

    // For tests: the first idle after our layers and labels are in place.
    const markIdle = () => {
      if (container.dataset.mapIdle === 'true') return;
      if (appliedRef.current.size > 0 && latest.current.ready) container.dataset.mapIdle = 'true';
    };
    map.on('idle', markIdle);

    map.on('zoomend', () => setLabelZoom(map.getZoom()));

    // Labels keep clear of the property marks drawn at this zoom. The marks are known once
    // the clustered source has settled, so they are read on `idle`, and only again after a
    // zoom or new data (panning does not change clusters).
    let obstaclesFor = '';
    let propertiesData = 0;
    map.on('sourcedata', (event) => {
      if (event.sourceId === PROPERTIES_SOURCE && event.isSourceLoaded) propertiesData++;
    });
    map.on('idle', () => {
      const visible = isVisible(map, PROPERTY_POINT_ID);
      const key = `${map.getZoom().toFixed(2)}|${propertiesData}|${visible}`;
      if (key === obstaclesFor) return;
      obstaclesFor = key;
      const seen = new Set<string>();
      const next: LabelObstacle[] = [];
      if (visible) {
        for (const f of map.querySourceFeatures(PROPERTIES_SOURCE)) {
          const radiusPx = markRadiusPx(f.properties);
          if (radiusPx === 0 || f.geometry.type !== 'Point') continue;
          const id = `${f.properties.cluster_id ?? ''}|${f.id ?? ''}`;
          if (seen.has(id)) continue; // a feature near a tile edge comes once per tile
          seen.add(id);
          next.push({ position: f.geometry.coordinates as [number, number], radiusPx });
        }
      }
      setObstacles((previous) => (JSON.stringify(previous) === JSON.stringify(next) ? previous : next));
    });
    map.on('moveend', () => {
      const center = map.getCenter();
      latest.current.props.onViewChange({ zoom: map.getZoom(), lat: center.lat, lon: center.lng });
      latest.current.props.onBoundsChange(boundsOf(map));
    });
    // A failed tile: the map stays usable, so a dismissible notice, not a page error.
    // Before any style has loaded, the error is the basemap style itself.
    map.on('error', (event) => {
      reportMapError(event.error);
      if (!styleLoaded && basemapStyleUrl !== null) return fallBack();
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
    const featuresAt = (event: MapMouseEvent, layerIds: string[], tolerancePx = 0): MapGeoJSONFeature[] => {
      const layersToQuery = layerIds.filter((id) => isVisible(map, id));
      if (layersToQuery.length === 0) return [];
      const { x, y } = event.point;
      const where: [[number, number], [number, number]] | typeof event.point =
        tolerancePx > 0 ? [[x - tolerancePx, y - tolerancePx], [x + tolerancePx, y + tolerancePx]] : event.point;
      return map.queryRenderedFeatures(where, { layers: layersToQuery });
    };
    const PROPERTY_LAYERS = [PROPERTY_POINT_ID, PROPERTY_CLUSTER_ID, PROPERTY_CLUSTER_OTHER_ID];

    map.on('mousemove', (event) => {
      // One tooltip store for the page: a comparison's second map shows no tooltip.
      if (!exposed) return;
      const property = featuresAt(event, PROPERTY_LAYERS, POINT_TOLERANCE_PX)[0];
      const features = featuresAt(event, [AREA_FILL_ID, ZENSUS_FILL_ID]);
      const area = features.find((f) => f.layer.id === AREA_FILL_ID);
      const cell = features.find((f) => f.layer.id === ZENSUS_FILL_ID);
      setHovered(
        area && area.id !== undefined ? { source: area.source, sourceLayer: area.sourceLayer, id: area.id } : null,
      );
      // Over a theme's own units (e.g. hexagons) the unit is what is read, not the area below it.
      let themeHit = false;
      let themeDetail: { name: string; detail: string } | null = null;
      for (const hit of latest.current.props.themeLayers.hits ?? []) {
        const feature = featuresAt(event, [hit.layerId])[0];
        if (!feature) continue;
        themeHit = true;
        themeDetail = typeof feature.id === 'number' ? (hit.tooltip?.(feature.id) ?? null) : null;
        break;
      }
      map.getCanvas().style.cursor = area || property || themeHit ? 'pointer' : '';
      const p = property?.properties ?? {};
      const status = typeof p.status === 'string' && STATUSES.includes(p.status) ? (p.status as PropertyStatus) : null;
      hoverStore.set(
        area || cell || property
          ? {
              x: event.point.x,
              y: event.point.y,
              areaName: themeDetail ? themeDetail.name : typeof area?.properties.name === 'string' ? area.properties.name : null,
              areaDetail: themeDetail ? themeDetail.detail : typeof area?.id === 'number' ? (latest.current.props.labelDetails?.get(area.id) ?? null) : null,
              areaDetailSynthetic: latest.current.props.labelDetailsSynthetic,
              cell: cell
                ? {
                    suppressed: cell.properties.suppressed === true,
                    population: numberOrNull(cell.properties.population),
                    nongermanShare: numberOrNull(cell.properties.nongerman_share),
                  }
                : null,
              property:
                property && property.layer.id === PROPERTY_POINT_ID
                  ? { address: String(p.address ?? ''), status, isProblem: p.is_problem === true, synthetic: p.synthetic === true }
                  : null,
              cluster:
                property && property.layer.id !== PROPERTY_POINT_ID
                  ? { count: numberOrNull(p.point_count) ?? 0, problems: numberOrNull(p.problems) ?? 0 }
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
      // Points before clusters; of two points on the same spot, the problem property.
      const hits = featuresAt(event, PROPERTY_LAYERS, POINT_TOLERANCE_PX);
      const points = hits.filter((f) => f.layer.id === PROPERTY_POINT_ID);
      const property = points.find((f) => f.properties.is_problem === true) ?? points[0] ?? hits[0];
      if (property?.layer.id === PROPERTY_POINT_ID && typeof property.id === 'number') {
        latest.current.props.onSelectProperty(property.id);
        return;
      }
      if (property && property.geometry.type === 'Point') {
        // A cluster: zoom in to where it falls apart.
        const center = property.geometry.coordinates as [number, number];
        const source = map.getSource<GeoJSONSource>(PROPERTIES_SOURCE);
        const clusterId = numberOrNull(property.properties.cluster_id);
        if (source && clusterId !== null) {
          source.getClusterExpansionZoom(clusterId).then(
            (zoom) => map.easeTo({ center, zoom: Math.min(zoom + 0.5, map.getMaxZoom()) }),
            () => map.easeTo({ center, zoom: map.getZoom() + 2 }),
          );
        }
        return;
      }
      for (const hit of latest.current.props.themeLayers.hits ?? []) {
        const feature = hit.onClick ? featuresAt(event, [hit.layerId])[0] : undefined;
        if (feature && hit.onClick?.(feature.properties)) return;
      }
      const features = featuresAt(event, [AREA_FILL_ID, CITY_FILL_ID]);
      const hit = features.find((f) => f.layer.id === AREA_FILL_ID) ?? features.find((f) => f.layer.id === CITY_FILL_ID);
      latest.current.props.onSelectArea(typeof hit?.id === 'number' ? hit.id : null);
    });

    return () => {
      window.clearTimeout(basemapTimer);
      hoverStore.set(null);
      setOverlay(null);
      mapRef.current = null;
      if (window.__quartiersatlas?.map === map) delete window.__quartiersatlas;
      latest.current.props.onMap?.(null);
      delete container.dataset.mapIdle;
      map.remove();
    };
    // The map is created once; later prop changes are applied by the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Show the focus point once per new point (a property opened from a link or the
  // history): ease to it, zoomed in beyond clustering so it is drawn on its own.
  const focusKey = props.focus ? props.focus.join(',') : null;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || styleVersion === 0 || !focusKey) return;
    const [lon, lat] = focusKey.split(',').map(Number);
    map.easeTo({ center: [lon, lat], zoom: Math.max(map.getZoom(), CLUSTER_MAX_ZOOM + 1) });
  }, [focusKey, styleVersion]);

  // Keep the style in line with the specs; the theme's sources and images first, as its layers use them.
  const { themeLayers } = props;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || styleVersion === 0) return;
    applyThemeResources(map, themeLayers, appliedResourcesRef.current);
    appliedRef.current = syncLayers(map, layers, appliedRef.current);
  }, [layers, themeLayers, styleVersion]);

  // A hover highlight on a level that is no longer shown would come back with it.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || styleVersion === 0) return;
    for (const id of ['boroughs', 'quarters', 'districts'] satisfies AreaLayerId[]) {
      if (id !== state.level && map.getSource(id)) map.removeFeatureState({ source: id, sourceLayer: id });
    }
  }, [state.level, styleVersion]);

  // The thematic figures as feature state: set the new, remove what no longer applies.
  const areaStates = props.areaStates;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || styleVersion === 0) return;
    const previous = appliedStatesRef.current;
    if (previous && map.getSource(previous.layer)) {
      // States another theme set are removed; the same theme's are overwritten below.
      const first = areaStates?.states.values().next().value;
      const sameKeys = first !== undefined && previous.keys.every((key) => key in first);
      for (const id of previous.ids) {
        if (areaStates && sameKeys && areaStates.layer === previous.layer && areaStates.states.has(id)) continue;
        for (const key of previous.keys) map.removeFeatureState({ source: previous.layer, sourceLayer: previous.layer, id }, key);
      }
    }
    if (areaStates && map.getSource(areaStates.layer)) {
      for (const [id, values] of areaStates.states) {
        map.setFeatureState({ source: areaStates.layer, sourceLayer: areaStates.layer, id }, values);
      }
      const keys = new Set([...areaStates.states.values()].flatMap((values) => Object.keys(values)));
      appliedStatesRef.current = { layer: areaStates.layer, ids: [...areaStates.states.keys()], keys: [...keys] };
    } else {
      appliedStatesRef.current = null;
    }
  }, [areaStates, styleVersion]);

  // Properties of the month; fetched again after an import (same URL, new data).
  const { propertiesUrl, dataVersion } = props;
  useEffect(() => {
    const source = mapRef.current?.getSource<GeoJSONSource>(PROPERTIES_SOURCE);
    if (!source || styleVersion === 0) return;
    source.setData(propertiesUrl ?? EMPTY_COLLECTION);
  }, [propertiesUrl, dataVersion, styleVersion]);

  // New area geometry after an import: drop the cached tiles of every area source.
  const { tilesVersion } = props;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || styleVersion === 0 || tilesVersion === 0) return;
    for (const id of ['city', 'boroughs', 'quarters', 'districts']) {
      const source = map.getSource<VectorTileSource>(id);
      if (source?.tiles) source.setTiles(source.tiles);
    }
  }, [tilesVersion, styleVersion]);

  // Labels: which ones fit at this zoom, then the deck.gl layer.
  const sizePx = LABEL_SIZE_PX[state.level];
  // `labelZoom` changes on `zoomend` only, so labels do not flicker during a zoom.
  const placed = useMemo(
    () =>
      labelZoom === null
        ? new Map<number, [number, number]>()
        : placeLabels(points, labelZoom, { fontSizePx: sizePx, priorityId: state.area, obstacles }),
    [points, labelZoom, sizePx, state.area, obstacles],
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

  // The last step of readiness may be data: poke the map so `idle` fires again.
  useEffect(() => {
    if (!props.dataPending) mapRef.current?.triggerRepaint();
  }, [props.dataPending]);

  return (
    <div className="map-view">
      <div
        ref={containerRef}
        className="map-container"
        data-testid="map"
        role="region"
        aria-label={t('map.label', { city: city.name })}
      />
      {(props.exposeForTests ?? true) && <HoverTooltip zensusMinResidents={props.zensusMinResidents} />}
      {props.caption && (
        <div className="map-caption" data-testid="map-caption">
          {props.caption}
        </div>
      )}
      <div className="map-notices">
        {basemapNotice && (
          <div className="map-notice" role="status" data-testid="basemap-notice">
            <span>{t('error.basemap')}</span>
            <button type="button" className="icon-button" aria-label={t('error.dismiss')} onClick={() => setBasemapNotice(false)}>
              ×
            </button>
          </div>
        )}
        {tileError && (
          <div className="map-notice" role="status">
            <span>{t('error.tiles')}</span>
            <button type="button" className="icon-button" aria-label={t('error.dismiss')} onClick={() => setTileError(false)}>
              ×
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
