import { describe, expect, it } from 'vitest';
import { assessOvercrowding } from './overcrowding.ts';

describe('assessOvercrowding (WohnStG NRW: 9 m² per person aged 6+, 6 m² per child under 6)', () => {
  it('registered residents only: the requirement is exact', () => {
    // 2 children under 6 (12 m²) + 4 persons 6+ (36 m²) = 48 m²
    const result = assessOvercrowding({ livingAreaM2: 47, registeredUnder6: 2, registered6Plus: 4, unregistered: null });
    expect(result).toEqual({ persons: { low: 6, high: 6 }, requiredM2: { low: 48, high: 48 }, m2PerPerson: { low: 47 / 6, high: 47 / 6 }, verdict: 'yes' });
    expect(assessOvercrowding({ livingAreaM2: 48, registeredUnder6: 2, registered6Plus: 4, unregistered: null }).verdict).toBe('no');
  });

  it('an estimate makes the requirement a range: low end all small children at the low estimate, high end all 6+ at the high estimate', () => {
    const result = assessOvercrowding({ livingAreaM2: 100, registeredUnder6: 1, registered6Plus: 5, unregistered: { low: 2, high: 6 } });
    // registered: 6 + 45 = 51 m²; low: 51 + 2·6 = 63; high: 51 + 6·9 = 105
    expect(result.persons).toEqual({ low: 8, high: 12 });
    expect(result.requiredM2).toEqual({ low: 63, high: 105 });
    expect(result.verdict).toBe('possibly');
    expect(result.m2PerPerson!.low).toBeCloseTo(100 / 12);
    expect(result.m2PerPerson!.high).toBeCloseTo(100 / 8);
  });

  it('verdicts at the edges of the range', () => {
    const base = { registeredUnder6: 0, registered6Plus: 10, unregistered: { low: 0, high: 5 } }; // 90 … 135 m²
    expect(assessOvercrowding({ ...base, livingAreaM2: 89.9 }).verdict).toBe('yes');
    expect(assessOvercrowding({ ...base, livingAreaM2: 90 }).verdict).toBe('possibly');
    expect(assessOvercrowding({ ...base, livingAreaM2: 134.9 }).verdict).toBe('possibly');
    expect(assessOvercrowding({ ...base, livingAreaM2: 135 }).verdict).toBe('no');
  });

  it('an empty property needs no space and has no m² per person', () => {
    expect(assessOvercrowding({ livingAreaM2: 80, registeredUnder6: 0, registered6Plus: 0, unregistered: null })).toEqual({
      persons: { low: 0, high: 0 },
      requiredM2: { low: 0, high: 0 },
      m2PerPerson: null,
      verdict: 'no',
    });
  });
});
