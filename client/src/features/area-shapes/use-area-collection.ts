/**
 * `GET /api/layers/<level>.geojson`: the full geometry of one area level, for what
 * tiles cannot give: label points (a tile only holds a clipped piece of a polygon)
 * and the adjacency used to colour neighbours differently.
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { AreaFeatureProperties } from '../../../../server/src/schemas/layer.ts';
import { getJson } from '../../api/api-fetch.ts';
import { apiRoutes } from '../../api/api-routes.ts';
import { useRequest, type RequestResult } from '../../lib/use-request.ts';
import { versionedUrl } from '../../lib/versioned-url.ts';
import type { AreaLayerId } from '../../state/area-layer-id.ts';

export type AreaCollection = FeatureCollection<Polygon | MultiPolygon, AreaFeatureProperties>;

const getAreaCollection = (key: string, signal: AbortSignal) => getJson<AreaCollection>(key, signal);

/**
 * @param layer null while the level is empty (no request then).
 * @param areasVersion changes after an areas import, which reloads the geometry. @default 0
 */
export function useAreaCollection(layer: AreaLayerId | null, areasVersion = 0): RequestResult<AreaCollection> {
  return useRequest(layer === null ? null : versionedUrl(apiRoutes.layerGeojson(layer), areasVersion), getAreaCollection);
}
