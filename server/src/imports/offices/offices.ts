/**
 * `offices`: advisory offices (Beratungsstellen) that case managers work from.
 * Replaces rows with the same key.
 */
import { loadSql } from '../../db/sql-file.ts';
import { readFields, required } from '../columns.ts';
import type { ImportKindModule } from '../import-kind.ts';
import { readPoint } from '../read-point.ts';
import { text } from '../values.ts';

const sql = loadSql(import.meta.url, ['create-office-stage', 'stage-offices', 'check-offices', 'upsert-offices'] as const);

const columns = [
  required('key', text({ en: "the office's key, e.g. BS-01", de: 'der Schlüssel der Beratungsstelle, z. B. BS-01' })),
  required('name', text({ en: 'a name, e.g. Beratungsstelle Wanne', de: 'ein Name, z. B. Beratungsstelle Wanne' })),
  required('address', text({ en: 'an address, e.g. Hauptstraße 1', de: 'eine Adresse, z. B. Hauptstraße 1' })),
];

export const offices: ImportKindModule = {
  kind: 'offices',
  table: { kind: 'offices', columns, csv: true, point: true },
  fields: ['key', 'name', 'address', 'lon', 'lat', 'easting', 'northing', 'lon/lat', 'easting/northing'],
  stageRow(record, table, errors) {
    const { values } = readFields(record, columns, errors);
    return { file_row: record.row, ...values, ...readPoint(record, table, errors) };
  },
  sql: {
    createStage: sql['create-office-stage'],
    stage: sql['stage-offices'],
    check: sql['check-offices'],
  },
  duplicateOf: ['key'],
  applySteps: 1,
  async apply(ctx) {
    const { rows } = await ctx.client.query(sql['upsert-offices'], [ctx.cityAgs, ctx.datasets]);
    ctx.stepDone();
    return { inserted: rows[0].inserted, updated: rows[0].updated, deleted: 0 };
  },
};
