/**
 * The line under an area's name in the coverage mode: who covers it. One person: the
 * pseudonym ("FM-03"); several: the first pseudonym and how many more ("FM-03 +5");
 * nobody: a dash. Pseudonyms are compared numerically, so FM-2 comes before FM-10.
 */
import type { Coverage } from '../../../../server/src/schemas/coverage.ts';

export function coverageLabels(coverage: Pick<Coverage, 'areas' | 'caseManagers'>): Map<number, string> {
  const keyOf = new Map(coverage.caseManagers.map((cm) => [cm.id, cm.key]));
  const labels = new Map<number, string>();
  for (const area of coverage.areas) {
    const keys = area.caseManagerIds
      .map((id) => keyOf.get(id))
      .filter((k): k is string => k !== undefined)
      .sort((a, b) => a.localeCompare(b, 'de', { numeric: true }));
    labels.set(area.areaId, keys.length === 0 ? '—' : keys.length === 1 ? keys[0] : `${keys[0]} +${keys.length - 1}`);
  }
  return labels;
}
