/**
 * Worker-thread entry: runs hotspot jobs sent by the request thread
 * (create-hotspot-runner.ts), so a long permutation run never blocks the server.
 */
import { parentPort } from 'node:worker_threads';
import type { HotspotResult } from '../../schemas/analysis.ts';
import { runHotspotJob, type HotspotJob } from './hotspot-job.ts';
import { serveJobs } from './worker-pool.ts';

if (!parentPort) throw new Error('hotspot-worker.ts runs as a worker thread');
serveJobs<HotspotJob, HotspotResult>(parentPort, runHotspotJob);
