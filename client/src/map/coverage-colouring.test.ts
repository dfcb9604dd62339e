import { describe, expect, it } from 'vitest';
import { COVERAGE_NONE_INDEX, COVERAGE_SHARED_INDEX, areasOfCaseManager, coverageColouring } from './coverage-colouring.ts';

// Five districts: 11 covered by FM-2 alone, 12 shared, 13 by nobody, 14 by FM-10 alone, 15 by FM-2 alone.
const coverage = {
  caseManagers: [
    { id: 3, key: 'FM-10' },
    { id: 1, key: 'FM-1' },
    { id: 2, key: 'FM-2' },
  ],
  areas: [
    { areaId: 14, caseManagerIds: [3], gaps: ['no_recent_visit' as const] },
    { areaId: 11, caseManagerIds: [2], gaps: [] },
    { areaId: 12, caseManagerIds: [1, 2], gaps: ['no_language_match' as const, 'no_recent_visit' as const] },
    { areaId: 13, caseManagerIds: [], gaps: ['no_case_manager' as const] },
    { areaId: 15, caseManagerIds: [2], gaps: [] },
  ],
};

// Only the fields the colouring reads; the rest of AreaCoverage does not matter here.
const input = coverage as unknown as Parameters<typeof coverageColouring>[0];

describe('coverageColouring', () => {
  it('gives colours, in pseudonym order, only to case managers who cover an area alone', () => {
    const { caseManagers } = coverageColouring(input, 8);
    // FM-1 covers only a shared area: no colour. FM-2 before FM-10 (numeric order).
    expect([...caseManagers]).toEqual([
      [2, 0],
      [3, 1],
    ]);
  });

  it('colours an area by its only case manager, else shared or none', () => {
    const { areas } = coverageColouring(input, 8);
    expect(Object.fromEntries(areas)).toEqual({ 11: 0, 12: COVERAGE_SHARED_INDEX, 13: COVERAGE_NONE_INDEX, 14: 1, 15: 0 });
  });

  it('repeats colours beyond the palette', () => {
    expect([...coverageColouring(input, 1).caseManagers.values()]).toEqual([0, 0]);
  });

  it('lists the areas of each gap', () => {
    expect(coverageColouring(input, 8).gaps).toEqual({
      no_case_manager: [13],
      no_language_match: [12],
      no_recent_visit: [12, 14],
    });
  });

  it('finds the areas of one case manager', () => {
    expect(areasOfCaseManager(input, 2)).toEqual([11, 12, 15]);
    expect(areasOfCaseManager(input, null)).toEqual([]);
  });
});
