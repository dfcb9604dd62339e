/**
 * Process entry: validate settings, boot, listen, and shut down cleanly on
 * SIGINT/SIGTERM (PGlite must be closed to keep its folder consistent).
 */
import { buildApp } from './app.ts';
import { boot } from './boot.ts';
import { ConfigError, loadConfig } from './config.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const started = Date.now();
  const { db, ctx } = await boot(config, (message) => console.log(`[quartiersatlas] ${message}`));
  const app = await buildApp(ctx);
  await app.listen({ port: config.port, host: config.host });
  const { port } = app.server.address() as { port: number };
  const host = config.host === '0.0.0.0' ? 'localhost' : config.host;
  console.log(`[quartiersatlas] ready in ${((Date.now() - started) / 1000).toFixed(1)} s: http://${host}:${port}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[quartiersatlas] ${signal}: shutting down`);
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  // Settings and start-up errors are for the operator: the message, not a stack.
  console.error(error instanceof ConfigError ? error.message : `[quartiersatlas] cannot start: ${error.message}`);
  process.exit(1);
});
