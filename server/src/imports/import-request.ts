/**
 * What `POST /api/imports/:kind` refuses before it reads a byte of the file (issue 10:
 * `dataset=%00` answered 500): the kind, every query parameter, the Content-Type and the
 * announced length, each refusal naming the parameter and the allowed form in the
 * request's language, in the shape of every error answer (schemas/api-error.ts).
 */
import type { Locale } from '../i18n/request-locale.ts';
import type { ErrorCode, ErrorResponse, Problem } from '../schemas/api-error.ts';
import type { LocalizedText } from '../schemas/common.ts';
import { datasetIdPattern, defaultImportDataset, importKinds, isImportKind } from '../schemas/import.ts';

/** Media types of an import body: the file as it is. */
export const importFileTypes = ['text/csv', 'application/geo+json', 'application/json', 'application/octet-stream'];

/** A localized problem with one input; `code` as in ErrorResponse problems. */
export interface RequestProblem {
  field: string;
  code: string;
  text: LocalizedText;
}

const phrases: Record<number, string> = { 400: 'Bad Request', 413: 'Payload Too Large', 415: 'Unsupported Media Type', 422: 'Unprocessable Entity' };

/** An ErrorResponse naming every problem, in `locale`. */
export function errorAnswer(statusCode: 400 | 413 | 415, code: ErrorCode, problems: RequestProblem[], locale: Locale): ErrorResponse {
  const localized: Problem[] = problems.map((p) => ({ field: p.field, code: p.code, message: p.text[locale] }));
  return { statusCode, error: phrases[statusCode], code, message: localized.map((p) => `${p.field}: ${p.message}`).join('; '), problems: localized };
}

/** The kind and query parameters as the URL gives them (before any coercion). */
export interface ImportRequestInput {
  kind: string;
  query: Record<string, unknown>;
}

/** Every problem of the kind and the query at once (an empty list: all fine). */
export function checkImportParameters({ kind, query }: ImportRequestInput): RequestProblem[] {
  const problems: RequestProblem[] = [];
  if (!isImportKind(kind)) {
    problems.push({
      field: 'kind',
      code: 'enum',
      text: {
        en: `unknown import kind "${shown(kind)}"; known kinds: ${importKinds.join(', ')}`,
        de: `unbekannte Importart „${shown(kind)}“; bekannt sind: ${importKinds.join(', ')}`,
      },
    });
  }
  const dryRun = query.dryRun;
  if (Array.isArray(dryRun)) problems.push(twice('dryRun'));
  else if (dryRun !== undefined && dryRun !== true && dryRun !== false && dryRun !== 'true' && dryRun !== 'false') {
    problems.push({
      field: 'dryRun',
      code: 'type',
      text: { en: `"${shown(String(dryRun))}" is not true or false`, de: `„${shown(String(dryRun))}“ ist weder true noch false` },
    });
  }
  const dataset = query.dataset;
  if (Array.isArray(dataset)) problems.push(twice('dataset'));
  else if (dataset !== undefined && (typeof dataset !== 'string' || !new RegExp(datasetIdPattern).test(dataset))) {
    problems.push({
      field: 'dataset',
      code: 'pattern',
      text: {
        en: `"${shown(String(dataset))}" is not a dataset id: expected 1 to 63 lower-case letters, digits and hyphens, starting with a letter or digit (e.g. ${defaultImportDataset}; data/datasets.json lists them)`,
        de: `„${shown(String(dataset))}“ ist keine Datensatz-ID: erwartet werden 1 bis 63 Kleinbuchstaben, Ziffern und Bindestriche, am Anfang ein Buchstabe oder eine Ziffer (z. B. ${defaultImportDataset}; data/datasets.json nennt sie)`,
      },
    });
  }
  return problems;
}

/** A refused Content-Type (415), or undefined when the body is a file type. */
export function checkContentType(contentType: string | undefined): RequestProblem | undefined {
  const type = contentType?.split(';')[0].trim().toLowerCase() ?? '';
  if (importFileTypes.includes(type)) return undefined;
  const allowed = importFileTypes.join(', ');
  return {
    field: 'Content-Type',
    code: type === '' ? 'required' : 'enum',
    text:
      type === ''
        ? { en: `is missing; send the file with one of ${allowed}`, de: `fehlt; senden Sie die Datei mit einem von ${allowed}` }
        : { en: `"${shown(type)}" is not a file type; expected one of ${allowed}`, de: `„${shown(type)}“ ist kein Dateityp; erwartet wird einer von ${allowed}` },
  };
}

/** The body is too large (413). */
export function tooLarge(maxBytes: number): RequestProblem {
  const mb = Math.round(maxBytes / 1024 / 1024);
  return {
    field: 'body',
    code: 'too_large',
    text: {
      en: `the file is larger than ${mb} MB; split it (e.g. by month) and import the parts one by one`,
      de: `die Datei ist größer als ${mb} MB; teilen Sie sie (z. B. nach Monaten) und importieren Sie die Teile einzeln`,
    },
  };
}

/** The body is empty (400). */
export function emptyBody(): RequestProblem {
  return {
    field: 'body',
    code: 'required',
    text: { en: 'is empty; send the file as the request body', de: 'ist leer; senden Sie die Datei als Inhalt der Anfrage' },
  };
}

const twice = (field: string): RequestProblem => ({
  field,
  code: 'type',
  text: { en: 'is given more than once; give it once', de: 'ist mehrfach angegeben; geben Sie den Parameter einmal an' },
});

/** A value as a message may quote it: control characters (such as NUL) escaped, at most 60 characters. */
function shown(value: string): string {
  const escaped = value.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return escaped.length > 60 ? `${escaped.slice(0, 59)}…` : escaped;
}
