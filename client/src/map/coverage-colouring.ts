/**
 * Which colour each area gets in the coverage mode: the colour of its case manager when
 * one person covers it alone, "shared" when several do, "none" when nobody does; and
 * which areas carry which gap. Case managers are coloured in the order of their
 * pseudonyms, and only those who cover some area alone get a colour (the others would
 * never show one), so the palette's few colours go as far as they can.
 */
import type { AreaCoverage, CaseManager } from '../../../server/src/schemas/coverage.ts';

/** Feature-state value of an area covered by several case managers. */
export const COVERAGE_SHARED_INDEX = -1;
/** Feature-state value of an area nobody covers. */
export const COVERAGE_NONE_INDEX = -2;

export type CoverageGap = AreaCoverage['gaps'][number];
export const COVERAGE_GAPS: readonly CoverageGap[] = ['no_case_manager', 'no_language_match', 'no_recent_visit'];

export interface CoverageColouring {
  /** Area id → palette index (≥ 0), `COVERAGE_SHARED_INDEX` or `COVERAGE_NONE_INDEX`. */
  areas: Map<number, number>;
  /** Case manager id → palette index, for those who cover at least one area alone. */
  caseManagers: Map<number, number>;
  /** Area ids per gap, ascending. */
  gaps: Record<CoverageGap, number[]>;
}

/**
 * @param paletteSize colours available; beyond that, colours repeat (the legend and the
 *   table name each case manager next to the colour, so a repeat stays readable)
 */
export function coverageColouring(
  coverage: { areas: readonly Pick<AreaCoverage, 'areaId' | 'caseManagerIds' | 'gaps'>[]; caseManagers: readonly Pick<CaseManager, 'id' | 'key'>[] },
  paletteSize: number,
): CoverageColouring {
  const alone = new Set(coverage.areas.filter((a) => a.caseManagerIds.length === 1).map((a) => a.caseManagerIds[0]));
  const caseManagers = new Map<number, number>();
  const byKey = [...coverage.caseManagers].sort((a, b) => a.key.localeCompare(b.key, 'de', { numeric: true }));
  for (const cm of byKey) if (alone.has(cm.id)) caseManagers.set(cm.id, caseManagers.size % paletteSize);

  const areas = new Map<number, number>();
  const gaps: Record<CoverageGap, number[]> = { no_case_manager: [], no_language_match: [], no_recent_visit: [] };
  for (const area of [...coverage.areas].sort((a, b) => a.areaId - b.areaId)) {
    const ids = area.caseManagerIds;
    areas.set(
      area.areaId,
      ids.length === 0 ? COVERAGE_NONE_INDEX : ids.length > 1 ? COVERAGE_SHARED_INDEX : (caseManagers.get(ids[0]) ?? COVERAGE_SHARED_INDEX),
    );
    for (const gap of area.gaps) gaps[gap]?.push(area.areaId);
  }
  return { areas, caseManagers, gaps };
}

/** The area ids a case manager covers in `coverage` (the areas of the shown level). */
export function areasOfCaseManager(coverage: { areas: readonly Pick<AreaCoverage, 'areaId' | 'caseManagerIds'>[] }, caseManagerId: number | null): number[] {
  if (caseManagerId === null) return [];
  return coverage.areas.filter((a) => a.caseManagerIds.includes(caseManagerId)).map((a) => a.areaId);
}
