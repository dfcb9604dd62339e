/**
 * `POST /api/imports/:kind`: one file (the raw body) into the city's tables, all or
 * nothing (server/src/imports/, docs/import-formats.md). Nothing is kept in memory
 * between requests: the import runs in one transaction of this request.
 *
 * The answer is NDJSON. The status code goes out with the first byte, so it is sent
 * once validation is over: 422 with the errors when the file has any; 200 when the
 * file is valid, after which the progress of writing streams while it happens.
 * Validation (parsing, staging, database checks) is the quick part of an import;
 * writing is where a large file takes its time.
 */
import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { databaseUnavailableMessage, isConnectionLost } from '../db/connection-loss.ts';
import { requestLocale } from '../i18n/request-locale.ts';
import { ImportUsageError, runImport } from '../imports/import-data.ts';
import { badRequest } from '../plugins/error-handler.ts';
import { ErrorResponse } from '../schemas/common.ts';
import { ImportFaultLine, ImportParams, ImportProgressLine, ImportQuery, ImportResultLine, importKinds, isImportKind } from '../schemas/import.ts';

/** Largest file accepted: a city's 100,000 properties as CSV are ~10 MB, its resident counts per month a few times that. */
export const maxImportBytes = 64 * 1024 * 1024;

const fileTypes = ['text/csv', 'application/geo+json', 'application/json', 'application/octet-stream'];

const streamDescription =
  'NDJSON (application/x-ndjson): {"type":"progress",…} lines, then one {"type":"result",…} line. ' +
  'The status is decided when validation ends: 422 when the file has errors (the result line lists them; nothing was written); ' +
  '200 when it is valid (or a clean dry run): progress of writing then streams, and the result line follows the commit. ' +
  'Should the server fail after a 200 was sent, the last line is {"type":"error","code":…} and nothing was written ' +
  '(code database_unavailable: the database connection was lost; try again).';

const ndjsonLines = Type.Union([ImportProgressLine, ImportResultLine, ImportFaultLine]);

export const importRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // This plugin's scope only: the body is the file, as bytes, whatever its encoding.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(fileTypes, { parseAs: 'buffer', bodyLimit: maxImportBytes }, (_request, body, done) => done(null, body));

  app.post(
    '/api/imports/:kind',
    {
      bodyLimit: maxImportBytes,
      schema: {
        tags: ['imports'],
        summary: 'Import a file of one kind (CSV or GeoJSON as the raw body), all or nothing',
        description: `Kinds: ${importKinds.join(', ')}. Body: the file (${fileTypes.join(', ')}), at most 64 MB. ${streamDescription}`,
        params: ImportParams,
        querystring: ImportQuery,
        response: {
          200: { description: streamDescription, content: { 'application/x-ndjson': { schema: ndjsonLines } } },
          400: ErrorResponse,
          422: { description: 'The file has errors; the result line lists the first 100', content: { 'application/x-ndjson': { schema: ndjsonLines } } },
        },
      },
      // Before the body is read: a typo in the kind is not worth reading 64 MB.
      onRequest: async (request) => {
        const { kind } = request.params as { kind: string };
        if (!isImportKind(kind)) throw badRequest('kind', `unknown import kind "${kind}"; known kinds: ${importKinds.join(', ')}`);
      },
    },
    async (request, reply) => {
      const answer = new DeferredNdjson();
      let decided = false;
      const status = new Promise<200 | 422>((resolve, reject) => {
        const decide = (code: 200 | 422) => {
          decided = true;
          resolve(code);
        };
        runImport(app.ctx.pool, {
          kind: request.params.kind,
          bytes: (request.body as Buffer | undefined) ?? Buffer.alloc(0),
          cityAgs: app.ctx.config.cityAgs,
          datasets: [request.query.dataset],
          dryRun: request.query.dryRun,
          onProgress: (progress) => {
            answer.write({ type: 'progress', ...progress });
            if (progress.phase === 'applying' && !decided) decide(200); // validation passed
          },
        }).then(
          (result) => {
            answer.write({ type: 'result', ...result });
            answer.end();
            if (!decided) decide(result.errorCount > 0 ? 422 : 200);
          },
          (error: Error) => {
            if (!decided) return reject(error instanceof ImportUsageError ? badRequest(error.field, error.reason) : error);
            // The status went out with the first line; the last line tells what happened.
            if (isConnectionLost(error)) {
              request.log.warn({ err: error, url: request.url }, 'database connection lost during an import');
              answer.write({ type: 'error', code: 'database_unavailable', message: databaseUnavailableMessage(requestLocale(request.headers['accept-language'])) });
            } else {
              request.log.error({ err: error, url: request.url }, 'import failed after its answer started');
              answer.write({ type: 'error', code: 'internal', message: 'Internal server error; the server log has the details. Nothing was written.' });
            }
            answer.end();
          },
        );
      });
      reply.code(await status).type('application/x-ndjson');
      // A stream of the lines the response schema documents; Fastify pipes streams without serialising them.
      return reply.send(answer.start() as never);
    },
  );
};

/** NDJSON lines held back until the status code is known, then streamed. */
class DeferredNdjson {
  private started = false;
  private readonly stream = new PassThrough();
  private held: string[] = [];
  private ended = false;

  write(line: object): void {
    const text = `${JSON.stringify(line)}\n`;
    if (this.started) this.stream.write(text);
    else this.held.push(text);
  }

  end(): void {
    this.ended = true;
    if (this.started) this.stream.end();
  }

  start(): PassThrough {
    this.started = true;
    for (const text of this.held) this.stream.write(text);
    this.held = [];
    if (this.ended) this.stream.end();
    return this.stream;
  }
}
