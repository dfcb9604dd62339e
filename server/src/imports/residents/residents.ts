/**
 * `residents`: registered residents per property and month, by nationality and age
 * group (counts, never persons). Replaces every month present in the file.
 */
import { loadSql } from '../../db/sql-file.ts';
import { optional, readFields, required } from '../columns.ts';
import type { ImportKindModule } from '../import-kind.ts';
import { reasons } from '../reasons.ts';
import { month, oneOf, text, wholeNumber } from '../values.ts';

const sql = loadSql(import.meta.url, ['create-resident-stage', 'stage-residents', 'check-residents', 'delete-resident-months', 'insert-residents'] as const);

const columns = [
  required('property_key', text({ en: 'the key of a property', de: 'der Schlüssel einer Immobilie' })),
  required('month', month),
  required('nationality', oneOf(['ro', 'bg', 'other'], { sonstige: 'other' })),
  required('age_group', oneOf(['0-5', '6-17', '18-64', '65+'])),
  required('registered', wholeNumber(0, '4')),
  optional('resident_over_5y', wholeNumber(0, '2'), 0),
];

export const residents: ImportKindModule = {
  kind: 'residents',
  table: { kind: 'residents', columns, csv: true },
  fields: columns.map((c) => c.name),
  stageRow(record, _table, errors) {
    const { values } = readFields(record, columns, errors);
    const registered = values.registered as number | null;
    const over5y = values.resident_over_5y as number | null;
    if (registered !== null && over5y !== null && over5y > registered) {
      errors.add(record.row, 'resident_over_5y', record.text('resident_over_5y') ?? '', reasons.over5yAboveRegistered(registered));
    }
    return { file_row: record.row, ...values };
  },
  sql: {
    createStage: sql['create-resident-stage'],
    stage: sql['stage-residents'],
    check: sql['check-residents'],
  },
  duplicateOf: ['property_key', 'month', 'nationality', 'age_group'],
  applySteps: 2,
  async apply(ctx) {
    const deleted = (await ctx.client.query(sql['delete-resident-months'], [ctx.cityAgs])).rows[0];
    ctx.stepDone();
    const inserted = await ctx.client.query(sql['insert-residents'], [ctx.cityAgs, ctx.datasets]);
    ctx.stepDone();
    return { inserted: inserted.rowCount ?? 0, updated: 0, deleted: deleted.deleted, months: deleted.months };
  },
};
