/**
 * Bytes of an uploaded file → text. UTF-8 (with or without BOM) when the bytes are
 * valid UTF-8, else Windows-1252, what Excel writes on German Windows
 * (docs/import-formats.md). Refused with a reason instead of read wrongly:
 * files that mix both encodings, bytes that are no character in either, UTF-16
 * ("Unicode text") and Excel workbooks.
 */
import type { FoundError } from './error-list.ts';
import { reasons, type Reason } from './reasons.ts';

export type DecodedText = { text: string; encoding: 'utf-8' | 'windows-1252' } | { error: FoundError };

/** Bytes that Windows-1252 leaves undefined (WHATWG maps them to C1 controls). */
const undefinedIn1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

export function decodeText(bytes: Uint8Array): DecodedText {
  const fileError = (reason: Reason, row = 0, value = ''): DecodedText => ({ error: { row, field: '', value, reason } });
  if (bytes.length === 0) return fileError(reasons.emptyFile());
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return fileError(reasons.utf16());
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return fileError(reasons.excelWorkbook());
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return fileError(reasons.excelWorkbook());
  if (bytes.includes(0)) return fileError(reasons.notText());

  try {
    // fatal: throw on the first invalid sequence instead of inserting U+FFFD; the BOM is dropped.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // not UTF-8: Windows-1252, unless the file is a mix or holds undefined bytes
  }

  const invalid = firstInvalidUtf8(bytes);
  const utf8Letter = firstUtf8Latin1Letter(bytes);
  if (utf8Letter >= 0) return fileError(reasons.mixedEncoding(rowAt(bytes, utf8Letter)), rowAt(bytes, invalid), wordAt(bytes, invalid));
  for (let i = 0; i < bytes.length; i++) {
    if (undefinedIn1252.has(bytes[i])) return fileError(reasons.undefinedByte(bytes[i]), rowAt(bytes, i), wordAt(bytes, i));
  }
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
}

/**
 * Windows-1252's characters for the bytes 0x80–0x9F (WHATWG index-windows-1252); the
 * other bytes are Latin-1. Five bytes are undefined and refused above.
 */
const windows1252High =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Not `new TextDecoder('windows-1252')`: Node 20.18.3+ decodes it as Latin-1
 * (nodejs/node#60888), so "€", "„", "–" from Excel would turn into control characters.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\u0080-\u009f]/g, (c) => windows1252High[c.charCodeAt(0) - 0x80]);
}

/**
 * Offset of the first well-formed UTF-8 sequence for a character of U+00A0–U+00FF
 * (Ä, ö, ü, ß, °, § …), or -1. In Windows-1252 these byte pairs read "Ã¼", "Â°":
 * never found in German text, so their presence in a file that is not valid UTF-8
 * means part of it was written as UTF-8.
 */
function firstUtf8Latin1Letter(bytes: Uint8Array): number {
  for (let i = 0; i + 1 < bytes.length; i++) {
    const [a, b] = [bytes[i], bytes[i + 1]];
    if ((a === 0xc3 && b >= 0x80 && b <= 0xbf) || (a === 0xc2 && b >= 0xa0 && b <= 0xbf)) {
      const before = i > 0 ? bytes[i - 1] : 0;
      const after = i + 2 < bytes.length ? bytes[i + 2] : 0;
      // part of a longer sequence or a run of high bytes: not a clean two-byte character
      if (before < 0x80 && (after < 0x80 || after >= 0xc0)) return i;
    }
  }
  return -1;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    i += length;
  }
  return -1;
}

/** The spreadsheet row of a byte offset: lines before it + 1 (a quoted line break counts; rare enough in such files). */
function rowAt(bytes: Uint8Array, offset: number): number {
  let row = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) row++;
  return row;
}

/** The word around a byte offset, read as Windows-1252, to show the user where the problem is. */
function wordAt(bytes: Uint8Array, offset: number): string {
  const separator = (b: number) => b === 0x0a || b === 0x0d || b === 0x3b || b === 0x2c || b === 0x22 || b === 0x20 || b === 0x09;
  let start = offset;
  let end = offset + 1;
  while (start > 0 && offset - start < 40 && !separator(bytes[start - 1])) start--;
  while (end < bytes.length && end - offset < 40 && !separator(bytes[end])) end++;
  return decodeWindows1252(bytes.subarray(start, end));
}
