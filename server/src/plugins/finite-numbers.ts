/**
 * Numbers must be finite. Schema validation cannot say so: ajv coerces the query text
 * `Infinity` or `1e309` to Infinity, counts it as an integer and skips `minimum` and
 * `maximum` for it, and JSON.parse turns `1e309` in a body into Infinity too. So
 * `/api/areas/Infinity` reached the database and answered 500 (issue 10). After
 * validation, every number of the path, query and body is checked here, and each
 * non-finite one is a 400 that names it.
 */
import type { FastifyInstance } from 'fastify';
import { fieldName } from './validation-problems.ts';
import { invalidInput, type LocalizedProblem } from './error-handler.ts';

/**
 * Whether a value is a record of parsed data: what JSON.parse or the query and path
 * parsers make (their objects may have a null-like prototype of their own), not a
 * stream (an import's body), a Buffer or anything else with an object graph behind it.
 */
function isParsedRecord(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return false;
  return typeof (value as { pipe?: unknown }).pipe !== 'function' && typeof (value as { on?: unknown }).on !== 'function';
}

/** Walks a parsed value; `path` in JSON-pointer form, as ajv reports it. */
function collectNonFinite(value: unknown, path: string, found: string[]): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) found.push(path);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => collectNonFinite(item, `${path}/${i}`, found));
  } else if (isParsedRecord(value)) {
    for (const [key, item] of Object.entries(value)) collectNonFinite(item, `${path}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`, found);
  }
}

/** The problems of one request part: one per non-finite number. */
export function nonFiniteProblems(value: unknown, context: 'params' | 'querystring' | 'body'): LocalizedProblem[] {
  const found: string[] = [];
  collectNonFinite(value, '', found);
  return found.map((path) => ({
    field: fieldName(path, context),
    code: 'not_finite',
    message: { en: 'must be a finite number within its range', de: 'muss eine endliche Zahl in ihrem Bereich sein' },
  }));
}

export function registerFiniteNumbers(app: FastifyInstance): void {
  app.addHook('preHandler', async (request) => {
    // Only parsed JSON and coerced parameters hold numbers; an import's body is a stream,
    // which the walk skips (walking its object graph overflowed the stack: a 500).
    const body = request.body;
    const problems = [...nonFiniteProblems(request.params, 'params'), ...nonFiniteProblems(request.query, 'querystring'), ...nonFiniteProblems(body, 'body')];
    if (problems.length > 0) throw invalidInput(problems);
  });
}
