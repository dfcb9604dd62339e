import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { getVersions } from '../queries/health/health.ts';
import { ErrorResponse } from '../schemas/common.ts';
import { Health } from '../schemas/health.ts';

export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/health', { schema: { tags: ['system'], summary: 'Engine, versions and tile encoder', response: { 200: Health, 503: ErrorResponse } } }, async () => {
    const versions = await getVersions(app.ctx.pool);
    return { status: 'ok' as const, engine: app.ctx.engine, tileEncoder: app.ctx.tileEncoder, cityAgs: app.ctx.config.cityAgs, ...versions };
  });
};
