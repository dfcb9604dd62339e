import { describe, expect, it } from 'vitest';
import { monthRuns } from './month-runs.ts';

describe('monthRuns', () => {
  it('joins consecutive months across year ends', () => {
    expect(monthRuns(['2021-11', '2021-12', '2022-01', '2022-03'])).toEqual([
      ['2021-11', '2022-01'],
      ['2022-03', '2022-03'],
    ]);
  });
  it('sorts and removes repeats', () => {
    expect(monthRuns(['2026-10', '2026-09', '2026-10'])).toEqual([['2026-09', '2026-10']]);
    expect(monthRuns([])).toEqual([]);
  });
});
