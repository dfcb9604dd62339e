import type { Bbox } from '../../../../server/src/schemas/common.ts';
import type { BboxSummary } from '../../../../server/src/schemas/figures.ts';
import { getJson } from '../../api/api-fetch.ts';
import { apiRoutes } from '../../api/api-routes.ts';
import { useDebouncedValue } from '../../lib/use-debounced-value.ts';
import { useRequest, type RequestResult } from '../../lib/use-request.ts';
import { versionedUrl } from '../../lib/versioned-url.ts';

const getSummary = (key: string, signal: AbortSignal) => getJson<BboxSummary>(key, signal);

/** Wait this long after the map stopped before asking: a pan is often followed by another. */
export const SUMMARY_DEBOUNCE_MS = 350;

/** 5 decimals ≈ 1 m: enough for a view, and equal views give equal keys. */
const bboxParam = (bbox: Bbox) => bbox.map((v) => v.toFixed(5)).join(',');

/** `GET /api/summary?bbox=&month=` for the map view, asked once the view has settled. */
export function useViewSummary(bbox: Bbox | null, month: string | null, dataVersion: number): RequestResult<BboxSummary> {
  const key = bbox === null ? null : versionedUrl(apiRoutes.summary({ bbox: bboxParam(bbox), month }), dataVersion);
  return useRequest(useDebouncedValue(key, SUMMARY_DEBOUNCE_MS), getSummary);
}
