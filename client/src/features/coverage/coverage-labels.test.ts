import { describe, expect, it } from 'vitest';
import { coverageLabels } from './coverage-labels.ts';

describe('coverageLabels', () => {
  it('names the only case manager, the first of several plus a count, or a dash', () => {
    const labels = coverageLabels({
      caseManagers: [
        { id: 1, key: 'FM-10' },
        { id: 2, key: 'FM-2' },
        { id: 3, key: 'FM-3' },
      ] as never,
      areas: [
        { areaId: 11, caseManagerIds: [1] },
        { areaId: 12, caseManagerIds: [1, 3, 2] },
        { areaId: 13, caseManagerIds: [] },
      ] as never,
    });
    expect(Object.fromEntries(labels)).toEqual({ 11: 'FM-10', 12: 'FM-2 +2', 13: '—' });
  });
});
