/**
 * Bytes of an import file → records: sniffs the head (sniff-file.ts: binary, not a
 * header of the kind, JSON where CSV is expected …), decodes the text, tells CSV from
 * GeoJSON by its first character, matches the header (case and surrounding spaces do not
 * matter; unknown and missing columns are errors) and drops rows whose shape is
 * wrong (values beyond the header, too few values) with an error each.
 */
import type { ErrorList } from './error-list.ts';
import { pointColumns, type Column, type SourceRecord } from './columns.ts';
import { decodeText } from './decode-text.ts';
import { parseCsv, type Delimiter } from './parse-csv.ts';
import { readGeojson, type Crs } from './read-geojson.ts';
import { sniffBytes, sniffFile } from './sniff-file.ts';
import type { TableSpec } from './table-spec.ts';

export type { TableSpec };
import { columnLetter, reasons, suggest } from './reasons.ts';

/** Where a record's point comes from: CSV columns, or the GeoJSON geometry. */
export type PositionSource = 'lon/lat' | 'easting/northing' | 'geometry';

export interface Table {
  format: 'csv' | 'geojson';
  /** Data rows read, those with errors of shape included. */
  rowCount: number;
  records: SourceRecord[];
  crs: Crs;
  position?: PositionSource;
  delimiter?: Delimiter;
}

export { pointColumns };

/** Returns the table, or undefined when the file cannot be read at all (its errors are in `errors`). */
export function readTable(bytes: Uint8Array, spec: TableSpec, errors: ErrorList): Table | undefined {
  // The first megabyte decides whether the file is worth reading (the same verdict an upload gets while it streams).
  const sniffed = sniffFile(bytes, spec, bytes.length <= sniffBytes);
  if (sniffed.verdict === 'refuse') {
    errors.addFound(sniffed.error);
    return undefined;
  }
  const decoded = decodeText(bytes);
  if ('error' in decoded) {
    errors.addFound(decoded.error);
    return undefined;
  }
  const text = decoded.text;
  if (text.trimStart() === '') {
    errors.add(0, '', '', reasons.emptyFile());
    return undefined;
  }
  return sniffed.verdict === 'accept' && sniffed.format === 'geojson' ? readGeojsonTable(text, spec, errors) : readCsvTable(text, spec, errors);
}

function readCsvTable(text: string, spec: TableSpec, errors: ErrorList): Table | undefined {
  const parsed = parseCsv(text);
  if ('error' in parsed) {
    errors.addFound(parsed.error);
    return undefined;
  }
  const { header, records, delimiter } = parsed.table;
  const names = header.map((h) => h.trim().toLowerCase());
  const known = [...spec.columns.map((c) => c.name), ...(spec.point ? [...pointColumns.lonLat, ...pointColumns.utm] : [])];
  const index = new Map<string, number>();
  const headerErrors = errors.count;

  names.forEach((name, i) => {
    if (name === '') return; // an unnamed column is fine while it stays empty (Excel adds them)
    if (index.has(name)) errors.add(1, name, header[i].trim(), reasons.duplicateColumn(columnLetter(index.get(name)!)));
    else if (!known.includes(name)) errors.add(1, header[i].trim(), header[i].trim(), reasons.unknownColumn(known, suggest(name, known)));
    else index.set(name, i);
  });
  for (const column of spec.columns) if (column.required && !index.has(column.name)) errors.add(1, column.name, '', reasons.missingColumn());

  let position: PositionSource | undefined;
  let crs: Crs = 4326;
  if (spec.point) {
    const hasLonLat = pointColumns.lonLat.some((c) => index.has(c));
    const hasUtm = pointColumns.utm.some((c) => index.has(c));
    if (hasLonLat && hasUtm) errors.add(1, 'easting', 'easting', reasons.bothPositions());
    else if (hasUtm) {
      position = 'easting/northing';
      crs = 25832;
      for (const c of pointColumns.utm) if (!index.has(c)) errors.add(1, c, '', reasons.missingColumn());
    } else {
      position = 'lon/lat';
      for (const c of pointColumns.lonLat) if (!index.has(c)) errors.add(1, c, '', reasons.missingColumn(hasLonLat ? undefined : { en: 'easting and northing in EPSG:25832', de: 'easting und northing in EPSG:25832' }));
    }
  }
  if (errors.count > headerErrors) return undefined;

  const width = header.length;
  const lastNamed = [...names].reverse().find((n) => n !== '') ?? '';
  const table: SourceRecord[] = [];
  for (const { row, cells } of records) {
    if (cells.length < width) {
      const missing = names.slice(cells.length).find((n) => n !== '') ?? columnLetter(cells.length);
      errors.add(row, missing, '', reasons.missingValues(cells.length, width, delimiter));
      continue;
    }
    const extra = cells.findIndex((c, i) => (i >= width || names[i] === '') && c.trim() !== '');
    if (extra >= 0) {
      const reason = extra >= width ? reasons.extraValue(lastNamed, delimiter) : reasons.unnamedColumnWithValue();
      errors.add(row, `column ${columnLetter(extra)}`, cells[extra].trim(), reason);
      continue;
    }
    table.push({
      row,
      text: (name) => {
        const i = index.get(name);
        return i === undefined ? undefined : cells[i].trim();
      },
      raw: (name) => {
        const i = index.get(name);
        return i === undefined ? undefined : cells[i].trim();
      },
    });
  }
  if (records.length === 0) errors.add(0, '', '', reasons.noDataRows());
  return { format: 'csv', rowCount: records.length, records: table, crs, position, delimiter };
}

function readGeojsonTable(text: string, spec: TableSpec, errors: ErrorList): Table | undefined {
  const read = readGeojson(text);
  if ('error' in read) {
    errors.addFound(read.error);
    return undefined;
  }
  const known = spec.columns.map((c) => c.name);
  const records: SourceRecord[] = [];
  for (const feature of read.features) {
    if (!feature.properties) {
      errors.add(feature.row, '', '', reasons.notAnObject());
      continue;
    }
    const properties = new Map<string, unknown>();
    for (const [name, value] of Object.entries(feature.properties)) {
      const normalized = name.trim().toLowerCase();
      if (known.includes(normalized)) properties.set(normalized, value);
      else errors.add(feature.row, name, displayValue(value), reasons.unknownProperty(known, suggest(normalized, known)));
    }
    records.push({
      row: feature.row,
      text: (name) => (properties.has(name) ? displayValue(properties.get(name)) : undefined),
      raw: (name) => properties.get(name),
      geometry: feature.geometry,
    });
  }
  if (read.features.length === 0) errors.add(0, '', '', reasons.noDataRows());
  return { format: 'geojson', rowCount: read.features.length, records, crs: read.crs, position: spec.point ? 'geometry' : undefined };
}

/** A GeoJSON property as the text a CSV cell would hold: null → '', numbers and booleans as written in JSON. */
function displayValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
