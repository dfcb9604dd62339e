import type { PropertyDetail } from '../../../../server/src/schemas/property.ts';
import { fetchJson } from '../../lib/fetch-json.ts';
import { useRequest, type RequestResult } from '../../lib/use-request.ts';
import { versionedUrl, withQuery } from '../../lib/versioned-url.ts';

const getProperty = (key: string, signal: AbortSignal) => fetchJson<PropertyDetail>(key, signal);

/** `GET /api/properties/:id?month=`; idle while `id` is null. */
export function useProperty(id: number | null, month: string | null, dataVersion: number): RequestResult<PropertyDetail> {
  return useRequest(id === null ? null : versionedUrl(withQuery(`/api/properties/${id}`, { month }), dataVersion), getProperty);
}
