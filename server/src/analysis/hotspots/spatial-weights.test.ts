import { describe, expect, it } from 'vitest';
import columbus from './fixtures/columbus.json';
import { HotspotInputError } from './hotspot-input-error.ts';
import { isSymmetric, validateNeighbors, weightsFromNeighbors } from './spatial-weights.ts';

describe('weightsFromNeighbors', () => {
  const neighbors = [[1, 2], [0], [0], []];

  it('binary: every link weighs 1; an island keeps an empty row', () => {
    const w = weightsFromNeighbors(neighbors, 'binary');
    expect(w).toEqual({ n: 4, neighbors, weights: [[1, 1], [1], [1], []], transform: 'binary' });
  });

  it('row: each non-empty row sums to 1', () => {
    const w = weightsFromNeighbors(columbus.colGalNb, 'row');
    w.weights.forEach((row, i) => {
      expect(row).toHaveLength(columbus.colGalNb[i].length);
      expect(row.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 14);
    });
    expect(weightsFromNeighbors(neighbors, 'row').weights).toEqual([[0.5, 0.5], [1], [1], []]);
  });

  it('copies the lists, so later edits of the argument do not change the weights', () => {
    const lists = [[1], [0]];
    const w = weightsFromNeighbors(lists, 'binary');
    lists[0].push(5);
    expect(w.neighbors[0]).toEqual([1]);
  });
});

describe('validateNeighbors', () => {
  it('accepts Columbus (col.gal.nb) and returns the lists sorted', () => {
    expect(validateNeighbors(columbus.colGalNb, 49)).toEqual(columbus.colGalNb);
    expect(validateNeighbors([[2, 1], [0], [0]], 3)).toEqual([[1, 2], [0], [0]]);
  });

  it.each([
    [{}, 3, 'weights.neighbors', 'must be an array of 3 arrays of feature indices, got an object'],
    [[[1], [0]], 3, 'weights.neighbors', 'has 2 lists for 3 features; give one list per feature'],
    [[[1], 'x', []], 3, 'weights.neighbors[1]', 'must be an array of feature indices, got "x"'],
    [[[1], [0, 2.5], []], 3, 'weights.neighbors[1][1]', '2.5 is not an integer index'],
    [[[1], ['0'], []], 3, 'weights.neighbors[1][0]', '"0" is not an integer index'],
    [[[1], [0], [-1]], 3, 'weights.neighbors[2][0]', '-1 is not an index of a feature (0–2)'],
    [[[1], [0], [1, 1]], 3, 'weights.neighbors[2][1]', '1 is listed twice'],
    [[[0], [], []], 3, 'weights.neighbors[0][0]', '0 is the feature itself; a unit is not its own neighbour (Gi* adds itself)'],
  ])('rejects %j (n = %i) naming %s', (input, n, field, reason) => {
    const error = captureError(() => validateNeighbors(input, n));
    expect(error).toBeInstanceOf(HotspotInputError);
    expect(error).toMatchObject({ field, reason, message: `${field}: ${reason}` });
  });

  it('names the entry in the message', () => {
    const lists = columbus.colGalNb.map((row) => row.slice());
    lists[3][1] = 57;
    expect(() => validateNeighbors(lists, 49)).toThrow('weights.neighbors[3][1]: 57 is not an index of a feature (0–48)');
  });
});

describe('isSymmetric', () => {
  it('col.gal.nb is symmetric; a one-way link is not', () => {
    expect(isSymmetric(columbus.colGalNb)).toBe(true);
    expect(isSymmetric([[1], [], []])).toBe(false);
    expect(isSymmetric([[1], [0], []])).toBe(true);
  });
});

function captureError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
