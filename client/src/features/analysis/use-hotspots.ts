import type { AnalysisLevel, HotspotIndicator, HotspotMethod, HotspotResult } from '../../../../server/src/schemas/analysis.ts';
import { getJson } from '../../api/api-fetch.ts';
import { apiRoutes } from '../../api/api-routes.ts';
import { useRequest, type RequestResult } from '../../lib/use-request.ts';
import { versionedUrl } from '../../lib/versioned-url.ts';
import type { AnalysisState } from './analysis-url-state.ts';

const getHotspots = (key: string, signal: AbortSignal) => getJson<HotspotResult>(key, signal);

export interface HotspotAsk {
  layer: HotspotIndicator;
  level: AnalysisLevel;
  month: string;
  method: HotspotMethod;
  settings: Pick<AnalysisState, 'weights' | 'k' | 'bandMetres' | 'transform' | 'permutations' | 'seed' | 'fdr'>;
}

/** The request URL: only the parameters the chosen weights use, so equal questions share a key. */
export function hotspotUrl(ask: HotspotAsk): string {
  const s = ask.settings;
  return apiRoutes.hotspots({
    layer: ask.layer,
    level: ask.level,
    month: ask.month,
    method: ask.method,
    weights: s.weights,
    k: s.weights === 'knn' ? s.k : null,
    thresholdMetres: s.weights === 'distance_band' ? s.bandMetres : null,
    transform: s.transform,
    permutations: s.permutations,
    seed: s.seed,
    fdr: s.fdr,
  });
}

/** `GET /api/analysis/hotspots`: the statistic with its method card. Idle while `ask` is null. */
export function useHotspots(ask: HotspotAsk | null, dataVersion: number): RequestResult<HotspotResult> {
  return useRequest(ask === null ? null : versionedUrl(hotspotUrl(ask), dataVersion), getHotspots);
}
