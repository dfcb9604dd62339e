/// <reference types="vitest/config" />
/**
 * One config for the client build (root `client/`, output `client/dist/`, served by
 * the Fastify server in production) and for vitest (root = repository).
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500, // maplibre-gl + deck.gl are ~1.9 MB raw; size is tracked by `npm run bench`
  },
  server: {
    port: 5173,
    // In development the API runs on 8080 (npm run serve); vite proxies to it. The proxy
    // sends the API's own Host (127.0.0.1:8080), the only kind the API serves without
    // PUBLIC_URL; the client builds tile URLs from the page's origin, so they point at vite.
    proxy: {
      '/api': { target: 'http://127.0.0.1:8080', changeOrigin: true },
      '/tiles': { target: 'http://127.0.0.1:8080', changeOrigin: true },
    },
  },
  test: {
    root: repoRoot,
    include: ['server/**/*.test.ts', 'client/src/**/*.test.ts', 'scripts/**/*.test.ts'],
    globalSetup: ['server/test/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
