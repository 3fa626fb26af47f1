import type { Language } from '../messages/types.js';
import { ui } from '../messages/ui.js';
import type { AdoptionSummary } from '../summary/types.js';
import { supplierViews } from '../suppliers/supplier-view.js';
import { summaryView } from '../view/summary-view.js';
import { mdParagraph, mdTable, mdText } from './escape.js';

/** Options for {@link summaryToMarkdown}. */
export interface SummaryMarkdownOptions {
  /** The language of every text: `en` (the default) or `nl`. */
  readonly language?: Language;
  /** The level of the section's heading (`##` by default: 2). */
  readonly headingLevel?: 1 | 2 | 3 | 4;
}

/**
 * Adoption statistics (from `summarize`) as GitHub-flavoured Markdown: the share of domains
 * meeting the streefbeeld for web and mail, per standard and per check, all domains first and
 * then a column per group. A share is written `67 % (2/3)`: met over decided. A summary with a
 * supplier view gets a table per hosting role last.
 */
export function summaryToMarkdown(summary: AdoptionSummary, options: SummaryMarkdownOptions = {}): string {
  const language = options.language ?? 'en';
  const hashes = '#'.repeat(options.headingLevel ?? 2);
  const view = summaryView(summary, language);
  const parts = [
    `${hashes} ${mdText(ui('summary.heading', language))}`,
    mdParagraph(ui('summary.share-note', language)),
    `${hashes}# ${mdText(ui('summary.streefbeeld', language))}`,
    mdTable(view.streefbeeld.header, view.streefbeeld.rows),
    `${hashes}# ${mdText(ui('summary.standards', language))}`,
    mdTable(view.standards.header, view.standards.rows),
    `${hashes}# ${mdText(ui('summary.checks', language))}`,
    mdTable(view.checks.header, view.checks.rows),
  ];
  if (view.ungroupedNote !== undefined) parts.splice(2, 0, mdParagraph(view.ungroupedNote));
  const suppliers = supplierViews(summary, language);
  if (suppliers.length > 0) {
    parts.push(`${hashes}# ${mdText(ui('suppliers.heading', language))}`, mdParagraph(ui('suppliers.note', language)));
    for (const role of suppliers) {
      parts.push(`${hashes}## ${mdText(role.heading)}`);
      if (role.note !== undefined) parts.push(mdParagraph(role.note));
      if (role.table.rows.length > 0) parts.push(mdTable(role.table.header, role.table.rows));
    }
  }
  return `${parts.join('\n\n')}\n`;
}
