/**
 * The analysis units of a level with their monthly series and their geometry in
 * EPSG:25832: areas from the database, or H3 hexagons covering the city. Everything
 * is read per request; nothing is kept in memory between requests.
 */
import type pg from 'pg';
import { buildUnitSeries, type UnitDefinition } from '../../analysis/units/unit-series.ts';
import { h3CellCentre, h3CellOf, h3CellRing, h3CellsCovering, h3Resolution } from '../../analysis/units/h3-grid.ts';
import { toUtm32 } from '../../analysis/projection/to-utm32.ts';
import type { AnalysisLevel, AnalysisSeries } from '../../schemas/analysis.ts';
import type { Provenance } from '../../schemas/common.ts';
import { listMonths } from '../../months/months.ts';
import { isSynthetic } from '../figures/figures.ts';
import {
  type AnalysisPropertyRow,
  getCityOutline,
  listAnalysisAreas,
  listAnalysisProperties,
  listPropertyMonthlyFigures,
  listStatusEvents,
  listZensusCentres,
  namePointsByArea,
} from './analysis.ts';

/** A MultiPolygon's coordinates: polygons → rings → [x, y]. */
export type MultiPolygonCoordinates = number[][][][];

export interface AnalysisUnits {
  series: AnalysisSeries;
  /** Per unit (order of `series.units`): its outline in EPSG:25832 metres. */
  polygons: MultiPolygonCoordinates[];
  /** Per unit: a representative point in EPSG:25832 (point on surface, or hexagon centre). */
  points: [number, number][];
}

export interface HexagonCells {
  /** H3 indexes, sorted: the order of the units and of the map's hexagon features. */
  cells: string[];
  /** Zensus 2011 residents per cell: the cells whose centre the hexagon contains. */
  population: Map<string, number>;
  properties: AnalysisPropertyRow[];
}

/**
 * The H3 cells of a resolution covering the city (and its properties), with their Zensus
 * population: the geometry of a hexagon level without its monthly figures. null: unknown city.
 */
export async function loadHexagonCells(pool: pg.Pool, cityAgs: string, resolution: number): Promise<HexagonCells | null> {
  const [outline, properties, zensus] = await Promise.all([
    getCityOutline(pool, cityAgs),
    listAnalysisProperties(pool, cityAgs, 'city'),
    listZensusCentres(pool, cityAgs),
  ]);
  if (!outline) return null;
  const cells = h3CellsCovering(outline, resolution, properties.map((p) => [p.lon, p.lat]));
  const population = new Map<string, number>();
  for (const c of zensus) {
    const cell = h3CellOf(c.lon, c.lat, resolution);
    population.set(cell, (population.get(cell) ?? 0) + c.population);
  }
  return { cells, population, properties };
}

const project = (ring: number[][]) => ring.map(([lon, lat]) => toUtm32(lon, lat));

/** The level's units, or null when the city has no areas of that level (or does not exist). */
export async function loadAnalysisUnits(pool: pg.Pool, cityAgs: string, level: AnalysisLevel): Promise<AnalysisUnits | null> {
  const resolution = h3Resolution(level);
  const [months, figures, events, synthetic] = await Promise.all([
    listMonths(pool, cityAgs),
    listPropertyMonthlyFigures(pool, cityAgs),
    listStatusEvents(pool, cityAgs),
    isSynthetic(pool, cityAgs),
  ]);
  // The city's population is the sum over its units (the Zensus cells each unit holds), so
  // the city line of a chart is the same rate as its units', on the same denominator.
  const city = (units: readonly UnitDefinition[]): UnitDefinition => ({
    id: 'city',
    areaId: null,
    key: cityAgs,
    name: cityAgs,
    zensusPopulation: units.some((u) => u.zensusPopulation !== null) ? units.reduce((s, u) => s + (u.zensusPopulation ?? 0), 0) : null,
  });

  if (resolution === null) {
    const [areas, properties] = await Promise.all([listAnalysisAreas(pool, cityAgs, level), listAnalysisProperties(pool, cityAgs, level)]);
    if (areas.length === 0) return null;
    const definitions = areas.map((a) => ({ id: String(a.id), areaId: a.id, key: a.key, name: a.name, zensusPopulation: a.zensusPopulation }));
    const { units, city: citySeries } = buildUnitSeries({
      months,
      units: definitions,
      properties: properties.map((p) => ({ id: p.id, isProblem: p.isProblem, unitId: p.unitAreaId === null ? null : String(p.unitAreaId) })),
      figures,
      events,
      city: city(definitions),
    });
    const provenance = weakestProvenance(areas.map((a) => a.provenance));
    return {
      series: { level, months, synthetic, provenance, units, city: citySeries },
      polygons: areas.map((a) => (a.geometry.type === 'Polygon' ? [a.geometry.coordinates as number[][][]] : (a.geometry.coordinates as number[][][][]))),
      points: areas.map((a) => a.point),
    };
  }

  const hexagons = await loadHexagonCells(pool, cityAgs, resolution);
  if (!hexagons) return null;
  const { cells, population, properties } = hexagons;
  const centres = cells.map(h3CellCentre);
  const names = hexagonNames(cells, await namePointsByArea(pool, cityAgs, centres));
  const definitions = cells.map((cell, i) => ({ id: cell, areaId: null, key: cell, name: names[i], zensusPopulation: population.get(cell) ?? null }));
  const { units, city: citySeries } = buildUnitSeries({
    months,
    units: definitions,
    properties: properties.map((p) => ({ id: p.id, isProblem: p.isProblem, unitId: h3CellOf(p.lon, p.lat, resolution) })),
    figures,
    events,
    city: city(definitions),
  });
  return {
    // The grid itself is exact; the figures in it may still be synthetic (`synthetic`).
    series: { level, months, synthetic, provenance: 'official', units, city: citySeries },
    polygons: cells.map((cell) => [[project(h3CellRing(cell))]]),
    points: centres.map(([lon, lat]) => toUtm32(lon, lat)),
  };
}

/**
 * "Wanne 3.2 · 2": the area a hexagon's centre lies in, and its number among that area's
 * hexagons (in H3 index order, so names stay the same from run to run); the H3 index itself
 * where the city has no areas.
 */
export function hexagonNames(cells: readonly string[], areaNames: readonly (string | null)[]): string[] {
  const counts = new Map<string, number>();
  return cells.map((cell, i) => {
    const area = areaNames[i];
    if (area === null) return cell;
    const k = (counts.get(area) ?? 0) + 1;
    counts.set(area, k);
    return `${area} · ${k}`;
  });
}

/** The least trustworthy provenance among the units: a map is as exact as its weakest area. */
function weakestProvenance(all: readonly Provenance[]): Provenance {
  if (all.includes('synthetic')) return 'synthetic';
  if (all.includes('approximate')) return 'approximate';
  return 'official';
}
