import type { PropertyDetail } from '../../../../server/src/schemas/property.ts';
import { getJson } from '../../api/api-fetch.ts';
import { apiRoutes } from '../../api/api-routes.ts';
import { useRequest, type RequestResult } from '../../lib/use-request.ts';
import { versionedUrl } from '../../lib/versioned-url.ts';

const getProperty = (key: string, signal: AbortSignal) => getJson<PropertyDetail>(key, signal);

/** `GET /api/properties/:id?month=`; idle while `id` is null. */
export function useProperty(id: number | null, month: string | null, dataVersion: number): RequestResult<PropertyDetail> {
  return useRequest(id === null ? null : versionedUrl(apiRoutes.property(id, { month }), dataVersion), getProperty);
}
