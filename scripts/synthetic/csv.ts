/**
 * CSV text as the importer reads it (docs/import-formats.md): UTF-8 without BOM, `,` as
 * delimiter, `\n` line ends, a header line, fields quoted only when they need it (a `,`, `"`,
 * `;`, line break or surrounding space), `""` for a quote inside a quoted field.
 */

/** A CSV cell: text, a whole or decimal number already formatted by the caller, or a boolean. */
export type CsvCell = string | number | boolean;

/** Quotes a field if it contains a delimiter, quote, line break or leading/trailing space. */
export function csvField(value: CsvCell): string {
  const text = typeof value === 'string' ? value : String(value);
  if (/[",;\r\n]/.test(text) || text !== text.trim()) return `"${text.replace(/"/g, '""')}"`;
  return text;
}

/** The whole file: header line, one line per row, each ending in `\n`. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header.map(csvField).join(',')];
  for (const row of rows) {
    if (row.length !== header.length) throw new Error(`CSV row has ${row.length} fields, header ${header.length}: ${row.join(',')}`);
    lines.push(row.map(csvField).join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** A decimal with exactly `digits` decimals and `.` as separator (e.g. `0.75`, `412.5`). */
export function decimal(x: number, digits: number): string {
  const text = x.toFixed(digits);
  return text === `-${(0).toFixed(digits)}` ? (0).toFixed(digits) : text;
}
