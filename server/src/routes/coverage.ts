import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { maxDaysWithoutVisit, minResidentsForLanguageNeed } from '../analysis/coverage-gaps.ts';
import { listAreaCoverage, listCaseManagers } from '../queries/coverage/coverage.ts';
import { resolveMonth } from '../months/months.ts';
import { isSynthetic } from '../queries/figures/figures.ts';
import { ErrorResponse } from '../schemas/common.ts';
import { Coverage, CoverageQuery } from '../schemas/coverage.ts';

export const coverageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { pool, config } = app.ctx;
  app.get(
    '/api/coverage',
    {
      schema: {
        tags: ['coverage'],
        summary: 'Case managers with languages and workload, and per area who covers it and its gaps',
        querystring: CoverageQuery,
        response: { 200: Coverage, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => {
      const month = await resolveMonth(pool, config.cityAgs, request.query.month);
      const [caseManagers, areas, synthetic] = await Promise.all([
        listCaseManagers(pool, config.cityAgs, month),
        listAreaCoverage(pool, config.cityAgs, request.query.level, month),
        isSynthetic(pool, config.cityAgs),
      ]);
      return { level: request.query.level, month, synthetic, caseManagers, areas, rules: { maxDaysWithoutVisit, minResidentsForLanguageNeed } };
    },
  );
};
