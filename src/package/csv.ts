// RFC 4180 CSV: CRLF record ends, a header row, fields quoted when they hold a comma, quote, CR or LF.

/** U+FEFF: lets Excel recognise the file as UTF-8 (it otherwise assumes the ANSI code page and breaks accents). */
export const UTF8_BOM = '\uFEFF';

export type Cell = string | number | boolean | null;

export interface CsvOptions {
  /** Prefix the file with a UTF-8 byte order mark (default true). */
  bom?: boolean;
}

const NEEDS_QUOTES = /[",\r\n]/;

export function formatCsvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The text of a cell in a Table Schema lexical form: null is the empty string (the default missing value). */
export function formatCell(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) throw new RangeError(`cannot write ${cell} to CSV`);
    return String(cell);
  }
  return String(cell);
}

export function formatCsv(header: readonly string[], rows: readonly (readonly Cell[])[], options: CsvOptions = {}): string {
  const lines = [header.map(formatCsvField).join(',')];
  for (const row of rows) {
    if (row.length !== header.length) throw new RangeError(`row has ${row.length} cells, header has ${header.length}`);
    lines.push(row.map((c) => formatCsvField(formatCell(c))).join(','));
  }
  return (options.bom === false ? '' : UTF8_BOM) + lines.map((l) => l + '\r\n').join('');
}

export interface ParsedCsv {
  rows: string[][];
  /** Deviations from RFC 4180, with the 1-based record number. */
  problems: string[];
}

/** A strict RFC 4180 reader: it reports bare LF/CR, stray quotes and text after a closing quote. */
export function parseCsv(text: string): ParsedCsv {
  const problems: string[] = [];
  const rows: string[][] = [];
  const body = text.startsWith(UTF8_BOM) ? text.slice(1) : text;
  let row: string[] = [];
  let field = '';
  let i = 0;
  const record = () => rows.length + 1;
  const endField = () => {
    row.push(field);
    field = '';
  };
  while (i < body.length) {
    const ch = body[i]!;
    if (ch === '"' && field === '' && atFieldStart(body, i)) {
      const close = readQuoted(body, i + 1);
      if (close.end < 0) {
        problems.push(`record ${record()}: quoted field is never closed`);
        row.push(close.value);
        rows.push(row);
        return { rows, problems };
      }
      field = close.value;
      i = close.end + 1;
      const next = body[i];
      if (next !== undefined && next !== ',' && next !== '\r') {
        problems.push(`record ${record()}: text after a closing quote`);
      }
      continue;
    }
    if (ch === ',') {
      endField();
      i++;
    } else if (ch === '\r') {
      if (body[i + 1] !== '\n') problems.push(`record ${record()}: bare CR (records must end with CRLF)`);
      endField();
      rows.push(row);
      row = [];
      i += body[i + 1] === '\n' ? 2 : 1;
    } else if (ch === '\n') {
      problems.push(`record ${record()}: bare LF (records must end with CRLF)`);
      endField();
      rows.push(row);
      row = [];
      i++;
    } else {
      if (ch === '"') problems.push(`record ${record()}: quote inside an unquoted field`);
      field += ch;
      i++;
    }
  }
  if (field !== '' || row.length > 0) {
    problems.push(`record ${record()}: last record does not end with CRLF`);
    endField();
    rows.push(row);
  }
  return { rows, problems };
}

function atFieldStart(text: string, i: number): boolean {
  const before = text[i - 1];
  return before === undefined || before === ',' || before === '\n' || before === '\r';
}

function readQuoted(text: string, from: number): { value: string; end: number } {
  let value = '';
  let i = from;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') {
      if (text[i + 1] === '"') {
        value += '"';
        i += 2;
        continue;
      }
      return { value, end: i };
    }
    value += ch;
    i++;
  }
  return { value, end: -1 };
}
