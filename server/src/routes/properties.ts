import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { notFound } from '../plugins/error-handler.ts';
import { resolveMonth } from '../months/months.ts';
import { getProperty, listPropertyFeatures } from '../queries/properties/properties.ts';
import { ErrorResponse } from '../schemas/common.ts';
import { MonthQuery } from '../schemas/month.ts';
import { PropertyCollection, PropertyDetail, PropertyIdParams } from '../schemas/property.ts';

export const propertyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { pool, config } = app.ctx;

  app.get(
    '/api/properties.geojson',
    {
      schema: {
        tags: ['properties'],
        summary: 'Properties as points with status, residents and estimate range in a month',
        querystring: MonthQuery,
        response: { 200: PropertyCollection, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      const month = await resolveMonth(pool, config.cityAgs, request.query.month);
      reply.type('application/geo+json');
      return listPropertyFeatures(pool, config.cityAgs, month);
    },
  );

  app.get(
    '/api/properties/:id',
    {
      schema: {
        tags: ['properties'],
        summary: 'A property: status timeline, residents over time (with ranges), visits, overcrowding',
        params: PropertyIdParams,
        querystring: Type.Object({ month: MonthQuery.properties.month }),
        response: { 200: PropertyDetail, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => {
      // The month only picks the overcrowding shown; it follows the same rule as every other route.
      const month = request.query.month === undefined ? undefined : await resolveMonth(pool, config.cityAgs, request.query.month);
      const property = await getProperty(pool, config.cityAgs, request.params.id, month);
      if (!property) throw notFound({ en: `Property ${request.params.id}`, de: `Immobilie ${request.params.id}` });
      return property;
    },
  );
};
