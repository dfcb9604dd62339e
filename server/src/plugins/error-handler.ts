/**
 * One error handler: 4xx answers name the parameter (or row and field) and the
 * reason; 5xx answers are generic, and the log keeps the request context.
 * Every answer has the shape of `ErrorResponse` (schemas/api-error.ts).
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { replyIfConnectionLost } from '../db/connection-loss.ts';
import type { ErrorCode, ErrorResponse } from '../schemas/api-error.ts';

/** An error whose message is safe and useful to show the client. */
export class HttpError extends Error {
  constructor(
    public readonly statusCode: number,
    message: string,
    public readonly code: ErrorCode = defaultCode(statusCode),
  ) {
    super(message);
  }
}

export const badRequest = (parameter: string, reason: string) => new HttpError(400, `${parameter}: ${reason}`, 'bad_request');
export const notFound = (what: string) => new HttpError(404, `${what} was not found`, 'not_found');

const reasonPhrases: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** The code of a status when the thrower named none. */
export function defaultCode(statusCode: number): ErrorCode {
  const codes: Record<number, ErrorCode> = {
    401: 'unauthorized',
    403: 'forbidden',
    404: 'not_found',
    409: 'conflict',
    413: 'payload_too_large',
    415: 'unsupported_media_type',
    422: 'import_invalid',
    503: 'busy',
  };
  return codes[statusCode] ?? (statusCode >= 500 ? 'internal' : 'bad_request');
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    if (replyIfConnectionLost(error, request, reply)) return reply; // 503 database_unavailable (issue 10)
    const statusCode = error.statusCode ?? 500;
    if (statusCode >= 500) {
      request.log.error({ err: error, url: request.url }, 'request failed');
      const body: ErrorResponse = { statusCode: 500, error: reasonPhrases[500], code: 'internal', message: 'Internal server error; the server log has the details.' };
      return reply.code(500).send(body);
    }
    const message = (error as FastifyError).validation ? validationMessage(error as FastifyError) : error.message;
    const code = error instanceof HttpError ? error.code : defaultCode(statusCode);
    const body: ErrorResponse = { statusCode, error: reasonPhrases[statusCode] ?? 'Error', code, message };
    return reply.code(statusCode).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    const body: ErrorResponse = { statusCode: 404, error: 'Not Found', code: 'not_found', message: `${request.method} ${request.url.split('?')[0]} does not exist` };
    reply.code(404).send(body);
  });
}

/** "params/id must be integer" → "id: must be integer" */
function validationMessage(error: FastifyError): string {
  return error
    .validation!.map((v) => {
      const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
      const missing = (v.params as { missingProperty?: string })?.missingProperty;
      const name = missing ?? (path || error.validationContext || 'request');
      return `${name}: ${missing ? 'is required' : v.message}`;
    })
    .join('; ');
}
