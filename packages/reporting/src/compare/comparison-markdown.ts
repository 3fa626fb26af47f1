import { mdParagraph, mdTable, mdText } from '../markdown/escape.js';
import type { Language } from '../messages/types.js';
import { ui } from '../messages/ui.js';
import type { TextTable } from '../view/summary-view.js';
import { comparisonView } from './comparison-view.js';
import { supplierChangeViews } from './supplier-change-view.js';
import type { Comparison } from './types.js';

/** Options for {@link comparisonToMarkdown} and `comparisonToHtml`. */
export interface ComparisonRenderOptions {
  /** The language of every text: `en` (the default) or `nl`. */
  readonly language?: Language;
  /** The title; by default "pastoe: two measurements compared". */
  readonly title?: string;
}

const table = (text: TextTable) => mdTable(text.header, text.rows);

/** The supplier change tables, one per hosting role; empty without a supplier view. */
function supplierParts(comparison: Comparison, language: Language): string[] {
  const views = supplierChangeViews(comparison, language);
  if (views.length === 0) return [];
  return [
    `### ${mdText(ui('suppliers.heading', language))}`,
    mdParagraph(ui('compare.suppliers-note', language)),
    ...views.flatMap((view) => [
      `#### ${mdText(view.heading)}`,
      ...(view.note === undefined ? [] : [mdParagraph(view.note)]),
      ...(view.table.rows.length === 0 ? [] : [table(view.table)]),
    ]),
  ];
}

/**
 * A comparison (from {@link compare}) as GitHub-flavoured Markdown, in Dutch or English: what
 * `comparisonToHtml` shows, without the chart. Every text from the measurements is escaped.
 */
export function comparisonToMarkdown(comparison: Comparison, options: ComparisonRenderOptions = {}): string {
  const language = options.language ?? 'en';
  const view = comparisonView(comparison, language);
  const parts = [
    `# ${mdText(options.title ?? ui('compare.title', language))}`,
    view.measurements.map(([label, value]) => `- ${mdText(label)}: ${mdText(value)}`).join('\n'),
    `## ${mdText(ui('compare.heading', language))}`,
    mdParagraph(ui('compare.note', language)),
    ...view.sections.flatMap((section) => [`### ${mdText(section.heading)}`, table(section.table)]),
    ...supplierParts(comparison, language),
    `## ${mdText(ui('compare.domains', language))}`,
    view.domains === undefined ? mdParagraph(ui('compare.no-changes', language)) : table(view.domains),
    mdParagraph(view.unchangedNote),
    ...(view.onlyInA === undefined ? [] : [`### ${mdText(ui('compare.only-a', language))}`, table(view.onlyInA)]),
    ...(view.onlyInB === undefined ? [] : [`### ${mdText(ui('compare.only-b', language))}`, table(view.onlyInB)]),
  ];
  return `${parts.join('\n\n')}\n`;
}
