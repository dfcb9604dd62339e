/**
 * Where the app is reached: `PUBLIC_URL`, or `http://localhost:<port>` when it is unset.
 * Absolute URLs (TileJSON `tiles`) are built from it, never from a request header, and
 * a request for another Host is refused with 421 Misdirected Request: a forged Host
 * (or, behind a trusted proxy, X-Forwarded-Host) can neither put another host into our
 * answers nor reach the app under a name it does not serve (DNS rebinding).
 *
 * Without PUBLIC_URL only loopback names with the listening port are served:
 * `localhost`, `127.0.0.1` and `[::1]`. With `PORT=0` the port is known only after
 * listen, so it is read from the server's address at each request. A request while
 * the server does not listen comes from inside the process (`app.inject` in tests and
 * scripts), which no browser can reach; its port is not checked.
 */
import type { FastifyInstance } from 'fastify';
import { HttpError } from './error-handler.ts';

const loopbackNames = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The port the server listens on, or undefined before listen (inject). */
function listeningPort(app: FastifyInstance): number | undefined {
  const address = app.server.address();
  return address && typeof address === 'object' ? address.port : undefined;
}

/** The origin absolute URLs start with, e.g. `https://atlas.example.org` or `http://localhost:8080`. */
export function publicOrigin(app: FastifyInstance): string {
  return app.ctx.config.publicUrl ?? `http://localhost:${listeningPort(app) ?? app.ctx.config.port}`;
}

/** `host[:port]` as the Host header writes it → lower-case name and port (the scheme's default when absent). */
function splitHost(host: string, defaultPort: number): { name: string; port: number } | undefined {
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/i.exec(host.trim());
  if (!match) return undefined;
  return { name: match[1].toLowerCase().replace(/\.$/, ''), port: match[2] === undefined ? defaultPort : Number(match[2]) };
}

/** Whether a request's Host is one this app answers to. */
export function isServedHost(app: FastifyInstance, host: string | undefined, protocol: string): boolean {
  if (!host) return false;
  const publicUrl = app.ctx.config.publicUrl;
  if (publicUrl) {
    const url = new URL(publicUrl);
    const expected = splitHost(url.host, url.protocol === 'https:' ? 443 : 80)!;
    const given = splitHost(host, url.protocol === 'https:' ? 443 : 80);
    return given !== undefined && given.name === expected.name && given.port === expected.port;
  }
  const given = splitHost(host, protocol === 'https' ? 443 : 80);
  if (!given || !loopbackNames.has(given.name)) return false;
  const port = listeningPort(app);
  return port === undefined || given.port === port;
}

export function registerPublicOrigin(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    // request.host is the Host header, or X-Forwarded-Host when TRUST_PROXY is set.
    if (isServedHost(app, request.host, request.protocol)) return;
    const expected = app.ctx.config.publicUrl ? new URL(app.ctx.config.publicUrl).host : 'localhost, 127.0.0.1 or [::1] with the listening port';
    const expectedDe = app.ctx.config.publicUrl ? expected : 'localhost, 127.0.0.1 oder [::1] mit dem Port des Servers';
    const given = JSON.stringify((request.host ?? '').slice(0, 100));
    throw new HttpError(
      421,
      { en: `Host: ${given} is not served here; use ${expected} (the server's PUBLIC_URL)`, de: `Host: ${given} wird hier nicht bedient; bitte ${expectedDe} verwenden (PUBLIC_URL des Servers)` },
      'wrong_host',
      [{ field: 'Host', code: 'wrong_host', message: { en: `${given} is not served here`, de: `${given} wird hier nicht bedient` } }],
    );
  });
}
