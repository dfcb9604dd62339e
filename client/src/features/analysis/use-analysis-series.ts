import type { AnalysisLevel, AnalysisSeries } from '../../../../server/src/schemas/analysis.ts';
import { fetchJson } from '../../lib/fetch-json.ts';
import { useRequest, type RequestResult } from '../../lib/use-request.ts';
import { versionedUrl, withQuery } from '../../lib/versioned-url.ts';

const getSeries = (key: string, signal: AbortSignal) => fetchJson<AnalysisSeries>(key, signal);

/**
 * `GET /api/analysis/series?level=`: every month's figures of every unit and of the
 * city; one request serves the map, the month player, the chart and the table.
 * Idle while `level` is null.
 */
export function useAnalysisSeries(level: AnalysisLevel | null, dataVersion: number): RequestResult<AnalysisSeries> {
  return useRequest(level === null ? null : versionedUrl(withQuery('/api/analysis/series', { level }), dataVersion), getSeries);
}
