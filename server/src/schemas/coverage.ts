/**
 * Case-manager coverage: who covers which area, in which languages, with what
 * workload, and where the gaps are. Case managers appear by pseudonym only.
 */
import { Type, type Static } from 'typebox';
import { Range } from './common.ts';
import { Month } from './month.ts';

export const CoverageGap = Type.Union([Type.Literal('no_case_manager'), Type.Literal('no_language_match'), Type.Literal('no_recent_visit')]);

export const CaseManager = Type.Object({
  id: Type.Integer(),
  key: Type.String({ description: 'Pseudonym' }),
  employer: Type.String(),
  employerKind: Type.Union([Type.Literal('city'), Type.Literal('charity')]),
  funding: Type.Union([Type.Literal('municipal'), Type.Literal('kim')], { description: 'kim: Kommunales Integrationsmanagement NRW' }),
  languages: Type.Array(Type.String()),
  fte: Type.Number(),
  office: Type.Union([Type.Object({ key: Type.String(), name: Type.String() }), Type.Null()]),
  areaIds: Type.Array(Type.Integer()),
  /** Registered Romanian and Bulgarian residents in the assigned areas (shared areas split evenly) per FTE. */
  residentsPerFte: Type.Number(),
  /** The same for the estimated unregistered residents: a range. */
  unregisteredPerFte: Range,
  visits: Type.Integer({ description: 'Visits in the month' }),
  visitsPerFte: Type.Number(),
  synthetic: Type.Boolean(),
});
export type CaseManager = Static<typeof CaseManager>;

export const AreaCoverage = Type.Object({
  areaId: Type.Integer(),
  key: Type.String(),
  name: Type.String(),
  caseManagerIds: Type.Array(Type.Integer()),
  languages: Type.Array(Type.String(), { description: 'Languages of the covering case managers' }),
  ro: Type.Integer(),
  bg: Type.Integer(),
  neededLanguages: Type.Array(Type.Array(Type.String()), { description: 'One group per nationality; any language of a group will do' }),
  missingLanguages: Type.Array(Type.Array(Type.String())),
  lastVisit: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  daysSinceLastVisit: Type.Union([Type.Integer(), Type.Null()]),
  gaps: Type.Array(CoverageGap),
});
export type AreaCoverage = Static<typeof AreaCoverage>;

export const CoverageQuery = Type.Object({
  level: Type.Enum(['borough', 'quarter', 'district']),
  month: Type.Optional(Month),
});

export const Coverage = Type.Object({
  level: Type.String(),
  month: Month,
  synthetic: Type.Boolean(),
  caseManagers: Type.Array(CaseManager),
  areas: Type.Array(AreaCoverage),
  /** The rules behind the gaps, for the legend. */
  rules: Type.Object({ maxDaysWithoutVisit: Type.Integer(), minResidentsForLanguageNeed: Type.Integer() }),
});
export type Coverage = Static<typeof Coverage>;
