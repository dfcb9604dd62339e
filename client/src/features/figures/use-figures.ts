import type { AreaLevel } from '../../../../server/src/schemas/area.ts';
import type { AreaFiguresList } from '../../../../server/src/schemas/figures.ts';
import { getJson } from '../../api/api-fetch.ts';
import { apiRoutes } from '../../api/api-routes.ts';
import { useRequest, type RequestResult } from '../../lib/use-request.ts';
import { versionedUrl } from '../../lib/versioned-url.ts';

const getFigures = (key: string, signal: AbortSignal) => getJson<AreaFiguresList>(key, signal);

/**
 * `GET /api/figures?level=&month=`: residents, estimate ranges, properties and visits per
 * area. Idle while `level` is null (no thematic figures needed).
 * @param month null: the server's latest month
 */
export function useFigures(level: Exclude<AreaLevel, 'city'> | null, month: string | null, dataVersion: number): RequestResult<AreaFiguresList> {
  return useRequest(level === null ? null : versionedUrl(apiRoutes.figures({ level, month }), dataVersion), getFigures);
}
