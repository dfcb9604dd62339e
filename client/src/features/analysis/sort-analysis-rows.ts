/**
 * Sorting the analysis table. A range sorts by its low end, then its high end (never a
 * midpoint); rows without a figure go last in either direction, so that "no value"
 * never reads as the smallest or the largest.
 */
import { classValue, type AnalysisRow } from './analysis-rows.ts';
import type { SortDirection } from '../../ui/sort-header.tsx';

export type AnalysisColumn = 'name' | 'value' | 'z' | 'p' | 'class' | 'trend';
export type { SortDirection };

const byName = (a: AnalysisRow, b: AnalysisRow) => a.name.localeCompare(b.name, 'de', { numeric: true });

/** Gi* bins and LISA clusters as one order: strongest hot first when descending. */
const CLUSTER_ORDER = { LH: 1, LL: 0, ns: 2, HL: 3, HH: 4 } as const;
const classRank = (row: AnalysisRow): number | null => {
  const h = row.hotspot;
  if (!h) return null;
  if (h.bin !== null) return h.bin;
  return h.cluster === null ? null : CLUSTER_ORDER[h.cluster];
};

const keyOf: Record<Exclude<AnalysisColumn, 'name'>, (row: AnalysisRow) => number | null> = {
  value: (row) => classValue(row),
  z: (row) => row.hotspot?.z ?? null,
  p: (row) => row.hotspot?.pDecision ?? null,
  class: classRank,
  trend: (row) => row.hotspot?.trend?.mannKendallZ ?? null,
};

/** A sorted copy; ties fall back to the name, so the order is stable. */
export function sortAnalysisRows(rows: readonly AnalysisRow[], column: AnalysisColumn, direction: SortDirection): AnalysisRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  if (column === 'name') return [...rows].sort((a, b) => sign * byName(a, b));
  const key = keyOf[column];
  return [...rows].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka === null || kb === null) return (ka === null ? 1 : 0) - (kb === null ? 1 : 0) || byName(a, b);
    const high = column === 'value' ? (a.range?.high ?? 0) - (b.range?.high ?? 0) : 0;
    return sign * (ka - kb || high) || byName(a, b);
  });
}

/** Figures read best largest first; names A to Z; p-values smallest (most significant) first. */
export function defaultDirection(column: AnalysisColumn): SortDirection {
  return column === 'name' || column === 'p' ? 'ascending' : 'descending';
}
