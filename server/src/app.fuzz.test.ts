/**
 * Property-based fuzzing of every route in the OpenAPI document (issue 10: a fuzzer sent
 * 6,336 requests and 35 answered 500), on both engines, through `app.inject`.
 *
 * Each request picks a route of `app.swagger()` and fills its path parameters, query and
 * body with values that are sometimes valid (the schema's enumerations, ranges, months
 * with data) and often hostile: wrong types, huge, negative and non-finite numbers, `%00`,
 * very long strings, unicode, missing and duplicated parameters, wrong content types,
 * invalid and deeply nested JSON. The property: no answer is a 5xx, except a 503 with a
 * message, and every error answer has the shape of `ErrorResponse`.
 *
 * Reproducible by default (fixed seed). `FUZZ_SEED=<n>` picks another seed,
 * `FUZZ_RUNS=<n>` the number of requests per engine. A failure lists the request, its
 * answer, and the seed and run that made it.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { Value } from 'typebox/value';
import { beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../test/engines.ts';
import { useTestApp } from '../test/test-app.ts';
import { ErrorResponse } from './schemas/api-error.ts';

const seed = Number(process.env.FUZZ_SEED ?? 20261010);
/** 2 engines × 2,600 = 5,200 requests per CI run. */
const runsPerEngine = Number(process.env.FUZZ_RUNS ?? 2600);

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
};
interface Parameter {
  in: 'path' | 'query';
  name: string;
  required?: boolean;
  schema: JsonSchema;
}
interface Operation {
  method: 'GET' | 'POST';
  /** OpenAPI path, e.g. `/api/areas/{id}`. */
  path: string;
  parameters: Parameter[];
  bodyTypes: string[];
}
interface FuzzRequest {
  /** The OpenAPI route the request was made for. */
  route: string;
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  payload?: string;
}

/** Values that broke or could break a server: numbers JSON cannot hold, bytes URLs should not carry, sizes nobody expects. */
const hostileText = [
  '',
  ' ',
  '0',
  '-1',
  '-0',
  '1.5',
  '1e308',
  '1e309',
  '-1e309',
  'Infinity',
  '-Infinity',
  'NaN',
  '2147483648',
  '9007199254740993',
  '4294967296',
  '0x10',
  'null',
  'true',
  'undefined',
  '[]',
  '{}',
  '%00',
  '\u0000',
  '0000-01',
  '0000-00',
  '2019-03',
  '9999-12',
  '2026-13',
  '2026-1',
  '../../../etc/passwd',
  "' OR 1=1 --",
  '$1',
  'ä€😀\u202e',
  '\ud800',
  'a'.repeat(5000),
  '1,2,3,4',
  '-180,-90,180,90',
  '7.1,51.5,7.3,51.6',
  'NaN,NaN,NaN,NaN',
  '1e309,0,1,1',
];

const hostileString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...hostileText) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
);

/** A value the schema may accept (its enumeration, a number in range, a month with data), as text. */
function validText(schema: JsonSchema, months: string[]): fc.Arbitrary<string> {
  const choices = schema.enum ?? (schema.const !== undefined ? [schema.const] : undefined) ?? schema.anyOf?.flatMap((s) => s.enum ?? (s.const !== undefined ? [s.const] : []));
  if (choices && choices.length > 0) return fc.constantFrom(...choices.map(String));
  if (schema.type === 'integer') return fc.integer({ min: schema.minimum ?? -5, max: Math.min(schema.maximum ?? 1000, 1000) }).map(String);
  if (schema.type === 'number') return fc.double({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000, noNaN: true }).map(String);
  if (schema.type === 'boolean') return fc.constantFrom('true', 'false', '1', '0');
  if (schema.pattern?.includes('[0-9]{4}-')) return months.length > 0 ? fc.constantFrom(...months) : fc.constant('2026-10');
  return fc.string({ maxLength: 8 });
}

const paramValue = (schema: JsonSchema, months: string[]) => fc.oneof({ weight: 3, arbitrary: validText(schema, months) }, { weight: 2, arbitrary: hostileString });

/** Path parameters the schema types as plain strings: layers and tile coordinates. */
const pathValues: Record<string, fc.Arbitrary<string>> = {
  layer: fc.constantFrom('context', 'city', 'boroughs', 'quarters', 'districts', 'zensus'),
  z: fc.integer({ min: 0, max: 16 }).map(String),
  x: fc.integer({ min: 0, max: 70000 }).map(String),
  y: fc.integer({ min: 0, max: 70000 }).map(String),
  kind: fc.constantFrom('areas', 'offices', 'properties', 'residents', 'estimates', 'status-events', 'case-managers', 'visits'),
};

/** encodeURIComponent, with lone surrogates (which it cannot encode) replaced. */
const encode = (s: string) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '\ufffd'));

/** How a value goes into a URL: encoded, raw (so `%00` stays a byte escape), or double-encoded. */
const encoding = fc.constantFrom<(s: string) => string>(
  (s) => encode(s),
  (s) => encode(s),
  (s) => s.replace(/[#?&/\s]/g, (c) => encode(c)).replace(/[^\x21-\x7e]/g, (c) => encode(c)),
  (s) => encode(encode(s)),
);

function pathArbitrary(op: Operation, months: string[]): fc.Arbitrary<string> {
  const names = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  const values = names.map((name) => {
    const parameter = op.parameters.find((p) => p.in === 'path' && p.name === name);
    const valid = pathValues[name] ?? validText(parameter?.schema ?? {}, months);
    return fc.tuple(fc.oneof({ weight: 3, arbitrary: valid }, { weight: 1, arbitrary: hostileString.filter((s) => s !== '') }), encoding).map(([v, enc]) => enc(v));
  });
  return fc.tuple(...values).map((vs) => names.reduce((path, name, i) => path.replace(`{${name}}`, vs[i]), op.path));
}

function queryArbitrary(op: Operation, months: string[]): fc.Arbitrary<string> {
  const query = op.parameters.filter((p) => p.in === 'query');
  const pairs = query.map((p) =>
    fc.oneof(
      { weight: 5, arbitrary: fc.tuple(paramValue(p.schema, months), encoding).map(([v, enc]) => [`${p.name}=${enc(v)}`]) },
      { weight: 1, arbitrary: fc.constant([] as string[]) }, // missing
      { weight: 1, arbitrary: fc.tuple(paramValue(p.schema, months), paramValue(p.schema, months)).map(([a, b]) => [`${p.name}=${encode(a)}`, `${p.name}=${encode(b)}`]) }, // duplicated
      { weight: 1, arbitrary: fc.constant([p.name]) }, // no `=`
    ),
  );
  const extra = fc.array(fc.tuple(fc.constantFrom('__proto__', 'constructor', 'x', 'month[]', 'level[0]', '%00', ''), hostileString), { maxLength: 2 }).map((list) => list.map(([k, v]) => `${k}=${encode(v)}`));
  return fc.tuple(fc.tuple(...pairs), extra, fc.boolean()).map(([chosen, more, shuffle]) => {
    const parts = [...chosen.flat(), ...more];
    if (shuffle) parts.reverse();
    return parts.length === 0 ? '' : `?${parts.join('&')}`;
  });
}

/** A POST /api/analysis/hotspots body that is valid but for what the fuzzer changes. */
function hotspotBody(): fc.Arbitrary<unknown> {
  const number = fc.oneof(fc.integer({ min: 0, max: 200 }), fc.constantFrom(-1, 0, 1e308, -1e308, 1.5, Number.MAX_SAFE_INTEGER + 2, 'x', null, true, [], {}));
  return fc
    .record({
      n: fc.integer({ min: 0, max: 45 }),
      cases: fc.array(number, { minLength: 45, maxLength: 45 }),
      residents: fc.array(number, { minLength: 45, maxLength: 45 }),
      withPopulation: fc.boolean(),
      method: fc.oneof(fc.constantFrom('gi_star', 'local_moran'), hostileString),
      weights: fc.oneof(
        fc.record({ type: fc.constantFrom('knn', 'distance_band', 'queen', 'explicit'), k: fc.oneof(fc.integer({ min: -1, max: 60 }), fc.constant(1e308)), thresholdMetres: fc.oneof(fc.double({ min: -1, max: 60000, noNaN: true }), fc.constant(1e308)), transform: fc.constantFrom('row', 'binary', 'x') }, { requiredKeys: ['type', 'transform'] }),
        fc.jsonValue({ maxDepth: 2 }),
      ),
      permutations: fc.option(fc.oneof(fc.integer({ min: -1, max: 99 }), fc.constantFrom(1e308, 10000, 1.5, '9')), { nil: undefined }),
      seed: fc.option(fc.oneof(fc.integer({ min: -1, max: 2 ** 32 }), fc.constantFrom(1e308, 1.5)), { nil: undefined }),
      minUnits: fc.option(fc.oneof(fc.integer({ min: -1, max: 50 }), fc.constant(1e308)), { nil: undefined }),
      geometry: fc.constantFrom('point', 'point', 'polygon', 'null', 'bad'),
    })
    .map((b) => ({
      features: {
        type: 'FeatureCollection',
        features: Array.from({ length: b.n }, (_, i) => {
          const lon = 7.1 + (i % 7) * 0.01;
          const lat = 51.5 + Math.floor(i / 7) * 0.01;
          const geometry =
            b.geometry === 'point' ? { type: 'Point', coordinates: [lon, lat] }
            : b.geometry === 'polygon' ? { type: 'Polygon', coordinates: [[[lon, lat], [lon + 0.01, lat], [lon + 0.01, lat + 0.01], [lon, lat + 0.01], [lon, lat]]] }
            : b.geometry === 'null' ? null
            : { type: 'Point', coordinates: [1e309, 'x'] };
          return { type: 'Feature', geometry, properties: { cases: b.cases[i], residents: b.residents[i] } };
        }),
      },
      valueProperty: 'cases',
      ...(b.withPopulation ? { populationProperty: 'residents' } : {}),
      method: b.method,
      weights: b.weights,
      ...(b.permutations === undefined ? {} : { permutations: b.permutations }),
      ...(b.seed === undefined ? {} : { seed: b.seed }),
      ...(b.minUnits === undefined ? {} : { minUnits: b.minUnits }),
    }));
}

const deepJson = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

function bodyArbitrary(op: Operation): fc.Arbitrary<{ payload?: string; contentType?: string }> {
  const isImport = op.path.startsWith('/api/imports/');
  const text = fc.oneof(
    { weight: 3, arbitrary: isImport ? fc.constantFrom('Schlüssel;Adresse\n1;x\n', 'key,address\n', '{"type":"FeatureCollection","features":[]}', '\uFEFF;;;\n;;', '') : hotspotBody().map((b) => JSON.stringify(b)) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: fc.constantFrom('{', '{"features":', 'nul', '\u0000', '{"a":1}{"b":2}', '[1,2,', '"\ud800"', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{}}}') },
    { weight: 1, arbitrary: fc.integer({ min: 100, max: 20000 }).map(deepJson) },
    { weight: 1, arbitrary: hostileString },
  );
  const contentType = fc.constantFrom(undefined, ...op.bodyTypes, ...op.bodyTypes, 'application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=utf-16', 'text/csv', '\u0000', 'a/b/c');
  return fc.record({ payload: fc.option(text, { nil: undefined }), contentType });
}

const locale = fc.constantFrom(undefined, 'de', 'en', 'de-DE,de;q=0.9', 'fr', 'en;q=0, de;q=x', '*');
/** Mostly inject's own `localhost:80`; sometimes a Host the app does not serve (421). */
const host = fc.oneof({ weight: 20, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom('evil.example', '127.0.0.1:8080', 'localhost:80:80', '[::1]', 'LOCALHOST.') });

function requestArbitrary(operations: Operation[], months: string[]): fc.Arbitrary<FuzzRequest> {
  return fc.constantFrom(...operations).chain((op) =>
    fc.record({ path: pathArbitrary(op, months), query: queryArbitrary(op, months), body: op.method === 'POST' ? bodyArbitrary(op) : fc.constant<{ payload?: string; contentType?: string }>({}), language: locale, host }).map(({ path, query, body, language, host }) => {
      const headers: Record<string, string> = {};
      if (host) headers.host = host;
      if (language) headers['accept-language'] = language;
      if (body.contentType) headers['content-type'] = body.contentType;
      return { route: `${op.method} ${op.path}`, method: op.method, url: path + query, headers, payload: body.payload };
    }),
  );
}

/** Operations of the OpenAPI document, with their parameters and body content types. */
function operationsOf(document: { paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content: Record<string, unknown> } }>> }): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method]) => method === 'get' || method === 'post')
      .map(([method, spec]) => ({
        method: method.toUpperCase() as Operation['method'],
        path,
        parameters: spec.parameters ?? [],
        bodyTypes: Object.keys(spec.requestBody?.content ?? {}),
      })),
  );
}

/** Why an answer breaks the contract, or undefined when it keeps it. */
function contractBreach(request: FuzzRequest, statusCode: number, contentType: string, body: string): string | undefined {
  if (statusCode >= 500 && statusCode !== 503) return `status ${statusCode}`;
  if (statusCode < 400) return undefined;
  // An import's 422 is its NDJSON result, documented as such; every other error is an ErrorResponse.
  if (statusCode === 422 && request.url.startsWith('/api/imports/')) return undefined;
  if (!contentType.startsWith('application/json')) return `error answer is ${contentType || 'without a content type'}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return 'error answer is not JSON';
  }
  if (!Value.Check(ErrorResponse, parsed)) return `error answer is not an ErrorResponse: ${[...Value.Errors(ErrorResponse, parsed)].map((e) => `${e.instancePath} ${e.message}`).join('; ')}`;
  const error = parsed as ErrorResponse;
  if (error.statusCode !== statusCode) return `body statusCode ${error.statusCode} ≠ ${statusCode}`;
  if (statusCode === 503 && error.message.trim() === '') return '503 without a message';
  return undefined;
}

/** Months, properties, residents, visits and coverage, so that valid requests reach the data paths. */
const fixture = readFileSync(new URL('../test/operational-fixture.sql', import.meta.url), 'utf8');

describe.each(engines)('API fuzzing on %s (issue 10)', (engine) => {
  const t = useTestApp(engine);
  beforeAll(() => t.db.pool.query(fixture));

  it(`answers ${runsPerEngine} random and hostile requests over every route without a 5xx (seed ${seed})`, async () => {
    await t.app.ready();
    const document = t.app.swagger() as Parameters<typeof operationsOf>[0];
    const operations = operationsOf(document);
    expect(operations.length).toBeGreaterThanOrEqual(20);
    const months: string[] = (await t.app.inject('/api/months')).json().months;

    const failures = new Map<string, string>();
    let run = 0;
    const timePerRoute = new Map<string, { requests: number; ms: number }>();
    const statuses = new Map<number, number>();
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(requestArbitrary(operations, months), async (request) => {
        run++;
        const asked = performance.now();
        const response = await t.app.inject({ method: request.method, url: request.url, headers: request.headers, payload: request.payload });
        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
        const time = timePerRoute.get(request.route) ?? { requests: 0, ms: 0 };
        timePerRoute.set(request.route, { requests: time.requests + 1, ms: time.ms + performance.now() - asked });
        const breach = contractBreach(request, response.statusCode, String(response.headers['content-type'] ?? ''), response.body);
        if (breach) {
          const key = `${request.route} → ${breach.slice(0, 120)}`;
          if (!failures.has(key)) failures.set(key, `run ${run}: ${JSON.stringify(request).slice(0, 300)} → ${response.statusCode} ${response.body.slice(0, 300)}`);
        }
        return true;
      }),
      { seed, numRuns: runsPerEngine, endOnFailure: true },
    );
    const slowest = [...timePerRoute].sort((a, b) => b[1].ms - a[1].ms).slice(0, 5);
    console.log(
      `[fuzz ${engine}] ${run} requests in ${((Date.now() - started) / 1000).toFixed(1)} s, seed ${seed}; ` +
        `statuses ${[...statuses].sort((a, b) => a[0] - b[0]).map(([status, n]) => `${status}: ${n}`).join(', ')}; most time: ` +
        slowest.map(([route, { requests, ms }]) => `${route} ${requests}× ${(ms / 1000).toFixed(1)} s`).join(', '),
    );
    expect([...failures.entries()].map(([key, example]) => `${key}\n    ${example}`)).toEqual([]);
  }, 600_000);
});
