/**
 * `visits`: how many visits a property had per day (or only month), topic and case
 * manager: counts, no case details. Replaces every month present in the file.
 */
import { loadSql } from '../../db/sql-file.ts';
import { optional, readFields, required } from '../columns.ts';
import type { ImportKindModule } from '../import-kind.ts';
import { dayOrMonth, oneOf, text, wholeNumber } from '../values.ts';

const sql = loadSql(import.meta.url, ['create-visit-stage', 'stage-visits', 'check-visits', 'delete-visit-months', 'insert-visits'] as const);

const columns = [
  required('property_key', text({ en: 'the key of a property', de: 'der Schlüssel einer Immobilie' })),
  required('date', dayOrMonth),
  required('topic', oneOf(['health', 'energy_water', 'youth_office', 'school', 'housing', 'employment', 'health_insurance'])),
  optional('case_manager_key', text({ en: 'the key of a case manager', de: 'der Schlüssel einer Fallmanager:in' })),
  optional('visits', wholeNumber(1, '1'), 1),
];

export const visits: ImportKindModule = {
  kind: 'visits',
  table: { kind: 'visits', columns, csv: true },
  fields: columns.map((c) => c.name),
  stageRow(record, _table, errors) {
    const { values } = readFields(record, columns, errors);
    const date = values.date as { month: string; day: string | null } | null;
    const { date: _, ...rest } = values;
    return { file_row: record.row, ...rest, month: date?.month ?? null, visit_date: date?.day ?? null };
  },
  sql: {
    createStage: sql['create-visit-stage'],
    stage: sql['stage-visits'],
    check: sql['check-visits'],
  },
  duplicateOf: ['property_key', 'date', 'topic', 'case_manager_key'],
  duplicateHint: { en: 'put the number of visits in one row (column visits)', de: 'tragen Sie die Zahl der Besuche in einer Zeile ein (Spalte visits)' },
  applySteps: 2,
  async apply(ctx) {
    const deleted = (await ctx.client.query(sql['delete-visit-months'], [ctx.cityAgs])).rows[0];
    ctx.stepDone();
    const inserted = await ctx.client.query(sql['insert-visits'], [ctx.cityAgs, ctx.datasets]);
    ctx.stepDone();
    return { inserted: inserted.rowCount ?? 0, updated: 0, deleted: deleted.deleted, months: deleted.months };
  },
};
