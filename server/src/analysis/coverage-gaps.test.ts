import { describe, expect, it } from 'vitest';
import { assessCoverage, maxDaysWithoutVisit, minResidentsForLanguageNeed } from './coverage-gaps.ts';

const base = { ro: 40, bg: 25, caseManagerCount: 1, languages: ['de', 'ro', 'tr'], lastVisit: '2026-10-20', month: '2026-10' };

describe('assessCoverage', () => {
  it('a covered area with language match and a recent visit has no gap', () => {
    expect(assessCoverage(base)).toEqual({ neededLanguages: [['ro'], ['bg', 'tr']], missingLanguages: [], daysSinceLastVisit: 11, gaps: [] });
  });

  it('Turkish reaches Bulgarian residents; without bg or tr the area lacks a language', () => {
    expect(assessCoverage({ ...base, languages: ['de', 'ro'] })).toMatchObject({ missingLanguages: [['bg', 'tr']], gaps: ['no_language_match'] });
    expect(assessCoverage({ ...base, languages: ['de', 'ro', 'bg'] }).gaps).toEqual([]);
  });

  it(`a nationality with fewer than ${minResidentsForLanguageNeed} residents raises no language need`, () => {
    expect(assessCoverage({ ...base, bg: minResidentsForLanguageNeed - 1, languages: ['ro'] }).neededLanguages).toEqual([['ro']]);
  });

  it('no case manager is a gap where residents live, not in an empty area', () => {
    expect(assessCoverage({ ...base, caseManagerCount: 0, languages: [] }).gaps).toEqual(['no_case_manager']);
    expect(assessCoverage({ ...base, ro: 0, bg: 0, caseManagerCount: 0, languages: [], lastVisit: null }).gaps).toEqual([]);
  });

  it(`no visit for more than ${maxDaysWithoutVisit} days before the month's end, or never, is a gap`, () => {
    expect(assessCoverage({ ...base, lastVisit: '2026-08-02' })).toMatchObject({ daysSinceLastVisit: 90, gaps: [] });
    expect(assessCoverage({ ...base, lastVisit: '2026-08-01' })).toMatchObject({ daysSinceLastVisit: 91, gaps: ['no_recent_visit'] });
    expect(assessCoverage({ ...base, lastVisit: null })).toMatchObject({ daysSinceLastVisit: null, gaps: ['no_recent_visit'] });
  });
});
