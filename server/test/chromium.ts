/**
 * Headless Chromium for the browser tests: Debian's chromium package driven by
 * playwright-core (no Playwright browser download; the machines have no internet).
 * WebGL2 works through ANGLE → SwiftShader (STACK_NOTES §5).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { PNG } from 'pngjs';

export const chromiumPath = () => process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export async function launchChromium(): Promise<BrowserContext> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}. Install it with \`apt-get install -y chromium\` (as root on Debian), ` +
        'or set CHROMIUM_PATH to a Chromium/Chrome binary.',
    );
  }
  // A fresh profile per launch: no state leaks between test files, and two workers never share a profile lock.
  const profileDir = await mkdtemp(join(tmpdir(), 'qa-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless: true,
    args: [
      '--no-sandbox', // we run as root in CI; the sandbox refuses root
      '--disable-gpu', // no GPU here; WebGL still works via SwiftShader
      '--disable-quic',
      '--no-first-run',
      // Keep Chromium from phoning home (no internet, and it would show up in watchPage).
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Software WebGL without the deprecation warning (STACK_NOTES §5).
      '--enable-unsafe-swiftshader',
    ],
    viewport: { width: 1280, height: 800 },
  });
  // Remove the profile once Chromium has exited (not on the 'close' event: Chromium may still be writing then).
  const close = context.close.bind(context);
  context.close = async (options) => {
    await close(options);
    await rm(profileDir, { recursive: true, force: true, maxRetries: 5 });
  };
  return context;
}

export interface PageWatch {
  /** `console.error(…)` messages of the page. */
  consoleErrors: string[];
  /** Uncaught exceptions in the page. */
  pageErrors: string[];
  /** URLs of requests (and WebSockets) that leave this machine: the app must work offline. */
  externalRequests: string[];
}

const localHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Starts recording what a test usually asserts to be empty. Call before `page.goto`. */
export function watchPage(page: Page): PageWatch {
  const watch: PageWatch = { consoleErrors: [], pageErrors: [], externalRequests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') watch.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => watch.pageErrors.push(error.stack ?? error.message));
  const check = (url: string) => {
    const { protocol, hostname } = new URL(url);
    if (['data:', 'blob:', 'about:'].includes(protocol)) return; // never leave the browser
    if (!localHosts.has(hostname)) watch.externalRequests.push(url);
  };
  page.on('request', (request) => check(request.url()));
  page.on('websocket', (socket) => check(socket.url()));
  return watch;
}

/** Counts the pixels of a PNG (e.g. `await page.screenshot()`) for which `predicate` holds. */
export function countPixels(png: Buffer, predicate: (r: number, g: number, b: number, a: number) => boolean): number {
  const { data } = PNG.sync.read(png);
  let count = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (predicate(data[i], data[i + 1], data[i + 2], data[i + 3])) count++;
  }
  return count;
}

/** Opens a page of the app and waits for the map's first idle with all its data (`data-map-idle`). */
export async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('[data-map-idle="true"]', { timeout: 60_000 });
}

/** Waits until MapLibre has drawn everything it was asked to (after a style or data change). */
export async function mapIdle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        // The app exposes its (first) map for tests as window.__quartiersatlas (map-view.tsx).
        const map = (window as unknown as { __quartiersatlas: { map: { triggerRepaint(): void; once(event: string, f: () => void): void } } }).__quartiersatlas.map;
        map.triggerRepaint();
        map.once('idle', () => resolve());
      }),
  );
}
