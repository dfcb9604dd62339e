/**
 * `POST /api/imports/:kind?dryRun=` with the file as the raw body, over XMLHttpRequest
 * because it reports upload progress (fetch does not) and also exposes the answer while
 * it streams (`responseText` grows on each `progress` event), so the NDJSON lines of the
 * server's phases arrive as they are written.
 *
 * Status codes: 200 valid (progress, then the result), 422 the file has errors (the
 * result lists them), 400 a bad request (JSON `{ message }`, e.g. an unknown kind).
 */
import type { ImportKind, ImportResultLine } from '../../../../server/src/schemas/import.ts';
import { RequestError } from '../../lib/fetch-json.ts';
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
  /** The result line; rejects with a RequestError when the server answered without one. */
  done: Promise<ImportResultLine>;
  abort: () => void;
}

/** The body is sent as what the server accepts for any file: bytes, decoded by the importer. */
const CONTENT_TYPE = 'application/octet-stream';

export function postImport({ kind, file, dryRun }: ImportRequest, callbacks: ImportCallbacks = {}): RunningImport {
  const url = `/api/imports/${encodeURIComponent(kind)}?dryRun=${dryRun}`;
  const xhr = new XMLHttpRequest();
  const reader = ndjsonReader();
  let seen = 0;
  let result: ImportResultLine | null = null;
  let fault: string | null = null;

  const take = (lines: ParsedLine[]) => {
    for (const line of lines) {
      if (line.type === 'result') result = line;
      if (line.type === 'error') fault = line.message;
      callbacks.onLine?.(line);
    }
  };
  const readNew = () => {
    // Only NDJSON answers stream lines; a 400 is one JSON object, read at the end.
    if (!(xhr.getResponseHeader('content-type') ?? '').includes('ndjson')) return;
    const text = xhr.responseText;
    take(reader.push(text.slice(seen)));
    seen = text.length;
  };

  const done = new Promise<ImportResultLine>((resolve, reject) => {
    xhr.open('POST', url);
    xhr.setRequestHeader('content-type', CONTENT_TYPE);
    xhr.setRequestHeader('accept', 'application/x-ndjson, application/json');
    xhr.upload.onprogress = (event) => callbacks.onUpload?.(event.loaded, event.lengthComputable ? event.total : file.size);
    xhr.upload.onload = () => callbacks.onUpload?.(file.size, file.size);
    xhr.onprogress = readNew;
    xhr.onload = () => {
      readNew();
      if ((xhr.getResponseHeader('content-type') ?? '').includes('ndjson')) take(reader.end());
      if (result) return resolve(result);
      let message = fault ?? xhr.statusText;
      if (!fault) {
        try {
          const body = JSON.parse(xhr.responseText) as { message?: unknown };
          if (typeof body.message === 'string') message = body.message;
        } catch {
          // not JSON: keep the status text
        }
      }
      reject(new RequestError(url, xhr.status, `POST ${url}: ${xhr.status} ${message}`.trim()));
    };
    xhr.onerror = () => reject(new RequestError(url, null, `POST ${url}: the connection failed`));
    xhr.onabort = () => reject(new DOMException('The import was cancelled', 'AbortError'));
    xhr.send(file);
  });
  return { done, abort: () => xhr.abort() };
}
