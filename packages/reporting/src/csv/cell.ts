/*
 * RFC 4180 text: fields separated by commas, records by CRLF, a field quoted when it holds a
 * comma, a double quote, CR or LF, with its quotes doubled. Domains and group labels come from
 * users, and spreadsheets run a cell that starts with a formula character, so such a cell is
 * prefixed with a single quote first (OWASP, "CSV Injection").
 */

/** What a spreadsheet may read as the start of a formula (OWASP's list). */
const formulaStart = /^[=+\-@\t\r]/;
/** What makes a field need quotes under RFC 4180. */
const needsQuotes = /[",\r\n]/;

/** One field: a string, a number, or nothing (an empty field). */
export type CsvValue = string | number | null | undefined;

/**
 * A share (0–1) as a percentage with one decimal, as the summary and comparison CSVs write it; a
 * share of `null` (nothing decided) stays empty.
 */
export function percentCell(share: number | null): number | null {
  return share === null ? null : Math.round(share * 1000) / 10;
}

/**
 * One CSV field: guarded against formula injection, then quoted per RFC 4180 where needed.
 * Numbers are written as they are (they are pastoe's own figures, never user text).
 */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const guarded = formulaStart.test(value) ? `'${value}` : value;
  return needsQuotes.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

/** A whole CSV text: the header, then the rows, each record ended by CRLF (RFC 4180). */
export function csvText(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  const lines = [header.map(csvField).join(',')];
  for (const row of rows) lines.push(row.map(csvField).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
