/** Checks the browser helpers: Chromium starts, WebGL2 renders, pixels can be counted. */
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countPixels, launchChromium, watchPage } from './chromium.ts';

// A 300×200 WebGL2 canvas cleared to rgb(51, 153, 204) at the page's top-left corner.
const html = `<!doctype html>
<body style="margin:0;background:#fff">
<canvas id="c" width="300" height="200"></canvas>
<script>
  const gl = document.getElementById('c').getContext('webgl2');
  document.body.dataset.webgl2 = String(!!gl);
  if (gl) {
    document.body.dataset.renderer = gl.getParameter(gl.RENDERER);
    gl.clearColor(0.2, 0.6, 0.8, 1);
    gl.clear(gl.COLOR_BUFFER_BIT);
  }
</script>`;
const page = `data:text/html,${encodeURIComponent(html)}`; // encoded: a raw '#' would start the fragment

describe('chromium', () => {
  let browser: BrowserContext;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('renders WebGL2 into a screenshot', async () => {
    const tab = await browser.newPage();
    const watch = watchPage(tab);
    await tab.goto(page);
    expect(await tab.getAttribute('body', 'data-webgl2')).toBe('true');
    expect(await tab.getAttribute('body', 'data-renderer')).toBeTruthy();

    const png = await tab.screenshot();
    const painted = countPixels(png, (r, g, b) => Math.abs(r - 51) <= 2 && Math.abs(g - 153) <= 2 && Math.abs(b - 204) <= 2);
    expect(painted).toBe(300 * 200);
    expect(countPixels(png, (r, g, b) => r === 255 && g === 255 && b === 255)).toBe(1280 * 800 - 300 * 200);

    expect(watch).toEqual({ consoleErrors: [], pageErrors: [], externalRequests: [] });
  });

  it('records console errors, page errors and requests that leave the machine', async () => {
    const tab = await browser.newPage();
    const watch = watchPage(tab);
    // Nothing may actually go out: answer every request locally.
    await tab.route('**/*', (route) => route.fulfill({ status: 204 }));
    await tab.goto('data:text/html,<!doctype html><p>watch</p>');
    await tab.evaluate(async () => {
      console.error('boom');
      setTimeout(() => {
        throw new Error('uncaught');
      });
      await fetch('https://tiles.example.com/0/0/0.pbf').catch(() => {});
      await fetch('http://127.0.0.1:1/api/health').catch(() => {});
    });
    await expect.poll(() => watch.pageErrors.length).toBe(1);
    expect(watch.consoleErrors).toContain('boom');
    expect(watch.pageErrors[0]).toContain('uncaught');
    expect(watch.externalRequests).toEqual(['https://tiles.example.com/0/0/0.pbf']);
  });
});
