import { describe, expect, it } from 'vitest';
import reference from './fixtures/normal.json';
import { normalCdf, normalUpperTail, twoSidedP } from './normal.ts';

/** Relative error, with exact zeros (underflow) required to match exactly. */
function relativeError(actual: number, expected: number): number {
  if (expected === 0) return actual === 0 ? 0 : Infinity;
  return Math.abs(actual - expected) / Math.abs(expected);
}

describe('normal distribution (R pnorm, fixtures/normal.json)', () => {
  const cases = reference.z.map((z, i) => ({
    z,
    lower: Number(reference.lower[i]),
    upper: Number(reference.upper[i]),
    twoSided: Number(reference.twoSided[i]),
  }));

  it.each(cases)('z = $z matches pnorm to 1e-14 relative in both tails', ({ z, lower, upper, twoSided }) => {
    expect(relativeError(normalCdf(z), lower)).toBeLessThan(1e-14);
    expect(relativeError(normalUpperTail(z), upper)).toBeLessThan(1e-14);
    expect(relativeError(twoSidedP(z), twoSided)).toBeLessThan(1e-14);
  });

  it('keeps far-tail p-values instead of rounding them to 0', () => {
    expect(twoSidedP(-20)).toBeGreaterThan(1e-89);
    expect(normalUpperTail(30)).toBeGreaterThan(0);
  });

  it('is NaN for NaN', () => {
    expect(normalCdf(Number.NaN)).toBeNaN();
    expect(twoSidedP(Number.NaN)).toBeNaN();
  });
});
