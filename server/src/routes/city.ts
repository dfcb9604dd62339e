import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { notFound } from '../plugins/error-handler.ts';
import { zensusMinResidents } from '../privacy.ts';
import { getCity } from '../queries/city/city.ts';
import { City, ClientSettings } from '../schemas/city.ts';
import { ErrorResponse } from '../schemas/common.ts';

export const cityRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/city', { schema: { tags: ['city'], summary: 'The city shown, with a summary of its area levels', response: { 200: City, 404: ErrorResponse } } }, async () => {
    const city = await getCity(app.ctx.pool, app.ctx.config.cityAgs, app.ctx.officialCounts);
    if (!city) throw notFound({ en: `City ${app.ctx.config.cityAgs}`, de: `Stadt ${app.ctx.config.cityAgs}` });
    return city;
  });
  app.get('/api/settings', { schema: { tags: ['city'], summary: 'Settings the browser needs', response: { 200: ClientSettings } } }, async () => ({
    basemapStyleUrl: app.ctx.config.basemapStyleUrl ?? null,
    defaultLocale: app.ctx.config.defaultLocale,
    zensusMinResidents,
  }));
};
