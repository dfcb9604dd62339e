/**
 * RFC 4180 CSV as offices write it: `;` (Excel on German Windows) or `,`, detected
 * from the header line; values in double quotes may hold the delimiter, line
 * breaks and `""` for a quote. Rows are numbered as a spreadsheet shows them
 * (header = row 1; a value with a line break stays in its row; a blank line is a
 * row too, and is skipped). A file that ends inside a quoted value is refused,
 * naming the row and the line of the file where that value began (issue 10): the
 * quote swallowed everything after it, so that is where the " is missing.
 */
import type { FoundError } from './error-list.ts';
import { reasons } from './reasons.ts';

export type Delimiter = ';' | ',';

export interface CsvTable {
  delimiter: Delimiter;
  header: string[];
  /** Data records with at least one non-empty value; `cells` untrimmed. */
  records: { row: number; cells: string[] }[];
}

export type ParsedCsv = { table: CsvTable } | { error: FoundError };

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
  let line = 1;
  let quoteLine = 0;
  let quoteRow = 0;
  let quoteStart = 0;
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
      } else {
        // a line break inside quotes stays in its row but is a new line of the file
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
        field += ch;
      }
    } else if (ch === '"' && field.trim() === '') {
      // a quote opens a quoted value only at its start (spaces before it are dropped)
      quoted = true;
      field = '';
      quoteRow = row;
      quoteLine = line;
      quoteStart = i + 1;
      quoteColumn = cells.length;
    } else if (ch === delimiter) {
      cells.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      row++;
      line++;
    } else field += ch;
  }
  if (quoted) {
    const header = rows[0]?.cells;
    // the value as far as its first line (at most 40 characters), to find it in the file
    const start = text.slice(quoteStart, quoteStart + 40).split(/[\r\n]/)[0];
    return { error: { row: quoteRow, field: header?.[quoteColumn]?.trim() ?? '', value: `"${start}`, reason: reasons.unclosedQuote(quoteLine) } };
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
