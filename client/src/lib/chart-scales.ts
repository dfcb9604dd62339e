/**
 * Scales and paths for the small SVG charts (no chart library): months on x, figures
 * on y over a round domain. Months without a figure break the line and the band
 * instead of being drawn as 0.
 */

/** Maps `domain` linearly onto `range` (pixels). A zero-width domain maps to the range's middle. */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  if (d1 === d0) return () => (r0 + r1) / 2;
  return (value) => r0 + ((value - d0) / (d1 - d0)) * (r1 - r0);
}

/** The step between ticks: 1, 2 or 5 times a power of ten, giving at most `count` steps up to `max`. */
export function tickStep(max: number, count = 4): number {
  if (!(max > 0)) return 1;
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  return Math.max(step, 1); // persons: no fractional ticks
}

/** Ticks from 0 to the first multiple of the step at or above `max` (at least one step). */
export function niceTicks(max: number, count = 4): number[] {
  const step = tickStep(max, count);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const ticks: number[] = [];
  for (let v = 0; v <= top + step / 2; v += step) ticks.push(v);
  return ticks;
}

/**
 * Ticks over a domain that may go below zero (changes): multiples of a 1-2-5 step
 * from at or below `min` to at or above `max`, always including 0. Fractional steps
 * are allowed (rates per 1,000).
 */
export function niceDomainTicks(min: number, max: number, count = 4): number[] {
  const low = Math.min(0, min);
  const high = Math.max(0, max);
  const span = high - low;
  if (!(span > 0)) return [0, 1];
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  const first = Math.floor(low / step);
  const last = Math.ceil(high / step);
  // toPrecision drops binary noise such as 0.30000000000000004
  return Array.from({ length: last - first + 1 }, (_, i) => Number(((first + i) * step).toPrecision(12)));
}

/** `2026-10` → months since year 0, so that consecutive months differ by 1. */
export function monthNumber(month: string): number {
  const [year, m] = month.split('-').map(Number);
  return year * 12 + (m - 1);
}

type Point = readonly [number, number];

/** An SVG path through the points; `null` breaks the line (a month without a figure). */
export function linePath(points: ReadonlyArray<Point | null>): string {
  let path = '';
  let pen = false;
  for (const p of points) {
    if (!p) {
      pen = false;
      continue;
    }
    path += `${pen ? 'L' : 'M'}${round(p[0])},${round(p[1])}`;
    pen = true;
  }
  return path;
}

/**
 * Closed SVG paths of a band between `low` and `high`, one per run of months with an
 * estimate: along the top from left to right, back along the bottom. A single month
 * gets a small width (±`halfWidth`) so that it stays visible.
 */
export function bandPaths(points: ReadonlyArray<{ x: number; low: number; high: number } | null>, halfWidth = 1.5): string[] {
  const runs: Array<Array<{ x: number; low: number; high: number }>> = [];
  let run: Array<{ x: number; low: number; high: number }> = [];
  for (const p of points) {
    if (p) run.push(p);
    else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs.map((r) => {
    const points = r.length === 1 ? [{ ...r[0], x: r[0].x - halfWidth }, { ...r[0], x: r[0].x + halfWidth }] : r;
    const top = points.map((p) => `${round(p.x)},${round(p.high)}`);
    const bottom = [...points].reverse().map((p) => `${round(p.x)},${round(p.low)}`);
    return `M${top.join('L')}L${bottom.join('L')}Z`;
  });
}

const round = (value: number) => Math.round(value * 10) / 10;
