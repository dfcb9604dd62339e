/**
 * Issue 10: a new theme is added by registering one module, with no change to the shell
 * or the map. The probe theme (probe-theme.tsx, a tiny theme that lives only here) is put
 * into a registry beside the production themes (main.tsx here), that entry is built with
 * Vite into a temporary folder, served by the real server on a real database, and opened
 * in Debian's headless Chromium. The test then checks that the unmodified shell offers the
 * theme in the switch, shows its legend and panel, reads and writes its URL key, and that
 * the map assembled its layer at the documented place (above `area-fill`, below the Zensus
 * grid) and drew it (magenta pixels).
 *
 * Why a real browser page rather than rendering the shell with react-dom/server: the shell
 * gets its city, months and layers from the API in effects and the map draws in WebGL, so a
 * server render would show only the loading state and no layers; and the question is whether
 * the assembled app picks a theme up from the registry, which only the built page answers.
 * If the shell ignored the registry (or named its themes itself), the radio button, the
 * legend, the URL key and the layer would all be missing, and every check below fails.
 * One engine suffices: the theme machinery is client-side (app.browser.test.ts runs both).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { FastifyInstance } from 'fastify';
import type { BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../../server/src/app.ts';
import { loadConfig } from '../../../../server/src/config.ts';
import type { Database } from '../../../../server/src/db/database.ts';
import { detectTileEncoder } from '../../../../server/src/tiles/tile-encoder.ts';
import { countPixels, launchChromium, mapIdle, openApp } from '../../../../server/test/chromium.ts';
import { openTestDatabase } from '../../../../server/test/engines.ts';
import { listenTestApp } from '../../../../server/test/test-app.ts';
import { PROBE_COLOUR, PROBE_FILL_ID } from './probe-theme.tsx';

declare global {
  interface Window {
    __quartiersatlas?: { map: import('maplibre-gl').Map };
  }
}

const here = fileURLToPath(new URL('.', import.meta.url));
const queryParam = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);

describe('a theme registered in one line (issue 10)', () => {
  let outDir: string;
  let db: Database;
  let app: FastifyInstance;
  let url: string;
  let browser: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'qa-probe-bundle-'));
    await build({
      configFile: false,
      root: here,
      plugins: [react()],
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 4000 },
    });
    db = await openTestDatabase('pglite');
    const config = { ...loadConfig({ LOG_LEVEL: 'silent' }), clientDir: outDir };
    app = await buildApp({ pool: db.pool, engine: db.engine, config, tileEncoder: await detectTileEncoder(db.pool), officialCounts: {} });
    url = await listenTestApp(app);
    browser = await launchChromium();
    page = await browser.newPage();
    await openApp(page, `${url}/?theme=probe&probe=2&lang=en`);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it('offers the theme in the switch and shows its legend and panel, from its own URL key', async () => {
    expect(await page.getByTestId('theme-probe').isChecked()).toBe(true);
    expect(await page.getByTestId('layer-switcher').textContent()).toContain('Probe');
    expect(await page.getByTestId('legend').getAttribute('data-theme')).toBe('probe');
    expect(await page.getByTestId('probe-legend').textContent()).toBe('probe legend 2');
    expect(await page.getByTestId('probe-panel').textContent()).toBe('probe 2');
  });

  it('writes its URL key through the shell', async () => {
    await page.getByTestId('probe-next').click();
    await expect.poll(() => page.getByTestId('probe-legend').textContent()).toBe('probe legend 3');
    expect(queryParam(page, 'probe')).toBe('3');
  });

  it('has the map assemble its layer above the area fill and below the Zensus grid, and draw it', async () => {
    const ids = await page.evaluate(() => window.__quartiersatlas!.map.getStyle().layers.map((l) => l.id));
    expect(ids).toContain(PROBE_FILL_ID);
    expect(ids.indexOf(PROBE_FILL_ID)).toBe(ids.indexOf('area-fill') + 1);
    expect(ids.indexOf(PROBE_FILL_ID)).toBeLessThan(ids.indexOf('zensus-fill'));
    await page.mouse.move(2, 2);
    await mapIdle(page);
    const shot = await page.getByTestId('map').screenshot({ style: '.map-card, .maplibregl-control-container { visibility: hidden !important; }' });
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(PROBE_COLOUR.slice(i, i + 2), 16));
    const magenta = countPixels(shot, (pr, pg, pb) => Math.abs(pr - r) <= 8 && Math.abs(pg - g) <= 8 && Math.abs(pb - b) <= 8);
    expect(magenta).toBeGreaterThan(10_000);
  });

  it('leaves no trace when another theme is chosen', async () => {
    await page.getByTestId('theme-areas').check();
    await expect.poll(() => page.getByTestId('probe-legend').count()).toBe(0);
    expect(await page.evaluate((id) => Boolean(window.__quartiersatlas!.map.getLayer(id)), PROBE_FILL_ID)).toBe(false);
    expect(queryParam(page, 'theme')).toBeNull();
    // Its state stays in the URL (like the analysis settings), so coming back restores it.
    expect(queryParam(page, 'probe')).toBe('3');
  });
});
