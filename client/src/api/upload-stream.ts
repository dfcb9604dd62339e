/**
 * The one XMLHttpRequest of the client: a file upload with upload progress (fetch reports
 * none) whose answer is read while it streams (`responseText` grows on each `progress`
 * event). Same language header as every request; 401/403 reported; failures are ApiErrors.
 */
import { apiHeaders } from './api-locale.ts';
import { ApiError, apiErrorFromAnswer, withoutFragment } from './api-error.ts';
import { reportAuthStatus } from './auth-events.ts';

export interface UploadRequest {
  url: string;
  body: Blob;
  contentType: string;
  accept: string;
  /**
   * Answers whose Content-Type contains this are streamed to `onText` and resolve whatever
   * their status (the stream itself says how it ended, e.g. an import's 422 result line).
   * Other answers resolve when ok and reject with an ApiError otherwise.
   */
  streamType: string;
  /** Bytes of the body sent so far. */
  onUpload?: (loaded: number, total: number) => void;
  /** New text of a streamed answer, as it arrives; called once more with '' at the end. */
  onText?: (chunk: string, final: boolean) => void;
}

export interface UploadAnswer {
  status: number;
  streamed: boolean;
  /** The whole answer text. */
  text: string;
}

export interface RunningUpload {
  /** Rejects with an ApiError, or a DOMException `AbortError` after `abort()`. */
  done: Promise<UploadAnswer>;
  abort: () => void;
}

export function uploadStream(request: UploadRequest): RunningUpload {
  const url = withoutFragment(request.url);
  const xhr = new XMLHttpRequest();
  let seen = 0;
  const streamed = () => (xhr.getResponseHeader('content-type') ?? '').includes(request.streamType);
  const readNew = (final: boolean) => {
    if (!streamed()) return;
    const text = xhr.responseText;
    const chunk = text.slice(seen);
    seen = text.length;
    if (chunk || final) request.onText?.(chunk, final);
  };

  const done = new Promise<UploadAnswer>((resolve, reject) => {
    xhr.open('POST', url);
    // Same-origin requests carry cookies whatever this says; `withCredentials` only widens that
    // to other origins, which the client never asks.
    xhr.withCredentials = false;
    for (const [name, value] of Object.entries(apiHeaders(request.accept))) xhr.setRequestHeader(name, value);
    xhr.setRequestHeader('content-type', request.contentType);
    const size = request.body.size;
    xhr.upload.onprogress = (event) => request.onUpload?.(event.loaded, event.lengthComputable ? event.total : size);
    xhr.upload.onload = () => request.onUpload?.(size, size);
    xhr.onprogress = () => readNew(false);
    xhr.onload = () => {
      reportAuthStatus(xhr.status, url, 'xhr');
      if (streamed()) {
        readNew(true);
        return resolve({ status: xhr.status, streamed: true, text: xhr.responseText });
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve({ status: xhr.status, streamed: false, text: xhr.responseText });
      reject(apiErrorFromAnswer('POST', url, xhr.status, xhr.getResponseHeader('content-type'), xhr.responseText));
    };
    xhr.onerror = () => reject(new ApiError({ method: 'POST', url, status: null, code: 'network' }));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
    xhr.send(request.body);
  });
  return { done, abort: () => xhr.abort() };
}
