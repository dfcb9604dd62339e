/**
 * `estimates`: estimated unregistered residents of a property in a month, as a range
 * (low ≤ high) with its basis. Replaces every month present in the file.
 */
import { loadSql } from '../../db/sql-file.ts';
import { readFields, required } from '../columns.ts';
import type { ImportKindModule } from '../import-kind.ts';
import { reasons } from '../reasons.ts';
import { month, text, wholeNumber } from '../values.ts';

const sql = loadSql(import.meta.url, ['create-estimate-stage', 'stage-estimates', 'check-estimates', 'delete-estimate-months', 'insert-estimates'] as const);

const columns = [
  required('property_key', text({ en: 'the key of a property', de: 'der Schlüssel einer Immobilie' })),
  required('month', month),
  required('low', wholeNumber(0, '3')),
  required('high', wholeNumber(0, '8')),
  required('basis', text({ en: 'what the estimate rests on, e.g. Begehung', de: 'worauf die Schätzung beruht, z. B. Begehung' })),
];

export const estimates: ImportKindModule = {
  kind: 'estimates',
  table: { kind: 'estimates', columns, csv: true },
  fields: columns.map((c) => c.name),
  stageRow(record, _table, errors) {
    const { values } = readFields(record, columns, errors);
    const low = values.low as number | null;
    const high = values.high as number | null;
    if (low !== null && high !== null && low > high) errors.add(record.row, 'low', record.text('low') ?? '', reasons.lowAboveHigh(high));
    return { file_row: record.row, ...values };
  },
  sql: {
    createStage: sql['create-estimate-stage'],
    stage: sql['stage-estimates'],
    check: sql['check-estimates'],
  },
  duplicateOf: ['property_key', 'month'],
  applySteps: 2,
  async apply(ctx) {
    const deleted = (await ctx.client.query(sql['delete-estimate-months'], [ctx.cityAgs])).rows[0];
    ctx.stepDone();
    const inserted = await ctx.client.query(sql['insert-estimates'], [ctx.cityAgs, ctx.datasets]);
    ctx.stepDone();
    return { inserted: inserted.rowCount ?? 0, updated: 0, deleted: deleted.deleted, months: deleted.months };
  },
};
