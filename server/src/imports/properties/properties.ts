/**
 * `properties`: the city's properties (Immobilien), from CSV or GeoJSON Points.
 * Replaces rows with the same key; each property lies in the lowest-level area
 * that contains it (district, else quarter, else borough, else none).
 */
import { loadSql } from '../../db/sql-file.ts';
import { readFields, required } from '../columns.ts';
import type { ImportKindModule } from '../import-kind.ts';
import { readPoint } from '../read-point.ts';
import { decimalNumber, oneOf, text, wholeNumber, yesNo } from '../values.ts';

const sql = loadSql(import.meta.url, ['create-property-stage', 'stage-properties', 'check-properties', 'locate-staged-properties', 'upsert-properties'] as const);

const columns = [
  required('key', text({ en: "the property's key, e.g. its register number", de: 'der Schlüssel der Immobilie, z. B. ihre Registernummer' })),
  required('address', text({ en: 'an address, e.g. Bahnhofstraße 12', de: 'eine Adresse, z. B. Bahnhofstraße 12' })),
  required('flats', wholeNumber(0, '6')),
  required('living_area_m2', decimalNumber({ decimals: 1, moreThan: 0, atMost: 999_999_999.9, example: '85,5' })),
  required('owner_type', oneOf(['private', 'company', 'municipal'], { privat: 'private', unternehmen: 'company', kommunal: 'municipal' })),
  required('is_problem', yesNo),
];

export const properties: ImportKindModule = {
  kind: 'properties',
  table: { kind: 'properties', columns, csv: true, geojson: 'Point', point: true },
  fields: ['key', 'address', 'lon', 'lat', 'easting', 'northing', 'lon/lat', 'easting/northing', 'geometry', 'flats', 'living_area_m2', 'owner_type', 'is_problem'],
  stageRow(record, table, errors) {
    const { values } = readFields(record, columns, errors);
    return { file_row: record.row, ...values, ...readPoint(record, table, errors) };
  },
  sql: {
    createStage: sql['create-property-stage'],
    stage: sql['stage-properties'],
    check: sql['check-properties'],
  },
  duplicateOf: ['key'],
  applySteps: 2,
  async apply(ctx) {
    await ctx.client.query(sql['locate-staged-properties']);
    ctx.stepDone();
    const { rows } = await ctx.client.query(sql['upsert-properties'], [ctx.cityAgs, ctx.datasets]);
    ctx.stepDone();
    return { inserted: rows[0].inserted, updated: rows[0].updated, deleted: 0 };
  },
};
