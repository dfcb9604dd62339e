import type { LayerInfo } from '../../../../server/src/schemas/layer.ts';
import { fetchJson } from '../../lib/fetch-json.ts';
import { useRequest, type RequestResult } from '../../lib/use-request.ts';

const getLayers = (_key: string, signal: AbortSignal) => fetchJson<LayerInfo[]>('/api/layers', signal);

/** `GET /api/layers`: feature counts, attributions and the synthetic flag per map layer. */
export function useLayers(): RequestResult<LayerInfo[]> {
  return useRequest('layers', getLayers);
}
