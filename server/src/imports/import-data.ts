/**
 * The importer's core: one file of one kind into the city's tables, all or nothing.
 *
 *   reading     bytes → text → records (read-table.ts); file and header errors stop here
 *   validating  each record → typed staging row (the kind's stageRow), staged in batches
 *               into a TEMP table (stage-rows.ts)
 *   checking    one set-based query per kind finds what needs the whole file or the
 *               database: duplicate keys, unknown keys, points outside the city
 *   applying    only when there is no error at all: the kind's set-based SQL replaces
 *               what the file replaces (docs/import-formats.md, "replaces")
 *
 * `importData` runs inside a transaction its caller opened (the seed runs every kind
 * in one); `runImport` is the transaction for one file, rolled back on any error
 * and after a dry run.
 */
import type pg from 'pg';
import type { Locale } from '../i18n/request-locale.ts';
import type { LocalizedText } from '../schemas/common.ts';
import { defaultImportDataset, isImportKind, importKinds, type ImportKind, type ImportProgress, type ImportResult } from '../schemas/import.ts';
import { loadSql } from '../db/sql-file.ts';
import { areas } from './areas/areas.ts';
import { caseManagers } from './case-managers/case-managers.ts';
import { ErrorList } from './error-list.ts';
import { estimates } from './estimates/estimates.ts';
import type { Applied, ImportKindModule, StagedRow } from './import-kind.ts';
import { offices } from './offices/offices.ts';
import { properties } from './properties/properties.ts';
import { readTable, type TableSpec } from './read-table.ts';
import { reasons, type Reason } from './reasons.ts';
import { residents } from './residents/residents.ts';
import { stageBatchSize, stageRows } from './stage-rows.ts';
import { statusEvents } from './status-events/status-events.ts';
import { visits } from './visits/visits.ts';

const sql = loadSql(import.meta.url, ['find-city', 'find-unknown-datasets'] as const);

const kinds: Record<ImportKind, ImportKindModule> = {
  areas,
  offices,
  properties,
  residents,
  estimates,
  'status-events': statusEvents,
  'case-managers': caseManagers,
  visits,
};

export { defaultImportDataset };

export interface ImportInput {
  kind: string;
  bytes: Uint8Array;
  /** AGS of the city the rows belong to (CITY_AGS). */
  cityAgs: string;
  /** Dataset ids every imported row carries (table `dataset`). */
  datasets: string[];
  onProgress?: (progress: ImportProgress) => void;
  /** Language of the reasons and notes in the result. @default 'en' */
  locale?: Locale;
}

/**
 * A problem with the request rather than the file: an unknown kind, dataset or
 * city. `field` names the parameter (HTTP: 400; CLI: exit code 2), `code` says what
 * is wrong for machines, `reason` for people in both languages; `message` is English.
 */
export class ImportUsageError extends Error {
  constructor(
    public readonly field: string,
    public readonly code: string,
    public readonly reason: LocalizedText,
  ) {
    super(`${field}: ${reason.en}`);
  }
}

/** The usage errors of an import, in both languages. */
export const usageErrors = {
  unknownKind: (kind: string) =>
    new ImportUsageError('kind', 'enum', {
      en: `unknown import kind "${kind}"; known kinds: ${importKinds.join(', ')}`,
      de: `unbekannte Importart „${kind}“; bekannt sind: ${importKinds.join(', ')}`,
    }),
  unknownCity: (ags: string) =>
    new ImportUsageError('CITY_AGS', 'unknown_city', {
      en: `city ${ags} is not in the database; start the server once with this CITY_AGS to load it`,
      de: `die Stadt ${ags} ist nicht in der Datenbank; starten Sie den Server einmal mit diesem CITY_AGS, um sie zu laden`,
    }),
  noDataset: () =>
    new ImportUsageError('dataset', 'required', { en: 'at least one dataset id is required', de: 'mindestens eine Datensatz-ID ist nötig' }),
  unknownDatasets: (ids: string[]) => {
    const list = ids.map((id) => `"${id}"`).join(', ');
    return new ImportUsageError('dataset', 'unknown_dataset', {
      en: `unknown dataset ${list}; known datasets are listed in data/datasets.json`,
      de: `unbekannter Datensatz ${list}; die bekannten Datensätze stehen in data/datasets.json`,
    });
  },
};

/**
 * The city and the datasets an import names must exist: throws ImportUsageError when
 * not. The HTTP route asks before it reads the body, importData again in its transaction.
 */
export async function checkImportTarget(db: pg.Pool | pg.PoolClient, cityAgs: string, datasets: string[]): Promise<{ name: string }> {
  const city = (await db.query<{ name: string }>(sql['find-city'], [cityAgs])).rows[0];
  if (!city) throw usageErrors.unknownCity(cityAgs);
  if (datasets.length === 0) throw usageErrors.noDataset();
  const unknown = (await db.query<{ id: string }>(sql['find-unknown-datasets'], [datasets])).rows.map((r) => r.id);
  if (unknown.length > 0) throw usageErrors.unknownDatasets(unknown);
  return city;
}

/** The reading rules of a kind (read-table.ts), for a sniff before the import runs. */
export function importTableSpec(kind: ImportKind): TableSpec {
  return kinds[kind].table;
}

/**
 * Imports one file inside the caller's transaction. Returns the result; when it
 * has errors, nothing was written (only the TEMP staging table, which goes with
 * the transaction). Throws ImportUsageError for a bad request and rethrows
 * database failures: the caller rolls back either way.
 */
export async function importData(client: pg.PoolClient, input: ImportInput): Promise<ImportResult> {
  if (!isImportKind(input.kind)) throw usageErrors.unknownKind(input.kind);
  const kind = kinds[input.kind];
  const city = await checkImportTarget(client, input.cityAgs, input.datasets);

  const progress = input.onProgress ?? (() => {});
  const locale = input.locale ?? 'en';
  const errors = new ErrorList(kind.fields, locale);
  const result = (rows: number, applied?: Applied): ImportResult => ({
    kind: kind.kind,
    dryRun: false,
    rows,
    inserted: applied?.inserted ?? 0,
    updated: applied?.updated ?? 0,
    deleted: applied?.deleted ?? 0,
    errors: errors.errors,
    errorCount: errors.count,
    ...(applied?.months ? { months: applied.months } : {}),
    ...(applied?.notes?.length ? { notes: applied.notes.map((note) => note[locale]) } : {}),
  });

  progress({ phase: 'reading', done: 0, total: input.bytes.length });
  const table = readTable(input.bytes, kind.table, errors);
  progress({ phase: 'reading', done: input.bytes.length, total: input.bytes.length });
  if (!table) return result(0);

  await client.query(kind.sql.createStage);
  const total = table.records.length;
  progress({ phase: 'validating', done: 0, total });
  for (let start = 0; start < total; start += stageBatchSize) {
    const staged: StagedRow[] = [];
    for (const record of table.records.slice(start, start + stageBatchSize)) {
      const row = kind.stageRow(record, table, errors);
      if (row) staged.push(row);
    }
    await stageRows(client, kind.sql.stage, staged, errors);
    progress({ phase: 'validating', done: Math.min(start + stageBatchSize, total), total });
  }

  progress({ phase: 'checking', done: 0, total: 1 });
  const problems = await client.query<{ file_row: number; field: string; value: string | null; code: string; detail: string | null; total: number }>(kind.sql.check, [
    input.cityAgs,
  ]);
  errors.addCounted(
    problems.rows.map((p) => ({ row: p.file_row, field: p.field, value: p.value ?? '', reason: checkReason(kind, p.code, p.detail, { ags: input.cityAgs, name: city.name }) })),
    problems.rows[0]?.total ?? 0,
  );
  progress({ phase: 'checking', done: 1, total: 1 });
  if (errors.count > 0) return result(table.rowCount);

  let step = 0;
  progress({ phase: 'applying', done: 0, total: kind.applySteps });
  const applied = await kind.apply({
    client,
    cityAgs: input.cityAgs,
    cityName: city.name,
    datasets: input.datasets,
    stepDone: () => progress({ phase: 'applying', done: Math.min(++step, kind.applySteps), total: kind.applySteps }),
  });
  return result(table.rowCount, applied);
}

/**
 * One file in its own transaction: committed when the file had no error, rolled
 * back when it had any, when `dryRun` is set (so a dry run reports what an import
 * would insert, update and delete), and when anything throws.
 */
export async function runImport(pool: pg.Pool, input: ImportInput & { dryRun?: boolean }): Promise<ImportResult> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await importData(client, input);
    const commit = !input.dryRun && result.errorCount === 0;
    await client.query(commit ? 'COMMIT' : 'ROLLBACK');
    return { ...result, dryRun: input.dryRun ?? false };
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    client.release(broken);
  }
}

/** The reason of a problem a kind's check query found; `detail` carries what the text needs. */
function checkReason(kind: ImportKindModule, code: string, detail: string | null, city: { ags: string; name: string }): Reason {
  switch (code) {
    case 'duplicate':
      return reasons.duplicate(kind.duplicateOf, Number(detail), kind.duplicateHint);
    case 'outside_city':
      return reasons.outsideCity(city.name, detail === 'swapped');
    case 'no_property':
      return reasons.noSuchProperty(city.name);
    case 'no_case_manager':
      return reasons.noSuchCaseManager(city.name);
    case 'no_office':
      return reasons.noSuchOffice(city.name);
    case 'no_area':
      return reasons.noSuchArea(city.name);
    case 'invalid_geometry':
      return reasons.invalidGeometry(detail ?? '');
    case 'area_outside_city':
      return reasons.areaOutsideCity(city.name, Number(detail));
    case 'key_taken':
      return reasons.keyTaken(detail ?? '');
    case 'unknown_parent':
      return reasons.unknownParent(city.ags);
    case 'replaced_parent':
      return reasons.replacedParent(detail ?? '');
    case 'parent_level': {
      const [parentLevel, level] = (detail ?? '/').split('/');
      return reasons.parentLevel(parentLevel, level, city.ags);
    }
    case 'orphaned_child': {
      const child = JSON.parse(detail ?? '{}') as { level: string; name: string; key: string; parent_level: string };
      return reasons.orphanedChild(child.level, child.name, child.key, child.parent_level);
    }
    default:
      throw new Error(`${kind.kind}: the check query returned an unknown code "${code}"`);
  }
}
