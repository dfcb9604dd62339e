/**
 * One error handler: 4xx answers name the parameter (or row and field) and the
 * reason; 5xx answers are generic, and the log keeps the request context.
 */
import type { FastifyError, FastifyInstance } from 'fastify';

/** An error whose message is safe and useful to show the client. */
export class HttpError extends Error {
  constructor(
    public readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

export const badRequest = (parameter: string, reason: string) => new HttpError(400, `${parameter}: ${reason}`);
export const notFound = (what: string) => new HttpError(404, `${what} was not found`);

const reasonPhrases: Record<number, string> = {
  400: 'Bad Request',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    const statusCode = error.statusCode ?? 500;
    if (statusCode >= 500) {
      request.log.error({ err: error, url: request.url }, 'request failed');
      return reply.code(500).send({ statusCode: 500, error: reasonPhrases[500], message: 'Internal server error; the server log has the details.' });
    }
    const message = (error as FastifyError).validation ? validationMessage(error as FastifyError) : error.message;
    return reply.code(statusCode).send({ statusCode, error: reasonPhrases[statusCode] ?? 'Error', message });
  });
  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `${request.method} ${request.url.split('?')[0]} does not exist` });
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
