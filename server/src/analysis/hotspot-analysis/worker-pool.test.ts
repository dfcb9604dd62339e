/**
 * The hotspot worker pool with real worker threads (booted through tsx, as in production):
 * results equal the direct call, input errors keep their field across the thread
 * boundary, the request thread's event loop keeps running during a long job, and
 * closing the pool rejects what is still waiting.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { hexagonGrid } from '../hotspots/hexagon-grid.ts';
import { HotspotInputError } from '../hotspots/hotspot-input-error.ts';
import { runHotspotAnalysis, type HotspotRunInput } from './run-hotspot-analysis.ts';
import { createHotspotRunner } from './create-hotspot-runner.ts';
import { runHotspotJob } from './hotspot-job.ts';
import { WorkerPoolBusyError } from './worker-pool.ts';

/** A hexagon grid with a value pattern that has both clusters and noise. */
function hexagonInput(rows: number, cols: number, overrides: Partial<HotspotRunInput> = {}): HotspotRunInput {
  const { polygons, centres } = hexagonGrid(rows, cols, 100);
  const values = centres.map(([x, y], i) => Math.round(10 * Math.sin(x / 700) * Math.cos(y / 900)) + ((i * 7919) % 11));
  return {
    ids: values.map((_, i) => `h${i}`),
    values,
    populations: null,
    polygons,
    points: centres,
    method: 'gi_star',
    weights: { type: 'queen', transform: 'row' },
    permutations: 99,
    seed: 4242,
    fdr: true,
    minUnits: 30,
    context: { layer: 'test', level: null, month: null, synthetic: false },
    history: null,
    ...overrides,
  };
}

const withoutTiming = <T extends { card: { computeMs: number } }>(result: T) => ({ ...result, card: { ...result.card, computeMs: 0 } });

describe('hotspot worker pool', () => {
  const runner = createHotspotRunner({ size: 1 });
  afterAll(() => runner.close());

  it('a worker returns the same result as the direct call', async () => {
    const job = hexagonInput(8, 8, { method: 'local_moran' });
    const inWorker = await runner.run({ input: job });
    expect(inWorker.refusal).toBeNull();
    expect(inWorker.units).toHaveLength(64);
    expect(withoutTiming(inWorker)).toEqual(withoutTiming(runHotspotAnalysis(job)));
  });

  it('queued jobs on a busy worker each get their own answer', async () => {
    const jobs = [hexagonInput(6, 6, { seed: 1 }), hexagonInput(6, 7, { seed: 2 }), hexagonInput(7, 6, { method: 'local_moran' })];
    const results = await Promise.all(jobs.map((job) => runner.run({ input: job })));
    results.forEach((result, j) => expect(withoutTiming(result)).toEqual(withoutTiming(runHotspotAnalysis(jobs[j]))));
  });

  it('an input error thrown in the worker arrives as a HotspotInputError with its field and reason', async () => {
    const job = hexagonInput(6, 6, { polygons: null, weights: { type: 'explicit', neighbors: [[1], [0, 99], ...Array.from({ length: 34 }, () => [])], transform: 'row' } });
    const error = await runner.run({ input: job }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HotspotInputError);
    expect((error as HotspotInputError).field).toBe('weights.neighbors[1][1]');
    expect((error as HotspotInputError).reason).toBe('99 is not an index of a feature (0–35)');
  });

  it('any other error arrives as a plain error that says it came from the worker', async () => {
    const error = await runner.run({ input: hexagonInput(6, 6, { ids: ['only one'] }) }).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(HotspotInputError);
    expect((error as Error).message).toBe('hotspot worker: ids has 1 entries for 36 values');
  });

  it('the event loop keeps running while a long job runs in the worker', async () => {
    // 4,900 hexagons, 999 permutations: about a second of CPU (far more than the 200 ms bound).
    const job = hexagonInput(70, 70, { permutations: 999 });
    let last = performance.now();
    let maxGap = 0;
    let ticks = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      maxGap = Math.max(maxGap, now - last);
      last = now;
      ticks++;
    }, 10);
    const started = performance.now();
    try {
      const result = await runner.run({ input: job });
      expect(result.units).toHaveLength(4900);
    } finally {
      clearInterval(timer);
    }
    const elapsed = performance.now() - started;
    // The job must last long enough for a blocked loop to show a gap above the bound.
    expect(elapsed).toBeGreaterThan(400);
    expect(maxGap).toBeLessThan(200);
    expect(ticks).toBeGreaterThan(elapsed / 10 / 4);
  });

  it('close() rejects queued jobs, ends the running one, and refuses new ones', async () => {
    const pool = createHotspotRunner({ size: 1 });
    const running = pool.run({ input: hexagonInput(40, 40, { permutations: 999 }) });
    const queued = pool.run({ input: hexagonInput(6, 6) });
    const outcomes = Promise.allSettled([running, queued]);
    await pool.close();
    const [first, second] = await outcomes;
    expect(second).toMatchObject({ status: 'rejected', reason: new WorkerPoolBusyError('the server is shutting down') });
    expect(first).toMatchObject({ status: 'rejected', reason: new WorkerPoolBusyError('the server is shutting down') });
    await expect(pool.run({ input: hexagonInput(6, 6) })).rejects.toThrow('the server is shutting down');
  });

  it('an aborted request stops its running job, drops its queued one, and the pool serves the next', async () => {
    const pool = createHotspotRunner({ size: 1 });
    try {
      const controller = new AbortController();
      const started = performance.now();
      const running = pool.run({ input: hexagonInput(40, 40, { permutations: 9_999 }) }, controller.signal);
      const queued = pool.run({ input: hexagonInput(6, 6) }, controller.signal);
      setTimeout(() => controller.abort(), 300);
      const outcomes = await Promise.allSettled([running, queued]);
      // 9,999 permutations on 1,600 hexagons take seconds; the abort ends them within a moment.
      expect(performance.now() - started).toBeLessThan(2_000);
      for (const outcome of outcomes) expect(outcome).toMatchObject({ status: 'rejected', reason: new WorkerPoolBusyError('the request was aborted') });
      const next = await pool.run({ input: hexagonInput(6, 6) });
      expect(next.units).toHaveLength(36);
    } finally {
      await pool.close();
    }
  });

  it('a job past its deadline is stopped, and a full queue is refused at once', async () => {
    const pool = createHotspotRunner({ size: 1, deadlineMs: 1_500, maxQueue: 1 });
    try {
      const slow = pool.run({ input: hexagonInput(40, 40, { permutations: 9_999 }) });
      const waiting = pool.run({ input: hexagonInput(6, 6) });
      await expect(pool.run({ input: hexagonInput(6, 6) })).rejects.toThrow('1 analyses are waiting; try again in a minute');
      await expect(slow).rejects.toThrow('the analysis took longer than 1.5 s and was stopped');
      expect((await waiting).units).toHaveLength(36);
    } finally {
      await pool.close();
    }
  });

  it('a POSTed request is read in the worker: the same answer as reading and running it here', async () => {
    const features = {
      type: 'FeatureCollection' as const,
      features: Array.from({ length: 36 }, (_, i) => ({
        type: 'Feature' as const,
        geometry: { type: 'Point', coordinates: [7.2 + (i % 6) * 0.004, 51.53 + Math.floor(i / 6) * 0.003] },
        properties: { cases: (i % 6) * (i % 5) },
      })),
    };
    const request = { features, valueProperty: 'cases', method: 'gi_star' as const, weights: { type: 'knn' as const, k: 5, transform: 'row' as const }, permutations: 99 };
    const inWorker = await runner.run({ request });
    expect(withoutTiming(inWorker)).toEqual(withoutTiming(runHotspotJob({ request })));
    expect(inWorker.card).toMatchObject({ layer: 'cases', seed: 12345, fdr: true, units: 36 });
  });
});
