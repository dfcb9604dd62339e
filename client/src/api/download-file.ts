/**
 * Downloads (CSV exports) go through `apiFetch` rather than a plain link, so that a
 * refusal (400, 401, 404 month_without_data) is an ApiError the UI words, not a page of
 * JSON in a new tab, and the session cookie and language go along like everywhere else.
 */
import { apiFetch } from './api-fetch.ts';

export interface DownloadedFile {
  blob: Blob;
  /** From `Content-Disposition`, else the last path segment of the URL. */
  filename: string;
}

/** `attachment; filename="a.csv"` (or `filename*=UTF-8''a.csv`) → `a.csv`. */
export function filenameOf(contentDisposition: string | null, url: string): string {
  const header = contentDisposition ?? '';
  const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1].trim());
    } catch {
      // a malformed escape: try the plain parameter
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/i.exec(header);
  const name = plain?.[1] ?? plain?.[2]?.trim();
  if (name) return name;
  return url.split(/[?#]/)[0].split('/').pop() || 'download';
}

/** Fetches a file of our server. Throws an ApiError on any failure. */
export async function fetchFile(url: string, accept: string, signal?: AbortSignal): Promise<DownloadedFile> {
  const response = await apiFetch(url, { accept, signal });
  return { blob: await response.blob(), filename: filenameOf(response.headers.get('content-disposition'), url) };
}

/** Fetches a file and hands it to the browser's download (an object URL, revoked afterwards). */
export async function downloadFile(url: string, accept = 'text/csv', signal?: AbortSignal): Promise<void> {
  const { blob, filename } = await fetchFile(url, accept, signal);
  const objectUrl = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = objectUrl;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next task: the click has started the download by then.
  setTimeout(() => URL.revokeObjectURL(objectUrl), 0);
}
