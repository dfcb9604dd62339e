/**
 * What dispatchers must see about an area: whether any case manager covers it,
 * whether someone speaks its residents' language, and whether it was visited lately.
 * The rules live here, in one place, with their reasons.
 */

/**
 * Languages that reach a nationality's residents. Many Bulgarian nationals in the
 * Ruhr area are Turkish-speaking (Turkish-speaking Roma from Bulgaria), so Turkish
 * counts for Bulgarian residents; Romanian for Romanian residents.
 */
export const languagesFor = { ro: ['ro'], bg: ['bg', 'tr'] } as const;

/** Fewer residents of a nationality than this raise no language need (a single family is reached otherwise). */
export const minResidentsForLanguageNeed = 10;

/** An area with residents and no visit for longer than this is a gap. */
export const maxDaysWithoutVisit = 90;

export type CoverageGap = 'no_case_manager' | 'no_language_match' | 'no_recent_visit';

export interface AreaCoverageInput {
  /** Registered Romanian and Bulgarian residents in the month. */
  ro: number;
  bg: number;
  caseManagerCount: number;
  /** Languages (ISO 639-1) the covering case managers speak. */
  languages: readonly string[];
  /** Latest visit up to the end of the month (YYYY-MM-DD), or null. */
  lastVisit: string | null;
  /** The month assessed, YYYY-MM; "recent" is measured from its last day. */
  month: string;
}

export interface AreaCoverage {
  /** Languages needed, one group per nationality: any language of a group will do. */
  neededLanguages: string[][];
  /** Needed groups nobody covering the area speaks. */
  missingLanguages: string[][];
  daysSinceLastVisit: number | null;
  gaps: CoverageGap[];
}

const dayMs = 86_400_000;

/** Last day of a YYYY-MM month as a UTC timestamp. */
function monthEnd(month: string): number {
  const [year, m] = month.split('-').map(Number);
  return Date.UTC(year, m, 0);
}

export function assessCoverage(input: AreaCoverageInput): AreaCoverage {
  const neededLanguages: string[][] = [];
  if (input.ro >= minResidentsForLanguageNeed) neededLanguages.push([...languagesFor.ro]);
  if (input.bg >= minResidentsForLanguageNeed) neededLanguages.push([...languagesFor.bg]);
  const missingLanguages = neededLanguages.filter((group) => !group.some((language) => input.languages.includes(language)));
  const daysSinceLastVisit = input.lastVisit === null ? null : Math.round((monthEnd(input.month) - Date.parse(`${input.lastVisit}T00:00:00Z`)) / dayMs);

  const hasResidents = input.ro + input.bg > 0;
  const gaps: CoverageGap[] = [];
  if (hasResidents && input.caseManagerCount === 0) gaps.push('no_case_manager');
  if (input.caseManagerCount > 0 && missingLanguages.length > 0) gaps.push('no_language_match');
  if (hasResidents && (daysSinceLastVisit === null || daysSinceLastVisit > maxDaysWithoutVisit)) gaps.push('no_recent_visit');
  return { neededLanguages, missingLanguages, daysSinceLastVisit, gaps };
}
