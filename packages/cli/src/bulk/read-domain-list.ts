import { readFile, stat } from 'node:fs/promises';
import { normalizeDomain } from '@pastoe/core';
import { UsageError } from '../usage-error.js';

/** One domain of a bulk run's input list. */
export interface BulkInput {
  /** The domain, normalised (lower case, IDN as A-labels). */
  readonly domain: string;
  /** Its group label from the group column, when there is one and the cell is not empty. */
  readonly group?: string;
}

/** Options for {@link readDomainList}. */
export interface ReadDomainListOptions {
  /** The CSV column holding each domain's group (e.g. `group` or `organisatietype`); its name is matched without case. */
  readonly groupColumn?: string;
  /** Stops reading. */
  readonly signal?: AbortSignal;
}

/** The largest list read: a million domains fit with room to spare. */
const maxListBytes = 128 * 1024 * 1024;
/** The names a domain column goes by in a CSV header, besides being the first column. */
const domainColumnNames = ['domain', 'domein', 'domainname', 'domeinnaam'];

/**
 * Reads a bulk run's input list: a CSV file with a header row (the domain column is the one named
 * `domain` or `domein`, else the first; `,` or `;` between fields, fields may be quoted), or one
 * domain per line. Empty lines and lines starting with `#` are skipped. Every domain is
 * normalised as `pastoe check` does (URLs and e-mail addresses give their domain, IDNs become
 * A-labels); a domain listed twice is kept once, with its first group.
 *
 * A file that cannot be read, a line that holds no valid domain and a group column the header
 * lacks are a {@link UsageError} naming `file:line`. The file is a CSV when a group column is
 * asked for or its first line has a `,` or `;`.
 */
export async function readDomainList(file: string, options: ReadDomainListOptions = {}): Promise<BulkInput[]> {
  const text = await readListFile(file, options.signal);
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const content = lines.map((line, index) => ({ line, number: index + 1 })).filter(({ line }) => !isSkipped(line));
  const first = content[0];
  if (first === undefined) throw new UsageError(`${file} holds no domains`);
  const isCsv = options.groupColumn !== undefined || /[,;]/.test(first.line);
  const inputs: BulkInput[] = [];
  const seen = new Set<string>();
  const add = (cell: string, group: string | undefined, number: number): void => {
    const parsed = normalizeDomain(cell);
    if (!parsed.ok) throw new UsageError(`${file}:${number}: ${parsed.reason}`);
    if (seen.has(parsed.domain)) return;
    seen.add(parsed.domain);
    inputs.push(group === undefined || group === '' ? { domain: parsed.domain } : { domain: parsed.domain, group });
  };
  if (!isCsv) {
    for (const { line, number } of content) add(line, undefined, number);
    return nonEmpty(inputs, file);
  }
  const delimiter = first.line.includes(',') || !first.line.includes(';') ? ',' : ';';
  const header = splitCsvLine(first.line, delimiter, file, first.number).map((name) => name.trim().toLowerCase());
  const named = header.findIndex((name) => domainColumnNames.includes(name));
  const domainColumn = named === -1 ? 0 : named;
  let groupColumn: number | undefined;
  if (options.groupColumn !== undefined) {
    groupColumn = header.indexOf(options.groupColumn.trim().toLowerCase());
    if (groupColumn === -1)
      throw new UsageError(
        `${file}:${first.number}: the header has no column ${JSON.stringify(options.groupColumn)} (it has ${header.join(', ')})`,
      );
  }
  for (const { line, number } of content.slice(1)) {
    const cells = splitCsvLine(line, delimiter, file, number);
    const group = groupColumn === undefined ? undefined : cells[groupColumn]?.trim();
    add(cells[domainColumn] ?? '', group, number);
  }
  return nonEmpty(inputs, file);
}

async function readListFile(file: string, signal: AbortSignal | undefined): Promise<string> {
  try {
    const size = (await stat(file)).size;
    if (size > maxListBytes) throw new UsageError(`${file} is ${size} bytes; a domain list may be at most ${maxListBytes}`);
    return await readFile(file, { encoding: 'utf8', ...(signal === undefined ? {} : { signal }) });
  } catch (error) {
    if (error instanceof UsageError || (error instanceof Error && error.name === 'AbortError')) throw error;
    const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    throw new UsageError(`cannot read ${file}: ${reason}`);
  }
}

function isSkipped(line: string): boolean {
  const trimmed = line.trim();
  return trimmed === '' || trimmed.startsWith('#');
}

function nonEmpty(inputs: BulkInput[], file: string): BulkInput[] {
  if (inputs.length === 0) throw new UsageError(`${file} holds no domains`);
  return inputs;
}

/** The fields of one CSV line (RFC 4180 quoting, `""` for a quote inside a quoted field). */
function splitCsvLine(line: string, delimiter: string, file: string, number: number): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let at = 0; at < line.length; at++) {
    const char = line[at];
    if (quoted) {
      if (char === '"' && line[at + 1] === '"') {
        cell += '"';
        at++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (char === delimiter) {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  if (quoted) throw new UsageError(`${file}:${number}: a quoted field is not closed`);
  cells.push(cell);
  return cells;
}
