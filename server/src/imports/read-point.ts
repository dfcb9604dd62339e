/**
 * The point of an office or property: CSV columns lon+lat (degrees) or
 * easting+northing (EPSG:25832, metres), or a GeoJSON Point (lon/lat, or
 * EPSG:25832 when the file's `crs` says so). Staged as numbers; the database
 * builds and transforms the geometry and checks that it lies inside the city.
 */
import type { SourceRecord } from './columns.ts';
import { readFields, required } from './columns.ts';
import type { ErrorList } from './error-list.ts';
import type { Table } from './read-table.ts';
import { reasons } from './reasons.ts';
import { easting, latitude, longitude, northing } from './values.ts';

export interface StagedPoint {
  lon: number | null;
  lat: number | null;
  easting: number | null;
  northing: number | null;
  /** Column(s) the point came from and their text, for "lies outside the city" errors. */
  position_field: string;
  position_text: string;
}

const lonLatColumns = [required('lon', longitude), required('lat', latitude)];
const utmColumns = [required('easting', easting), required('northing', northing)];

export function readPoint(record: SourceRecord, table: Table, errors: ErrorList): StagedPoint {
  const none = { lon: null, lat: null, easting: null, northing: null };
  if (table.position === 'lon/lat' || table.position === 'easting/northing') {
    const lonLat = table.position === 'lon/lat';
    const [x, y] = lonLat ? ['lon', 'lat'] : ['easting', 'northing'];
    const { values } = readFields(record, lonLat ? lonLatColumns : utmColumns, errors);
    return { ...none, ...values, position_field: table.position, position_text: `${record.text(x)} / ${record.text(y)}` } as StagedPoint;
  }

  const geometry = record.geometry as { type?: unknown; coordinates?: unknown } | null | undefined;
  const text = geometry && typeof geometry === 'object' ? JSON.stringify(geometry.coordinates ?? null) : '';
  const staged = { ...none, position_field: 'geometry', position_text: text };
  if (!geometry || typeof geometry !== 'object') {
    errors.add(record.row, 'geometry', '', reasons.noGeometry('Point'));
    return staged;
  }
  if (geometry.type !== 'Point') {
    errors.add(record.row, 'geometry', String(geometry.type ?? ''), reasons.wrongGeometry(String(geometry.type), 'Point'));
    return staged;
  }
  const c = geometry.coordinates;
  if (!Array.isArray(c) || c.length < 2 || c.length > 3 || !c.every((n) => typeof n === 'number' && Number.isFinite(n))) {
    errors.add(record.row, 'geometry', text, reasons.badCoordinates({ en: 'a Point has [x, y] with two numbers', de: 'ein Point hat [x, y] mit zwei Zahlen' }));
    return staged;
  }
  const [x, y] = c as number[];
  if (table.crs === 25832) return { ...staged, easting: x, northing: y };
  if (Math.abs(x) > 180 || Math.abs(y) > 90) {
    errors.add(record.row, 'geometry', text, reasons.notDegrees());
    return staged;
  }
  return { ...staged, lon: x, lat: y };
}
