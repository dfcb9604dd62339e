import { describe, expect, it } from 'vitest';
import reference from './fixtures/fdr.json';
import { benjaminiHochberg } from './fdr.ts';

describe('benjaminiHochberg (R p.adjust(p, "BH"), fixtures/fdr.json)', () => {
  it.each(reference.cases.map((c, i) => ({ name: i === 0 ? 'hand-made with ties, 0 and 1' : 'Columbus local Moran p', ...c })))(
    '$name',
    ({ p, bh }) => {
      const q = benjaminiHochberg(p);
      expect(q).toHaveLength(bh.length);
      q.forEach((value, i) => expect(Math.abs(value - bh[i]), `element ${i}`).toBeLessThanOrEqual(1e-12));
    },
  );

  it('keeps NaN in place and leaves it out of the count (R: NA)', () => {
    // Without the NaN: m = 2, q = [0.02, 0.04]; counting it would make q = [0.03, 0.06].
    const q = benjaminiHochberg([0.01, Number.NaN, 0.04]);
    expect(q[0]).toBeCloseTo(0.02, 15);
    expect(q[1]).toBeNaN();
    expect(q[2]).toBeCloseTo(0.04, 15);
  });

  it('accepts a Float64Array and an empty list', () => {
    expect(benjaminiHochberg(Float64Array.of(0.5, 0.01))).toEqual([0.5, 0.02]);
    expect(benjaminiHochberg([])).toEqual([]);
  });
});
