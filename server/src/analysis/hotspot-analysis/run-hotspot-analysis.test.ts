/**
 * The hotspot orchestrator, composed from the statistics of ../hotspots (tested there
 * against spdep), on a synthetic 8 × 8 lattice of 100 m squares in EPSG:25832 with a
 * planted hot block of 3 × 3. The expectations come from outside the code under test:
 * Gi* z, Moran's I, Empirical Bayes rates and Benjamini–Hochberg are recomputed here from
 * their textbook formulas over hand-built neighbour lists, and the classes and trend
 * categories follow from the counting arguments in the comments.
 */
import { describe, expect, it } from 'vitest';
import type { HotspotResult } from '../../schemas/analysis.ts';
import { HotspotInputError } from '../hotspots/hotspot-input-error.ts';
import { runHotspotAnalysis, type HotspotRunInput } from './run-hotspot-analysis.ts';

// ------------------------------------------------------------------ the lattice

const SIDE = 8;
const CELL = 100;
/** South-west corner of the lattice, in Herne (EPSG:25832 metres). */
const X0 = 380_000;
const Y0 = 5_710_000;
const index = (row: number, col: number) => row * SIDE + col;
const rowOf = (i: number) => Math.floor(i / SIDE);
const colOf = (i: number) => i % SIDE;

const polygons: number[][][][][] = [];
const points: [number, number][] = [];
for (let i = 0; i < SIDE * SIDE; i++) {
  const x = X0 + colOf(i) * CELL;
  const y = Y0 + rowOf(i) * CELL;
  polygons.push([[[[x, y], [x + CELL, y], [x + CELL, y + CELL], [x, y + CELL], [x, y]]]]);
  points.push([x + CELL / 2, y + CELL / 2]);
}

/** Queen neighbours on the lattice, by row and column: every cell at Chebyshev distance 1. */
const queen = (i: number): number[] =>
  Array.from({ length: SIDE * SIDE }, (_, j) => j).filter((j) => j !== i && Math.max(Math.abs(rowOf(j) - rowOf(i)), Math.abs(colOf(j) - colOf(i))) === 1);
/** 4 corners × 3 + 24 edge cells × 5 + 36 interior cells × 8 links. */
const QUEEN_LINKS = 4 * 3 + 24 * 5 + 36 * 8;

/** The hot block: rows 1–3, columns 1–3. Its centre has 8 hot neighbours; the cells beside the centre 5; its corners 3. */
const inBlock = (i: number, row0 = 1, col0 = 1) => rowOf(i) >= row0 && rowOf(i) < row0 + 3 && colOf(i) >= col0 && colOf(i) < col0 + 3;
const centre = index(2, 2);
const besideCentre = [index(1, 2), index(2, 1), index(2, 3), index(3, 2)];
/** Every cell at least 3 rows or columns away from the block. */
const farAway = Array.from({ length: SIDE * SIDE }, (_, i) => i).filter((i) => rowOf(i) >= 6 || colOf(i) >= 6);
/** A fixed background of 0 … 4, without spatial pattern. */
const noise = (i: number, t = 0) => (i * 7 + t * 3) % 5;
const plantedValues = Array.from({ length: SIDE * SIDE }, (_, i) => (inBlock(i) ? 20 : noise(i)));

function input(overrides: Partial<HotspotRunInput> = {}): HotspotRunInput {
  const values = overrides.values ?? plantedValues;
  return {
    ids: values.map((_, i) => `u${i}`),
    values,
    populations: null,
    polygons,
    points,
    method: 'gi_star',
    weights: { type: 'queen', transform: 'row' },
    permutations: 999,
    seed: 12345,
    fdr: true,
    minUnits: 30,
    context: { layer: 'test_layer', level: null, month: null, synthetic: false },
    history: null,
    ...overrides,
  };
}

// ------------------------------------------------------------------ reference formulas

/**
 * Gi* z of unit i (Ord & Getis 1995, eq. 9, binary weights with the unit itself; the z of
 * row-standardised weights is the same, as each row's weights are equal):
 *   z = Σ_{j ∈ N(i) ∪ {i}} (x_j − x̄) / √(s² (n W − W²)/(n − 1)),  W = |N(i)| + 1,  s² = Σ (x − x̄)²/n.
 */
function giStarZ(x: readonly number[], i: number, neighbours: readonly number[]): number {
  const n = x.length;
  const mean = x.reduce((s, v) => s + v, 0) / n;
  const s2 = x.reduce((s, v) => s + (v - mean) ** 2, 0) / n;
  const set = [i, ...neighbours];
  const w = set.length;
  return set.reduce((s, j) => s + x[j] - mean, 0) / Math.sqrt((s2 * (n * w - w * w)) / (n - 1));
}

/** Moran's I = (n/S0) Σ_i Σ_j w_ij z_i z_j / Σ z², with row-standardised weights w_ij = 1/|N(i)|. */
function moranIRow(x: readonly number[], neighbours: (i: number) => number[]): number {
  const n = x.length;
  const mean = x.reduce((s, v) => s + v, 0) / n;
  const d = x.map((v) => v - mean);
  let cross = 0;
  let s0 = 0;
  for (let i = 0; i < n; i++) {
    const list = neighbours(i);
    for (const j of list) cross += (d[i] * d[j]) / list.length;
    if (list.length > 0) s0 += 1;
  }
  return (n / s0) * (cross / d.reduce((s, v) => s + v * v, 0));
}

/** Benjamini–Hochberg: sort ascending, q_(k) = min_{j ≥ k} min(1, m/j · p_(j)). */
function bh(p: readonly number[]): number[] {
  const m = p.length;
  const order = p.map((_, i) => i).sort((a, b) => p[a] - p[b]);
  const q = new Array<number>(m);
  let running = 1;
  for (let k = m - 1; k >= 0; k--) {
    running = Math.min(running, (m / (k + 1)) * p[order[k]]);
    q[order[k]] = running;
  }
  return q;
}

/**
 * Global Empirical Bayes rates (Marshall 1991): b = Σ events / Σ population,
 * s² = Σ pop_i (r_i − b)² / Σ pop, a = max(0, s² − b/(Σ pop/m)), r̂_i = b + a (r_i − b)/(a + b/pop_i).
 */
function marshall(events: readonly number[], population: readonly number[]): { b: number; smoothed: number[] } {
  const m = events.length;
  const totalPop = population.reduce((s, v) => s + v, 0);
  const b = events.reduce((s, v) => s + v, 0) / totalPop;
  const rates = events.map((e, i) => e / population[i]);
  const s2 = rates.reduce((s, r, i) => s + (population[i] * (r - b) ** 2) / totalPop, 0);
  const a = Math.max(0, s2 - b / (totalPop / m));
  return { b, smoothed: rates.map((r, i) => b + (a * (r - b)) / (a + b / population[i])) };
}

/** The result without its timing, so that two runs can be compared. */
const timeless = (result: HotspotResult) => ({ ...result, card: { ...result.card, computeMs: 0 } });

function inputError(work: () => unknown): HotspotInputError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(HotspotInputError);
    return error as HotspotInputError;
  }
  throw new Error('no error was thrown');
}

// ------------------------------------------------------------------ tests

describe('runHotspotAnalysis: the planted hot block', () => {
  const gi = runHotspotAnalysis(input());

  it('Gi* z of every unit is the Ord–Getis z over queen neighbours of the lattice', () => {
    expect(gi.refusal).toBeNull();
    expect(gi.units).toHaveLength(64);
    gi.units.forEach((unit, i) => {
      expect(unit.index).toBe(i);
      expect(unit.id).toBe(`u${i}`);
      expect(unit.neighbors).toBe(queen(i).length);
      expect(unit.value).toBe(plantedValues[i]);
      expect(unit.raw).toBe(plantedValues[i]);
      expect(unit.z!, `unit ${i}`).toBeCloseTo(giStarZ(plantedValues, i, queen(i)), 9);
      expect(unit.note).toBeNull();
      expect(unit.cluster).toBeNull();
    });
  });

  it('finds the block: its centre and the cells beside it are hot (≥ 95 %), far away nothing is hot', () => {
    // 8 of 8 (centre) and 5 of 8 (beside it) hot neighbours: a conditional permutation drawing
    // 8 of the 63 other values (8 of them hot) gets as many by chance with p < 0.001 each.
    for (const i of [centre, ...besideCentre]) expect(gi.units[i].bin, `unit ${i}`).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < 64; i++) if (inBlock(i)) expect(gi.units[i].bin, `unit ${i}`).toBeGreaterThanOrEqual(0);
    for (const i of farAway) expect(gi.units[i].bin, `unit ${i}`).toBeLessThanOrEqual(0);
  });

  it("local Moran's I marks the block's core HH, and nothing far away HH", () => {
    const lisa = runHotspotAnalysis(input({ method: 'local_moran' }));
    for (const i of [centre, ...besideCentre]) expect(lisa.units[i].cluster, `unit ${i}`).toBe('HH');
    for (const i of farAway) expect(lisa.units[i].cluster).not.toBe('HH');
    for (const unit of lisa.units) expect(unit.bin).toBeNull();
    expect(lisa.card.statistic).toBe('local_moran');
    expect(lisa.card.references.join(' ')).toMatch(/Anselin/);
  });

  it("global Moran's I is the row-standardised I over the queen lattice, with E(I) = −1/(n − 1)", () => {
    expect(gi.global!.I).toBeCloseTo(moranIRow(plantedValues, queen), 12);
    expect(gi.global!.expected).toBeCloseTo(-1 / 63, 15);
    expect(gi.global!.z).toBeGreaterThan(3);
    // A clear cluster: no shuffle of 999 reaches I, so the pseudo p is the smallest possible.
    expect(gi.global!.pseudoP).toBe(1 / 1000);
  });

  it('the method card says how it was computed', () => {
    expect(gi.card).toMatchObject({
      statistic: 'gi_star',
      weights: { type: 'queen', k: null, thresholdMetres: null, transform: 'row', crs: 'EPSG:25832', symmetric: true, meanNeighbors: QUEEN_LINKS / 64 },
      permutations: 999,
      seed: 12345,
      fdr: true,
      alpha: 0.05,
      // Gi* bins by the analytic p of z (as ArcGIS), even with permutations.
      decidedBy: 'analytic',
      notes: [],
      units: 64,
      islands: 0,
      minUnits: 30,
      smoothing: 'none',
      layer: 'test_layer',
      level: null,
      month: null,
      trendMonths: null,
      synthetic: false,
    });
    expect(gi.card.computeMs).toBeGreaterThanOrEqual(0);
    expect(gi.card.references.some((r) => r.includes('Ord') && r.includes('Getis'))).toBe(true);
  });
});

describe('runHotspotAnalysis: refusals', () => {
  it('too few units with a value', () => {
    const values = plantedValues.map((v, i) => (i < 24 ? v : null));
    const result = runHotspotAnalysis(input({ values }));
    expect(result.refusal?.reason).toBe('too_few_units');
    expect(result.refusal?.message).toMatch(/^24 of 64 units have a value; a local statistic needs at least 30/);
    expect(result.units).toEqual([]);
    expect(result.global).toBeNull();
    expect(result.card.units).toBe(24);
  });

  it('all values equal', () => {
    const result = runHotspotAnalysis(input({ values: plantedValues.map(() => 7) }));
    expect(result.refusal?.reason).toBe('no_variance');
    expect(result.units).toEqual([]);
  });

  it('a distance band shorter than the spacing of the units leaves every unit an island', () => {
    const result = runHotspotAnalysis(input({ polygons: null, weights: { type: 'distance_band', thresholdMetres: 99, transform: 'row' } }));
    expect(result.refusal?.reason).toBe('no_neighbours');
    expect(result.units).toEqual([]);
    expect(result.card.islands).toBe(64);
    expect(result.card.weights.meanNeighbors).toBe(0);
    expect(result.card.weights.thresholdMetres).toBe(99);
  });
});

describe('runHotspotAnalysis: islands and missing values', () => {
  it('an island gets a note and no z; the others get Gi* with the island counted in the mean', () => {
    // A 65th unit 10 km away; a band of 150 m links a cell to its 8 queen neighbours (diagonal 141 m).
    const values = [...plantedValues, 7];
    const withIsland = [...points, [X0 + 10_000, Y0] as [number, number]];
    const result = runHotspotAnalysis(
      input({ values, ids: values.map((_, i) => `u${i}`), points: withIsland, polygons: null, weights: { type: 'distance_band', thresholdMetres: 150, transform: 'binary' } }),
    );
    const island = result.units[64];
    expect(island).toMatchObject({ index: 64, neighbors: 0, z: null, p: null, pseudoP: null, pDecision: null, bin: null, value: 7 });
    expect(island.note).toMatch(/^island/);
    for (let i = 0; i < 64; i++) expect(result.units[i].z!, `unit ${i}`).toBeCloseTo(giStarZ(values, i, queen(i)), 9);
    expect(result.card).toMatchObject({ units: 65, islands: 1, weights: { type: 'distance_band', thresholdMetres: 150, k: null, symmetric: true } });
    expect(result.card.weights.meanNeighbors).toBeCloseTo(QUEEN_LINKS / 65, 12);
  });

  it('a unit without a value is left out, and explicit neighbour lists still point at the right units', () => {
    // A path 0 – 1 – 2 – 3 – 4 – 5 with unit 2 unknown: 1 and 3 lose their link through it.
    const values = [1, 5, null, 9, 2, 7];
    const neighbors = [[1], [0, 2], [1, 3], [2, 4], [3, 5], [4]];
    const result = runHotspotAnalysis(
      input({
        values,
        ids: ['a', 'b', 'c', 'd', 'e', 'f'],
        polygons: null,
        points: points.slice(0, 6),
        weights: { type: 'explicit', neighbors, transform: 'row' },
        minUnits: 5,
        permutations: 0,
      }),
    );
    expect(result.refusal).toBeNull();
    expect(result.units[2]).toMatchObject({ index: 2, id: 'c', value: null, raw: null, z: null, bin: null, neighbors: 0, note: 'no value' });
    // The five known values, and the links left between them (by position among them).
    const known = [1, 5, 9, 2, 7];
    const links = [[1], [0], [3], [2, 4], [3]];
    [0, 1, 3, 4, 5].forEach((i, a) => {
      expect(result.units[i].neighbors, `unit ${i}`).toBe(links[a].length);
      expect(result.units[i].z!, `unit ${i}`).toBeCloseTo(giStarZ(known, a, links[a]), 12);
      expect(result.units[i].note).toBeNull();
    });
    expect(result.card).toMatchObject({ units: 5, islands: 0, weights: { type: 'explicit', symmetric: true, meanNeighbors: 6 / 5 } });
  });

  it('explicit lists with an index beyond the features are an input error naming the entry', () => {
    const error = inputError(() =>
      runHotspotAnalysis(input({ values: [1, 2, 3, 4, 5], polygons: null, points: points.slice(0, 5), minUnits: 5, weights: { type: 'explicit', neighbors: [[1], [0, 7], [1], [4], [3]], transform: 'row' } })),
    );
    expect(error.field).toBe('weights.neighbors[1][1]');
    expect(error.reason).toMatch(/7 is not an index/);
  });

  it('weights that do not fit the data are input errors naming the field', () => {
    expect(inputError(() => runHotspotAnalysis(input({ polygons: null, weights: { type: 'queen', transform: 'row' } }))).field).toBe('weights.type');
    expect(inputError(() => runHotspotAnalysis(input({ weights: { type: 'knn', k: 64, transform: 'row' } }))).field).toBe('weights.k');
    expect(inputError(() => runHotspotAnalysis(input({ weights: { type: 'explicit', transform: 'row' } }))).field).toBe('weights.neighbors');
    expect(inputError(() => runHotspotAnalysis(input({ weights: { type: 'distance_band', transform: 'row' } }))).field).toBe('weights.thresholdMetres');
  });

  it('knn weights are asymmetric where a far unit’s nearest do not choose it back', () => {
    const values = [...plantedValues, 7];
    const result = runHotspotAnalysis(
      input({ values, ids: values.map(() => null), points: [...points, [X0 + 10_000, Y0]], polygons: null, weights: { type: 'knn', k: 4, transform: 'row' }, permutations: 99 }),
    );
    expect(result.card.weights).toMatchObject({ type: 'knn', k: 4, thresholdMetres: null, symmetric: false, meanNeighbors: 4 });
    expect(result.card.notes).toContainEqual({ code: 'asymmetric_weights', values: {} });
    expect(result.units[64].neighbors).toBe(4);
    expect(result.units[64].id).toBeNull();
  });
});

describe('runHotspotAnalysis: inference', () => {
  it('the same seed gives the same result; another seed other pseudo p-values', () => {
    const first = runHotspotAnalysis(input({ permutations: 199 }));
    const again = runHotspotAnalysis(input({ permutations: 199 }));
    const other = runHotspotAnalysis(input({ permutations: 199, seed: 777 }));
    expect(timeless(again)).toEqual(timeless(first));
    expect(other.card.seed).toBe(777);
    const differing = first.units.filter((u, i) => u.pseudoP !== other.units[i].pseudoP);
    expect(differing.length).toBeGreaterThan(10);
    // The analytic statistic does not depend on the seed.
    expect(other.units.map((u) => u.z)).toEqual(first.units.map((u) => u.z));
  });

  it('Gi*: the analytic p decides; with FDR its Benjamini–Hochberg adjustment, never smaller', () => {
    const raw = runHotspotAnalysis(input({ fdr: false, permutations: 99 }));
    const adjusted = runHotspotAnalysis(input({ fdr: true, permutations: 99 }));
    expect([raw.card.decidedBy, adjusted.card.decidedBy]).toEqual(['analytic', 'analytic']);
    const p = raw.units.map((u) => u.p!);
    raw.units.forEach((u) => expect(u.pDecision).toBe(u.p));
    const expected = bh(p);
    adjusted.units.forEach((u, i) => {
      expect(u.p).toBe(p[i]);
      expect(u.pDecision!, `unit ${i}`).toBeCloseTo(expected[i], 12);
      expect(u.pDecision!).toBeGreaterThanOrEqual(p[i]);
    });
    // Some unit is significant before the correction and not after it: the correction matters here.
    expect(raw.units.some((u, i) => u.bin !== adjusted.units[i].bin)).toBe(true);
  });

  it("local Moran: the pseudo p decides when permutations ran; with FDR its Benjamini–Hochberg adjustment", () => {
    const raw = runHotspotAnalysis(input({ method: 'local_moran', fdr: false }));
    const adjusted = runHotspotAnalysis(input({ method: 'local_moran', fdr: true }));
    expect([raw.card.decidedBy, adjusted.card.decidedBy]).toEqual(['pseudo', 'pseudo']);
    const pseudo = raw.units.map((u) => u.pseudoP!);
    raw.units.forEach((u) => expect(u.pDecision).toBe(u.pseudoP));
    const expected = bh(pseudo);
    adjusted.units.forEach((u, i) => {
      expect(u.pseudoP).toBe(pseudo[i]);
      expect(u.pDecision!, `unit ${i}`).toBeCloseTo(expected[i], 12);
      expect(u.pDecision!).toBeGreaterThanOrEqual(pseudo[i]);
    });
    expect(raw.units.some((u, i) => u.cluster !== adjusted.units[i].cluster)).toBe(true);
  });

  it('the card notes when FDR over pseudo p-values cannot reach 0.05: smallest p 1/(P + 1) times the tests', () => {
    // 64 tests: 99 permutations lift a lone smallest p of 0.01 to 0.64, 999 to 0.064; 9,999 to 0.0064 (fine).
    const note = (permutations: number, fdr = true) => runHotspotAnalysis(input({ method: 'local_moran', permutations, fdr })).card.notes;
    expect(note(99)).toEqual([{ code: 'fdr_resolution', values: { permutations: 99, units: 64, smallestP: 0.01, liftedP: 0.64 } }]);
    expect(note(999)[0].values.liftedP).toBeCloseTo(0.064, 12);
    expect(note(9999)).toEqual([]);
    expect(note(99, false)).toEqual([]);
    // Gi* is decided analytically: the number of permutations does not limit it.
    expect(runHotspotAnalysis(input({ permutations: 99 })).card.notes).toEqual([]);
  });

  // Regression, issue 5 (a bug found by this test in run-hotspot-analysis.ts, runHotspotAnalysis: `const p = pDecision.get(a)!; … unit.pDecision = p`):
  // with permutations = 0, local Moran's analytic p of a unit whose value equals the mean is NaN
  // (conditional variance 0), the unit is left out of the tested set, and its pDecision comes out
  // undefined instead of null; the HTTP answer then fails to serialise (500, see routes/analysis.test.ts).
  it('local Moran without permutations: a unit exactly at the mean has pDecision null', () => {
    const values = plantedValues.map((_, i) => i % 11).slice(0, 33); // 0 … 10 three times: mean 5
    const result = runHotspotAnalysis(input({ values, ids: values.map(() => null), polygons: polygons.slice(0, 33), points: points.slice(0, 33), method: 'local_moran', permutations: 0 }));
    for (const i of [5, 16, 27]) expect(result.units[i]).toMatchObject({ raw: 5, z: null, pDecision: null, cluster: 'ns' });
  });

  // Regression, issue 5 (a bug found by this test in run-hotspot-analysis.ts, moranI: `return (n / s0) * (num / den)` with n = all units): the
  // observed I comes from globalMoran with n = units that have neighbours (spdep's adjust.n), the
  // shuffled I with n = all units, so with islands every simulated I is n_all/n_linked times too
  // large and the pseudo p too big. Here (64 linked, 192 islands): expected ≤ 0.005, before the fix 0.037.
  it('global Moran: islands do not weaken the permutation test of a clear pattern', () => {
    const values = [...plantedValues.map((_, i) => (rowOf(i) >= 4 ? 3 : 0) + noise(i)), ...Array.from({ length: 192 }, (_, k) => noise(k) + 1.5)];
    const allPoints = [...points, ...Array.from({ length: 192 }, (_, k): [number, number] => [X0 + 20_000 + k * 10_000, Y0 + 90_000])];
    const lists = values.map((_, i) => (i < 64 ? queen(i) : []));
    const result = runHotspotAnalysis(
      input({ values, ids: values.map(() => null), points: allPoints, polygons: null, weights: { type: 'distance_band', thresholdMetres: 150, transform: 'row' } }),
    );
    expect(result.card.islands).toBe(192);
    // Reference: Moran's I with the same n (units with neighbours) for the observed and the
    // shuffled values, 2,000 shuffles of all values by our own xorshift generator.
    const moranI = (x: readonly number[]) => {
      const mean = x.reduce((s, v) => s + v, 0) / x.length;
      let cross = 0;
      let zz = 0;
      x.forEach((v, i) => {
        zz += (v - mean) ** 2;
        for (const j of lists[i]) cross += ((v - mean) * (x[j] - mean)) / lists[i].length;
      });
      return (64 / 64) * (cross / zz); // n_linked / S0, S0 = 64 rows of weight 1
    };
    const observed = moranI(values);
    expect(result.global!.I).toBeCloseTo(observed, 12);
    let state = 987654321;
    const next = () => {
      state ^= state << 13;
      state >>>= 0;
      state ^= state >>> 17;
      state ^= state << 5;
      state >>>= 0;
      return state / 4294967296;
    };
    const shuffled = values.slice();
    let reached = 0;
    for (let s = 0; s < 2000; s++) {
      for (let i = shuffled.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
      }
      if (moranI(shuffled) >= observed) reached++;
    }
    expect(reached).toBe(0);
    expect(result.global!.pseudoP!).toBeLessThanOrEqual(0.005);
  });

  it('with 0 permutations the analytic p decides, and there are no pseudo p-values', () => {
    expect(runHotspotAnalysis(input({ method: 'local_moran', permutations: 0 })).card.decidedBy).toBe('analytic');
    const result = runHotspotAnalysis(input({ permutations: 0 }));
    expect(result.card.decidedBy).toBe('analytic');
    expect(result.card.permutations).toBe(0);
    expect(result.global!.pseudoP).toBeNull();
    const expected = bh(result.units.map((u) => u.p!));
    result.units.forEach((u, i) => {
      expect(u.pseudoP).toBeNull();
      expect(u.pDecision!).toBeCloseTo(expected[i], 12);
    });
    expect(result.units[centre].bin).toBe(3);
  });
});

describe('runHotspotAnalysis: Empirical Bayes smoothing of rates', () => {
  // Events per 1,000 inhabitants: the block has 60 per 1,000, the background 10 … 14 per 1,000,
  // unit 63 has 10 inhabitants and 5 events (a raw 500 per 1,000), unit 62 no inhabitants.
  const populations = plantedValues.map((_, i) => (i === 63 ? 10 : i === 62 ? 0 : 1000));
  const events = plantedValues.map((_, i) => (i === 63 ? 5 : i === 62 ? 3 : inBlock(i) ? 60 : 10 + noise(i)));
  const result = runHotspotAnalysis(input({ values: events, populations, rateScale: 1000, permutations: 99 }));
  const taking = plantedValues.map((_, i) => i).filter((i) => i !== 62);
  const reference = marshall(
    taking.map((i) => events[i]),
    taking.map((i) => populations[i]),
  );

  it('the statistic runs on the smoothed rates, and says so', () => {
    expect(result.card.smoothing).toBe('empirical_bayes');
    expect(result.card.units).toBe(63);
    taking.forEach((i, a) => {
      expect(result.units[i].raw!, `unit ${i}`).toBeCloseTo((events[i] / populations[i]) * 1000, 12);
      expect(result.units[i].value!, `unit ${i}`).toBeCloseTo(reference.smoothed[a] * 1000, 9);
    });
  });

  it('a unit without inhabitants has no value', () => {
    expect(result.units[62]).toMatchObject({ value: null, raw: null, z: null, note: 'no value or no population' });
  });

  it('a tiny population shrinks towards the city rate; a large one hardly moves', () => {
    const b = reference.b * 1000;
    const shrink = (i: number) => Math.abs(result.units[i].value! - b) / Math.abs(result.units[i].raw! - b);
    expect(result.units[63].raw).toBe(500);
    expect(shrink(63)).toBeLessThan(0.25);
    expect(result.units[63].value!).toBeGreaterThan(b);
    expect(shrink(centre)).toBeGreaterThan(0.9);
  });
});

describe('runHotspotAnalysis: trend over the months (emerging hot spots)', () => {
  const months = Array.from({ length: 12 }, (_, t) => `2025-${String(t + 1).padStart(2, '0')}`);
  /** Gi* z series of unit i over the history, and whether each step is significant (|z| ≥ 1.96, i.e. p ≤ 0.05). */
  const zSeries = (rows: number[][], i: number) => rows.map((x) => giStarZ(x, i, queen(i)));

  it('a block that heats up every month is intensifying', () => {
    // The block's value rises by 3 a month from 10; the background stays.
    const rows = months.map((_, t) => plantedValues.map((_, i) => (inBlock(i) ? 10 + 3 * t : noise(i))));
    const z = zSeries(rows, centre);
    // Preconditions, from the formula: hot (z > 1.96) at every step, and rising every step.
    z.forEach((v) => expect(v).toBeGreaterThan(1.96));
    z.slice(1).forEach((v, t) => expect(v).toBeGreaterThan(z[t]));
    // ≥ 90 % of the steps hot, hot at the last, and a significant Mann–Kendall increase: intensifying.
    const result = runHotspotAnalysis(input({ values: rows.at(-1)!, fdr: false, permutations: 99, history: { months, values: rows, populations: null } }));
    expect(result.units[centre].trend).toMatchObject({ category: 'intensifying', direction: 'hot', significantSteps: 12 });
    // Strictly rising, 12 steps: S = 66, Var(S) = 12·11·29/18, z = (S − 1)/√Var(S).
    expect(result.units[centre].trend!.mannKendallZ!).toBeCloseTo(65 / Math.sqrt((12 * 11 * 29) / 18), 9);
    expect(result.card.trendMonths).toEqual({ from: '2025-01', to: '2025-12', steps: 12 });
  });

  it('a block that appears in the last month is new', () => {
    // Background that shifts each month without spatial pattern; the block (rows 5–7, columns 5–7) only at the end.
    const rows = months.map((_, t) => plantedValues.map((_, i) => (t === 11 && inBlock(i, 5, 5) ? 20 : noise(i, t))));
    const target = index(6, 6);
    // Preconditions: no unit significant before the last month; the block's centre hot in it.
    rows.slice(0, 11).forEach((x) => x.forEach((_, i) => expect(Math.abs(giStarZ(x, i, queen(i)))).toBeLessThan(1.96)));
    expect(zSeries(rows, target)[11]).toBeGreaterThan(1.96);
    const result = runHotspotAnalysis(input({ values: rows.at(-1)!, fdr: false, permutations: 99, history: { months, values: rows, populations: null } }));
    expect(result.units[target].trend).toMatchObject({ category: 'new', direction: 'hot', significantSteps: 1 });
    // A unit never significant in any month has no category.
    expect(result.units[index(0, 0)].trend).toMatchObject({ category: 'none', direction: null, significantSteps: 0 });
  });

  it('months where a unit has no value are left out; fewer than 10 months give no trend', () => {
    const rows = months.map((_, t) => plantedValues.map((_, i) => (inBlock(i) ? 10 + 3 * t : noise(i))));
    const gaps = rows.map((row, t) => (t < 3 ? row.map((v, i) => (i === 5 ? null : v)) : row));
    const ten = runHotspotAnalysis(input({ values: rows.at(-1)!, permutations: 0, history: { months, values: gaps.slice(0, 12), populations: null } }));
    // Months 1–3 are dropped: 9 are left, too few for a trend.
    expect(ten.card.trendMonths).toBeNull();
    expect(ten.units.every((u) => u.trend === undefined)).toBe(true);

    const longer = [...months, '2026-01'];
    const moreRows = [...gaps, rows.at(-1)!];
    const eleven = runHotspotAnalysis(input({ values: moreRows.at(-1)!, permutations: 0, history: { months: longer, values: moreRows, populations: null } }));
    expect(eleven.card.trendMonths).toEqual({ from: '2025-04', to: '2026-01', steps: 10 });
  });

  it("local Moran's I has no trend", () => {
    const rows = months.map(() => plantedValues);
    const result = runHotspotAnalysis(input({ method: 'local_moran', permutations: 0, history: { months, values: rows, populations: null } }));
    expect(result.card.trendMonths).toBeNull();
    expect(result.units.every((u) => u.trend === undefined)).toBe(true);
  });
});

describe('runHotspotAnalysis: bounded work (review of issue 5)', () => {
  it('a distance band that links (nearly) everything is a 400 on the band, before it can exhaust memory', () => {
    // 64 cells 100 m apart: a 10 km band links every pair, 63 links per unit > 50.
    const error = inputError(() => runHotspotAnalysis(input({ weights: { type: 'distance_band', thresholdMetres: 10_000, transform: 'row' } })));
    expect(error.field).toBe('weights.thresholdMetres');
    expect(error.reason).toMatch(/^10000 m links more than 3200 pairs of the 64 units \(50 per unit on average\)/);
  });

  it('a band too wide is named before the permutation budget; 9,999 permutations on 64 queen units are within it', () => {
    const error = inputError(() => runHotspotAnalysis(input({ permutations: 9_999, weights: { type: 'distance_band', thresholdMetres: 10_000, transform: 'row' } })));
    expect(error.field).toBe('weights.thresholdMetres');
    expect(runHotspotAnalysis(input({ permutations: 9_999 })).refusal).toBeNull();
  });

  it('more permutations than the work budget allows are a 400 naming how many may run: permutations × 2 (links + units) above 3·10⁸', () => {
    // 2,000 units in a line, each linked to its 49 nearest (k = 49): 98,000 links → 200,000 per draw.
    const n = 2_000;
    const line = Array.from({ length: n }, (_, i): [number, number] => [i * 10, 0]);
    const error = inputError(() =>
      runHotspotAnalysis({
        ...input(),
        ids: line.map(() => null),
        values: line.map((_, i) => i % 7),
        polygons: null,
        points: line,
        weights: { type: 'knn', k: 49, transform: 'row' },
        permutations: 9_999,
      }),
    );
    expect(error.field).toBe('permutations');
    expect(error.reason).toBe(
      '9999 permutations over 98000 neighbour links of 2000 units is more than one request may compute; at most 1500 here (or fewer neighbours)',
    );
  });

  it('no unit with a value (a change in the first months) is its own refusal, not "too few units"', () => {
    const result = runHotspotAnalysis(input({ values: plantedValues.map(() => null) }));
    expect(result.refusal).toMatchObject({ reason: 'no_values', values: { units: 64 } });
    expect(result.units).toEqual([]);
  });

  it('a unit that cannot be tested (local Moran, value at the mean) is left out of the FDR count in both modes, with a note', () => {
    const values = plantedValues.map((_, i) => i % 11).slice(0, 33); // 0 … 10 three times: mean 5
    const base = input({ values, ids: values.map(() => null), polygons: polygons.slice(0, 33), points: points.slice(0, 33), method: 'local_moran' });
    for (const permutations of [0, 999]) {
      const result = runHotspotAnalysis({ ...base, permutations });
      for (const i of [5, 16, 27]) {
        expect(result.units[i], `permutations ${permutations}`).toMatchObject({ pDecision: null, cluster: 'ns', note: 'no variance: the unit cannot be tested' });
      }
      expect(result.units.filter((u) => u.pDecision !== null)).toHaveLength(30);
    }
  });
});
