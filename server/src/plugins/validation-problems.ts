/**
 * Schema validation errors (ajv, with `allErrors`) as problems a person can act on:
 * one per invalid parameter or field, named as the client wrote it
 * (`features[3].properties.residents`), with the reason in German and English and the
 * ajv keyword as its code. A union of literals is one problem that lists the allowed
 * values ("level: must be one of: city, borough, quarter, district"), not one
 * "must be equal to constant" per literal.
 */
import type { FastifySchemaValidationError } from 'fastify';
import type { LocalizedText } from '../schemas/common.ts';
import { monthPattern } from '../schemas/month.ts';
import type { LocalizedProblem } from './localized-problem.ts';

type AjvError = FastifySchemaValidationError & { schemaPath: string };

/** `/features/3/properties/residents` → `features[3].properties.residents`. */
export function fieldName(instancePath: string, context: string | undefined, child?: string): string {
  const segments = instancePath.split('/').slice(1);
  if (child !== undefined) segments.push(child);
  const path = segments
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce((name, s) => (/^\d+$/.test(s) ? `${name}[${s}]` : name === '' ? s : `${name}.${s}`), '');
  if (path !== '') return path;
  return context === 'querystring' ? 'query' : (context ?? 'request');
}

const list = (values: unknown[]) => values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');

const typeNames: Record<string, LocalizedText> = {
  integer: { en: 'must be a whole number', de: 'muss eine ganze Zahl sein' },
  number: { en: 'must be a finite number', de: 'muss eine endliche Zahl sein' },
  string: { en: 'must be a single text value', de: 'muss ein einzelner Text sein' },
  boolean: { en: 'must be true or false', de: 'muss true oder false sein' },
  object: { en: 'must be an object', de: 'muss ein Objekt sein' },
  array: { en: 'must be a list', de: 'muss eine Liste sein' },
  null: { en: 'must be null', de: 'muss null sein' },
};

function typeMessage(types: string[]): LocalizedText {
  const known = types.map((t) => typeNames[t]).filter(Boolean);
  if (known.length === 0) return { en: `must be of type ${types.join(' or ')}`, de: `muss vom Typ ${types.join(' oder ')} sein` };
  return { en: known.map((k) => k.en).join(', or '), de: known.map((k) => k.de).join(', oder ') };
}

/** The reason of one ajv error, in both languages. */
function reason(error: AjvError): LocalizedText {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { en: 'is required', de: 'fehlt' };
    case 'enum':
      return { en: `must be one of: ${list(p.allowedValues as unknown[])}`, de: `muss einer der Werte ${list(p.allowedValues as unknown[])} sein` };
    case 'const':
      return { en: `must be ${list([p.allowedValue])}`, de: `muss ${list([p.allowedValue])} sein` };
    case 'type':
      return typeMessage(String(p.type).split(','));
    case 'pattern':
      return p.pattern === monthPattern
        ? { en: 'must be a month as YYYY-MM (e.g. 2026-10)', de: 'muss ein Monat im Format JJJJ-MM sein (z. B. 2026-10)' }
        : { en: `must match ${p.pattern}`, de: `muss dem Muster ${p.pattern} entsprechen` };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { en: `must be ${p.comparison} ${p.limit}`, de: `muss ${p.comparison} ${p.limit} sein` };
    case 'minLength':
      return { en: `must have at least ${p.limit} characters`, de: `muss mindestens ${p.limit} Zeichen haben` };
    case 'maxLength':
      return { en: `must have at most ${p.limit} characters`, de: `darf höchstens ${p.limit} Zeichen haben` };
    case 'minItems':
      return { en: `must have at least ${p.limit} items`, de: `muss mindestens ${p.limit} Einträge haben` };
    case 'maxItems':
      return { en: `must have at most ${p.limit} items`, de: `darf höchstens ${p.limit} Einträge haben` };
    case 'additionalProperties':
      return { en: 'is not allowed here', de: 'ist hier nicht erlaubt' };
    case 'format':
      return { en: `must be a ${p.format}`, de: `muss ein gültiges ${p.format} sein` };
    default:
      return { en: error.message ?? `is invalid (${error.keyword})`, de: `ist ungültig (${error.keyword})` };
  }
}

/** One problem per invalid field; a union's branches are folded into one problem. */
export function validationProblems(errors: FastifySchemaValidationError[], context: string | undefined): LocalizedProblem[] {
  const all = errors as AjvError[];
  const unions = all.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  const inUnion = (e: AjvError) => unions.some((u) => u !== e && e.schemaPath.startsWith(`${u.schemaPath}/`));
  const problems: LocalizedProblem[] = [];
  for (const error of all) {
    if (inUnion(error)) continue;
    if (error.keyword === 'anyOf' || error.keyword === 'oneOf') {
      problems.push(...unionProblems(error, all, context));
      continue;
    }
    const child = error.keyword === 'required' ? String((error.params as { missingProperty: string }).missingProperty) : error.keyword === 'additionalProperties' ? String((error.params as { additionalProperty: string }).additionalProperty) : undefined;
    const code = error.keyword === 'exclusiveMinimum' ? 'minimum' : error.keyword === 'exclusiveMaximum' ? 'maximum' : error.keyword;
    problems.push({ field: fieldName(error.instancePath, context, child), code, message: reason(error) });
  }
  // One problem per field and reason: `allErrors` may report a field twice.
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.field}\u0000${typeof p.message === 'string' ? p.message : p.message.en}`;
    return !seen.has(key) && (seen.add(key), true);
  });
}

/**
 * A union that matched no branch. Literals → "must be one of: …"; branches that differ
 * in type → "must be a whole number, or null"; a value that came close to one branch
 * (errors below the union's own path) → those deeper errors, which say the most.
 */
function unionProblems(union: AjvError, all: AjvError[], context: string | undefined): LocalizedProblem[] {
  const branches = all.filter((e) => e.schemaPath.startsWith(`${union.schemaPath}/`));
  const field = fieldName(union.instancePath, context);
  const consts = branches.filter((e) => e.keyword === 'const' && e.instancePath === union.instancePath);
  const types = branches.filter((e) => e.keyword === 'type' && e.instancePath === union.instancePath);
  // A branch whose type fits failed on something inside the value: its errors say the most
  // (a geometry object without coordinates, rather than "not an object and not null").
  const branchOf = (e: AjvError) => e.schemaPath.slice(union.schemaPath.length + 1).split('/')[0];
  const wrongType = new Set(types.map(branchOf));
  const closer = branches.filter((e) => !wrongType.has(branchOf(e)) && !(e.keyword === 'const' && e.instancePath === union.instancePath));
  if (closer.length > 0) return validationProblems(closer, context);
  if (consts.length > 0 && consts.length + types.length === branches.length) {
    const allowed = consts.map((e) => (e.params as { allowedValue: unknown }).allowedValue);
    return [{ field, code: 'enum', message: reason({ ...union, keyword: 'enum', params: { allowedValues: allowed } }) }];
  }
  if (types.length === branches.length) {
    return [{ field, code: 'type', message: typeMessage(types.flatMap((e) => String((e.params as { type: string }).type).split(','))) }];
  }
  return [{ field, code: 'anyOf', message: { en: 'matches none of the allowed shapes', de: 'entspricht keiner der erlaubten Formen' } }];
}
