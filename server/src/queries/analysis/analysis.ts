/**
 * Raw inputs of the thematic analysis, as the database holds them; the analysis
 * modules (server/src/analysis/units) turn them into unit series. Sparse on
 * purpose: a property without figures in a month has no row.
 */
import type pg from 'pg';
import { loadSql } from '../../db/sql-file.ts';
import type { Provenance } from '../../schemas/common.ts';

const sql = loadSql(import.meta.url, [
  'list-analysis-areas',
  'list-analysis-properties',
  'list-property-monthly-figures',
  'list-status-events',
  'list-zensus-centres',
  'get-city-outline',
  'name-points-by-area',
] as const);

export interface AnalysisAreaRow {
  id: number;
  key: string;
  name: string;
  zensusPopulation: number | null;
  provenance: Provenance;
  /** GeoJSON Polygon or MultiPolygon in EPSG:25832. */
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: number[][][] | number[][][][] };
  /** A point on the surface, EPSG:25832 metres. */
  point: [number, number];
}

export async function listAnalysisAreas(pool: pg.Pool, cityAgs: string, level: string): Promise<AnalysisAreaRow[]> {
  const { rows } = await pool.query(sql['list-analysis-areas'], [cityAgs, level]);
  return rows.map((r) => ({
    id: r.id,
    key: r.key,
    name: r.name,
    zensusPopulation: r.zensus_population,
    provenance: r.provenance,
    geometry: JSON.parse(r.geometry),
    point: [r.x, r.y],
  }));
}

export interface AnalysisPropertyRow {
  id: number;
  isProblem: boolean;
  /** The area of the asked level that contains the property; null: none. */
  unitAreaId: number | null;
  lon: number;
  lat: number;
  synthetic: boolean;
}

export async function listAnalysisProperties(pool: pg.Pool, cityAgs: string, level: string): Promise<AnalysisPropertyRow[]> {
  const { rows } = await pool.query(sql['list-analysis-properties'], [cityAgs, level]);
  return rows.map((r) => ({ id: r.id, isProblem: r.is_problem, unitAreaId: r.unit_area_id, lon: r.lon, lat: r.lat, synthetic: r.synthetic }));
}

export interface PropertyMonthlyFigure {
  kind: 'residents' | 'estimate' | 'visits';
  propertyId: number;
  /** YYYY-MM */
  month: string;
  /** residents or visits; the low end of an estimate */
  value: number;
  /** the high end of an estimate, else null */
  high: number | null;
}

export async function listPropertyMonthlyFigures(pool: pg.Pool, cityAgs: string): Promise<PropertyMonthlyFigure[]> {
  const { rows } = await pool.query(sql['list-property-monthly-figures'], [cityAgs]);
  return rows.map((r) => ({ kind: r.kind, propertyId: r.property_id, month: r.month, value: r.value, high: r.high }));
}

export interface StatusEventRow {
  propertyId: number;
  /** YYYY-MM-DD */
  date: string;
  status: string;
}

export async function listStatusEvents(pool: pg.Pool, cityAgs: string): Promise<StatusEventRow[]> {
  const { rows } = await pool.query(sql['list-status-events'], [cityAgs]);
  return rows.map((r) => ({ propertyId: r.property_id, date: r.event_date, status: r.status }));
}

export interface ZensusCentre {
  lon: number;
  lat: number;
  population: number;
}

export async function listZensusCentres(pool: pg.Pool, cityAgs: string): Promise<ZensusCentre[]> {
  return (await pool.query<ZensusCentre>(sql['list-zensus-centres'], [cityAgs])).rows;
}

/** The city's boundary (GeoJSON, EPSG:4326), or null for an unknown city. */
export async function getCityOutline(pool: pg.Pool, cityAgs: string): Promise<{ type: string; coordinates: unknown } | null> {
  const { rows } = await pool.query(sql['get-city-outline'], [cityAgs]);
  return rows[0] ? JSON.parse(rows[0].geometry) : null;
}

/**
 * Per point ([lon, lat], EPSG:4326), the name of the finest-level area containing it (or the
 * nearest); null for every point when the city has no areas below the city level.
 */
export async function namePointsByArea(pool: pg.Pool, cityAgs: string, points: readonly [number, number][]): Promise<(string | null)[]> {
  if (points.length === 0) return [];
  const { rows } = await pool.query<{ i: number; name: string | null }>(sql['name-points-by-area'], [
    cityAgs,
    points.map((p) => p[0]),
    points.map((p) => p[1]),
  ]);
  const names: (string | null)[] = points.map(() => null);
  for (const row of rows) names[row.i - 1] = row.name;
  return names;
}
