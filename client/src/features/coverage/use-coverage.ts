import type { AreaLevel } from '../../../../server/src/schemas/area.ts';
import type { Coverage } from '../../../../server/src/schemas/coverage.ts';
import { getJson } from '../../api/api-fetch.ts';
import { apiRoutes } from '../../api/api-routes.ts';
import { useRequest, type RequestResult } from '../../lib/use-request.ts';
import { versionedUrl } from '../../lib/versioned-url.ts';

const getCoverage = (key: string, signal: AbortSignal) => getJson<Coverage>(key, signal);

/** `GET /api/coverage?level=&month=`: case managers and the coverage of each area. Idle while `level` is null. */
export function useCoverage(level: Exclude<AreaLevel, 'city'> | null, month: string | null, dataVersion: number): RequestResult<Coverage> {
  return useRequest(level === null ? null : versionedUrl(apiRoutes.coverage({ level, month }), dataVersion), getCoverage);
}
