/**
 * The api module against a real HTTP server (node:http on port 0), called through Node's
 * global fetch, which is what the module calls in the browser too (issue 10): JSON
 * success, a 400 with problems, a 500 whose text never reaches the user, a proxy's HTML
 * 502, no answer at all, 401/403 to the auth listeners, and the language and
 * version-free URL of every request.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorResponse } from '../../../server/src/schemas/api-error.ts';
import de from '../i18n/messages/de.json';
import en from '../i18n/messages/en.json';
import { ApiError } from './api-error.ts';
import { getJson } from './api-fetch.ts';
import { setApiLocale } from './api-locale.ts';
import { onAuthError, type AuthErrorEvent } from './auth-events.ts';
import { fetchFile } from './download-file.ts';

const SECRET = 'relation "area" does not exist at character 42';

const badRequest: ErrorResponse = {
  statusCode: 400,
  error: 'Bad Request',
  code: 'bad_request',
  message: 'month: must be YYYY-MM; level: must be one of borough, quarter, district',
  problems: [
    { field: 'month', code: 'pattern', message: 'month: muss die Form JJJJ-MM haben' },
    { field: 'level', code: 'enum', message: 'level: muss borough, quarter oder district sein' },
  ],
};

/** Each path answers one way; `/api/echo` returns the request's headers and URL. */
function answer(path: string, headers: IncomingHttpHeaders, url: string): { status: number; type: string; body: string; extra?: Record<string, string> } {
  const json = (status: number, body: unknown) => ({ status, type: 'application/json; charset=utf-8', body: JSON.stringify(body) });
  switch (path) {
    case '/api/echo':
      return json(200, { headers, url });
    case '/api/bad':
      return json(400, badRequest);
    case '/api/boom':
      // A 5xx that (wrongly) carries internals and problems: neither may reach the user.
      return json(500, { statusCode: 500, error: 'Internal Server Error', code: 'internal', message: SECRET, problems: [{ field: 'sql', code: 'x', message: SECRET }] });
    case '/api/proxy':
      return { status: 502, type: 'text/html', body: `<html><body><h1>502 Bad Gateway</h1>nginx ${SECRET}</body></html>` };
    case '/api/login':
      return json(401, { statusCode: 401, error: 'Unauthorized', code: 'unauthorized', message: 'log in' });
    case '/api/secret':
      return json(403, { statusCode: 403, error: 'Forbidden', code: 'forbidden', message: 'not for you' });
    case '/api/old-month':
      return json(404, { statusCode: 404, error: 'Not Found', code: 'month_without_data', message: 'month: 2019-03 has no data' });
    case '/api/busy':
      return json(503, { statusCode: 503, error: 'Service Unavailable', code: 'database_unavailable', message: SECRET });
    case '/api/not-json':
      return { status: 200, type: 'application/json', body: '{"truncated": ' };
    case '/api/figures.csv':
      return { status: 200, type: 'text/csv', body: 'area;registered\n1;12\n', extra: { 'content-disposition': 'attachment; filename="quartiersatlas-district-2026-10.csv"' } };
    default:
      return json(404, { statusCode: 404, error: 'Not Found', code: 'not_found', message: `GET ${path} does not exist` });
  }
}

let server: Server;
let origin: string;
/** An origin where nothing listens: a port that was open and is closed again. */
let deadOrigin: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    const { status, type, body, extra } = answer(url.pathname, request.headers, request.url ?? '');
    response.writeHead(status, { 'content-type': type, ...extra });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const dead = createServer();
  await new Promise<void>((resolve) => dead.listen(0, '127.0.0.1', resolve));
  deadOrigin = `http://127.0.0.1:${(dead.address() as AddressInfo).port}`;
  await new Promise<void>((resolve) => dead.close(() => resolve()));
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
afterEach(() => setApiLocale('de'));

/** The ApiError a request fails with (the test fails if it succeeds or throws anything else). */
async function failure(url: string): Promise<ApiError> {
  const error = await getJson(url).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('getJson (issue 10)', () => {
  it('returns the JSON of a 2xx, asking in the UI language, for JSON, without the version fragment', async () => {
    setApiLocale('en');
    const body = await getJson<{ headers: IncomingHttpHeaders; url: string }>(`${origin}/api/echo?level=district#v3`);
    expect(body.headers['accept-language']).toBe('en');
    expect(body.headers.accept).toBe('application/json');
    expect(body.url).toBe('/api/echo?level=district');
    setApiLocale('de');
    const german = await getJson<{ headers: IncomingHttpHeaders }>(`${origin}/api/echo`);
    expect(german.headers['accept-language']).toBe('de');
  });

  it('a 400 with problems is an ApiError with status, code, problems and URL; the user reads the UI text and the problems', async () => {
    const error = await failure(`${origin}/api/bad?month=2026-13#v0`);
    expect(error.status).toBe(400);
    expect(error.code).toBe('bad_request');
    expect(error.problems.map((p) => [p.field, p.code])).toEqual([
      ['month', 'pattern'],
      ['level', 'enum'],
    ]);
    expect(error.userProblems).toEqual(badRequest.problems);
    expect(error.url).toBe(`${origin}/api/bad?month=2026-13`);
    expect(error.messageKey).toBe('api.error.bad_request');
    expect(error.userMessage('de')).toBe(de['api.error.bad_request']);
    expect(error.userMessage('en')).toBe(en['api.error.bad_request']);
    // "#v0" (the data version of a request key) appears nowhere
    expect(`${error.message} ${error.url} ${error.userMessage('de')}`).not.toContain('#v');
    // The server's message is kept for the console, but is not what the user reads.
    expect(error.serverMessage).toBe(badRequest.message);
    expect(error.userMessage('en')).not.toContain('YYYY-MM');
  });

  it('a 500 shows only the UI text: no server message, no problems, not even in the error message', async () => {
    const error = await failure(`${origin}/api/boom`);
    expect(error.status).toBe(500);
    expect(error.code).toBe('internal');
    expect(error.userProblems).toEqual([]);
    for (const locale of ['de', 'en'] as const) {
      expect(error.userMessage(locale)).toBe(locale === 'de' ? de['api.error.internal'] : en['api.error.internal']);
      expect(error.userMessage(locale)).not.toContain('relation');
    }
    expect(error.message).not.toContain('relation');
  });

  it('a 503 database_unavailable keeps its code and says "try again", without the server text', async () => {
    const error = await failure(`${origin}/api/busy`);
    expect(error.code).toBe('database_unavailable');
    expect(error.userMessage('en')).toBe(en['api.error.database_unavailable']);
    expect(error.userMessage('en')).not.toContain('relation');
  });

  it("a proxy's HTML 502 becomes a clean message naming the status, none of the HTML", async () => {
    const error = await failure(`${origin}/api/proxy`);
    expect(error.status).toBe(502);
    expect(error.code).toBe('unexpected');
    expect(error.userMessage('de')).toBe('Unerwartete Antwort des Servers (Status 502). Bitte später erneut versuchen.');
    expect(error.userMessage('en')).not.toMatch(/html|nginx|relation/i);
    expect(error.serverMessage).toBeNull();
  });

  it('a 200 whose JSON is cut off is an unexpected ApiError, not a SyntaxError', async () => {
    const error = await failure(`${origin}/api/not-json`);
    expect(error.code).toBe('unexpected');
    expect(error.status).toBe(200);
  });

  it('no answer at all (nothing listens) is a network ApiError without status', async () => {
    const error = await failure(`${deadOrigin}/api/city`);
    expect(error.status).toBeNull();
    expect(error.code).toBe('network');
    expect(error.userMessage('de')).toBe(de['api.error.network']);
  });

  it('an abort stays an AbortError (the caller asked for it; nothing to show)', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await getJson(`${origin}/api/echo`, controller.signal).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(ApiError);
    expect((error as Error).name).toBe('AbortError');
  });

  it('a 404 month_without_data is worded as such', async () => {
    const error = await failure(`${origin}/api/old-month?month=2019-03`);
    expect(error.status).toBe(404);
    expect(error.code).toBe('month_without_data');
    expect(error.userMessage('de')).toBe('Für diesen Monat liegen keine Daten vor.');
  });

  it('every 401 and 403 reaches the auth listeners, once each, with status and URL; other failures do not', async () => {
    const events: AuthErrorEvent[] = [];
    const unsubscribe = onAuthError((event) => events.push(event));
    const login = await failure(`${origin}/api/login#v1`);
    expect(login.code).toBe('unauthorized');
    expect(login.userMessage('de')).toBe(de['api.error.unauthorized']);
    const secret = await failure(`${origin}/api/secret`);
    expect(secret.code).toBe('forbidden');
    await failure(`${origin}/api/bad`);
    await failure(`${origin}/api/boom`);
    await failure(`${deadOrigin}/api/city`);
    expect(events).toEqual([
      { status: 401, url: `${origin}/api/login`, via: 'fetch' },
      { status: 403, url: `${origin}/api/secret`, via: 'fetch' },
    ]);
    unsubscribe();
    await failure(`${origin}/api/login`);
    expect(events).toHaveLength(2);
  });
});

describe('fetchFile (CSV downloads, issue 10)', () => {
  it('returns the file with the name the server gives it', async () => {
    const file = await fetchFile(`${origin}/api/figures.csv?level=district`, 'text/csv');
    expect(file.filename).toBe('quartiersatlas-district-2026-10.csv');
    expect(await file.blob.text()).toBe('area;registered\n1;12\n');
  });

  it('a refused download is an ApiError like any other request', async () => {
    const error = await fetchFile(`${origin}/api/old-month.csv`, 'text/csv').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('not_found');
  });
});
