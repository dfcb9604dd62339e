/**
 * Imports of the city's own data (docs/import-formats.md): the kinds, the errors an
 * import reports, its result, and the NDJSON lines `POST /api/imports/:kind` streams.
 */
import { Type, type Static } from 'typebox';
import { Month } from './month.ts';

/** What can be imported, one file per kind, in the order a city loads them (areas first, visits last). */
export const importKinds = ['areas', 'offices', 'properties', 'residents', 'estimates', 'status-events', 'case-managers', 'visits'] as const;
export const ImportKind = Type.Union([
  Type.Literal('areas'),
  Type.Literal('offices'),
  Type.Literal('properties'),
  Type.Literal('residents'),
  Type.Literal('estimates'),
  Type.Literal('status-events'),
  Type.Literal('case-managers'),
  Type.Literal('visits'),
]);
export type ImportKind = Static<typeof ImportKind>;

export function isImportKind(value: string): value is ImportKind {
  return (importKinds as readonly string[]).includes(value);
}

/** One problem in a file, where a spreadsheet user finds it. */
export const ImportError = Type.Object({
  row: Type.Integer({
    minimum: 0,
    description: 'Row as a spreadsheet shows it: 1 is the header, 2 the first data row; in GeoJSON the feature number (1-based). 0: the file as a whole',
  }),
  field: Type.String({ description: 'Column (or GeoJSON property) name; "column F" for a value beyond the header; empty for the file as a whole' }),
  value: Type.String({ description: 'The value as written in the file' }),
  reason: Type.String({ description: "What is wrong and what is expected, in the request's language (Accept-Language: de or en)" }),
  code: Type.String({ description: 'What is wrong, for machines: stable across releases and languages (docs/import-formats.md, "Error codes")' }),
});
export type ImportError = Static<typeof ImportError>;

/** At most this many errors are reported; `errorCount` says how many there were. */
export const maxReportedErrors = 100;

export const ImportResult = Type.Object({
  kind: ImportKind,
  dryRun: Type.Boolean({ description: 'true: everything was validated and applied, then rolled back' }),
  rows: Type.Integer({ description: 'Data rows (or features) read' }),
  inserted: Type.Integer(),
  updated: Type.Integer(),
  deleted: Type.Integer({ description: 'Rows removed because the file replaces them (months present, areas of the levels present)' }),
  errors: Type.Array(ImportError, { maxItems: maxReportedErrors, description: 'The first 100 errors by row; when there are any, nothing was written' }),
  errorCount: Type.Integer(),
  months: Type.Optional(Type.Array(Month, { description: 'Months the file replaced (residents, estimates, visits)' })),
  notes: Type.Optional(Type.Array(Type.String(), { description: 'Consequences worth knowing, e.g. case-manager assignments removed with their areas' })),
});
export type ImportResult = Static<typeof ImportResult>;

/**
 * reading: bytes → rows; validating: rows checked and staged (done/total in rows);
 * checking: database checks (done/total in checks); applying: writing (done/total in steps).
 */
export const ImportPhase = Type.Union([Type.Literal('reading'), Type.Literal('validating'), Type.Literal('checking'), Type.Literal('applying')]);
export type ImportPhase = Static<typeof ImportPhase>;

export const ImportProgress = Type.Object({ phase: ImportPhase, done: Type.Integer(), total: Type.Integer() });
export type ImportProgress = Static<typeof ImportProgress>;

/** NDJSON lines of the HTTP answer: progress lines, then one result line (or, after a server fault, an error line). */
export const ImportProgressLine = Type.Object({ type: Type.Literal('progress'), ...ImportProgress.properties });
export type ImportProgressLine = Static<typeof ImportProgressLine>;
export const ImportResultLine = Type.Object({ type: Type.Literal('result'), ...ImportResult.properties });
export type ImportResultLine = Static<typeof ImportResultLine>;
export const ImportFaultLine = Type.Object({
  type: Type.Literal('error'),
  /** database_unavailable: the connection was lost (try again); internal: a bug, the server log has it. Either way nothing was written. */
  code: Type.Optional(Type.Union([Type.Literal('database_unavailable'), Type.Literal('internal')])),
  message: Type.String(),
});
export type ImportFaultLine = Static<typeof ImportFaultLine>;

/** The dataset imported rows are attributed to unless the request names another (data/datasets.json). */
export const defaultImportDataset = 'city-import';

/** Dataset ids as data/datasets.json spells them: lower-case letters, digits and hyphens. */
export const datasetIdPattern = '^[a-z0-9][a-z0-9-]{0,62}$';

export const ImportParams = Type.Object({ kind: Type.String({ description: `One of ${importKinds.join(', ')}` }) });
export const ImportQuery = Type.Object({
  dryRun: Type.Boolean({ default: false, description: 'Validate everything (database checks included) and write nothing' }),
  dataset: Type.String({ default: defaultImportDataset, pattern: datasetIdPattern, description: 'Dataset id (data/datasets.json) the imported rows are attributed to' }),
});
