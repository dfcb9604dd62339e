import type { MonthRange } from '../../../../server/src/schemas/month.ts';
import { fetchJson } from '../../lib/fetch-json.ts';
import { useRequest, type RequestResult } from '../../lib/use-request.ts';
import { versionedUrl } from '../../lib/versioned-url.ts';

const getMonths = (key: string, signal: AbortSignal) => fetchJson<MonthRange>(key, signal);

/** `GET /api/months`: the months with resident counts, oldest first, and the latest. */
export function useMonths(dataVersion: number): RequestResult<MonthRange> {
  return useRequest(versionedUrl('/api/months', dataVersion), getMonths);
}
