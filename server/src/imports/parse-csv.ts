/**
 * RFC 4180 CSV as offices write it: `;` (Excel on German Windows) or `,`, detected
 * from the header line; values in double quotes may hold the delimiter, line
 * breaks and `""` for a quote. Rows are numbered as a spreadsheet shows them
 * (header = row 1; a value with a line break stays in its row; a blank line is a
 * row too, and is skipped).
 */
import type { ImportError } from '../schemas/import.ts';
import { reasons } from './reasons.ts';

export type Delimiter = ';' | ',';

export interface CsvTable {
  delimiter: Delimiter;
  header: string[];
  /** Data records with at least one non-empty value; `cells` untrimmed. */
  records: { row: number; cells: string[] }[];
}

export type ParsedCsv = { table: CsvTable } | { error: ImportError };

export function detectDelimiter(headerLine: string): Delimiter | 'tab' {
  let semicolons = 0;
  let commas = 0;
  let tabs = 0;
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ';') semicolons++;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === '\t') tabs++;
  }
  if (tabs > 0 && semicolons === 0 && commas === 0) return 'tab';
  return semicolons > commas ? ';' : ',';
}

export function parseCsv(text: string): ParsedCsv {
  const firstLineEnd = text.search(/[\r\n]/);
  const delimiter = detectDelimiter(firstLineEnd < 0 ? text : text.slice(0, firstLineEnd));
  if (delimiter === 'tab') return { error: { row: 1, field: '', value: '', reason: reasons.tabDelimited() } };

  const rows: { row: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let field = '';
  let row = 1;
  let quoteRow = 0;
  let quoteColumn = 0;
  let quoted = false;
  const n = text.length;
  const endRecord = () => {
    cells.push(field);
    rows.push({ row, cells });
    cells = [];
    field = '';
  };

  for (let i = 0; i < n; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field.trim() === '') {
      // a quote opens a quoted value only at its start (spaces before it are dropped)
      quoted = true;
      field = '';
      quoteRow = row;
      quoteColumn = cells.length;
    } else if (ch === delimiter) {
      cells.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      row++;
    } else field += ch;
  }
  if (quoted) {
    const header = rows[0]?.cells;
    return { error: { row: quoteRow, field: header?.[quoteColumn]?.trim() ?? '', value: '', reason: reasons.unclosedQuote() } };
  }
  if (field !== '' || cells.length > 0) endRecord();

  const [header, ...body] = rows;
  if (!header || header.cells.every((c) => c.trim() === '')) return { error: { row: 0, field: '', value: '', reason: reasons.emptyFile() } };
  return {
    table: {
      delimiter,
      header: header.cells,
      records: body.filter((r) => r.cells.some((c) => c.trim() !== '')),
    },
  };
}
