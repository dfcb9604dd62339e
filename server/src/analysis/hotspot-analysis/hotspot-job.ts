/**
 * What a hotspot worker thread is given: a prepared input (the app's own data, read by
 * the request thread from the database), or a POSTed request as it came in, so that
 * reading its features and projecting every vertex also happens off the request thread.
 */
import { HOTSPOT_DEFAULTS, HOTSPOT_LIMITS, type HotspotRequest, type HotspotResult } from '../../schemas/analysis.ts';
import { readHotspotFeatures } from './read-hotspot-features.ts';
import { runHotspotAnalysis, type HotspotRunInput } from './run-hotspot-analysis.ts';

export type HotspotJob = { input: HotspotRunInput } | { request: HotspotRequest };

export function runHotspotJob(job: HotspotJob): HotspotResult {
  if ('input' in job) return runHotspotAnalysis(job.input);
  const request = job.request;
  return runHotspotAnalysis({
    ...readHotspotFeatures(request, HOTSPOT_LIMITS.maxUnits),
    method: request.method,
    weights: request.weights,
    permutations: request.permutations ?? HOTSPOT_DEFAULTS.permutations,
    seed: request.seed ?? HOTSPOT_DEFAULTS.seed,
    fdr: request.fdr ?? true,
    minUnits: request.minUnits ?? HOTSPOT_LIMITS.defaultMinUnits,
    context: { layer: request.valueProperty, level: null, month: null, synthetic: false },
    history: null,
  });
}
