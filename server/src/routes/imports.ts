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
 *
 * Before that, nothing is read that could be refused without it (issue 10): the URL
 * and Content-Type are checked before the body (import-request.ts: 400/415/413 in the
 * shape of every error answer), and the body is sniffed while it streams in
 * (read-upload.ts): junk is refused with 422 from its first megabyte.
 */
import { PassThrough, type Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { databaseUnavailableMessage, isConnectionLost } from '../db/connection-loss.ts';
import { requestLocale, type Locale } from '../i18n/request-locale.ts';
import { ImportUsageError, checkImportTarget, importTableSpec, runImport } from '../imports/import-data.ts';
import { checkContentType, checkImportParameters, emptyBody, errorAnswer, importFileTypes, tooLarge, type RequestProblem } from '../imports/import-request.ts';
import { UploadAbortedError, readUpload } from '../imports/read-upload.ts';
import { ErrorResponse } from '../schemas/common.ts';
import { ImportFaultLine, ImportParams, ImportProgressLine, ImportQuery, ImportResultLine, importKinds, type ImportKind, type ImportResultLine as ResultLine } from '../schemas/import.ts';

/** Largest file accepted: a city's 100,000 properties as CSV are ~10 MB, its resident counts per month a few times that. */
export const maxImportBytes = 64 * 1024 * 1024;

const streamDescription =
  'NDJSON (application/x-ndjson): {"type":"progress",…} lines, then one {"type":"result",…} line. ' +
  'The status is decided when validation ends: 422 when the file has errors (the result line lists them, each with a `code`; nothing was written); ' +
  '200 when it is valid (or a clean dry run): progress of writing then streams, and the result line follows the commit. ' +
  'A file that cannot be an import of the kind (binary, no header of the kind, JSON where CSV is expected …) is refused with 422 from its first megabyte, without reading the rest. ' +
  'Reasons and notes are in the language of Accept-Language (de or en; English by default). ' +
  'Should the server fail after a 200 was sent, the last line is {"type":"error","code":…} and nothing was written ' +
  '(code database_unavailable: the database connection was lost; try again).';

const ndjsonLines = Type.Union([ImportProgressLine, ImportResultLine, ImportFaultLine]);

/** Sends an error answer; `Connection: close` when a body is on its way that will not be read. */
function refuse(request: FastifyRequest, reply: FastifyReply, status: 400 | 413 | 415, code: 'bad_request' | 'payload_too_large' | 'unsupported_media_type', problems: RequestProblem[]) {
  const hasBody = request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
  if (hasBody) reply.header('connection', 'close');
  return reply.code(status).send(errorAnswer(status, code, problems, requestLocale(request.headers['accept-language'])));
}

const usageProblem = (error: ImportUsageError): RequestProblem => ({ field: error.field, code: error.code, text: error.reason });

export const importRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // This plugin's scope only: the body is the file, handed over as its stream (read-upload.ts reads it).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(importFileTypes, (_request, payload, done) => done(null, payload));

  app.post(
    '/api/imports/:kind',
    {
      schema: {
        tags: ['imports'],
        summary: 'Import a file of one kind (CSV or GeoJSON as the raw body), all or nothing',
        description: `Kinds: ${importKinds.join(', ')}. Body: the file (${importFileTypes.join(', ')}), at most 64 MB. ${streamDescription}`,
        params: ImportParams,
        querystring: ImportQuery,
        response: {
          200: { description: streamDescription, content: { 'application/x-ndjson': { schema: ndjsonLines } } },
          400: ErrorResponse,
          413: ErrorResponse,
          415: ErrorResponse,
          422: { description: 'The file has errors; the result line lists the first 100', content: { 'application/x-ndjson': { schema: ndjsonLines } } },
        },
      },
      // Before the body is read: a typo in the URL or a wrong file type is not worth reading 64 MB.
      onRequest: async (request, reply) => {
        const problems = checkImportParameters({ kind: (request.params as { kind: string }).kind, query: request.query as Record<string, unknown> });
        if (problems.length > 0) return refuse(request, reply, 400, 'bad_request', problems);
        const contentType = checkContentType(request.headers['content-type']);
        if (contentType) return refuse(request, reply, 415, 'unsupported_media_type', [contentType]);
        const length = request.headers['content-length'];
        if (length !== undefined && Number(length) > maxImportBytes) return refuse(request, reply, 413, 'payload_too_large', [tooLarge(maxImportBytes)]);
        if (length !== undefined && Number(length) === 0) return refuse(request, reply, 400, 'bad_request', [emptyBody()]);
      },
    },
    async (request, reply) => {
      const locale = requestLocale(request.headers['accept-language']);
      const kind = request.params.kind as ImportKind; // checked in onRequest
      const datasets = [request.query.dataset];
      try {
        await checkImportTarget(app.ctx.pool, app.ctx.config.cityAgs, datasets);
      } catch (error) {
        if (error instanceof ImportUsageError) return refuse(request, reply, 400, 'bad_request', [usageProblem(error)]);
        throw error;
      }

      // Fastify hands over no stream at all when the request has no body (neither Content-Length nor chunks).
      const body = request.body as Readable | undefined;
      if (typeof body?.on !== 'function') return refuse(request, reply, 400, 'bad_request', [emptyBody()]);
      let upload;
      try {
        upload = await readUpload(body, importTableSpec(kind), maxImportBytes);
      } catch (error) {
        if (!(error instanceof UploadAbortedError)) throw error;
        request.log.debug({ url: request.url }, 'the client went away during an import upload');
        return reply.code(400).send(errorAnswer(400, 'bad_request', [{ field: 'body', code: 'aborted', text: { en: 'the upload broke off', de: 'das Hochladen brach ab' } }], locale));
      }
      if (upload.status === 'empty') return refuse(request, reply, 400, 'bad_request', [emptyBody()]);
      if (upload.status === 'too_large') return refuse(request, reply, 413, 'payload_too_large', [tooLarge(maxImportBytes)]);
      if (upload.status === 'refused') {
        request.log.info({ kind, bytesRead: upload.bytesRead, code: upload.error.reason.code }, 'import refused from the head of the file');
        const result: ResultLine = {
          type: 'result',
          kind,
          dryRun: request.query.dryRun,
          rows: 0,
          inserted: 0,
          updated: 0,
          deleted: 0,
          errors: [{ row: upload.error.row, field: upload.error.field, value: upload.error.value, reason: upload.error.reason.text[locale], code: upload.error.reason.code }],
          errorCount: 1,
        };
        // The rest of the upload is not read: close the connection rather than drain it.
        return reply.code(422).header('connection', 'close').type('application/x-ndjson').send(`${JSON.stringify(result)}\n` as never);
      }
      return streamImport(app, request, reply, { kind, bytes: upload.bytes, datasets, locale });
    },
  );
};

/** Runs the import of a file read whole; see the module comment for when the status is decided. */
async function streamImport(
  app: Parameters<FastifyPluginAsyncTypebox>[0],
  request: FastifyRequest<{ Querystring: { dryRun: boolean; dataset: string } }>,
  reply: FastifyReply,
  input: { kind: ImportKind; bytes: Buffer; datasets: string[]; locale: Locale },
) {
  const answer = new DeferredNdjson();
  let decided = false;
  const status = new Promise<200 | 422 | ImportUsageError>((resolve, reject) => {
    const decide = (code: 200 | 422) => {
      decided = true;
      resolve(code);
    };
    runImport(app.ctx.pool, {
      kind: input.kind,
      bytes: input.bytes,
      cityAgs: app.ctx.config.cityAgs,
      datasets: input.datasets,
      dryRun: request.query.dryRun,
      locale: input.locale,
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
        if (!decided) return error instanceof ImportUsageError ? resolve(error) : reject(error);
        // The status went out with the first line; the last line tells what happened.
        if (isConnectionLost(error)) {
          request.log.warn({ err: error, url: request.url }, 'database connection lost during an import');
          answer.write({ type: 'error', code: 'database_unavailable', message: databaseUnavailableMessage(input.locale) });
        } else {
          request.log.error({ err: error, url: request.url }, 'import failed after its answer started');
          const message = {
            en: 'Internal server error; the server log has the details. Nothing was written.',
            de: 'Interner Serverfehler; Einzelheiten stehen im Serverprotokoll. Es wurde nichts geschrieben.',
          };
          answer.write({ type: 'error', code: 'internal', message: message[input.locale] });
        }
        answer.end();
      },
    );
  });
  const decision = await status;
  if (decision instanceof ImportUsageError) return refuse(request, reply, 400, 'bad_request', [usageProblem(decision)]);
  reply.code(decision).type('application/x-ndjson');
  // A stream of the lines the response schema documents; Fastify pipes streams without serialising them.
  return reply.send(answer.start() as never);
}

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
