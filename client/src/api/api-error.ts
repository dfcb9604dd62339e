/**
 * A failed request as a typed error: status, machine-readable code, the problems of a
 * 4xx, the URL, and the text a user reads, chosen by the UI from code and status in
 * German or English. The server's own `message` is kept for the console only: the UI
 * never shows a server string except the problems' messages of a 4xx (which the server
 * writes in the language the request asked for, see api-locale.ts).
 */
import { errorCodeOfStatus, errorCodes, type ErrorCode, type Problem } from '../../../server/src/schemas/api-error.ts';
import de from '../i18n/messages/de.json';
import en from '../i18n/messages/en.json';
import { translate, type MessageKey, type Messages } from '../i18n/translate.ts';
import type { Locale } from '../state/url-state.ts';

const MESSAGES: Record<Locale, Messages> = { de, en };

/**
 * The server's codes, plus two of the client's own: `network` (no answer at all) and
 * `unexpected` (an answer that is not ours, e.g. a proxy's HTML 502, or unreadable JSON).
 */
export type ApiErrorCode = ErrorCode | 'network' | 'unexpected';

export interface ApiErrorInit {
  method: string;
  /** The URL asked for; a fragment (the data version of a request key) is dropped. */
  url: string;
  /** null: no answer (network failure). */
  status: number | null;
  code: ApiErrorCode;
  problems?: readonly Problem[];
  /** The server's `message`, for the console and debugging; never shown. */
  serverMessage?: string | null;
}


export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly method: string;
  readonly url: string;
  readonly status: number | null;
  readonly code: ApiErrorCode;
  readonly problems: readonly Problem[];
  readonly serverMessage: string | null;

  constructor(init: ApiErrorInit) {
    const url = withoutFragment(init.url);
    // Technical, for the console: method, URL, status and code; no server text.
    super(`${init.method} ${url}: ${init.status ?? 'no answer'} ${init.code}`);
    this.method = init.method;
    this.url = url;
    this.status = init.status;
    this.code = init.code;
    this.problems = init.problems ?? [];
    this.serverMessage = init.serverMessage ?? null;
  }

  /** The message key of the UI text for this error (`api.error.<code>`). */
  get messageKey(): MessageKey {
    return `api.error.${this.code}`;
  }

  /** What a user reads, in `locale`: chosen by code and status, never the server's text. */
  userMessage(locale: Locale): string {
    return translate(MESSAGES[locale], this.messageKey, { status: this.status ?? '–' });
  }

  /**
   * The problems a user may read: those of a 4xx (each names its field and reason in the
   * language the request asked for). A 5xx shows none, whatever its body says.
   */
  get userProblems(): readonly Problem[] {
    return this.status !== null && this.status >= 400 && this.status < 500 ? this.problems : [];
  }
}

/** Drops `#…`: request keys carry the data version there, and fetch never sends it. */
export function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isProblem = (value: unknown): value is Problem =>
  isObject(value) && typeof value.field === 'string' && typeof value.code === 'string' && typeof value.message === 'string';

/**
 * The error of an answer that is not ok, from its status and body text. A body in our
 * `ErrorResponse` shape gives code, problems and message; anything else (HTML of a proxy,
 * an empty body, JSON of another shape) gives a code from the status alone: the 4xx of
 * `errorCodeOfStatus` (schemas/api-error.ts), else `unexpected`.
 */
export function apiErrorFromAnswer(method: string, url: string, status: number, contentType: string | null, body: string): ApiError {
  let parsed: unknown = null;
  if ((contentType ?? '').includes('json')) {
    try {
      parsed = JSON.parse(body);
    } catch {
      parsed = null;
    }
  }
  const known = isObject(parsed) && typeof parsed.code === 'string' && (errorCodes as readonly string[]).includes(parsed.code);
  if (isObject(parsed) && known) {
    return new ApiError({
      method,
      url,
      status,
      code: parsed.code as ErrorCode,
      problems: Array.isArray(parsed.problems) ? parsed.problems.filter(isProblem) : [],
      serverMessage: typeof parsed.message === 'string' ? parsed.message : null,
    });
  }
  const byStatus = errorCodeOfStatus[status];
  // A 5xx without our body did not come from our error handler (a proxy, a gateway):
  // "unexpected" says so, with the status, rather than claiming a bug in our server.
  const code: ApiErrorCode = byStatus && (status < 500 || isObject(parsed)) ? byStatus : 'unexpected';
  return new ApiError({ method, url, status, code, serverMessage: isObject(parsed) && typeof parsed.message === 'string' ? parsed.message : null });
}

/** Any failure as an ApiError (a bug in the client's handling becomes `unexpected`, never raw text). */
export function asApiError(error: unknown, method = 'GET', url = ''): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError({ method, url, status: null, code: 'unexpected', serverMessage: error instanceof Error ? error.message : String(error) });
}
