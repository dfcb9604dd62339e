import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { FastifyReply } from 'fastify';
import { createHotspotRunner } from '../analysis/hotspot-analysis/create-hotspot-runner.ts';
import type { HotspotJob } from '../analysis/hotspot-analysis/hotspot-job.ts';
import { seriesHotspotInput } from '../analysis/hotspot-analysis/series-hotspot-input.ts';
import { WorkerPoolBusyError } from '../analysis/hotspot-analysis/worker-pool.ts';
import { HotspotInputError } from '../analysis/hotspots/hotspot-input-error.ts';
import { monthOf } from '../months/months.ts';
import { badRequest, HttpError, notFound } from '../plugins/error-handler.ts';
import { h3CellRing, h3Resolution } from '../analysis/units/h3-grid.ts';
import { loadAnalysisUnits, loadHexagonCells } from '../queries/analysis/analysis-units.ts';
import {
  AnalysisSeries,
  AnalysisSeriesQuery,
  HexagonCollection,
  HexagonLevel,
  HOTSPOT_LIMITS,
  HotspotQuery,
  HotspotRefusal,
  HotspotRequest,
  HotspotResult,
} from '../schemas/analysis.ts';
import { ErrorResponse } from '../schemas/common.ts';

/** A FeatureCollection of 10,000 hexagons is ~3 MB; leave room for precision and properties. */
const maxBodyBytes = 32 * 1024 * 1024;

/** The part of a POSTed request a refusal is about. */
function refusalField(reason: HotspotRefusal['reason'], valueProperty: string): string {
  if (reason === 'too_few_units') return 'features';
  if (reason === 'no_neighbours') return 'weights';
  return `features[].properties.${valueProperty}`;
}

export const analysisRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { pool, config } = app.ctx;
  const hotspots = createHotspotRunner();
  // preClose, not onClose: the HTTP server waits for open requests before onClose, and a
  // running analysis would hold a shutdown (SIGTERM) for as long as it computes.
  app.addHook('preClose', () => hotspots.close());

  async function unitsOf(level: AnalysisSeries['level']) {
    const units = await loadAnalysisUnits(pool, config.cityAgs, level);
    if (!units) throw notFound({ en: `Units of level ${level} in city ${config.cityAgs}`, de: `Einheiten der Ebene ${level} in Stadt ${config.cityAgs}` });
    return units;
  }

  /**
   * Runs a job in a worker. Input errors (also from the worker) become 400s that name the
   * field; a full or closing pool a 503. A client that goes away stops its job.
   */
  async function analyse(job: HotspotJob, reply: FastifyReply) {
    const controller = new AbortController();
    reply.raw.on('close', () => {
      if (!reply.raw.writableFinished) controller.abort();
    });
    try {
      return await hotspots.run(job, controller.signal);
    } catch (error) {
      if (error instanceof HotspotInputError) throw badRequest(error.field, error.reason);
      if (error instanceof WorkerPoolBusyError) {
        throw new HttpError(503, { en: `analysis: ${error.message}`, de: 'Analyse: der Server kann sie gerade nicht rechnen; bitte gleich erneut versuchen' }, 'busy');
      }
      throw error;
    }
  }

  app.get(
    '/api/analysis/series',
    {
      schema: {
        tags: ['analysis'],
        summary: 'Monthly figures per unit of a level (areas or H3 hexagons) and for the whole city',
        querystring: AnalysisSeriesQuery,
        response: { 200: AnalysisSeries, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => (await unitsOf(request.query.level)).series,
  );

  app.get(
    '/api/analysis/units.geojson',
    {
      schema: {
        tags: ['analysis'],
        summary: 'The H3 hexagons of a level as polygons (areas come as vector tiles)',
        querystring: Type.Object({ level: HexagonLevel }),
        response: { 200: HexagonCollection, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply): Promise<HexagonCollection> => {
      // Geometry only: the monthly figures the series needs are not read for the outlines.
      const hexagons = await loadHexagonCells(pool, config.cityAgs, h3Resolution(request.query.level)!);
      if (!hexagons) throw notFound({ en: `City ${config.cityAgs}`, de: `Stadt ${config.cityAgs}` });
      reply.type('application/geo+json');
      return {
        type: 'FeatureCollection',
        features: hexagons.cells.map((cell, i) => ({
          type: 'Feature' as const,
          id: i,
          properties: { id: cell, zensus_population: hexagons.population.get(cell) ?? null },
          geometry: { type: 'Polygon' as const, coordinates: [h3CellRing(cell)] },
        })),
      };
    },
  );

  app.get(
    '/api/analysis/hotspots',
    {
      schema: {
        tags: ['analysis'],
        summary: "Getis–Ord Gi* or local Moran's I of an indicator of the app's data, with trend and method card",
        querystring: HotspotQuery,
        response: { 200: HotspotResult, 400: ErrorResponse, 404: ErrorResponse, 503: ErrorResponse },
      },
    },
    async (request, reply) => {
      const query = request.query;
      const units = await unitsOf(query.level);
      const month = monthOf(units.series.months, query.month);
      return analyse({ input: seriesHotspotInput(units.series, units, query, month) }, reply);
    },
  );

  app.post(
    '/api/analysis/hotspots',
    {
      bodyLimit: maxBodyBytes,
      schema: {
        tags: ['analysis'],
        summary: "Getis–Ord Gi* or local Moran's I of any GeoJSON points or polygons (EPSG:4326)",
        body: HotspotRequest,
        response: { 200: HotspotResult, 400: ErrorResponse, 413: ErrorResponse, 503: ErrorResponse },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const result = await analyse({ request: body }, reply);
      // Sent-in data has no "map anyway": a refusal is a bad request that says why.
      if (result.refusal) throw badRequest(refusalField(result.refusal.reason, body.valueProperty), result.refusal.message, result.refusal.reason);
      return result;
    },
  );
};
