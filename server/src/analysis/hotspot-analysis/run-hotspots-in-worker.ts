/**
 * The request thread's door to the hotspot workers: the same function as
 * runHotspotAnalysis, run in a worker thread, with input errors rebuilt as
 * HotspotInputError so that routes can answer 400.
 */
import type { HotspotResult } from '../../schemas/analysis.ts';
import { HotspotInputError } from '../hotspots/hotspot-input-error.ts';
import type { HotspotRunInput } from './run-hotspot-analysis.ts';
import { WorkerPool, type SerializedError } from './worker-pool.ts';

function rebuildError(error: SerializedError): Error {
  if (error.name === 'HotspotInputError') return new HotspotInputError(String(error.fields.field), String(error.fields.reason));
  return new Error(`hotspot worker: ${error.message}`);
}

export type HotspotRunner = (input: HotspotRunInput) => Promise<HotspotResult>;

/** A runner backed by a pool of worker threads; `close` ends them (on server shutdown). */
export function createHotspotRunner(size?: number): { run: HotspotRunner; close: () => Promise<void> } {
  const pool = new WorkerPool<HotspotRunInput, HotspotResult>(new URL('./hotspot-worker.ts', import.meta.url), rebuildError, size);
  return { run: (input) => pool.run(input), close: () => pool.close() };
}
