import type { AnalysisLevel, AnalysisSeries } from '../../../../server/src/schemas/analysis.ts';
import { getJson } from '../../api/api-fetch.ts';
import { apiRoutes } from '../../api/api-routes.ts';
import { useRequest, type RequestResult } from '../../lib/use-request.ts';
import { versionedUrl } from '../../lib/versioned-url.ts';

const getSeries = (key: string, signal: AbortSignal) => getJson<AnalysisSeries>(key, signal);

/**
 * `GET /api/analysis/series?level=`: every month's figures of every unit and of the
 * city; one request serves the map, the month player, the chart and the table.
 * Idle while `level` is null.
 */
export function useAnalysisSeries(level: AnalysisLevel | null, dataVersion: number): RequestResult<AnalysisSeries> {
  return useRequest(level === null ? null : versionedUrl(apiRoutes.analysisSeries({ level }), dataVersion), getSeries);
}
