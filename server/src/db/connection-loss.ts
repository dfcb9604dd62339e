/**
 * What a lost database connection is, and how the API answers it: one place for
 * both (issue 10). A connection can die under a request: PostGIS restarts, an
 * administrator runs `pg_terminate_backend`, the network drops, or (PGlite) the
 * in-memory transport of a client is destroyed. The request then gets a 503 with
 * code `database_unavailable`; its transaction died with the connection, so
 * nothing was changed, and the next request opens a fresh connection.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { requestLocale, type Locale } from '../i18n/request-locale.ts';
import type { ErrorResponse } from '../schemas/api-error.ts';

/**
 * SQLSTATEs that mean the session is gone or cannot start: class 08 (connection
 * exception), admin and crash shutdown, and "the database system is starting up".
 */
const lostStates = /^(08...|57P01|57P02|57P03)$/;

/** Socket errors of a connection that broke or could not be opened. */
const lostSocketCodes = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * `pg`'s own words for a dead connection ('Connection terminated unexpectedly',
 * '… due to connection timeout', and the error of a query sent on a client whose
 * connection already failed). They carry no code.
 */
const lostMessages = /^(Connection terminated\b|Client has encountered a connection error and is not queryable)/;

/**
 * Whether an error means the database connection was lost or could not be opened
 * (rather than a bad query or a bug). Follows `cause` and the `errors` of an
 * AggregateError (Node reports a refused connection to every address of a host that way).
 */
export function isConnectionLost(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const { code, message, cause, errors } = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string' && (lostStates.test(code) || lostSocketCodes.has(code))) return true;
  if (typeof message === 'string' && lostMessages.test(message)) return true;
  if (Array.isArray(errors) && errors.some((e) => isConnectionLost(e, depth + 1))) return true;
  return isConnectionLost(cause, depth + 1);
}

const unavailableMessages: Record<Locale, string> = {
  en: 'The database cannot be reached right now. Nothing was changed; please try again in a moment.',
  de: 'Die Datenbank ist gerade nicht erreichbar. Es wurde nichts geändert; bitte versuchen Sie es gleich noch einmal.',
};

/** The message of a `database_unavailable` answer, in German or English. */
export function databaseUnavailableMessage(locale: Locale): string {
  return unavailableMessages[locale];
}

/** The 503 body of a request whose database connection was lost. */
export function databaseUnavailable(acceptLanguage: string | string[] | undefined): ErrorResponse {
  return { statusCode: 503, error: 'Service Unavailable', code: 'database_unavailable', message: databaseUnavailableMessage(requestLocale(acceptLanguage)) };
}

/**
 * For the error handler: answers a lost connection with 503 and logs it as a
 * warning (the database, not this request, is at fault). Returns undefined for any
 * other error, which the handler answers as before.
 */
export function replyIfConnectionLost(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply | undefined {
  if (!isConnectionLost(error)) return undefined;
  request.log.warn({ err: error, url: request.url }, 'database connection lost');
  return reply.code(503).send(databaseUnavailable(request.headers['accept-language']));
}
