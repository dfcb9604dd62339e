import { describe, expect, it } from 'vitest';
import { niceRound, quantile } from './quantile.ts';

describe('niceRound', () => {
  it('rounds to half a power of ten', () => {
    expect([173, 258, 335, 396, 665, 46, 19, 9, 2.3, 0.73, 0.3].map(niceRound)).toEqual([
      150, 250, 350, 400, 650, 45, 20, 9, 2.5, 0.75, 0.3,
    ]);
  });
  it('gives 0 for zero, negative and non-finite values', () => {
    expect([0, -5, Number.NaN].map(niceRound)).toEqual([0, 0, 0]);
  });
});

describe('quantile', () => {
  it('interpolates between ranks like a spreadsheet (R type 7)', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([10, 20, 30], 0.25)).toBe(15);
    expect(quantile([7], 0.8)).toBe(7);
  });
});
