import type { AreaLevel } from '../../../../server/src/schemas/area.ts';
import type { AreaFiguresList } from '../../../../server/src/schemas/figures.ts';
import { fetchJson } from '../../lib/fetch-json.ts';
import { useRequest, type RequestResult } from '../../lib/use-request.ts';
import { versionedUrl, withQuery } from '../../lib/versioned-url.ts';

const getFigures = (key: string, signal: AbortSignal) => fetchJson<AreaFiguresList>(key, signal);

/**
 * `GET /api/figures?level=&month=`: residents, estimate ranges, properties and visits per
 * area. Idle while `level` is null (no thematic figures needed).
 * @param month null: the server's latest month
 */
export function useFigures(level: Exclude<AreaLevel, 'city'> | null, month: string | null, dataVersion: number): RequestResult<AreaFiguresList> {
  return useRequest(level === null ? null : versionedUrl(withQuery('/api/figures', { level, month }), dataVersion), getFigures);
}
