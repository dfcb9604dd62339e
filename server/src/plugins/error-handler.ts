/**
 * One error handler: 4xx answers name the parameter (or row and field) and the
 * reason, in the request's language; 5xx answers are generic, and the log keeps the
 * request context. Every answer has the shape of `ErrorResponse` (schemas/api-error.ts).
 *
 * A client error is the client's business, not the operator's: 4xx are logged at
 * debug (a fuzzer's 15 s once wrote ~3,100 error lines, issue 10); 5xx at error.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { replyIfConnectionLost } from '../db/connection-loss.ts';
import { requestLocale, type Locale } from '../i18n/request-locale.ts';
import { errorCodeOfStatus, type ErrorCode, type ErrorResponse, type Problem } from '../schemas/api-error.ts';
import type { LocalizedText } from '../schemas/common.ts';
import type { LocalizedProblem, Text } from './localized-problem.ts';
import { validationProblems } from './validation-problems.ts';

export type { LocalizedProblem, Text };

const localized = (text: Text): LocalizedText => (typeof text === 'string' ? { de: text, en: text } : text);

/**
 * An error whose message is safe and useful to show the client; its status is kept,
 * 503 included (a full analysis queue is the server's state, not a bug).
 */
export class HttpError extends Error {
  readonly text: LocalizedText;
  constructor(
    public readonly statusCode: number,
    message: Text,
    public readonly code: ErrorCode = defaultCode(statusCode),
    public readonly problems: LocalizedProblem[] = [],
  ) {
    const text = localized(message);
    super(text.en);
    this.text = text;
    this.name = 'HttpError';
  }
}

/** A 400 listing every invalid input; its message joins them as `field: reason; …`. */
export function invalidInput(problems: LocalizedProblem[]): HttpError {
  const join = (locale: Locale) => problems.map((p) => `${p.field}: ${localized(p.message)[locale]}`).join('; ');
  return new HttpError(400, { de: join('de'), en: join('en') }, 'bad_request', problems);
}

/** A 400 naming one parameter or field, e.g. `badRequest('bbox', { en: 'is not a number', de: 'ist keine Zahl' }, 'not_a_number')`. */
export const badRequest = (field: string, reason: Text, code = 'invalid') => invalidInput([{ field, code, message: reason }]);

/** A 404 naming the object, e.g. `notFound({ en: 'Area 5', de: 'Gebiet 5' })`. */
export const notFound = (what: Text) => {
  const name = localized(what);
  return new HttpError(404, { en: `${name.en} was not found`, de: `${name.de} wurde nicht gefunden` }, 'not_found');
};

const reasonPhrases: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  421: 'Misdirected Request',
  422: 'Unprocessable Entity',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** The code of a status when the thrower named none. */
export function defaultCode(statusCode: number): ErrorCode {
  return errorCodeOfStatus[statusCode] ?? (statusCode >= 500 ? 'internal' : 'bad_request');
}

/**
 * Fastify's own client errors (body parsing, limits), worded for users: their messages
 * are English and sometimes quote internals.
 */
const fastifyMessages: Record<string, LocalizedText> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { en: 'body: this content type is not accepted here', de: 'body: dieser Inhaltstyp wird hier nicht angenommen' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { en: 'body: its length differs from Content-Length', de: 'body: die Länge weicht von Content-Length ab' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { en: 'body: is empty, but Content-Type says JSON', de: 'body: ist leer, Content-Type sagt aber JSON' },
  FST_ERR_CTP_INVALID_JSON_BODY: { en: 'body: is not valid JSON', de: 'body: ist kein gültiges JSON' },
  FST_ERR_CTP_BODY_TOO_LARGE: { en: 'body: is too large', de: 'body: ist zu groß' },
  FST_ERR_CTP_INVALID_CHARSET: { en: 'body: this character set is not accepted; send UTF-8', de: 'body: dieser Zeichensatz wird nicht angenommen; bitte UTF-8 senden' },
  FST_ERR_MAX_PARAM_LENGTH: { en: 'path: a path parameter is too long', de: 'path: ein Pfadparameter ist zu lang' },
  FST_ERR_BAD_URL: { en: 'path: is not a valid URL', de: 'path: ist keine gültige URL' },
  FST_ERR_ASYNC_CONSTRAINT: { en: 'request: cannot be routed', de: 'request: kann nicht zugeordnet werden' },
};

const genericMessages: Record<number, LocalizedText> = {
  400: { en: 'The request is invalid', de: 'Die Anfrage ist ungültig' },
  404: { en: 'Not found', de: 'Nicht gefunden' },
  413: { en: 'body: is too large', de: 'body: ist zu groß' },
  415: { en: 'body: this content type is not accepted here', de: 'body: dieser Inhaltstyp wird hier nicht angenommen' },
};

const internalMessage: LocalizedText = {
  en: 'Internal server error; the server log has the details.',
  de: 'Interner Serverfehler; das Server-Protokoll enthält die Einzelheiten.',
};


/** The answer to an error: its status, code, text and problems, before localisation. */
function classify(error: FastifyError | HttpError): { statusCode: number; code: ErrorCode; text: LocalizedText; problems: LocalizedProblem[]; log: 'debug' | 'warn' | 'error' } {
  if (error instanceof HttpError && error.statusCode >= 400 && error.statusCode < 600) {
    return { statusCode: error.statusCode, code: error.code, text: error.text, problems: error.problems, log: error.statusCode >= 500 ? 'warn' : 'debug' };
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    const problems = validationProblems(fastifyError.validation, fastifyError.validationContext);
    return { ...classify(invalidInput(problems)), log: 'debug' };
  }
  const statusCode = Number.isInteger(fastifyError.statusCode) ? fastifyError.statusCode! : 500;
  if (statusCode >= 400 && statusCode < 500) {
    const text = fastifyMessages[fastifyError.code] ?? genericMessages[statusCode] ?? genericMessages[400];
    // "body: is not valid JSON" → the problem { field: body, message: is not valid JSON }, so every 400 names its field.
    const [field, en] = text.en.split(/: (.*)/s);
    const problems: LocalizedProblem[] =
      statusCode === 400 && en !== undefined ? [{ field, code: fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ? 'invalid_json' : 'invalid', message: { en, de: text.de.split(/: (.*)/s)[1] ?? text.de } }] : [];
    return { statusCode, code: defaultCode(statusCode), text, problems, log: 'debug' };
  }
  return { statusCode: 500, code: 'internal', text: internalMessage, problems: [], log: 'error' };
}

/** A value quoted back to the client, cut so a 5,000-character path does not come back whole. */
const truncate = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** What the log keeps of a request: enough to reproduce it, nothing of its body. */
const requestContext = (request: FastifyRequest) => ({ method: request.method, url: request.url, route: request.routeOptions?.url, requestId: request.id });

/**
 * Logs an error and answers it as an `ErrorResponse` in the request's language. The
 * error handler calls it, and so does Fastify's `frameworkErrors` (router errors such
 * as a path parameter over 100 characters, raised before any route is found).
 */
export function sendError(error: FastifyError | HttpError, request: FastifyRequest, reply: FastifyReply) {
  // A lost database connection: 503 database_unavailable, logged as a warning (db/connection-loss.ts).
  if (replyIfConnectionLost(error, request, reply)) return reply;
  const locale = requestLocale(request.headers['accept-language']);
  const answer = classify(error);
  if (answer.log === 'debug') request.log.debug({ ...requestContext(request), statusCode: answer.statusCode, reason: answer.text.en }, 'client error');
  else request.log[answer.log]({ err: error, ...requestContext(request), statusCode: answer.statusCode }, 'request failed');
  const body: ErrorResponse = {
    statusCode: answer.statusCode,
    error: reasonPhrases[answer.statusCode] ?? (answer.statusCode >= 500 ? 'Error' : 'Client Error'),
    code: answer.code,
    message: answer.text[locale],
    ...(answer.problems.length > 0 ? { problems: answer.problems.map((p): Problem => ({ field: p.field, code: p.code, message: localized(p.message)[locale] })) } : {}),
  };
  return reply.code(answer.statusCode).type('application/json; charset=utf-8').send(body);
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler(sendError);
  app.setNotFoundHandler((request, reply) => {
    const path = truncate(request.url.split('?')[0], 200);
    const text: LocalizedText = { en: `${request.method} ${path} does not exist`, de: `${request.method} ${path} gibt es nicht` };
    request.log.debug(requestContext(request), 'no such route');
    const body: ErrorResponse = { statusCode: 404, error: 'Not Found', code: 'not_found', message: text[requestLocale(request.headers['accept-language'])] };
    reply.code(404).type('application/json; charset=utf-8').send(body);
  });
}
