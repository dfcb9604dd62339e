import type { LayerInfo } from '../../../../server/src/schemas/layer.ts';
import { getJson } from '../../api/api-fetch.ts';
import { apiRoutes } from '../../api/api-routes.ts';
import { useRequest, type RequestResult } from '../../lib/use-request.ts';

const getLayers = (_key: string, signal: AbortSignal) => getJson<LayerInfo[]>(apiRoutes.layers(), signal);

/** `GET /api/layers`: feature counts, attributions and the synthetic flag per map layer. */
export function useLayers(): RequestResult<LayerInfo[]> {
  return useRequest('layers', getLayers);
}
