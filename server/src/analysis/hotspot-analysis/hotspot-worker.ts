/**
 * Worker-thread entry: runs hotspot analyses sent by the request thread
 * (run-hotspots-in-worker.ts), so a long permutation run never blocks the server.
 */
import { parentPort } from 'node:worker_threads';
import { runHotspotAnalysis, type HotspotRunInput } from './run-hotspot-analysis.ts';
import { serveJobs } from './worker-pool.ts';

if (!parentPort) throw new Error('hotspot-worker.ts runs as a worker thread');
serveJobs<HotspotRunInput, ReturnType<typeof runHotspotAnalysis>>(parentPort, runHotspotAnalysis);
