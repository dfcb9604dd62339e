/**
 * The production build, served by the real server on a real database, opened in
 * Debian's headless Chromium: the map draws Herne's areas, a click opens the side
 * panel, the language switches, and nothing is requested from any other host.
 */
import type { FastifyInstance } from 'fastify';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../server/src/db/database.ts';
import { loadConfig } from '../../../server/src/config.ts';
import { seedCity } from '../../../server/src/seed/seed-city.ts';
import { launchChromium, watchPage, countPixels, type PageWatch } from '../../../server/test/chromium.ts';
import { engines, openTestDatabase } from '../../../server/test/engines.ts';
import { buildTestApp, listenTestApp } from '../../../server/test/test-app.ts';

declare global {
  interface Window {
    __quartiersatlas?: { map: import('maplibre-gl').Map };
  }
}

async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('[data-map-idle="true"]', { timeout: 60_000 });
}

/** Waits until MapLibre has drawn everything it was asked to (after a style change). */
async function mapIdle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = window.__quartiersatlas!.map;
        map.triggerRepaint();
        map.once('idle', () => resolve());
      }),
  );
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
