/**
 * What a kind of import reads: its columns and the formats it accepts. Its own module,
 * so that the reader (read-table.ts) and the format sniffer (sniff-file.ts), which the
 * reader calls, both use it without importing each other.
 */
import type { ImportKind } from '../schemas/import.ts';
import type { Column } from './columns.ts';

export interface TableSpec {
  /** The kind, for messages (reasons.ts names it in both languages). */
  kind: ImportKind;
  /** Columns of a CSV file; properties of GeoJSON features. */
  columns: readonly Column[];
  /** Which formats the kind accepts; for GeoJSON, the geometry its features must have. */
  csv: boolean;
  geojson?: 'Point' | 'Polygon';
  /** A point: in CSV the columns lon+lat or easting+northing (EPSG:25832); in GeoJSON the Point geometry. */
  point?: boolean;
}
