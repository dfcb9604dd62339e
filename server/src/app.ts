/**
 * The HTTP application, read as a table of contents: infrastructure first, then
 * one registration per resource, then the built client.
 */
import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import type { AppContext } from './app-context.ts';
import { registerErrorHandler } from './plugins/error-handler.ts';
import { analysisRoutes } from './routes/analysis.ts';
import { areaRoutes } from './routes/areas.ts';
import { cityRoutes } from './routes/city.ts';
import { coverageRoutes } from './routes/coverage.ts';
import { figureRoutes } from './routes/figures.ts';
import { healthRoutes } from './routes/health.ts';
import { importRoutes } from './routes/imports.ts';
import { layerRoutes } from './routes/layers.ts';
import { propertyRoutes } from './routes/properties.ts';

export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: ctx.config.logLevel },
    // A map view fires dozens of tile requests; log failures (error handler), not every request.
    logController: new LogController({ disableRequestLogging: true }),
    // Behind a load balancer the client's protocol and host arrive in X-Forwarded-*
    // (TileJSON builds absolute URLs from them); trusted only when configured.
    trustProxy: ctx.config.trustProxy,
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.decorate('ctx', ctx);

  // Infrastructure
  registerErrorHandler(app);
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Quartiersatlas API', version: '0.1.0', description: 'Areas, layers and vector tiles of one city.' },
      tags: [{ name: 'system' }, { name: 'city' }, { name: 'areas' }, { name: 'layers' }, { name: 'tiles' }, { name: 'figures' }, { name: 'properties' }, { name: 'coverage' }, { name: 'analysis' }, { name: 'imports' }],
    },
  });

  // Resources
  await app.register(healthRoutes);
  await app.register(cityRoutes);
  await app.register(areaRoutes);
  await app.register(layerRoutes);
  await app.register(figureRoutes);
  await app.register(propertyRoutes);
  await app.register(coverageRoutes);
  await app.register(analysisRoutes);
  await app.register(importRoutes);
  app.get('/api/docs', { schema: { hide: true } }, async () => app.swagger());

  // The built client; during development vite serves it instead.
  if (existsSync(ctx.config.clientDir)) {
    await app.register(fastifyStatic, { root: ctx.config.clientDir });
  }
  return app;
}
