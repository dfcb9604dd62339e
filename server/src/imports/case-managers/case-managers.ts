/**
 * `case-managers`: case managers (by pseudonym), who employs and funds them, their
 * languages, working time, office and areas. Replaces rows with the same key and
 * their area assignments.
 */
import { loadSql } from '../../db/sql-file.ts';
import { optional, readFields, required } from '../columns.ts';
import type { ImportKindModule } from '../import-kind.ts';
import { reasons } from '../reasons.ts';
import { decimalNumber, keyList, languages, oneOf, text } from '../values.ts';

const sql = loadSql(import.meta.url, [
  'create-case-manager-stage',
  'stage-case-managers',
  'check-case-managers',
  'upsert-case-managers',
  'delete-case-manager-areas',
  'insert-case-manager-areas',
] as const);

const columns = [
  required('key', text({ en: 'a pseudonym, e.g. CM-07', de: 'ein Pseudonym, z. B. CM-07' })),
  required('employer', text({ en: 'the employer, e.g. Stadt Herne', de: 'der Arbeitgeber, z. B. Stadt Herne' })),
  required('employer_kind', oneOf(['city', 'charity'])),
  required('funding', oneOf(['municipal', 'kim'])),
  required('languages', languages),
  required('fte', decimalNumber({ decimals: 2, example: '0,5', outOfRange: (n) => (n > 0 && n <= 1 ? undefined : reasons.fteRange()) })),
  optional('office_key', text({ en: 'the key of an advisory office', de: 'der Schlüssel einer Beratungsstelle' })),
  optional('area_keys', keyList, []),
];

export const caseManagers: ImportKindModule = {
  kind: 'case-managers',
  table: { kind: 'case-managers', columns, csv: true },
  fields: columns.map((c) => c.name),
  stageRow(record, _table, errors) {
    const { values } = readFields(record, columns, errors);
    return { file_row: record.row, ...values };
  },
  sql: {
    createStage: sql['create-case-manager-stage'],
    stage: sql['stage-case-managers'],
    check: sql['check-case-managers'],
  },
  duplicateOf: ['key'],
  applySteps: 3,
  async apply(ctx) {
    const { rows } = await ctx.client.query(sql['upsert-case-managers'], [ctx.cityAgs, ctx.datasets]);
    ctx.stepDone();
    await ctx.client.query(sql['delete-case-manager-areas'], [ctx.cityAgs]);
    ctx.stepDone();
    await ctx.client.query(sql['insert-case-manager-areas'], [ctx.cityAgs]);
    ctx.stepDone();
    return { inserted: rows[0].inserted, updated: rows[0].updated, deleted: 0 };
  },
};
