/**
 * Is this file worth reading? Decided from its first megabyte at most (issue 10: 50 MB
 * of random bytes took ~40 s to refuse). Refuses what no later step could read:
 * binary content (NUL bytes, control characters, UTF-16, Excel workbooks), a CSV whose
 * first line is no header of the kind (none of its columns, or no line break within
 * the first megabyte), JSON for a CSV-only kind, CSV for a GeoJSON-only kind, and a
 * body that does not start like a JSON object where GeoJSON is expected.
 *
 * The verdict needs only the head, so an upload can be refused while the rest is still
 * on the wire (read-upload.ts), and the command line refuses before it opens the
 * database. `readTable` runs the same sniff, so every way in gives the same errors.
 */
import { decodeWindows1252 } from './decode-text.ts';
import type { FoundError } from './error-list.ts';
import { pointColumns } from './columns.ts';
import { detectDelimiter, parseCsv } from './parse-csv.ts';
import type { TableSpec } from './table-spec.ts';
import { reasons, type Reason } from './reasons.ts';

/** How much of a file the sniff may look at: 1 MiB holds any real header many times over. */
export const sniffBytes = 1024 * 1024;

/**
 * refuse: the file cannot be an import of this kind (the error says why);
 * accept: it starts like one (later steps may still find errors);
 * more: the head so far does not tell; call again with more bytes.
 */
export type Sniffed = { verdict: 'refuse'; error: FoundError } | { verdict: 'accept'; format: 'csv' | 'geojson' } | { verdict: 'more' };

/** Share of control characters above which a head is binary: text has none, random bytes ~12 %. */
const maxControlShare = 0.01;

/**
 * @param head the first bytes of the file (at most `sniffBytes` are looked at)
 * @param complete true when `head` is the whole file
 */
export function sniffFile(head: Uint8Array, spec: TableSpec, complete: boolean): Sniffed {
  const bytes = head.subarray(0, sniffBytes);
  const full = complete || head.length >= sniffBytes;
  const refuse = (reason: Reason, row = 0, value = ''): Sniffed => ({ verdict: 'refuse', error: { row, field: '', value, reason } });

  if (bytes.length === 0) return complete ? refuse(reasons.emptyFile()) : { verdict: 'more' };
  if (bytes.length < 4 && !complete) return { verdict: 'more' }; // the signatures below are up to 4 bytes
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return refuse(reasons.utf16());
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return refuse(reasons.excelWorkbook());
  if (bytes.includes(0)) return refuse(reasons.notText());
  const controls = countControls(bytes);
  if (controls >= 8 && controls > bytes.length * maxControlShare) return refuse(reasons.binary(controls, bytes.length));

  const start = firstNonBlank(bytes);
  if (start < 0) return full ? refuse(complete ? reasons.emptyFile() : reasons.headerTooLong(spec.kind, sniffBytes)) : { verdict: 'more' };
  const first = bytes[start];
  if (first === 0x7b /* { */ && spec.geojson) {
    const next = firstNonBlank(bytes, start + 1);
    if (next < 0) return full ? { verdict: 'accept', format: 'geojson' } : { verdict: 'more' }; // JSON.parse names what is missing
    if (bytes[next] === 0x22 /* " */ || bytes[next] === 0x7d /* } */) return { verdict: 'accept', format: 'geojson' };
    return refuse(reasons.notJsonStart());
  }
  if (first === 0x5b /* [ */ && spec.geojson) return refuse(reasons.notFeatureCollection());
  if (first === 0x7b || first === 0x5b) return refuse(reasons.jsonNotAllowed(spec.kind));
  if (!spec.csv) return refuse(reasons.csvNotAllowed(spec.kind));

  let end = start;
  while (end < bytes.length && bytes[end] !== 0x0a && bytes[end] !== 0x0d) end++;
  if (end === bytes.length && !complete) return head.length >= sniffBytes ? refuse(reasons.headerTooLong(spec.kind, sniffBytes), 1) : { verdict: 'more' };
  const line = decodeLine(bytes.subarray(start, end));
  if (detectDelimiter(line) === 'tab') return refuse(reasons.tabDelimited(), 1);
  const parsed = parseCsv(line);
  if ('error' in parsed) return { verdict: 'accept', format: 'csv' }; // e.g. a quoted header name with a line break: the full read tells
  const known = [...spec.columns.map((c) => c.name), ...(spec.point ? [...pointColumns.lonLat, ...pointColumns.utm] : [])];
  if (!parsed.table.header.some((name) => known.includes(name.trim().toLowerCase()))) {
    return refuse(reasons.notAHeader(spec.kind, known), 1, clip(line.trim(), 60));
  }
  return { verdict: 'accept', format: 'csv' };
}

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/** C0 controls other than tab, line feed and carriage return, and DEL: never in a CSV or GeoJSON text. */
function countControls(bytes: Uint8Array): number {
  let n = 0;
  for (const b of bytes) if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f) n++;
  return n;
}

/** Offset of the first byte that is not white space or a UTF-8 BOM, or -1. */
function firstNonBlank(bytes: Uint8Array, from = 0): number {
  let i = from;
  if (i === 0 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return i < bytes.length ? i : -1;
}

/** One line as text: UTF-8 when it is valid UTF-8, else Windows-1252 (decode-text.ts decides for the whole file). */
function decodeLine(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

const clip = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);
