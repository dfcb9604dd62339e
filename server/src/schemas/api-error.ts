/**
 * The one shape of every error answer (4xx and 5xx), shared by the server (error
 * handler, OpenAPI) and the client (typed errors). Machines read `code` and
 * `problems[].code`; people read `message`, written in the request's language
 * (`Accept-Language: de` or `en`; English when the header names neither).
 * Imports nothing but typebox, so the client can import it.
 */
import { Type, type Static } from 'typebox';

/** What went wrong, for machines: stable across releases and languages. */
export const errorCodes = [
  'bad_request', // a parameter, body field or file is invalid; `problems` names each one
  'unauthorized', // who are you? (log in)
  'forbidden', // not for your role
  'not_found', // the route or the object does not exist
  'wrong_host', // 421: the Host header names a host this server does not serve (PUBLIC_URL)
  'month_without_data', // the month is well-formed but the city has no data for it
  'conflict', // the object changed since it was read, or already exists
  'payload_too_large',
  'unsupported_media_type',
  'import_invalid', // an import file has errors; nothing was changed
  'busy', // the server is at capacity (analysis queue full); try again
  'database_unavailable', // the database connection was lost; nothing was changed; try again
  'internal', // a bug: the server log has the details, the answer has none
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** The code an answer of this status has when nothing more specific is known (server and client read the same table). */
export const errorCodeOfStatus: Readonly<Partial<Record<number, ErrorCode>>> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  421: 'wrong_host',
  422: 'import_invalid',
  500: 'internal',
  503: 'busy',
};

/** One invalid input: which field (or row and column), why, in words and as a code. */
export const Problem = Type.Object({
  field: Type.String({ description: 'The parameter or body field, e.g. `month`, `features[3].properties.cases`, `row 12, column Monat`' }),
  code: Type.String({ description: 'Machine-readable reason, e.g. `enum`, `pattern`, `not_a_number`, `out_of_range`, `required`' }),
  message: Type.String({ description: "The reason in the request's language" }),
});
export type Problem = Static<typeof Problem>;

export const ErrorResponse = Type.Object({
  statusCode: Type.Integer(),
  error: Type.String({ description: 'The HTTP reason phrase' }),
  code: Type.Enum(errorCodes),
  message: Type.String({ description: "Names the parameter (or row and field) and the reason, in the request's language" }),
  problems: Type.Optional(Type.Array(Problem, { description: 'Every invalid input of the request, not only the first' })),
});
export type ErrorResponse = Static<typeof ErrorResponse>;
