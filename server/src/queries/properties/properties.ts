import type pg from 'pg';
import { loadSql } from '../../db/sql-file.ts';
import { assessOvercrowding } from '../../analysis/overcrowding.ts';
import type { PropertyCollection, PropertyDetail, ResidentMonth } from '../../schemas/property.ts';
import { firstDay } from '../figures/figures.ts';

const sql = loadSql(import.meta.url, [
  'list-property-features',
  'get-property',
  'list-property-timeline',
  'list-property-residents',
  'list-property-visits',
] as const);

export async function listPropertyFeatures(pool: pg.Pool, cityAgs: string, month: string): Promise<PropertyCollection> {
  const { rows } = await pool.query(sql['list-property-features'], [cityAgs, firstDay(month)]);
  return {
    type: 'FeatureCollection',
    month,
    features: rows.map((r) => ({
      type: 'Feature' as const,
      id: r.id,
      properties: {
        key: r.key,
        address: r.address,
        is_problem: r.is_problem,
        ...(r.status ? { status: r.status } : {}),
        ro_bg: r.ro_bg,
        ...(r.low === null ? {} : { unregistered_low: r.low, unregistered_high: r.high }),
        synthetic: r.synthetic,
      },
      geometry: { type: 'Point' as const, coordinates: [r.lon, r.lat] },
    })),
  };
}

/**
 * A property with its timeline, residents and visits over time, and the
 * overcrowding check for `month` (or its latest month with residents).
 */
export async function getProperty(pool: pg.Pool, cityAgs: string, id: number, month?: string): Promise<PropertyDetail | undefined> {
  const base = await pool.query(sql['get-property'], [cityAgs, id]);
  if (base.rows.length === 0) return undefined;
  const p = base.rows[0];
  const [timeline, residents, visits] = await Promise.all([
    pool.query(sql['list-property-timeline'], [id]),
    pool.query(sql['list-property-residents'], [id]),
    pool.query(sql['list-property-visits'], [id]),
  ]);
  const residentMonths: ResidentMonth[] = residents.rows.map((r) => ({
    month: r.month,
    registered: {
      ro: r.ro,
      bg: r.bg,
      other: r.other,
      roBg: r.ro + r.bg,
      roBgUnder6: r.ro_bg_under6,
      roBg6to17: r.ro_bg_6to17,
      roBgOver5y: r.ro_bg_over5y,
    },
    unregistered: r.low === null ? null : { low: r.low, high: r.high },
    basis: r.basis ?? null,
  }));
  const assessed = month ? residents.rows.find((r) => r.month === month) : residents.rows.at(-1);
  return {
    id: p.id,
    key: p.key,
    address: p.address,
    location: [p.lon, p.lat],
    areas: p.areas,
    flats: p.flats,
    livingAreaM2: p.living_area_m2,
    ownerType: p.owner_type,
    isProblem: p.is_problem,
    status: p.status,
    timeline: timeline.rows,
    residents: residentMonths,
    visits: visits.rows.map((v) => ({ month: v.month, visits: v.visits, byTopic: v.by_topic })),
    lastVisit: visits.rows.reduce<string | null>((latest, v) => (latest === null || v.last_visit > latest ? v.last_visit : latest), null),
    overcrowding: assessed
      ? {
          month: assessed.month,
          livingAreaM2: p.living_area_m2,
          ...assessOvercrowding({
            livingAreaM2: p.living_area_m2,
            registeredUnder6: assessed.all_under6,
            registered6Plus: assessed.all_6plus,
            unregistered: assessed.low === null ? null : { low: assessed.low, high: assessed.high },
          }),
        }
      : null,
    synthetic: p.synthetic,
  };
}
