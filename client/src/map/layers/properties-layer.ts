/**
 * Properties as points from `GET /api/properties.geojson` (one GeoJSON source, clustered
 * in MapLibre's worker). Problem properties are larger and outlined; a point's colour is
 * its current WohnStG status (grey: no procedure). Clusters that hold problem properties
 * are dark and show how many; clusters of other properties are small grey dots.
 * The number on a cluster is an icon drawn by the map view (`countImage`), because the
 * self-contained style has no glyphs for text.
 *
 * Draw order: on top of all area layers and the selection, below deck.gl's labels.
 */
import type { ExpressionSpecification, FilterSpecification, GeoJSONSourceSpecification, LayerSpecification } from 'maplibre-gl';
import { propertyStatuses, type PropertyStatus } from '../../../../server/src/schemas/property.ts';
import {
  CLUSTER_OTHER_FILL,
  CLUSTER_PROBLEM_FILL,
  HALO,
  NO_PROCEDURE,
  PROBLEM_OUTLINE,
  SELECTION_LINE,
  STATUS_COLOURS,
} from './palette.ts';

export const PROPERTIES_SOURCE = 'properties';
export const PROPERTY_CLUSTER_OTHER_ID = 'property-cluster-other';
export const PROPERTY_CLUSTER_ID = 'property-cluster';
export const PROPERTY_CLUSTER_COUNT_ID = 'property-cluster-count';
export const PROPERTY_POINT_ID = 'property-point';
export const PROPERTY_SELECTED_ID = 'property-selected';

/** Icon id prefix of a cluster's number; the map view draws `<prefix><n>` on demand. */
export const COUNT_IMAGE_PREFIX = 'quartiersatlas-count-';

/** Zoom from which no point is clustered any more: by then streets are readable. */
export const CLUSTER_MAX_ZOOM = 14;

/** Statuses in the order of the procedure, for the legend. */
export const STATUS_ORDER: readonly PropertyStatus[] = propertyStatuses;

const IS_CLUSTER: ExpressionSpecification = ['has', 'point_count'];
const IS_PROBLEM: ExpressionSpecification = ['==', ['get', 'is_problem'], true];

/**
 * @param data the URL of `/api/properties.geojson?month=…` (fetched and parsed by the
 *   worker), or an empty collection while there is no month
 */
export function propertiesSource(data: string | GeoJSON.FeatureCollection): GeoJSONSourceSpecification {
  return {
    type: 'geojson',
    data,
    cluster: true,
    clusterRadius: 36,
    clusterMaxZoom: CLUSTER_MAX_ZOOM,
    // Summed per cluster, so a cluster knows how many problem properties it holds.
    clusterProperties: { problems: ['+', ['case', IS_PROBLEM, 1, 0]] },
  };
}

/** `['match', ['get', 'status'], 'reported', '#f0e442', …, grey]` */
export function statusColour(): ExpressionSpecification {
  const cases = STATUS_ORDER.flatMap((status) => [status, STATUS_COLOURS[status]]);
  return ['match', ['coalesce', ['get', 'status'], ''], ...cases, NO_PROCEDURE] as unknown as ExpressionSpecification;
}

export interface PropertiesLayerOptions {
  visible: boolean;
  /** Selected property id (feature id), or null. */
  selectedId: number | null;
}

export function propertiesLayer({ visible, selectedId }: PropertiesLayerOptions): LayerSpecification[] {
  const visibility = visible ? 'visible' : 'none';
  const source = { source: PROPERTIES_SOURCE } as const;
  const problemCluster: FilterSpecification = ['all', IS_CLUSTER, ['>', ['get', 'problems'], 0]];
  return [
    {
      id: PROPERTY_CLUSTER_OTHER_ID,
      type: 'circle',
      ...source,
      filter: ['all', IS_CLUSTER, ['==', ['get', 'problems'], 0]],
      layout: { visibility },
      paint: {
        'circle-color': CLUSTER_OTHER_FILL,
        'circle-radius': ['step', ['get', 'point_count'], 4, 10, 5.5, 30, 7],
        'circle-stroke-color': HALO,
        'circle-stroke-width': 1,
      },
    },
    {
      id: PROPERTY_CLUSTER_ID,
      type: 'circle',
      ...source,
      filter: problemCluster,
      layout: { visibility },
      paint: {
        'circle-color': CLUSTER_PROBLEM_FILL,
        'circle-radius': ['step', ['get', 'problems'], 10, 5, 12, 15, 15],
        'circle-stroke-color': HALO,
        'circle-stroke-width': 2,
      },
    },
    {
      id: PROPERTY_CLUSTER_COUNT_ID,
      type: 'symbol',
      ...source,
      filter: problemCluster,
      layout: {
        visibility,
        'icon-image': ['concat', COUNT_IMAGE_PREFIX, ['to-string', ['get', 'problems']]],
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
      },
    },
    {
      id: PROPERTY_POINT_ID,
      type: 'circle',
      ...source,
      filter: ['!', IS_CLUSTER],
      layout: { visibility, 'circle-sort-key': ['case', IS_PROBLEM, 1, 0] },
      paint: {
        'circle-color': statusColour(),
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 11, ['case', IS_PROBLEM, 5, 2.5], 16, ['case', IS_PROBLEM, 8, 4.5]],
        'circle-stroke-color': ['case', IS_PROBLEM, PROBLEM_OUTLINE, HALO],
        'circle-stroke-width': ['case', IS_PROBLEM, 1.8, 0.8],
        'circle-opacity': ['case', IS_PROBLEM, 1, 0.85],
      },
    },
    {
      id: PROPERTY_SELECTED_ID,
      type: 'circle',
      ...source,
      filter: ['all', ['!', IS_CLUSTER], ['==', ['id'], selectedId ?? -1]],
      layout: { visibility: visible && selectedId !== null ? 'visible' : 'none' },
      paint: {
        'circle-color': 'rgba(0,0,0,0)',
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 11, 9, 16, 13],
        'circle-stroke-color': SELECTION_LINE,
        'circle-stroke-width': 3,
      },
    },
  ];
}

/**
 * How much room a property mark takes on screen, for label placement: clusters of
 * problem properties and problem properties (the marks that matter); other marks are
 * small enough for a label to cover. Mirrors the radii above, plus the stroke.
 * @returns radius in CSS pixels, or 0 for marks a label may cover
 */
export function markRadiusPx(properties: Record<string, unknown>): number {
  const problems = Number(properties.problems ?? 0);
  if (properties.cluster === true || typeof properties.point_count === 'number') {
    if (!(problems > 0)) return 0;
    return (problems >= 15 ? 15 : problems >= 5 ? 12 : 10) + 4; // stroke and a little air
  }
  return properties.is_problem === true ? 9 : 0;
}
