import type { MonthRange } from '../../../../server/src/schemas/month.ts';
import { getJson } from '../../api/api-fetch.ts';
import { apiRoutes } from '../../api/api-routes.ts';
import { useRequest, type RequestResult } from '../../lib/use-request.ts';
import { versionedUrl } from '../../lib/versioned-url.ts';

const getMonths = (key: string, signal: AbortSignal) => getJson<MonthRange>(key, signal);

/** `GET /api/months`: the months with resident counts, oldest first, and the latest. */
export function useMonths(dataVersion: number): RequestResult<MonthRange> {
  return useRequest(versionedUrl(apiRoutes.months(), dataVersion), getMonths);
}
