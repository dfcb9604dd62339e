/**
 * Reads the NDJSON answer of `POST /api/imports/:kind` as it arrives: text chunks in,
 * complete lines out. A line may be split across chunks (and a chunk may end inside a
 * multi-byte character only before decoding, which the caller's TextDecoder or
 * XMLHttpRequest already handles), so the unfinished tail waits for the next chunk.
 */
import type { ImportFaultLine, ImportProgressLine, ImportResultLine } from '../../../../server/src/schemas/import.ts';

export type ImportLine = ImportProgressLine | ImportResultLine | ImportFaultLine;

/** A line that is not JSON or not one of the three kinds: shown as a fault, never dropped silently. */
export interface UnreadableLine {
  type: 'unreadable';
  text: string;
}

export type ParsedLine = ImportLine | UnreadableLine;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One line of text → the line it is, checked for the fields the dialog reads. */
export function parseImportLine(text: string): ParsedLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { type: 'unreadable', text };
  }
  if (!isObject(value)) return { type: 'unreadable', text };
  if (value.type === 'progress' && typeof value.phase === 'string' && typeof value.done === 'number' && typeof value.total === 'number') {
    return value as unknown as ImportProgressLine;
  }
  if (value.type === 'result' && typeof value.rows === 'number' && Array.isArray(value.errors) && typeof value.errorCount === 'number') {
    return value as unknown as ImportResultLine;
  }
  if (value.type === 'error' && typeof value.message === 'string') return value as unknown as ImportFaultLine;
  return { type: 'unreadable', text };
}

export interface NdjsonReader {
  /** Feeds the next chunk of text; returns the lines it completed. */
  push(chunk: string): ParsedLine[];
  /** The end of the answer: a last line without a trailing newline counts too. */
  end(): ParsedLine[];
}

export function ndjsonReader(): NdjsonReader {
  let tail = '';
  const take = (text: string) =>
    text
      .split('\n')
      .map((line) => line.replace(/\r$/, ''))
      .filter((line) => line.trim() !== '')
      .map(parseImportLine);
  return {
    push(chunk) {
      const text = tail + chunk;
      const cut = text.lastIndexOf('\n');
      if (cut === -1) {
        tail = text;
        return [];
      }
      tail = text.slice(cut + 1);
      return take(text.slice(0, cut));
    },
    end() {
      const rest = tail;
      tail = '';
      return take(rest);
    },
  };
}
