/**
 * Issue 10: package.json `overrides` pin three transitive dependencies to releases that
 * accept Node 20 (the newer ones asked for Node ≥ 22). These tests run the code paths
 * that use them through the real libraries, so a pin with a different API fails here:
 * content-disposition (@fastify/static: downloads with non-ASCII names), cookie
 * (light-my-request: `inject` with cookies). The style spec's jsonlint is covered by the
 * style validation in client/src/map/map-layers.test.ts.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

describe('dependencies pinned for Node 20 (issue 10)', () => {
  let dir: string;
  let app: FastifyInstance;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'qa-static-'));
    await writeFile(join(dir, 'Übersicht Straße.csv'), 'Stadtteil;Einwohner\nRöhlinghausen;3\n');
    app = Fastify();
    await app.register(fastifyStatic, { root: dir });
    app.get('/download', (_request, reply) => reply.download('Übersicht Straße.csv', 'Übersicht Straße.csv'));
    app.get('/cookies', (request) => ({ cookie: request.headers.cookie }));
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves a file with a non-ASCII name', async () => {
    const response = await app.inject({ url: `/${encodeURIComponent('Übersicht Straße.csv')}` });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Röhlinghausen;3');
  });

  it('names a non-ASCII download in an ASCII fallback and in RFC 5987 form', async () => {
    const response = await app.inject({ url: '/download' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe(`attachment; filename="?bersicht Stra?e.csv"; filename*=UTF-8''%C3%9Cbersicht%20Stra%C3%9Fe.csv`);
  });

  it('inject sends cookies, encoded', async () => {
    const response = await app.inject({ url: '/cookies', cookies: { session: 'a b', lang: 'de' } });
    expect(response.json()).toEqual({ cookie: 'session=a%20b; lang=de' });
  });
});
