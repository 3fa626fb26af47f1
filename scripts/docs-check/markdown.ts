/*
 * What docs-check reads from a Markdown file: its fenced code blocks (with the `<!-- pending: NAME -->`
 * mark above a sample of an API not merged yet), its links and the anchors its headings make.
 */

/** A fenced code block. */
export interface CodeBlock {
  /** The info string's first word, e.g. `ts` or `sh`; empty when the fence has none. */
  readonly language: string;
  /** The info string's other words, e.g. `ignore`. */
  readonly flags: readonly string[];
  /** The code, without the fences. */
  readonly code: string;
  /** The 1-based line of the opening fence. */
  readonly line: number;
  /** The name in a `<!-- pending: NAME -->` comment on the line above the fence (blank lines between allowed). */
  readonly pending?: string;
}

/** A link target as written, with its line. */
export interface MarkdownLink {
  /** The target: a URL, a relative path, `path#anchor` or `#anchor`. */
  readonly target: string;
  /** The 1-based line it is on. */
  readonly line: number;
}

/** A Markdown file as docs-check sees it. */
export interface MarkdownDocument {
  readonly codeBlocks: readonly CodeBlock[];
  readonly links: readonly MarkdownLink[];
  /** The anchors of its headings, GitHub-style (`## Report format` → `report-format`), and of `<a id>`/`<a name>`. */
  readonly anchors: ReadonlySet<string>;
}

const fencePattern = /^ {0,3}(`{3,}|~{3,})\s*([^`]*)$/;
const pendingPattern = /^\s*<!--\s*pending:\s*(.+?)\s*-->\s*$/;
const headingPattern = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
// Inline links and images `[text](target "title")`, and reference definitions `[label]: target`.
const inlineLinkPattern = /!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
const referencePattern = /^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/;
const autolinkPattern = /<(https?:\/\/[^>\s]+)>/g;
const htmlAnchorPattern = /<a\s+(?:id|name)="([^"]+)"/g;
const htmlHrefPattern = /<a\s[^>]*href="([^"]+)"/g;

/** Reads the code blocks, links and anchors of a Markdown text. */
export function readMarkdown(text: string): MarkdownDocument {
  const lines = text.split(/\r?\n/);
  const codeBlocks: CodeBlock[] = [];
  const links: MarkdownLink[] = [];
  const anchors = new Set<string>();
  const slugCounts = new Map<string, number>();
  let fence: { marker: string; info: string; line: number; pending?: string; body: string[] } | undefined;
  let pending: string | undefined;

  lines.forEach((line, index) => {
    const lineNumber = index + 1;
    if (fence !== undefined) {
      const closing = line.trim();
      if (closing.startsWith(fence.marker) && closing.replaceAll(fence.marker[0] ?? '`', '') === '') {
        const [language = '', ...flags] = fence.info.split(/\s+/).filter((word) => word !== '');
        codeBlocks.push({
          language,
          flags,
          code: fence.body.join('\n'),
          line: fence.line,
          ...(fence.pending === undefined ? {} : { pending: fence.pending }),
        });
        fence = undefined;
      } else {
        fence.body.push(line);
      }
      return;
    }
    const opening = fencePattern.exec(line);
    if (opening !== null) {
      fence = { marker: opening[1] ?? '```', info: (opening[2] ?? '').trim(), line: lineNumber, body: [] };
      if (pending !== undefined) fence.pending = pending;
      pending = undefined;
      return;
    }
    const mark = pendingPattern.exec(line);
    if (mark !== null) {
      pending = mark[1];
      return;
    }
    if (line.trim() !== '') pending = undefined;

    const heading = headingPattern.exec(line);
    if (heading !== null) {
      const slug = headingSlug(heading[2] ?? '');
      const seen = slugCounts.get(slug) ?? 0;
      slugCounts.set(slug, seen + 1);
      anchors.add(seen === 0 ? slug : `${slug}-${seen}`);
    }
    for (const match of line.matchAll(htmlAnchorPattern)) if (match[1] !== undefined) anchors.add(match[1]);

    const prose = withoutInlineCode(line);
    const reference = referencePattern.exec(prose);
    if (reference?.[1] !== undefined) links.push({ target: reference[1], line: lineNumber });
    for (const pattern of [inlineLinkPattern, autolinkPattern, htmlHrefPattern]) {
      for (const match of prose.matchAll(pattern)) if (match[1] !== undefined) links.push({ target: match[1], line: lineNumber });
    }
  });
  if (fence !== undefined) throw new SyntaxError(`the code block opened on line ${fence.line} is never closed`);
  return { codeBlocks, links, anchors };
}

/** GitHub's anchor for a heading: its text without Markdown, lower case, punctuation dropped, spaces as hyphens. */
export function headingSlug(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/[`*~]/g, '');
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** The line with its inline code spans blanked, so that a link shown as code is not checked. */
function withoutInlineCode(line: string): string {
  return line.replace(/(`+)[^`]*?\1/g, (span) => ' '.repeat(span.length));
}
