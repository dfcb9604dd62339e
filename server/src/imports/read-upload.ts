/**
 * Reads an uploaded file from its stream and refuses junk while it is still on the wire
 * (issue 10): each chunk of the first megabyte is sniffed (sniff-file.ts), and a file
 * that cannot be an import of the kind is refused at once, after the bytes read so far.
 * A file that starts well is read to its end (the importer needs all of it: encoding,
 * all-or-nothing checks), never beyond `maxBytes`.
 */
import type { Readable } from 'node:stream';
import type { FoundError } from './error-list.ts';
import type { TableSpec } from './read-table.ts';
import { sniffBytes, sniffFile } from './sniff-file.ts';

export type Upload =
  /** The whole file. */
  | { status: 'read'; bytes: Buffer; bytesRead: number }
  /** The head is no import of the kind; the rest was not read. */
  | { status: 'refused'; error: FoundError; bytesRead: number }
  /** More than `maxBytes`; the rest was not read. */
  | { status: 'too_large'; bytesRead: number }
  /** No byte at all. */
  | { status: 'empty'; bytesRead: 0 };

/** The client went away before the upload ended. */
export class UploadAbortedError extends Error {}

/**
 * Reads `stream` until it ends or the file is refused. A refused or too large upload
 * leaves the stream paused with its rest unread: the caller answers and closes the
 * connection (`Connection: close`) instead of draining megabytes it will not use.
 */
export function readUpload(stream: Readable, spec: TableSpec, maxBytes: number): Promise<Upload> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytesRead = 0;
    let sniffing = true;
    const detach = () => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', onError);
      stream.off('close', onClose);
      stream.pause();
    };
    const stop = (upload: Upload) => {
      detach();
      resolve(upload);
    };
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      bytesRead += chunk.length;
      if (bytesRead > maxBytes) return stop({ status: 'too_large', bytesRead });
      if (sniffing) {
        const head = chunks.length === 1 ? chunk : Buffer.concat(chunks, Math.min(bytesRead, sniffBytes));
        const sniffed = sniffFile(head, spec, false);
        if (sniffed.verdict === 'refuse') return stop({ status: 'refused', error: sniffed.error, bytesRead });
        if (sniffed.verdict === 'accept') sniffing = false;
      }
    };
    const onEnd = () => {
      if (bytesRead === 0) return stop({ status: 'empty', bytesRead: 0 });
      const bytes = Buffer.concat(chunks, bytesRead);
      if (sniffing) {
        const sniffed = sniffFile(bytes, spec, true);
        if (sniffed.verdict === 'refuse') return stop({ status: 'refused', error: sniffed.error, bytesRead });
      }
      stop({ status: 'read', bytes, bytesRead });
    };
    const onError = (error: Error) => {
      detach();
      reject(new UploadAbortedError(error.message));
    };
    const onClose = () => {
      if (!stream.readableEnded) onError(new Error('the client closed the connection during the upload'));
    };
    stream.on('data', onData);
    stream.on('end', onEnd);
    stream.on('error', onError);
    stream.on('close', onClose);
  });
}
