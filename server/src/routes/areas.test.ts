import { describe, expect, it } from 'vitest';
import { engines } from '../../test/engines.ts';
import { useTestApp } from '../../test/test-app.ts';

describe.each(engines)('area routes on %s', (engine) => {
  const t = useTestApp(engine);

  const idOf = async (key: string) => (await t.db.pool.query('SELECT id FROM area WHERE key = $1', [key])).rows[0].id as number;

  it('a Stadtbezirk has its parent, size, Zensus population, approximate provenance and the real Ortsteil names', async () => {
    const id = await idOf('05916000-B-wanne');
    const area = (await t.app.inject(`/api/areas/${id}`)).json();
    expect(area).toMatchObject({ id, name: 'Wanne', level: 'borough', provenance: 'approximate', childCount: 3 });
    expect(area.parent).toMatchObject({ name: 'Herne', level: 'city', key: '05916000' });
    expect(area.areaKm2).toBeGreaterThan(5);
    expect(area.officialNames).toEqual(['Baukau-West', 'Crange', 'Wanne']);
    expect(area.method.en).toMatch(/^Voronoi cell of the sourced representative point of Stadtbezirk Wanne/);
    expect(area.method.de).toMatch(/^Voronoi-Zelle des belegten Lagepunkts des Stadtbezirks Wanne/);
    expect(area.source.de).toMatch(/DVG2 2018 © Land NRW/);
  });

  it('children add up to their parent: Zensus population and area', async () => {
    const { rows } = await t.db.pool.query(`
      SELECT p.key, p.zensus_population AS parent_pop, sum(c.zensus_population)::int AS child_pop,
             ST_Area(ST_Transform(p.geom, 25832)) AS parent_m2, sum(ST_Area(ST_Transform(c.geom, 25832))) AS child_m2
      FROM area p JOIN area c ON c.parent_id = p.id GROUP BY p.id ORDER BY p.key`);
    expect(rows).toHaveLength(1 + 4 + 13); // city, boroughs, quarters have children
    for (const row of rows) {
      expect(row.child_pop, row.key).toBe(row.parent_pop);
      expect(Math.abs(row.child_m2 - row.parent_m2) / row.parent_m2, row.key).toBeLessThan(0.001);
    }
  });

  it('a synthetic district is labelled synthetic and named neutrally', async () => {
    const { rows } = await t.db.pool.query("SELECT id FROM area WHERE level = 'district' ORDER BY key LIMIT 1");
    const area = (await t.app.inject(`/api/areas/${rows[0].id}`)).json();
    expect(area.provenance).toBe('synthetic');
    expect(area.level).toBe('district');
    expect(area.parent.level).toBe('quarter');
    expect(area.name).toMatch(/^(Wanne|Eickel|Sodingen|Herne-Mitte) \d+\.\d+$/);
  });

  it('a missing area is 404 naming it; a malformed id is 400 naming the parameter', async () => {
    const missing = await t.app.inject('/api/areas/999999');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().message).toBe('Area 999999 was not found');
    const malformed = await t.app.inject('/api/areas/abc');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().message).toMatch(/^id: /);
  });
});
