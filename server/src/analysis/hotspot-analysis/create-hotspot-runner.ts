/**
 * The request thread's door to the hotspot workers: `runHotspotJob` run in a worker
 * thread, with input errors rebuilt as HotspotInputError (routes answer 400) and a
 * full or closing pool as WorkerPoolBusyError (503).
 */
import type { HotspotResult } from '../../schemas/analysis.ts';
import { HotspotInputError } from '../hotspots/hotspot-input-error.ts';
import type { HotspotJob } from './hotspot-job.ts';
import { WorkerPool, type SerializedError, type WorkerPoolOptions } from './worker-pool.ts';

function rebuildError(error: SerializedError): Error {
  if (error.name === 'HotspotInputError') return new HotspotInputError(String(error.fields.field), String(error.fields.reason));
  return new Error(`hotspot worker: ${error.message}`);
}

export type HotspotRunner = (job: HotspotJob, signal?: AbortSignal) => Promise<HotspotResult>;

/** A runner backed by a pool of worker threads; `close` ends them, running jobs included (on shutdown). */
export function createHotspotRunner(options?: WorkerPoolOptions): { run: HotspotRunner; close: () => Promise<void> } {
  const pool = new WorkerPool<HotspotJob, HotspotResult>(new URL('./hotspot-worker.ts', import.meta.url), rebuildError, options);
  return { run: (job, signal) => pool.run(job, signal), close: () => pool.close() };
}
