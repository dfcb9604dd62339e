/**
 * The two tile paths must give the same tiles: ST_AsMVT on PostGIS, and
 * GeoJSON + geojson-vt + vt-pbf in Node where ST_AsMVT is missing (PGlite).
 * Features are compared by id and properties, and their geometry by area and
 * centroid in tile units: the paths round, simplify and clip differently (geojson-vt
 * leaves zero-area spikes along the buffer edge), so vertices differ, but a shifted,
 * flipped, wrongly scaled or truncated polygon shows in its area or centroid.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { layerIds, mapLayers } from '../queries/layers/map-layers.ts';
import { decodeTile, type DecodedFeature } from '../../test/decode-tile.ts';
import { openTestDatabase } from '../../test/engines.ts';
import { detectTileEncoder, encodeTile, composeSql } from './tile-encoder.ts';
import { tileAt } from './tile-math.ts';

const herneAgs = '05916000';
/** Herne's bbox (SOURCES.md §1). */
const herneBbox = [7.1236, 51.5031, 7.2965, 51.5733];

/** Every tile over Herne at zoom z. */
function tilesOverHerne(z: number) {
  const nw = tileAt(herneBbox[0], herneBbox[3], z);
  const se = tileAt(herneBbox[2], herneBbox[1], z);
  const tiles = [];
  for (let x = nw.x; x <= se.x; x++) for (let y = nw.y; y <= se.y; y++) tiles.push({ z, x, y });
  return tiles;
}

const summary = (features: DecodedFeature[]) =>
  features.map((f) => ({ id: f.id, type: f.type, properties: f.properties })).sort((a, b) => (a.id ?? 0) - (b.id ?? 0));

/**
 * How far the geometry of the two paths may differ: 1 % of the area plus 32 units²
 * (integer snapping and simplification on a tile of 4096²), and 4 units of centroid
 * for polygons large enough that a centroid is stable.
 */
function expectSameGeometry(actual: DecodedFeature[], expected: DecodedFeature[], label: string) {
  const byId = new Map(expected.map((f) => [f.id, f]));
  for (const feature of actual) {
    const other = byId.get(feature.id)!;
    expect(Math.abs(feature.area - other.area), `${label} feature ${feature.id} area`).toBeLessThanOrEqual(0.01 * other.area + 32);
    if (other.area > 1000) {
      expect(Math.abs(feature.centroid[0] - other.centroid[0]), `${label} feature ${feature.id} centroid x`).toBeLessThanOrEqual(4);
      expect(Math.abs(feature.centroid[1] - other.centroid[1]), `${label} feature ${feature.id} centroid y`).toBeLessThanOrEqual(4);
    }
  }
}

describe('tile encoders', () => {
  let postgis: Database;
  let pglite: Database;
  beforeAll(async () => {
    [postgis, pglite] = await Promise.all([openTestDatabase('postgis'), openTestDatabase('pglite')]);
  });
  afterAll(async () => {
    await Promise.all([postgis?.close(), pglite?.close()]);
  });

  it('are detected by probing ST_AsMVT: PostGIS has it, PGlite does not', async () => {
    expect(await detectTileEncoder(postgis.pool)).toBe('st_asmvt');
    expect(await detectTileEncoder(pglite.pool)).toBe('node');
  });

  it('composeSql numbers the wrapper parameters after the layer parameters', () => {
    expect(composeSql('WITH f AS ({{features}}) SELECT $z, $x, $y, $name', 'SELECT $1, $6;', 6, ['z', 'x', 'y', 'name'])).toBe(
      'WITH f AS (SELECT $1, $6) SELECT $7, $8, $9, $10',
    );
  });

  for (const id of layerIds) {
    const layer = mapLayers[id];
    const zooms = [10, 12, 14].filter((z) => z >= layer.minzoom && z <= layer.maxzoom);
    it(`${id}: ST_AsMVT on PostGIS and Node encoding on PostGIS and on PGlite give the same features (z ${zooms.join(', ')})`, async () => {
      let compared = 0;
      let features = 0;
      for (const z of zooms) {
        // z14 covers Herne with ~150 tiles; a diagonal sample keeps the test short.
        const tiles = tilesOverHerne(z).filter((t, i) => z < 14 || i % 7 === 0);
        for (const { x, y } of tiles) {
          const [mvt, nodeOnPostgis, nodeOnPglite] = await Promise.all([
            encodeTile(postgis.pool, 'st_asmvt', layer, herneAgs, z, x, y),
            encodeTile(postgis.pool, 'node', layer, herneAgs, z, x, y),
            encodeTile(pglite.pool, 'node', layer, herneAgs, z, x, y),
          ]);
          const reference = decodeTile(mvt, id);
          const expected = summary(reference);
          const onPostgis = decodeTile(nodeOnPostgis, id);
          const onPglite = decodeTile(nodeOnPglite, id);
          expect(summary(onPostgis), `${id} ${z}/${x}/${y} node on postgis`).toEqual(expected);
          expect(summary(onPglite), `${id} ${z}/${x}/${y} node on pglite`).toEqual(expected);
          expectSameGeometry(onPostgis, reference, `${id} ${z}/${x}/${y} node on postgis`);
          expectSameGeometry(onPglite, reference, `${id} ${z}/${x}/${y} node on pglite`);
          compared++;
          features += expected.length;
        }
      }
      expect(compared).toBeGreaterThan(0);
      expect(features).toBeGreaterThan(0); // the comparison saw real content
    });
  }
});
