/**
 * What one kind of import (docs/import-formats.md) supplies to the core
 * (import-data.ts): its columns, how a record becomes a staging row, the SQL that
 * stages and checks rows as a set, and how the checked rows replace what is there.
 */
import type pg from 'pg';
import type { LocalizedText } from '../schemas/common.ts';
import type { ImportKind } from '../schemas/import.ts';
import type { SourceRecord } from './columns.ts';
import type { ErrorList } from './error-list.ts';
import type { Table, TableSpec } from './read-table.ts';

/** One row for the TEMP staging table; `file_row` is the row an error names. Null where a value did not parse. */
export type StagedRow = { file_row: number } & Record<string, unknown>;

export interface ImportContext {
  /** In the caller's transaction. */
  client: pg.PoolClient;
  cityAgs: string;
  cityName: string;
  datasets: string[];
  /** Reports one more apply step done. */
  stepDone(): void;
}

export interface Applied {
  inserted: number;
  updated: number;
  deleted: number;
  months?: string[];
  /** Consequences worth knowing, in both languages (the result carries the import's). */
  notes?: LocalizedText[];
}

export interface ImportKindModule {
  kind: ImportKind;
  table: TableSpec;
  /** Field names in the order the spec lists them: errors within a row are sorted so. */
  fields: readonly string[];
  /** One record → its staging row (null values where parsing failed, errors added), or undefined to leave it out. */
  stageRow(record: SourceRecord, table: Table, errors: ErrorList): StagedRow | undefined;
  sql: {
    /** (Re)creates the TEMP staging table; ON COMMIT DROP, and replaced by the next import of the kind in the same transaction. */
    createStage: string;
    /** `$1` a JSON array of StagedRow. */
    stage: string;
    /**
     * `$1` the city's AGS. Returns the problems found as a set: `file_row, field, value,
     * code, detail, total`, the first 100 by row (see checkReason in import-data.ts for the codes).
     */
    check: string;
  };
  /** For duplicate errors: the key columns ("same key as row 3"), and what to do about it. */
  duplicateOf: readonly string[];
  duplicateHint?: LocalizedText;
  /** Steps `apply` reports, for the progress bar. */
  applySteps: number;
  apply(ctx: ImportContext): Promise<Applied>;
}
