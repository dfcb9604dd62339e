/**
 * Process entry: validate settings, boot, listen, and shut down cleanly on
 * SIGINT/SIGTERM (PGlite must be closed to keep its folder consistent).
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { boot } from './boot.ts';
import { ConfigError, loadConfig } from './config.ts';
import type { Database } from './db/database.ts';

let db: Database | undefined;
let app: FastifyInstance | undefined;
let stopping = false;

// Registered before anything else: a signal that arrives while no listener exists
// would kill the process without closing the database. A signal during start-up
// waits for the start to finish (or fail), then closes what was opened.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`[quartiersatlas] ${signal}: shutting down`);
    void started.finally(async () => {
      await app?.close();
      await db?.close();
      process.exit(0);
    });
  });
}

const started = main();

async function main(): Promise<void> {
  const config = loadConfig();
  const startedAt = Date.now();
  const booted = await boot(config, (message) => console.log(`[quartiersatlas] ${message}`));
  db = booted.db;
  app = await buildApp(booted.ctx);
  await app.listen({ port: config.port, host: config.host });
  const { port } = app.server.address() as { port: number };
  const host = config.host === '0.0.0.0' ? 'localhost' : config.host;
  console.log(`[quartiersatlas] ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s: http://${host}:${port}`);
}

started.catch(async (error) => {
  // Settings and start-up errors are for the operator: the message, not a stack.
  console.error(error instanceof ConfigError ? error.message : `[quartiersatlas] cannot start: ${error.message}`);
  await db?.close().catch(() => {});
  process.exit(1);
});
