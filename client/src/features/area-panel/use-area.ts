import type { AreaDetail } from '../../../../server/src/schemas/area.ts';
import { getJson } from '../../api/api-fetch.ts';
import { apiRoutes } from '../../api/api-routes.ts';
import { useRequest, type RequestResult } from '../../lib/use-request.ts';

const getArea = (id: number, signal: AbortSignal) => getJson<AreaDetail>(apiRoutes.area(id), signal);

/** `GET /api/areas/:id`; idle while `id` is null. */
export function useArea(id: number | null): RequestResult<AreaDetail> {
  return useRequest(id, getArea);
}
