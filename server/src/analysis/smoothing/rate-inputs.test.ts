import { describe, expect, it } from 'vitest';
import { checkRateInputs } from './rate-inputs.ts';

describe('checkRateInputs', () => {
  it('an area takes part with a known count and a population above 0', () => {
    expect(checkRateInputs([3, 0, 2, Number.NaN, null, 1, 4], [100, 50, 0, 80, 80, Number.NaN, null])).toEqual([true, true, false, false, false, false, false]);
  });

  it('names a negative or infinite value and a length mismatch', () => {
    expect(() => checkRateInputs([1, -1], [5, 5])).toThrow('events[1] is -1: it must be a finite number ≥ 0 (or NaN/null when unknown)');
    expect(() => checkRateInputs([1, 1], [5, Number.NEGATIVE_INFINITY])).toThrow('populations[1] is -Infinity');
    expect(() => checkRateInputs([1], [])).toThrow('events has 1 areas but populations has 0');
  });
});
