import { describe, expect, it } from 'vitest';
import type { CaseManager } from '../../../../server/src/schemas/coverage.ts';
import { defaultDirection, sortCaseManagers } from './sort-case-managers.ts';

const cm = (key: string, fields: Partial<CaseManager>): CaseManager => ({
  id: Number(key.replace(/\D/g, '')),
  key,
  employer: 'Stadt Herne',
  employerKind: 'city',
  funding: 'municipal',
  languages: ['de'],
  fte: 1,
  office: null,
  areaIds: [],
  residentsPerFte: 100,
  unregisteredPerFte: { low: 10, high: 20 },
  visits: 0,
  visitsPerFte: 0,
  synthetic: true,
  ...fields,
});

const list = [
  cm('FM-10', { residentsPerFte: 300, unregisteredPerFte: { low: 10, high: 30 } }),
  cm('FM-2', { residentsPerFte: 300, unregisteredPerFte: { low: 10, high: 25 } }),
  cm('FM-3', { residentsPerFte: 120, unregisteredPerFte: { low: 35, high: 40 } }),
];
const keys = (l: CaseManager[]) => l.map((c) => c.key);

describe('sortCaseManagers', () => {
  it('sorts pseudonyms numerically', () => {
    expect(keys(sortCaseManagers(list, 'key', 'ascending'))).toEqual(['FM-2', 'FM-3', 'FM-10']);
  });
  it('breaks ties by pseudonym', () => {
    expect(keys(sortCaseManagers(list, 'residentsPerFte', 'descending'))).toEqual(['FM-2', 'FM-10', 'FM-3']);
  });
  it('sorts a range by its low end, then its high end — never by a midpoint', () => {
    expect(keys(sortCaseManagers(list, 'unregisteredPerFte', 'ascending'))).toEqual(['FM-2', 'FM-10', 'FM-3']);
    expect(keys(sortCaseManagers(list, 'unregisteredPerFte', 'descending'))).toEqual(['FM-3', 'FM-10', 'FM-2']);
  });
  it('does not change the list it was given', () => {
    sortCaseManagers(list, 'key', 'descending');
    expect(keys(list)).toEqual(['FM-10', 'FM-2', 'FM-3']);
  });
  it('starts numbers largest first and texts A to Z', () => {
    expect(defaultDirection('visitsPerFte')).toBe('descending');
    expect(defaultDirection('key')).toBe('ascending');
  });
});
