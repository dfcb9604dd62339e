import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { notFound } from '../plugins/error-handler.ts';
import { listMonths, resolveMonth } from '../months/months.ts';
import { isSynthetic, listAreaFigures, summarizeBbox } from '../queries/figures/figures.ts';
import { ErrorResponse } from '../schemas/common.ts';
import { AreaFiguresList, BboxSummary, BboxSummaryQuery, FiguresQuery } from '../schemas/figures.ts';
import { MonthRange } from '../schemas/month.ts';
import { figuresToCsv } from '../queries/figures/figures-csv.ts';
import { parseBbox } from './parse-params.ts';

export const figureRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { pool, config } = app.ctx;

  async function figureList(level: AreaFiguresList['level'], asked: string | undefined): Promise<AreaFiguresList> {
    const month = await resolveMonth(pool, config.cityAgs, asked);
    const [areas, cityRows, synthetic] = await Promise.all([
      listAreaFigures(pool, config.cityAgs, level, month),
      listAreaFigures(pool, config.cityAgs, 'city', month),
      isSynthetic(pool, config.cityAgs),
    ]);
    if (cityRows.length === 0) throw notFound({ en: `City ${config.cityAgs}`, de: `Stadt ${config.cityAgs}` });
    return { level, month, synthetic, areas, total: cityRows[0] };
  }
  app.get('/api/months', { schema: { tags: ['figures'], summary: 'Months with resident counts', response: { 200: MonthRange } } }, async () => {
    const all = await listMonths(pool, config.cityAgs);
    return { months: all, latest: all.at(-1) ?? null };
  });

  app.get(
    '/api/figures',
    {
      schema: {
        tags: ['figures'],
        summary: 'Residents, estimate ranges, properties and visits per area of a level, for a month',
        querystring: FiguresQuery,
        response: { 200: AreaFiguresList, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => figureList(request.query.level, request.query.month),
  );

  app.get(
    '/api/figures.csv',
    {
      schema: {
        tags: ['figures'],
        summary: 'The same figures as a CSV download (; and UTF-8 with BOM for spreadsheets; a column says whether they are synthetic)',
        querystring: FiguresQuery,
        response: { 200: Type.String({ description: 'text/csv' }), 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      const list = await figureList(request.query.level, request.query.month);
      const name = `quartiersatlas-${config.cityAgs}-${list.level}-${list.month}${list.synthetic ? '-synthetisch' : ''}.csv`;
      reply.type('text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="${name}"`);
      return figuresToCsv(list);
    },
  );

  app.get(
    '/api/summary',
    {
      schema: {
        tags: ['figures'],
        summary: 'Totals over the properties inside a bbox (the map view), for a month',
        querystring: BboxSummaryQuery,
        response: { 200: BboxSummary, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => {
      const bbox = parseBbox(request.query.bbox);
      const month = await resolveMonth(pool, config.cityAgs, request.query.month);
      const [summary, synthetic] = await Promise.all([summarizeBbox(pool, config.cityAgs, bbox, month), isSynthetic(pool, config.cityAgs)]);
      return { month, synthetic, ...summary };
    },
  );
};
