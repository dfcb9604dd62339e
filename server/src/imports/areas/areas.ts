/**
 * `areas`: the city's own boundaries from a GeoJSON FeatureCollection of (Multi)Polygons.
 * Replaces all areas of the levels present in the file: an area whose key is in the
 * file is updated in place (its id, children and case-manager assignments stay), new
 * keys are inserted by level (parents may be in the same file), and areas of those
 * levels that the file lacks are removed. Afterwards every property is assigned again
 * to the lowest-level area containing it and the Zensus populations are recomputed.
 */
import { loadSql } from '../../db/sql-file.ts';
import type { LocalizedText } from '../../schemas/common.ts';
import { assignZensusPopulation } from '../../zensus/assign-zensus-population.ts';
import { optional, readFields, required, type SourceRecord } from '../columns.ts';
import type { ErrorList } from '../error-list.ts';
import type { ImportKindModule } from '../import-kind.ts';
import type { Table } from '../read-table.ts';
import { reasons, type Reason } from '../reasons.ts';
import { oneOf, text, type ValueParser } from '../values.ts';

const sql = loadSql(import.meta.url, [
  'create-area-stage',
  'stage-areas',
  'check-areas',
  'upsert-areas',
  'delete-removed-areas',
  'assign-property-areas',
] as const);


/** A text in both UI languages: a plain text (used for both) or {"de": …, "en": …}. */
const localizedText: ValueParser<LocalizedText> = {
  expected: { en: 'a text, or {"de": "…", "en": "…"}', de: 'ein Text oder {"de": "…", "en": "…"}' },
  parse(value) {
    if (!value.startsWith('{')) return { value: { de: value, en: value } };
    try {
      const parsed = JSON.parse(value) as Partial<LocalizedText>;
      if (typeof parsed.de === 'string' && typeof parsed.en === 'string' && parsed.de.trim() && parsed.en.trim() && Object.keys(parsed).length === 2) {
        return { value: { de: parsed.de.trim(), en: parsed.en.trim() } };
      }
    } catch {
      // falls through to the reason
    }
    return { reason: reasons.notLocalizedText() };
  },
};

/** Where imported boundaries come from when the file does not say. */
const defaultSource: LocalizedText = { de: 'Stadtverwaltung (Import)', en: 'City administration (import)' };

/** Levels in the order they are inserted: a parent before its children. */
const levels = ['borough', 'quarter', 'district'] as const;

const columns = [
  required('key', text({ en: "the area's key, e.g. its official number", de: 'der Schlüssel des Gebiets, z. B. seine amtliche Nummer' })),
  required('name', text({ en: 'a name, e.g. Wanne', de: 'ein Name, z. B. Wanne' })),
  required('level', oneOf(levels)),
  required('parent_key', text({ en: "the key of the area it lies in (for a borough the city's AGS)", de: 'der Schlüssel des Gebiets, in dem es liegt (für einen Stadtbezirk der AGS der Stadt)' })),
  optional('provenance', oneOf(['official', 'approximate', 'synthetic']), 'official'),
  optional('source', localizedText, defaultSource),
  optional('method', localizedText),
];

export const areas: ImportKindModule = {
  kind: 'areas',
  table: { kind: 'areas', columns, csv: false, geojson: 'Polygon' },
  fields: [...columns.map((c) => c.name), 'geometry'],
  stageRow(record, table, errors) {
    const { values } = readFields(record, columns, errors);
    return { file_row: record.row, ...values, geometry: readPolygon(record, table, errors), srid: table.crs };
  },
  sql: {
    createStage: sql['create-area-stage'],
    stage: sql['stage-areas'],
    check: sql['check-areas'],
  },
  duplicateOf: ['key'],
  applySteps: levels.length + 3,
  async apply(ctx) {
    let inserted = 0;
    let updated = 0;
    for (const level of levels) {
      const { rows } = await ctx.client.query(sql['upsert-areas'], [ctx.cityAgs, ctx.datasets, level]);
      inserted += rows[0].inserted;
      updated += rows[0].updated;
      ctx.stepDone();
    }
    const removed = (await ctx.client.query(sql['delete-removed-areas'], [ctx.cityAgs])).rows[0];
    ctx.stepDone();
    const located = (await ctx.client.query(sql['assign-property-areas'], [ctx.cityAgs])).rows[0];
    ctx.stepDone();
    await assignZensusPopulation(ctx.client, ctx.cityAgs);
    ctx.stepDone();
    const notes: LocalizedText[] = [];
    if (removed.lost_assignments > 0) {
      notes.push({
        en: `${removed.lost_assignments} case-manager area assignments were removed with their areas; import the case managers again to assign the new areas`,
        de: `${removed.lost_assignments} Gebietszuordnungen von Fallmanager:innen wurden mit ihren Gebieten entfernt; importieren Sie die Fallmanager:innen erneut, um die neuen Gebiete zuzuordnen`,
      });
    }
    if (located.outside > 0) {
      notes.push({
        en: `${located.outside} of ${located.properties} properties lie in none of the areas`,
        de: `${located.outside} von ${located.properties} Immobilien liegen in keinem der Gebiete`,
      });
    }
    return { inserted, updated, deleted: removed.deleted, notes };
  },
};

/**
 * Checks the structure of a Polygon or MultiPolygon (rings of at least four positions,
 * closed, numbers; degrees unless the file is in EPSG:25832) and returns it for
 * staging; PostGIS judges validity (self-intersections) in check-areas.sql.
 */
function readPolygon(record: SourceRecord, table: Table, errors: ErrorList): unknown {
  const geometry = record.geometry as { type?: unknown; coordinates?: unknown } | null | undefined;
  if (!geometry || typeof geometry !== 'object') {
    errors.add(record.row, 'geometry', '', reasons.noGeometry('Polygon or MultiPolygon'));
    return null;
  }
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') {
    errors.add(record.row, 'geometry', String(geometry.type ?? ''), reasons.wrongGeometry(String(geometry.type), 'Polygon or MultiPolygon'));
    return null;
  }
  const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as unknown;
  const problem = polygonProblem(polygons, table.crs === 4326);
  if (problem) {
    errors.add(record.row, 'geometry', String(geometry.type), problem);
    return null;
  }
  return { type: geometry.type, coordinates: geometry.coordinates };
}

function polygonProblem(polygons: unknown, degrees: boolean): Reason | undefined {
  if (!Array.isArray(polygons) || polygons.length === 0) return reasons.badCoordinates({ en: 'expected an array of polygons', de: 'erwartet wird eine Liste von Polygonen' });
  for (const [p, rings] of polygons.entries()) {
    if (!Array.isArray(rings) || rings.length === 0) return reasons.badCoordinates({ en: `polygon ${p + 1} has no rings`, de: `Polygon ${p + 1} hat keine Ringe` });
    for (const [r, ring] of rings.entries()) {
      const where = {
        en: `ring ${r + 1}${polygons.length > 1 ? ` of polygon ${p + 1}` : ''}`,
        de: `Ring ${r + 1}${polygons.length > 1 ? ` von Polygon ${p + 1}` : ''}`,
      };
      if (!Array.isArray(ring) || ring.length < 4) {
        return reasons.badCoordinates({ en: `${where.en} has fewer than 4 positions`, de: `${where.de} hat weniger als 4 Positionen` });
      }
      for (const position of ring) {
        if (!Array.isArray(position) || position.length < 2 || !position.every((n) => typeof n === 'number' && Number.isFinite(n))) {
          return reasons.badCoordinates({ en: `${where.en} has a position that is not [x, y]`, de: `${where.de} hat eine Position, die nicht [x, y] ist` });
        }
        if (degrees && (Math.abs(position[0]) > 180 || Math.abs(position[1]) > 90)) return reasons.notDegrees();
      }
      const [first, last] = [ring[0], ring[ring.length - 1]];
      if (first[0] !== last[0] || first[1] !== last[1]) {
        return reasons.badCoordinates({
          en: `${where.en} is not closed (its first and last positions differ)`,
          de: `${where.de} ist nicht geschlossen (erste und letzte Position unterscheiden sich)`,
        });
      }
    }
  }
  return undefined;
}
