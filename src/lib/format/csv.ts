/**
 * The one CSV writer of the project: the open-data `accounts.csv`, the compliance CSVs on the
 * site, and everything `npm run report -- --format csv` prints go through `toCsv`.
 *
 * The files are for Excel and WPS: UTF-8 with a byte-order mark (without it Excel reads Chinese
 * as GBK mojibake), CRLF line ends, every field quoted when it must be (csv-stringify).
 *
 * Two cell rules, the same for every file:
 * - **Formula injection.** A text cell that a spreadsheet would run as a formula gets a leading
 *   `'` (Excel shows the text, and OWASP's advice for CSV injection). That is a cell whose first
 *   character, after any leading white space (ASCII, no-break or ideographic spaces), is `=`,
 *   `+`, `-`, `@`, a TAB, CR or LF, or the full-width `＝＋－＠` (Excel and WPS read those as the
 *   ASCII signs when the input method left them in). Data written by a clerk such as `-5`,
 *   `+86…` or `=1+1` therefore stays text: only a cell the program writes as a JavaScript
 *   `number` (a score, a count, a line number) is written as a bare number, `-5` included.
 * - **Long digit strings.** A text cell of 12 or more digits, or with a leading zero (a 16-digit
 *   Toutiao ID would become 1.89573E+15, `0931…` would lose its zero), is written as `="…"`, a
 *   formula we write ourselves that yields the text unchanged.
 *
 * Programs should read the JSON files, which hold the values unchanged.
 */
import { stringify } from 'csv-stringify/sync';

/** A cell: text (checked as above), a number we computed, or nothing (an empty cell). */
export type CsvCell = string | number | null | undefined;

/** The byte-order mark every CSV starts with. */
export const CSV_BOM = '\uFEFF';

/** Leading white space Excel skips before it looks for a formula sign. */
const LEADING_SPACE = /^[\s\u00a0\u3000\ufeff]*/u;
/** What makes a spreadsheet read a cell as a formula (or a DDE call), after leading spaces. */
const FORMULA_START = /^[=+\-@\t\r\n＝＋－＠]/u;

/** Whether a spreadsheet would treat this text as a formula. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text.replace(LEADING_SPACE, '')) || /^[\t\r\n]/.test(text);
}

/** A cell as the spreadsheet should see it (see the file comment). */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`CSV 单元格不能是 ${value}`);
    return String(value);
  }
  if (/^(0\d+|\d{12,})$/.test(value)) return `="${value}"`;
  if (looksLikeFormula(value)) return `'${value}`;
  return value;
}

/** The CSV text of a header row and data rows: BOM, CRLF, every cell through `csvCell`. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return CSV_BOM + stringify([header.map(csvCell), ...rows.map((row) => row.map(csvCell))], { record_delimiter: 'windows' });
}
