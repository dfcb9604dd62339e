/**
 * The analysis theme in the production build, served by the real server on a real
 * database, in Debian's headless Chromium: the choropleth with its legend and table,
 * the Gi* hot spot map with its method card, the month player, the refusal below 30
 * units, selection from the table and from the map (cross-filter both ways), and the
 * H3 grid.
 *
 * The seeded test template holds no operational data (global-setup.ts seeds without
 * it), and the trend needs ≥ 10 months, so analysis-fixture.sql beside this file adds
 * one property per statistical district with 24 months of registered residents, the
 * 9 districts of Wanne growing fast. Everything asserted below follows from that file.
 */
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../server/src/db/database.ts';
import { countPixels, launchChromium, mapIdle, openApp, watchPage, type PageWatch } from '../../../../server/test/chromium.ts';
import { engines, openTestDatabase } from '../../../../server/test/engines.ts';
import { buildTestApp, listenTestApp } from '../../../../server/test/test-app.ts';
import { HOTSPOT_BIN_COLOURS } from '../../map/classification/palettes.ts';
import { BACKGROUND } from '../../map/layers/palette.ts';

declare global {
  interface Window {
    __quartiersatlas?: { map: import('maplibre-gl').Map };
  }
}

const analysisFixture = readFileSync(new URL('./analysis-fixture.sql', import.meta.url), 'utf8');

/** Fill opacities of the analysis fills (map-layers.ts, analysis-layer.ts). */
const AREA_OPACITY = 0.85;
const HEX_OPACITY = 0.82;
/** What covers the map but is not the map: hidden while the map is photographed. */
const HIDE_OVERLAYS = '.map-card, .maplibregl-control-container, .hover-tooltip, .map-notices, .map-caption { visibility: hidden !important; }';

type Rgb = [number, number, number];

/** `#rrggbb` or `rgb(r, g, b)` → [r, g, b]. */
function rgb(colour: string): Rgb {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (hex) return [1, 2, 3].map((i) => parseInt(hex[i], 16)) as Rgb;
  const fn = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(colour);
  if (fn) return [Number(fn[1]), Number(fn[2]), Number(fn[3])];
  throw new Error(`not a colour: ${colour}`);
}

/** A fill of `colour` at `opacity` over the map's background, as the screen shows it. */
function onBackground(colour: string, opacity: number): Rgb {
  const [c, b] = [rgb(colour), rgb(BACKGROUND)];
  return [0, 1, 2].map((i) => Math.round(opacity * c[i] + (1 - opacity) * b[i])) as Rgb;
}

/** Pixels of the screenshot within `tolerance` (per channel) of `target`. */
function pixelsOf(png: Buffer, target: Rgb, tolerance = 6): number {
  return countPixels(png, (r, g, b) => Math.abs(r - target[0]) <= tolerance && Math.abs(g - target[1]) <= tolerance && Math.abs(b - target[2]) <= tolerance);
}

/** The map alone (the first one: with a comparison month there is a second), without the cards floating over it. */
async function mapShot(page: Page): Promise<Buffer> {
  await page.mouse.move(2, 2); // no hover highlight or tooltip
  await mapIdle(page);
  return page.getByTestId('map').first().screenshot({ style: HIDE_OVERLAYS });
}

/** Colours of the legend entries, as the page computes them. */
async function legendColours(page: Page): Promise<string[]> {
  return page.getByTestId('analysis-legend-entry').locator('.swatch').evaluateAll((swatches) => swatches.map((s) => getComputedStyle(s).backgroundColor));
}

/** The method card as term → value. */
async function methodCard(page: Page): Promise<Record<string, string>> {
  const rows = await page.getByTestId('method-card').locator('.method-card-row').evaluateAll((list) =>
    list.map((row) => [row.querySelector('dt')?.textContent ?? '', row.querySelector('dd')?.textContent ?? '']),
  );
  return Object.fromEntries(rows);
}

/** The value of the URL's query parameter `name`, or null. */
const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);

describe.each(engines)('the analysis theme in Chromium on %s', (engine) => {
  let db: Database;
  let app: FastifyInstance;
  let url: string;
  let browser: BrowserContext;
  let page: Page;
  let watch: PageWatch;

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    await db.pool.query(analysisFixture);
    app = await buildTestApp(db);
    url = await listenTestApp(app);
    browser = await launchChromium();
    page = await browser.newPage();
    watch = watchPage(page);
    await openApp(page, `${url}/?theme=analysis&level=districts`);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
  });

  it('the fixture is what it says: 32 districts with a property, 24 months, Wanne (9 districts) growing', async () => {
    const { rows } = await db.pool.query(`
      SELECT count(DISTINCT p.id)::int AS properties, count(DISTINCT r.month)::int AS months,
             min(r.month)::text AS first, max(r.month)::text AS last,
             count(DISTINCT p.id) FILTER (WHERE r.registered > 40)::int AS growing
      FROM property AS p JOIN resident_count AS r ON r.property_id = p.id WHERE p.key LIKE 'A-%'`);
    expect(rows[0]).toEqual({ properties: 32, months: 24, first: '2024-11-01', last: '2026-10-01', growing: 9 });
  });

  it('shows the panel, the legend, the table and the choropleth on the map', async () => {
    await page.getByTestId('analysis-panel').waitFor();
    const entries = page.getByTestId('analysis-legend-entry');
    await expect.poll(() => entries.count()).toBeGreaterThanOrEqual(2);
    await expect.poll(() => page.locator('[data-testid^=analysis-row-]').count()).toBe(32);
    expect(await page.getByTestId('analysis-table').isVisible()).toBe(true);

    // Quantile classes: the legend's colours are on the map, at least two of them in clear patches.
    const shot = await mapShot(page);
    const perColour = (await legendColours(page)).map((c) => pixelsOf(shot, onBackground(c, AREA_OPACITY)));
    expect(perColour.filter((n) => n > 200).length, `pixels per legend colour: ${perColour.join(', ')}`).toBeGreaterThanOrEqual(2);
  });

  it('Gi*: the method card says how it was computed, and the hot spot over Wanne is drawn', async () => {
    await page.getByTestId('analysis-statistic-gi_star').click();
    await expect.poll(() => param(page, 'stat')).toBe('gi_star');
    await page.getByTestId('method-card').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('method-card').textContent(), { timeout: 30_000 }).toContain('Oktober 2026');

    const card = await methodCard(page);
    expect(card['Statistik']).toBe('Hotspots (Gi*)');
    expect(card['Nachbarschaft']).toBe('Queen (gemeinsamer Punkt), zeilenstandardisiert');
    expect(card['Inferenz']).toBe('analytisch und 999 bedingte Permutationen (Startwert 12345)');
    expect(card['Mehrfachtests']).toBe('FDR-Korrektur (Benjamini–Hochberg) an');
    expect(card['Einheiten']).toBe('32 (Minimum 30)');
    expect(card['Daten']).toBe('Gemeldete (RO+BG) · Oktober 2026');
    expect(card['Trend']).toBe('Mann–Kendall auf Gi* je Monat, November 2024 – Oktober 2026 (24 Monate)');
    expect(await page.getByTestId('hotspot-refusal').count()).toBe(0);

    // The legend now lists the seven confidence bins; hot ones are drawn over Wanne.
    await expect.poll(() => page.getByTestId('analysis-legend-entry').count()).toBe(7);
    expect(await page.getByTestId('analysis-legend').textContent()).toContain('Heiß, 99 % Konfidenz');
    const shot = await mapShot(page);
    const hot = ([1, 2, 3] as const).map((bin) => pixelsOf(shot, onBackground(HOTSPOT_BIN_COLOURS[bin], AREA_OPACITY)));
    expect(hot.reduce((s, n) => s + n, 0), `pixels of hot bins 1, 2, 3: ${hot.join(', ')}`).toBeGreaterThan(200);
    // The table says the same: the hot units are districts of Wanne, each with z and p.
    const rows = await page.locator('[data-testid^=analysis-row-]').evaluateAll((list) =>
      list.map((row) => Array.from(row.querySelectorAll('th, td'), (cell) => cell.textContent ?? '')),
    );
    const hotRows = rows.filter((cells) => cells[2].startsWith('Heiß'));
    expect(hotRows.length).toBeGreaterThan(0);
    for (const [name, , , z, p] of hotRows) {
      expect(name).toMatch(/^Wanne /);
      expect(Number(z.replace(',', '.'))).toBeGreaterThan(1.64);
      expect(p).toMatch(/^(< )?0,\d{3}$/);
    }
  });

  it('the month slider steps back a month: the method card and the URL follow', async () => {
    const slider = page.getByTestId('month-slider');
    expect(await slider.inputValue()).toBe('23');
    await slider.focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => param(page, 'month')).toBe('2026-09');
    await expect.poll(async () => (await methodCard(page))['Daten'], { timeout: 30_000 }).toBe('Gemeldete (RO+BG) · September 2026');
    const card = await methodCard(page);
    expect(card['Trend']).toBe('Mann–Kendall auf Gi* je Monat, November 2024 – September 2026 (23 Monate)');
    expect(await page.getByTestId('month-player-label').textContent()).toBe('September 2026');
    // The header's month list follows the same URL.
    expect(await page.getByTestId('month-select').inputValue()).toBe('2026-09');
  });

  it('quarters: 13 units are too few, the statistic is refused and no hot spot colour is drawn', async () => {
    await page.getByTestId('analysis-units').selectOption('quarters');
    // The quarters' series is a new request (seconds on a busy machine).
    await expect.poll(() => page.locator('[data-testid^=analysis-row-]').count(), { timeout: 15_000 }).toBe(13);
    const refusal = page.getByTestId('hotspot-refusal');
    await refusal.waitFor({ timeout: 30_000 });
    expect(await refusal.textContent()).toContain('Zu wenige Einheiten.');
    expect((await methodCard(page))['Einheiten']).toBe('13 (Minimum 30)');

    const shot = await mapShot(page);
    for (const bin of [-3, -2, -1, 1, 2, 3] as const) {
      expect(pixelsOf(shot, onBackground(HOTSPOT_BIN_COLOURS[bin], AREA_OPACITY), 3), `pixels of bin ${bin}`).toBeLessThan(20);
    }
  });

  it('a table row selects its area (URL, row marked); a click on the map selects the row of the area clicked', async () => {
    const firstId = (await page.locator('[data-testid^=analysis-row-]').first().getAttribute('data-testid'))!.replace('analysis-row-', '');
    const first = page.getByTestId(`analysis-row-${firstId}`);
    await first.click();
    await expect.poll(() => param(page, 'area')).toBe(firstId);
    await expect.poll(() => first.getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('[data-testid^=analysis-row-][aria-selected=true]').count()).toBe(1);

    // Another quarter, at a spot on the map where nothing but that quarter is hit.
    await mapIdle(page);
    const { rows: quarters } = await db.pool.query(
      "SELECT id, ST_X(ST_PointOnSurface(geom)) AS lon, ST_Y(ST_PointOnSurface(geom)) AS lat FROM area WHERE level = 'quarter' AND id <> $1 ORDER BY key",
      [Number(firstId)],
    );
    const target = await page.evaluate((candidates) => {
      const map = window.__quartiersatlas!.map;
      const canvas = map.getCanvas();
      const rect = canvas.getBoundingClientRect();
      for (const { id, lon, lat } of candidates) {
        const centre = map.project([lon, lat]);
        for (let radius = 0; radius <= 40; radius += 8) {
          for (let a = 0; a < (radius === 0 ? 1 : 8); a++) {
            const x = centre.x + radius * Math.cos((a * Math.PI) / 4);
            const y = centre.y + radius * Math.sin((a * Math.PI) / 4);
            if (document.elementFromPoint(rect.left + x, rect.top + y) !== canvas) continue;
            const hits = map.queryRenderedFeatures([[x - 8, y - 8], [x + 8, y + 8]]);
            const areas = new Set(hits.filter((f) => f.layer.id === 'area-fill').map((f) => f.id));
            const others = hits.filter((f) => f.layer.id.startsWith('property') || f.layer.id.startsWith('hex'));
            if (areas.size === 1 && areas.has(id) && others.length === 0) return { id: String(id), x: rect.left + x, y: rect.top + y };
          }
        }
      }
      return null;
    }, quarters);
    expect(target, 'some other quarter has a free spot on the map').not.toBeNull();
    await page.mouse.click(target!.x, target!.y);
    await expect.poll(() => param(page, 'area')).toBe(target!.id);
    const row = page.getByTestId(`analysis-row-${target!.id}`);
    await expect.poll(() => row.getAttribute('aria-selected')).toBe('true');
    expect(await first.getAttribute('aria-selected')).toBe('false');
    expect(await page.getByTestId('property-panel').count()).toBe(0); // an area, not a property, was hit
  });

  it('H3 resolution 8: hexagons are drawn in the legend colours and the URL says grid=h3_8', async () => {
    await page.getByTestId('analysis-statistic-none').click();
    await page.getByTestId('analysis-units').selectOption('h3_8');
    await expect.poll(() => param(page, 'grid')).toBe('h3_8');
    await expect.poll(() => page.evaluate(() => window.__quartiersatlas!.map.getLayoutProperty('hex-fill', 'visibility'))).toBe('visible');
    // The hexagons' series is a new request (seconds on a busy machine).
    await expect.poll(() => page.getByTestId('analysis-legend-entry').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    await mapIdle(page);
    const hexagons = await page.evaluate(() => window.__quartiersatlas!.map.queryRenderedFeatures({ layers: ['hex-fill'] }).length);
    expect(hexagons).toBeGreaterThan(30);
    const shot = await mapShot(page);
    const perColour = (await legendColours(page)).map((c) => pixelsOf(shot, onBackground(c, HEX_OPACITY)));
    expect(perColour.reduce((s, n) => s + n, 0), `pixels per legend colour: ${perColour.join(', ')}`).toBeGreaterThan(5000);
  });

  it('plays the months: the player steps forward by itself, the URL follows, and it stops at the last month', async () => {
    await page.getByTestId('month-select').selectOption('2026-07');
    await expect.poll(() => page.getByTestId('month-player-label').textContent()).toBe('Juli 2026');
    await page.getByTestId('month-play').click();
    expect(await page.getByTestId('month-play').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => param(page, 'month'), { timeout: 20_000 }).toBe('2026-08');
    await expect.poll(() => param(page, 'month'), { timeout: 20_000 }).toBe('2026-09');
    // The last month is the default: the URL drops it, and playing stops there.
    await expect.poll(() => page.getByTestId('month-player-label').textContent(), { timeout: 20_000 }).toBe('Oktober 2026');
    expect(param(page, 'month')).toBeNull();
    await expect.poll(() => page.getByTestId('month-play').getAttribute('aria-pressed'), { timeout: 5_000 }).toBe('false');
  });

  it('compares two months side by side: two maps with their months, coloured, moving together', async () => {
    await page.getByTestId('analysis-compare').selectOption('2025-10');
    await expect.poll(() => param(page, 'cmp')).toBe('2025-10');
    await expect.poll(() => page.getByTestId('map').count()).toBe(2);
    await page.waitForSelector('[data-map-idle="true"]', { timeout: 60_000 });
    await expect.poll(() => page.getByTestId('map-caption').allTextContents()).toEqual(['Oktober 2026', 'Oktober 2025']);

    // The second map draws its own month's classes in the legend's colours.
    await page.waitForTimeout(1500);
    const second = await page.getByTestId('map').nth(1).screenshot({ style: HIDE_OVERLAYS });
    const perColour = (await legendColours(page)).map((c) => pixelsOf(second, onBackground(c, HEX_OPACITY)));
    expect(perColour.reduce((sum, n) => sum + n, 0), `pixels per legend colour: ${perColour.join(', ')}`).toBeGreaterThan(2000);

    // Dragging the second map moves the first (the one tests can read) live, during the drag:
    // not only once the move ends (when the shared URL view would also carry it over).
    const before = await page.evaluate(() => window.__quartiersatlas!.map.getCenter().toArray());
    const box = (await page.getByTestId('map').nth(1).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 120, box.y + box.height / 2, { steps: 8 });
    const during = await page.evaluate(() => window.__quartiersatlas!.map.getCenter().toArray());
    await page.mouse.up();
    expect(during[0] - before[0]).toBeGreaterThan(0.001);

    await page.getByTestId('analysis-compare').selectOption('');
    await expect.poll(() => page.getByTestId('map').count()).toBe(1);
    expect(param(page, 'cmp')).toBeNull();
  });

  it('logged no error and asked no other host', () => {
    expect(watch.pageErrors).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.externalRequests).toEqual([]);
  });
});
