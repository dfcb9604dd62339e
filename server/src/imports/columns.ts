/**
 * The columns of an import kind and how one record's cells become typed values.
 * A record is a CSV row or a GeoJSON feature; both look the same from here.
 */
import type { ErrorList } from './error-list.ts';
import { reasons } from './reasons.ts';
import type { ValueParser } from './values.ts';

export interface Column<T = unknown> {
  /** Name as the header (or GeoJSON property) spells it, lower case. */
  name: string;
  /** true: the column must be in the file and its cells must not be empty. */
  required: boolean;
  parser: ValueParser<T>;
  /** Value of an empty cell or a missing optional column. @default null */
  fallback?: T | null;
}

export function required<T>(name: string, parser: ValueParser<T>): Column<T> {
  return { name, required: true, parser };
}

export function optional<T>(name: string, parser: ValueParser<T>, fallback: T | null = null): Column<T> {
  return { name, required: false, parser, fallback };
}

/** The columns a CSV point may come from: degrees, or EPSG:25832 metres. */
export const pointColumns = { lonLat: ['lon', 'lat'], utm: ['easting', 'northing'] } as const;

/** One data row of a file, whatever its format. */
export interface SourceRecord {
  /** Row as a spreadsheet shows it (CSV), or feature number (GeoJSON). */
  row: number;
  /** The cell's text, trimmed; undefined when the file has no such column. */
  text(name: string): string | undefined;
  /** GeoJSON: the property's JSON value; CSV: the cell's text. */
  raw(name: string): unknown;
  /** GeoJSON: the feature's geometry. */
  geometry?: unknown;
}

/**
 * Parses the cells of `columns` in one record. Failures are added to `errors`
 * and leave the value null, so the row can still be checked against the database.
 * Returns the values by column name and whether every one of them parsed.
 */
export function readFields(record: SourceRecord, columns: readonly Column[], errors: ErrorList): { values: Record<string, unknown>; ok: boolean } {
  const values: Record<string, unknown> = {};
  let ok = true;
  for (const column of columns) {
    const text = record.text(column.name);
    if (text === undefined || (text === '' && !column.parser.acceptsEmpty)) {
      if (column.required) {
        // undefined: a GeoJSON feature without the property (a CSV header has every required column)
        errors.add(record.row, column.name, '', text === undefined ? reasons.missingProperty() : reasons.isEmpty(column.parser.expected));
        ok = false;
      }
      values[column.name] = column.fallback ?? null;
      continue;
    }
    const parsed = column.parser.parse(text);
    if ('reason' in parsed) {
      errors.add(record.row, column.name, text, parsed.reason);
      values[column.name] = null;
      ok = false;
    } else values[column.name] = parsed.value;
  }
  return { values, ok };
}
