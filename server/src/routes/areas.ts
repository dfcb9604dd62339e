import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { notFound } from '../plugins/error-handler.ts';
import { getArea } from '../queries/areas/areas.ts';
import { AreaDetail, AreaIdParams } from '../schemas/area.ts';
import { ErrorResponse } from '../schemas/common.ts';

export const areaRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/areas/:id',
    { schema: { tags: ['areas'], summary: 'One area with its parent, size, population and source', params: AreaIdParams, response: { 200: AreaDetail, 400: ErrorResponse, 404: ErrorResponse } } },
    async (request) => {
      const area = await getArea(app.ctx.pool, app.ctx.config.cityAgs, request.params.id);
      if (!area) throw notFound({ en: `Area ${request.params.id}`, de: `Gebiet ${request.params.id}` });
      return area;
    },
  );
};
