import type { AreaDetail } from '../../../../server/src/schemas/area.ts';
import { fetchJson } from '../../lib/fetch-json.ts';
import { useRequest, type RequestResult } from '../../lib/use-request.ts';

const getArea = (id: number, signal: AbortSignal) => fetchJson<AreaDetail>(`/api/areas/${id}`, signal);

/** `GET /api/areas/:id`; idle while `id` is null. */
export function useArea(id: number | null): RequestResult<AreaDetail> {
  return useRequest(id, getArea);
}
