/**
 * `status-events`: steps of enforcement under the Wohnraumstärkungsgesetz NRW, one
 * per property, date and status. Replaces rows with the same property, date and status
 * (their note).
 */
import { loadSql } from '../../db/sql-file.ts';
import { propertyStatuses } from '../../schemas/property.ts';
import { optional, readFields, required } from '../columns.ts';
import type { ImportKindModule } from '../import-kind.ts';
import { day, oneOf, text } from '../values.ts';

const sql = loadSql(import.meta.url, ['create-status-event-stage', 'stage-status-events', 'check-status-events', 'upsert-status-events'] as const);

const columns = [
  required('property_key', text({ en: 'the key of a property', de: 'der Schlüssel einer Immobilie' })),
  required('date', day),
  required('status', oneOf(propertyStatuses)),
  optional('note', text()),
];

export const statusEvents: ImportKindModule = {
  kind: 'status-events',
  table: { kind: 'status-events', columns, csv: true },
  fields: columns.map((c) => c.name),
  stageRow(record, _table, errors) {
    const { values } = readFields(record, columns, errors);
    return { file_row: record.row, ...values };
  },
  sql: {
    createStage: sql['create-status-event-stage'],
    stage: sql['stage-status-events'],
    check: sql['check-status-events'],
  },
  duplicateOf: ['property_key', 'date', 'status'],
  applySteps: 1,
  async apply(ctx) {
    // Status events carry no datasets column: they belong to their property.
    const { rows } = await ctx.client.query(sql['upsert-status-events'], [ctx.cityAgs]);
    ctx.stepDone();
    return { inserted: rows[0].inserted, updated: rows[0].updated, deleted: 0 };
  },
};
