/*
 * Escaping for GitHub-flavoured Markdown. Report text comes from other people's servers (a
 * header value, a certificate name), so every piece of it is escaped: it shows as the text it
 * is and never becomes a link, an image, HTML or a table cell boundary.
 */

/** Characters that start or end inline Markdown (emphasis, code, links, HTML, entities, cells). */
const markdownSpecial = /[\\`*_[\]<>|&~]/g;
/** What makes a line a heading, list item or quote when it starts one. */
const blockStart = /^(\s*)([#>+-]|\d+[.)])/;

/** Inline Markdown text (after a list marker, a label, in a heading): special characters backslash-escaped, line breaks as one space. */
export function mdText(text: string): string {
  return text.replace(/\r\n?|\n/g, ' ').replace(markdownSpecial, '\\$&');
}

/** A Markdown paragraph: escaped as {@link mdText}, and a leading `#`, `>`, `-`, `+` or `1.` cannot make it a heading, quote or list. */
export function mdParagraph(text: string): string {
  return mdText(text).replace(blockStart, (_match, space: string, marker: string) => `${space}${marker.slice(0, -1)}\\${marker.slice(-1)}`);
}

/** Text for a Markdown table cell: escaped as {@link mdText}; `|` cannot end the cell, line breaks become `<br>`. */
function mdCell(text: string): string {
  return text
    .split(/\r\n?|\n/)
    .map((line) => line.replace(markdownSpecial, '\\$&'))
    .join('<br>');
}

/** A Markdown table: a header row, the delimiter row, then the rows; each cell is escaped. */
export function mdTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(mdCell).join(' | ')} |`;
  return [line(header), `|${header.map(() => ' --- ').join('|')}|`, ...rows.map(line)].join('\n');
}
