/**
 * Sorting the case-manager table. A range (unregistered residents per FTE) sorts by its
 * low end, then its high end: it is never reduced to a midpoint, not even for sorting.
 */
import type { CaseManager } from '../../../../server/src/schemas/coverage.ts';
import type { SortDirection } from '../../ui/sort-header.tsx';

export type CaseManagerColumn = 'key' | 'employer' | 'languages' | 'fte' | 'residentsPerFte' | 'unregisteredPerFte' | 'visitsPerFte';
export type { SortDirection };

const byKey = (a: CaseManager, b: CaseManager) => a.key.localeCompare(b.key, 'de', { numeric: true });

const compare: Record<CaseManagerColumn, (a: CaseManager, b: CaseManager) => number> = {
  key: byKey,
  employer: (a, b) => a.employer.localeCompare(b.employer, 'de') || a.funding.localeCompare(b.funding),
  languages: (a, b) => a.languages.join(' ').localeCompare(b.languages.join(' ')),
  fte: (a, b) => a.fte - b.fte,
  residentsPerFte: (a, b) => a.residentsPerFte - b.residentsPerFte,
  unregisteredPerFte: (a, b) => a.unregisteredPerFte.low - b.unregisteredPerFte.low || a.unregisteredPerFte.high - b.unregisteredPerFte.high,
  visitsPerFte: (a, b) => a.visitsPerFte - b.visitsPerFte,
};

/** A sorted copy; ties fall back to the pseudonym (ascending), so the order is stable. */
export function sortCaseManagers(list: readonly CaseManager[], column: CaseManagerColumn, direction: SortDirection): CaseManager[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...list].sort((a, b) => sign * compare[column](a, b) || byKey(a, b));
}

/** Numbers read best largest first (who carries the most?); texts A to Z. */
export function defaultDirection(column: CaseManagerColumn): SortDirection {
  return column === 'key' || column === 'employer' || column === 'languages' ? 'ascending' : 'descending';
}
