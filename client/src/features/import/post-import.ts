/**
 * `POST /api/imports/:kind?dryRun=` with the file as the raw body, through the api's
 * upload (XMLHttpRequest: upload progress, and the NDJSON lines of the server's phases
 * as they are written).
 *
 * Status codes: 200 valid (progress, then the result), 422 the file has errors (the
 * result lists them), both NDJSON; a refusal before the import starts (400 unknown kind,
 * 413 too large, 415, 401/403) is one JSON error, which the api turns into an ApiError.
 */
import { errorCodes, type ErrorCode } from '../../../../server/src/schemas/api-error.ts';
import type { ImportKind, ImportResultLine } from '../../../../server/src/schemas/import.ts';
import { ApiError } from '../../api/api-error.ts';
import { apiRoutes } from '../../api/api-routes.ts';
import { uploadStream } from '../../api/upload-stream.ts';
import { ndjsonReader, type ParsedLine } from './ndjson-lines.ts';

export interface ImportRequest {
  kind: ImportKind;
  file: Blob;
  /** Validate everything and write nothing. */
  dryRun: boolean;
}

export interface ImportCallbacks {
  /** Bytes of the file sent so far. */
  onUpload?: (loaded: number, total: number) => void;
  /** Every NDJSON line as it arrives (progress, result, fault, or an unreadable line). */
  onLine?: (line: ParsedLine) => void;
}

export interface RunningImport {
  /** The result line; rejects with an ApiError when the server answered without one. */
  done: Promise<ImportResultLine>;
  abort: () => void;
}

/** The body is sent as what the server accepts for any file: bytes, decoded by the importer. */
const CONTENT_TYPE = 'application/octet-stream';

export function postImport({ kind, file, dryRun }: ImportRequest, callbacks: ImportCallbacks = {}): RunningImport {
  const url = apiRoutes.importFile(kind, { dryRun });
  const reader = ndjsonReader();
  let result: ImportResultLine | null = null;
  let fault: { code: ErrorCode | null } | null = null;

  const take = (lines: ParsedLine[]) => {
    for (const line of lines) {
      if (line.type === 'result') result = line;
      if (line.type === 'error') {
        const code = (line as { code?: unknown }).code;
        fault = { code: typeof code === 'string' && (errorCodes as readonly string[]).includes(code) ? (code as ErrorCode) : null };
      }
      callbacks.onLine?.(line);
    }
  };

  const upload = uploadStream({
    url,
    body: file,
    contentType: CONTENT_TYPE,
    accept: 'application/x-ndjson, application/json',
    streamType: 'ndjson',
    onUpload: callbacks.onUpload,
    onText: (chunk, final) => take(final ? [...reader.push(chunk), ...reader.end()] : reader.push(chunk)),
  });

  const done = upload.done.then((answer): ImportResultLine => {
    if (result) return result;
    // The stream ended without a result: a server fault after the answer had begun (its
    // message is for the log; the UI words it by code), or an answer that is not ours.
    const failed = fault as { code: ErrorCode | null } | null;
    throw new ApiError({
      method: 'POST',
      url,
      status: failed ? 500 : answer.status,
      code: failed ? (failed.code ?? 'internal') : 'unexpected',
    });
  });
  return { done, abort: upload.abort };
}
