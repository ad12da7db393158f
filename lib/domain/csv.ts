import { CsvError, parse } from "csv-parse/sync";

/**
 * CSV, one module for every download and upload: RFC 4180 quoting, spreadsheet-formula
 * neutralisation on the way out and its exact undoing on the way in. Parsing is csv-parse's
 * (quoted fields with commas, quotes and line breaks, byte-order mark), never hand-written.
 */

/**
 * A cell a spreadsheet would run as a formula starts with = + - @, or a tab or CR that hides
 * one. Such a cell gets a leading apostrophe, and so does a cell that already starts with
 * apostrophes before such a character, so that `restoreFormula` can undo exactly what was
 * added: "=1" → "'=1" → "=1", and "'=1" → "''=1" → "'=1". Other cells are left alone.
 */
const FORMULA = /^'*[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return FORMULA.test(text) ? `'${text}` : text;
}

/** The inverse of `neutraliseFormula`: one leading apostrophe is dropped before a formula character. */
export function restoreFormula(text: string): string {
  return text.startsWith("'") && FORMULA.test(text.slice(1)) ? text.slice(1) : text;
}

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break. A cell a
 * spreadsheet would run as a formula gets a leading apostrophe (`neutraliseFormula`), since
 * names, package names and reasons come from uploaded files.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  const text = neutraliseFormula(value === null || value === undefined ? "" : String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** A record of a CSV file with the line it starts on (1-based; a quoted line break spans lines). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number | null,
  ) {
    super(message);
    this.name = "CsvSyntaxError";
  }
}

/**
 * The records of a CSV text, blank lines skipped, each with the line it starts on. Records may
 * have different numbers of cells (the caller names which are wrong); a broken quote is an
 * error naming its line.
 */
export function parseCsv(text: string): CsvRecord[] {
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    // With `info`, each record comes as { record, info } (the typings do not follow the option).
    parsed = parse(text, { bom: true, info: true, skip_empty_lines: true, relax_column_count: true }) as unknown as typeof parsed;
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines ?? null;
      // csv-parse's own message already says "at line N"; keep its first sentence.
      throw new CsvSyntaxError(error.message.replace(/\s+/g, " ").trim(), line);
    }
    throw error;
  }
  return parsed.map(({ record, info }) => ({
    // info.lines is where the record ends: count back the line breaks inside its cells.
    line: info.lines - record.reduce((n, cell) => n + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0),
    cells: record,
  }));
}
