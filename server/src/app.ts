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
import { registerErrorHandler, sendError } from './plugins/error-handler.ts';
import { registerFiniteNumbers } from './plugins/finite-numbers.ts';
import { registerPublicOrigin } from './plugins/public-origin.ts';
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
    // Behind a load balancer the client's address and the Host it asked for arrive in
    // X-Forwarded-*; trusted only when configured. URLs come from PUBLIC_URL (plugins/public-origin.ts).
    trustProxy: ctx.config.trustProxy,
    // Every invalid parameter of a request in one answer, not only the first (plugins/validation-problems.ts).
    ajv: { customOptions: { allErrors: true } },
    // Errors the router raises before a route is found (a malformed URL, a path parameter
    // over 100 characters) go through the one error handler too.
    frameworkErrors: sendError,
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.decorate('ctx', ctx);

  // Infrastructure
  registerErrorHandler(app);
  registerFiniteNumbers(app);
  registerPublicOrigin(app);
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
