import { DataError } from "./errors.js";

/** Options for reading delimited text. */
export interface CsvParseOptions {
  /** Field separator; default `,`. */
  delimiter?: string;
}

/**
 * Parses RFC 4180 text into a header and rows of raw string fields, with the line each row starts
 * on (the header is line 1). Blank lines are skipped, and so, as pandas' `read_csv` does, are lines
 * of only spaces and tabs; a line holding a quoted field, even `""`, is a record. Quoted fields may
 * hold delimiters, doubled quotes and line breaks; `\r\n` and `\n` both end a record. A record
 * whose field count differs from the header's is a DataError naming its line, unless `ragged`
 * keeps it as it is for the caller to report.
 */
export function parseCsv(text: string, options: CsvParseOptions & { ragged?: boolean } = {}): { header: string[]; rows: string[][]; lines: number[] } {
  const delimiter = options.delimiter ?? ",";
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === "\n" || delimiter === "\r") {
    throw new DataError(`parseCsv: delimiter must be one character other than a quote or line break, got ${JSON.stringify(delimiter)}`);
  }
  const records: string[][] = [];
  const recordLines: number[] = [];
  let field = "";
  let record: string[] = [];
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  let fieldStarted = false;
  let quoted = false;
  const endRecord = () => {
    record.push(field);
    if (!(record.length === 1 && !quoted && /^[ \t]*$/.test(record[0]))) {
      records.push(record);
      recordLines.push(recordLine);
    }
  };
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
        }
      } else {
        if (ch === "\n") line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && !fieldStarted) {
      inQuotes = true;
      fieldStarted = true;
      quoted = true;
    } else if (ch === delimiter) {
      record.push(field);
      field = "";
      fieldStarted = false;
      quoted = false;
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      record = [];
      field = "";
      fieldStarted = false;
      quoted = false;
      line++;
      recordLine = line;
    } else {
      field += ch;
      fieldStarted = true;
    }
  }
  if (inQuotes) throw new DataError(`parseCsv: a quoted field opened on line ${recordLine} is never closed`);
  if (fieldStarted || record.length > 0) endRecord();
  if (records.length === 0) throw new DataError("parseCsv: the text is empty; expected a header line");
  const header = records[0];
  const rows = records.slice(1);
  const lines = recordLines.slice(1);
  for (let r = 0; r < rows.length && !options.ragged; r++) {
    if (rows[r].length !== header.length) {
      throw new DataError(
        `parseCsv: line ${lines[r]} has ${rows[r].length} fields but the header has ${header.length}`,
        { row: r },
      );
    }
  }
  return { header, rows, lines };
}

/**
 * Writes a header and rows as RFC 4180 text (`\n` line ends): a field is quoted when it holds the
 * delimiter, a quote or a line break, or when it is a record's only field and made of nothing but
 * spaces and tabs (a line `parseCsv` would skip as blank), so `parseCsv` reads back exactly the
 * same fields.
 */
export function formatCsv(header: readonly string[], rows: readonly (readonly string[])[], options: CsvParseOptions = {}): string {
  const delimiter = options.delimiter ?? ",";
  const lone = header.length === 1;
  const quote = (field: string) =>
    field.includes(delimiter) || /["\r\n]/.test(field) || (lone && /^[ \t]*$/.test(field)) ? `"${field.replaceAll('"', '""')}"` : field;
  const line = (fields: readonly string[], at: string) => {
    if (fields.length !== header.length) throw new DataError(`formatCsv: ${at} has ${fields.length} fields but the header has ${header.length}`);
    return fields.map(quote).join(delimiter);
  };
  return [line(header, "the header"), ...rows.map((row, i) => line(row, `row ${i}`))].join("\n") + "\n";
}
