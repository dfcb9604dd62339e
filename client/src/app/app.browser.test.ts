/**
 * The production build, served by the real server on a real database, opened in
 * Debian's headless Chromium: the map draws Herne's areas, a click opens the side
 * panel, the thematic modes change legend and fill, the Zensus grid and the hover
 * highlight draw, a problem property opens with its WohnStG timeline, the language
 * switches, and nothing is requested from any other host.
 *
 * Operational data comes from server/test/operational-fixture.sql (3 properties; T-1 is
 * a problem property with a 4-event timeline), inserted here, so that these tests do not
 * depend on the synthetic data the seed may load.
 */
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../server/src/db/database.ts';
import { loadConfig } from '../../../server/src/config.ts';
import { seedCity } from '../../../server/src/seed/seed-city.ts';
import { launchChromium, mapIdle, openApp, watchPage, countPixels, type PageWatch } from '../../../server/test/chromium.ts';
import { engines, openTestDatabase } from '../../../server/test/engines.ts';
import { buildTestApp, listenTestApp } from '../../../server/test/test-app.ts';

declare global {
  interface Window {
    __quartiersatlas?: { map: import('maplibre-gl').Map };
  }
}

const operationalFixture = readFileSync(new URL('../../../server/test/operational-fixture.sql', import.meta.url), 'utf8');

/** Share of pixels (0..1) that differ clearly between two screenshots of the same size, outside `exclude`. */
async function changedShare(a: Buffer, b: Buffer, exclude?: { x: number; y: number; width: number; height: number }): Promise<number> {
  const { PNG } = await import('pngjs');
  const pa = PNG.sync.read(a);
  const pb = PNG.sync.read(b);
  let changed = 0;
  let total = 0;
  for (let y = 0; y < pa.height; y++) {
    for (let x = 0; x < pa.width; x++) {
      if (exclude && x >= exclude.x && x < exclude.x + exclude.width && y >= exclude.y && y < exclude.y + exclude.height) continue;
      const i = (y * pa.width + x) * 4;
      total++;
      if (Math.abs(pa.data[i] - pb.data[i]) + Math.abs(pa.data[i + 1] - pb.data[i + 1]) + Math.abs(pa.data[i + 2] - pb.data[i + 2]) > 30) changed++;
    }
  }
  return changed / total;
}

describe.each(engines)('the app in Chromium on %s', (engine) => {
  let db: Database;
  let app: FastifyInstance;
  let url: string;
  let browser: BrowserContext;
  let page: Page;
  let watch: PageWatch;

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    await db.pool.query(operationalFixture);
    app = await buildTestApp(db);
    url = await listenTestApp(app);
    browser = await launchChromium();
    page = await browser.newPage();
    watch = watchPage(page);
    await openApp(page, `${url}/`);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
  });

  it('draws the area fill: hiding it changes a large part of the map', async () => {
    const map = page.getByTestId('map');
    const withFill = await map.screenshot();
    await page.evaluate(() => window.__quartiersatlas!.map.setLayoutProperty('area-fill', 'visibility', 'none'));
    await mapIdle(page);
    const withoutFill = await map.screenshot();
    await page.evaluate(() => window.__quartiersatlas!.map.setLayoutProperty('area-fill', 'visibility', 'visible'));
    await mapIdle(page);

    const { PNG } = await import('pngjs');
    const a = PNG.sync.read(withFill).data;
    const b = PNG.sync.read(withoutFill).data;
    let changed = 0;
    for (let i = 0; i < a.length; i += 4) if (Math.abs(a[i] - b[i]) + Math.abs(a[i + 1] - b[i + 1]) + Math.abs(a[i + 2] - b[i + 2]) > 30) changed++;
    const total = a.length / 4;
    // Herne covers roughly a third of the map at the start view; its fill must account for much of that.
    expect(changed / total).toBeGreaterThan(0.1);
    // The map is not blank: more than one colour is drawn.
    expect(countPixels(withFill, (r, g, bl) => Math.abs(r - g) > 20 || Math.abs(g - bl) > 20)).toBeGreaterThan(total * 0.1);
  });

  it('clicking a quarter opens the side panel with its name, level and parent', async () => {
    const { rows } = await db.pool.query(
      "SELECT a.id, a.name, p.name AS parent, ST_X(ST_PointOnSurface(a.geom)) AS lon, ST_Y(ST_PointOnSurface(a.geom)) AS lat FROM area a JOIN area p ON p.id = a.parent_id WHERE a.level = 'quarter' ORDER BY a.key",
    );
    // The first quarter whose interior point is visible and not under a floating panel.
    let target: { name: string; parent: string; x: number; y: number } | undefined;
    for (const row of rows) {
      const point = await page.evaluate(([lon, lat]) => {
        const map = window.__quartiersatlas!.map;
        const p = map.project([lon, lat]);
        const rect = map.getCanvas().getBoundingClientRect();
        const x = rect.left + p.x;
        const y = rect.top + p.y;
        return document.elementFromPoint(x, y) === map.getCanvas() ? { x, y } : null;
      }, [row.lon, row.lat]);
      if (point) {
        target = { name: row.name, parent: row.parent, ...point };
        break;
      }
    }
    expect(target, 'some quarter is visible on the map').toBeDefined();
    await page.mouse.click(target!.x, target!.y);
    await expect.poll(() => page.getByTestId('area-panel-name').textContent(), { timeout: 15_000 }).toBe(target!.name);
    const panel = page.getByTestId('area-panel');
    expect(await panel.textContent()).toContain(target!.parent);
    expect(await page.getByTestId('area-panel-level').textContent()).toBe('Ortsteil');
    expect(await page.getByTestId('area-panel-area').textContent()).toMatch(/^\d+,\d{2} km²$/);
    expect(await page.getByTestId('area-panel-method').textContent()).toMatch(/^Einwohnergleicher Teil \d+ von \d+/);
    expect(page.url()).toMatch(/[?&]area=\d+/); // the selection is in the URL, shareable
  });

  it('shows the attribution of every data source on the map', async () => {
    const attribution = await page.locator('.maplibregl-ctrl-attrib').textContent();
    expect(attribution).toContain('Verwaltungsgrenzen: © Land NRW (2018), Datenlizenz Deutschland – Zero – Version 2.0');
    expect(attribution).toContain('Zensus 2011, 100-m-Gitter: © Statistisches Bundesamt (Destatis), Wiesbaden 2018');
    expect(attribution).toContain('Ortsteil-Koordinaten: Wikipedia (de), Stadt Herne (Presseamt)');
  });

  it('labels synthetic layers as synthetic in the layer switcher and legend', async () => {
    expect(await page.getByTestId('layer-switcher').textContent()).toContain('synthetisch');
    expect(await page.getByTestId('legend').textContent()).toContain('synthetisch');
  });

  it('switches the UI to English', async () => {
    await page.getByTestId('lang-switch-en').click();
    await expect.poll(() => page.getByTestId('layer-switcher').textContent()).toContain('Map layers');
    expect(await page.getByTestId('area-panel-level').textContent()).toBe('Quarter (Ortsteil)');
    expect(await page.getByTestId('area-panel-method').textContent()).toMatch(/^Population-balanced part \d+ of \d+/);
    expect(page.url()).toMatch(/[?&]lang=en/);
  });

  it('switches the thematic mode to residents: the legend shows classes and a range mark, the fill changes', async () => {
    await openApp(page, `${url}/`);
    const map = page.getByTestId('map');
    const neutral = await map.screenshot();
    expect(await page.getByTestId('legend').getAttribute('data-theme')).toBe('areas');

    await page.getByTestId('theme-residents').check();
    const legend = page.getByTestId('legend-residents');
    await legend.waitFor({ timeout: 15_000 });
    await mapIdle(page);
    expect(await legend.textContent()).toContain('Gemeldete Einwohner RO/BG');
    expect(await page.getByTestId('legend-interval').textContent()).toContain('Spanne');
    expect(await legend.locator('.ramp-step').count()).toBeGreaterThanOrEqual(2);
    expect(page.url()).toMatch(/[?&]theme=residents/);
    // The choropleth replaces the neutral colours over the whole city.
    expect(await changedShare(neutral, await map.screenshot())).toBeGreaterThan(0.05);
  });

  it('steps back a month: the URL and the figures follow', async () => {
    await page.getByTestId('month-prev').click();
    await expect.poll(() => page.url()).toMatch(/[?&]month=2026-09/);
    await expect.poll(() => page.getByTestId('legend-residents').textContent()).toContain('September 2026');
    expect(await page.getByTestId('month-next').isEnabled()).toBe(true);
    await page.getByTestId('month-next').click();
    await expect.poll(() => page.url()).not.toMatch(/month=/); // the latest month is the default
  });

  it('switches the thematic mode to coverage: gap legend, case-manager table, fill and highlight change', async () => {
    const map = page.getByTestId('map');
    await mapIdle(page);
    const residents = await map.screenshot();
    await page.getByTestId('theme-coverage').check();
    const legend = page.getByTestId('legend-coverage');
    await legend.waitFor({ timeout: 15_000 });
    await mapIdle(page);
    const coverage = await map.screenshot();
    expect(await legend.textContent()).toContain('keine Fallmanager:in zuständig');
    expect(await legend.textContent()).toContain('kein Besuch seit 90 Tagen');
    expect(await page.getByTestId('legend-residents').count()).toBe(0);
    expect(await changedShare(residents, coverage)).toBeGreaterThan(0.05);

    // The fixture's two case managers, by pseudonym; a row highlights that person's areas.
    const table = page.getByTestId('coverage-table');
    expect(await table.textContent()).toContain('T-FM-1');
    expect(await table.textContent()).toContain('T-FM-2');
    const { rows } = await db.pool.query("SELECT id FROM case_manager WHERE key = 'T-FM-1'");
    await page.getByTestId('coverage-row-T-FM-1').click();
    await expect.poll(() => page.url()).toMatch(new RegExp(`[?&]cm=${rows[0].id}(&|#|$)`));
    // T-FM-1 covers two districts: zoom to them so that the highlight is large enough to count.
    await page.evaluate(() => window.__quartiersatlas!.map.jumpTo({ zoom: 11.5 }));
    await mapIdle(page);
    const before = await map.screenshot();
    await page.getByTestId('coverage-row-T-FM-1').click(); // again: no highlight
    await expect.poll(() => page.url()).not.toMatch(/[?&]cm=/);
    await mapIdle(page);
    expect(await changedShare(before, await map.screenshot())).toBeGreaterThan(0.001);
  });

  it('the Zensus grid toggle draws cells', async () => {
    await openApp(page, `${url}/`);
    const map = page.getByTestId('map');
    const without = await map.screenshot();
    await page.getByTestId('toggle-zensus').check();
    await page.getByTestId('legend-zensus').waitFor();
    await mapIdle(page);
    const cells = await page.evaluate(() => window.__quartiersatlas!.map.queryRenderedFeatures({ layers: ['zensus-fill'] }).length);
    expect(cells).toBeGreaterThan(100);
    expect(await changedShare(without, await map.screenshot())).toBeGreaterThan(0.05);
    // The suppression threshold comes from the server's settings.
    expect(await page.getByTestId('legend-zensus').textContent()).toContain('< 30 Einwohner');
    await page.getByTestId('toggle-zensus').uncheck();
    await mapIdle(page);
  });

  it('hovering an area highlights it', async () => {
    const { rows } = await db.pool.query(
      "SELECT ST_X(ST_PointOnSurface(geom)) AS lon, ST_Y(ST_PointOnSurface(geom)) AS lat FROM area WHERE level = 'quarter' ORDER BY ST_Area(geom) DESC LIMIT 1",
    );
    const point = await page.evaluate(([lon, lat]) => {
      const map = window.__quartiersatlas!.map;
      const p = map.project([lon, lat]);
      const rect = map.getCanvas().getBoundingClientRect();
      return { x: rect.left + p.x, y: rect.top + p.y, left: rect.left, top: rect.top };
    }, [rows[0].lon, rows[0].lat]);
    const map = page.getByTestId('map');
    await page.mouse.move(5, 5); // off the map
    await mapIdle(page);
    const plain = await map.screenshot();
    await page.mouse.move(point.x, point.y);
    await page.locator('.hover-tooltip').waitFor();
    await mapIdle(page);
    const hovered = await map.screenshot();
    // Everything but the tooltip, which sits right below the pointer.
    const tooltip = { x: point.x - point.left, y: point.y - point.top, width: 320, height: 90 };
    expect(await changedShare(plain, hovered, tooltip)).toBeGreaterThan(0.002);
    await page.mouse.move(5, 5);
  });

  it('clicking a problem property opens its panel with the WohnStG timeline in order', async () => {
    const { rows } = await db.pool.query("SELECT id, ST_X(geom) AS lon, ST_Y(geom) AS lat FROM property WHERE key = 'T-1'");
    const { id, lon, lat } = rows[0];
    // Zoomed in beyond clustering, so the point itself is on the map.
    await page.evaluate(([lon, lat]) => window.__quartiersatlas!.map.jumpTo({ center: [lon, lat], zoom: 16 }), [lon, lat]);
    await mapIdle(page);
    const point = await page.evaluate(([lon, lat]) => {
      const map = window.__quartiersatlas!.map;
      const p = map.project([lon, lat]);
      const rect = map.getCanvas().getBoundingClientRect();
      return { x: rect.left + p.x, y: rect.top + p.y };
    }, [lon, lat]);
    await page.mouse.click(point.x, point.y);
    await expect.poll(() => page.getByTestId('property-panel-address').textContent(), { timeout: 15_000 }).toBe('Teststraße 10');
    expect(page.url()).toMatch(new RegExp(`[?&]property=${id}(&|#|$)`));
    const events = page.getByTestId('property-timeline').locator('li');
    expect(await events.count()).toBe(4);
    const statuses = await events.locator('.timeline-status').allTextContents();
    expect(statuses).toEqual(['gemeldet', 'besichtigt', 'Mängel festgestellt', 'Anordnung erlassen']);
    expect(await events.first().textContent()).toContain('02.03.2025');
    expect(await events.first().textContent()).toContain('Hinweis Nachbarschaft');
    expect(await page.getByTestId('property-residents-chart').locator('svg path').count()).toBeGreaterThan(0);
    // Residents and estimates are ranges: 4 + 10 + 3 RO/BG, 2 others, 5–12 unregistered.
    expect(await page.getByTestId('property-overcrowding').textContent()).toMatch(/\d+–\d+/);
    expect(await page.getByTestId('area-panel').count()).toBe(0); // the property panel replaces it
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('property-panel').count()).toBe(0);
  });

  it('a link to a property shows it: the map moves from the city view to where the point is drawn on its own', async () => {
    const { rows } = await db.pool.query("SELECT id, ST_X(geom) AS lon, ST_Y(geom) AS lat FROM property WHERE key = 'T-3'");
    const { id, lon, lat } = rows[0];
    await openApp(page, `${url}/?property=${id}`);
    await expect.poll(() => page.getByTestId('property-panel-address').textContent(), { timeout: 15_000 }).toBe('Teststraße 14');
    await expect.poll(() => page.evaluate(() => window.__quartiersatlas!.map.getZoom()), { timeout: 15_000 }).toBeGreaterThan(14);
    await mapIdle(page);
    const offset = await page.evaluate(([lon, lat]) => {
      const map = window.__quartiersatlas!.map;
      const p = map.project([lon, lat]);
      const c = map.project(map.getCenter());
      return Math.hypot(p.x - c.x, p.y - c.y);
    }, [lon, lat]);
    expect(offset).toBeLessThan(5);
    await page.keyboard.press('Escape');
  });

  it('made no request to another host and logged no error', () => {
    expect(watch.externalRequests).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });
});

describe('a city without district geometry in Chromium', () => {
  let db: Database;
  let app: FastifyInstance;
  let browser: BrowserContext;

  beforeAll(async () => {
    db = await openTestDatabase('pglite');
    await seedCity(db.pool, '05911000', { dataDir: loadConfig({}).dataDir });
    app = await buildTestApp(db, { env: { CITY_AGS: '05911000' } });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
  });

  it('Bochum: shows the city and says that district geometry is missing and how it is imported', async () => {
    const page = await browser.newPage();
    const watch = watchPage(page);
    await openApp(page, `${await listenTestApp(app)}/`);
    const notice = page.getByTestId('missing-districts-notice');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toContain('Bochum');
    expect(await notice.textContent()).toContain('npm run import -- areas');
    expect(await page.getByTestId('city-name').textContent()).toContain('Bochum');
    expect(watch.pageErrors).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.externalRequests).toEqual([]);
  });
});

describe('a basemap that cannot be loaded in Chromium', () => {
  let db: Database;
  let app: FastifyInstance;
  let browser: BrowserContext;

  beforeAll(async () => {
    db = await openTestDatabase('pglite');
    // A port that was just free: the connection is refused at once, the style never loads.
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    app = await buildTestApp(db, { env: { BASEMAP_STYLE_URL: `http://127.0.0.1:${port}/style.json` } });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
  });

  it('falls back to the self-contained style, draws the areas and says so', async () => {
    const page = await browser.newPage();
    const watch = watchPage(page);
    await openApp(page, `${await listenTestApp(app)}/`);
    expect(await page.getByTestId('basemap-notice').textContent()).toContain('Hintergrundkarte konnte nicht geladen werden');
    const drawn = await page.evaluate(() => window.__quartiersatlas!.map.queryRenderedFeatures({ layers: ['area-fill'] }).length);
    expect(drawn).toBeGreaterThan(0);
    // Off the basemap the neighbours are filled again (context-layer.ts).
    expect(await page.evaluate(() => window.__quartiersatlas!.map.getLayoutProperty('context-fill', 'visibility'))).toBe('visible');
    expect(watch.pageErrors).toEqual([]);
    // The one failed request is the style itself.
    expect(watch.consoleErrors.filter((m) => !m.includes('ERR_CONNECTION_REFUSED'))).toEqual([]);
  });
});
