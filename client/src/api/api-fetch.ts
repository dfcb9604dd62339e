/**
 * The one call of `fetch` in the client: our credentials and language on every request,
 * every 401/403 reported, and every failure an `ApiError` (an abort stays the
 * AbortError the caller asked for).
 */
import { apiHeaders } from './api-locale.ts';
import { ApiError, apiErrorFromAnswer, withoutFragment } from './api-error.ts';
import { reportAuthStatus } from './auth-events.ts';

export interface ApiFetchOptions {
  method?: 'GET' | 'POST';
  /** The `Accept` header. @default 'application/json' */
  accept?: string;
  body?: BodyInit;
  contentType?: string;
  signal?: AbortSignal;
}

/** @returns the answer when it is ok (2xx); throws an ApiError otherwise. */
export async function apiFetch(url: string, options: ApiFetchOptions = {}): Promise<Response> {
  const method = options.method ?? 'GET';
  const target = withoutFragment(url);
  const headers = apiHeaders(options.accept ?? 'application/json');
  if (options.contentType) headers['content-type'] = options.contentType;
  let response: Response;
  try {
    response = await fetch(target, {
      method,
      headers,
      body: options.body,
      signal: options.signal,
      // Explicit, as the session cookies of the next issue must go along, and only to us.
      credentials: 'same-origin',
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError({ method, url: target, status: null, code: 'network', serverMessage: (error as Error).message });
  }
  if (response.ok) return response;
  reportAuthStatus(response.status, target, 'fetch');
  let text = '';
  try {
    text = await response.text();
  } catch {
    // the body broke off: the status alone decides
  }
  throw apiErrorFromAnswer(method, target, response.status, response.headers.get('content-type'), text);
}

/** GET a JSON resource of our server. A body that is not JSON is an `unexpected` ApiError. */
export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await apiFetch(url, { signal });
  try {
    return (await response.json()) as T;
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError({ method: 'GET', url, status: response.status, code: 'unexpected', serverMessage: (error as Error).message });
  }
}
