/**
 * GET a JSON resource from our own origin. A failure throws a `RequestError` that
 * names the URL, the status and the server's message, so the UI can show what failed.
 */
export class RequestError extends Error {
  constructor(
    readonly url: string,
    readonly status: number | null,
    message: string,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

export async function fetchJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { accept: 'application/json' } });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new RequestError(url, null, `GET ${url}: ${(error as Error).message}`);
  }
  if (!response.ok) {
    let detail = response.statusText;
    try {
      const body = (await response.json()) as { message?: unknown };
      if (typeof body.message === 'string') detail = body.message;
    } catch {
      // not JSON: keep the status text
    }
    throw new RequestError(url, response.status, `GET ${url}: ${response.status} ${detail}`.trim());
  }
  return (await response.json()) as T;
}
