import { htmlDocument } from '../html/document.js';
import { htmlText } from '../html/escape.js';
import { htmlTable } from '../html/summary-html.js';
import type { Language } from '../messages/types.js';
import { ui } from '../messages/ui.js';
import { comparisonChartSvg } from './comparison-chart.js';
import type { ComparisonRenderOptions } from './comparison-markdown.js';
import { comparisonView } from './comparison-view.js';
import { supplierChangeViews } from './supplier-change-view.js';
import type { Comparison } from './types.js';

/** Options for {@link comparisonToHtml}. */
export interface ComparisonHtmlOptions extends ComparisonRenderOptions {
  /** True for an embeddable `<div class="pastoe-report">` instead of a whole HTML document. */
  readonly fragment?: boolean;
}

/** The supplier change tables, one per hosting role; empty without a supplier view. */
function supplierPart(comparison: Comparison, language: Language): string[] {
  const views = supplierChangeViews(comparison, language);
  if (views.length === 0) return [];
  return [
    `<h3>${htmlText(ui('suppliers.heading', language))}</h3>`,
    `<p class="note">${htmlText(ui('compare.suppliers-note', language))}</p>`,
    ...views.flatMap((view) => [
      `<h4>${htmlText(view.heading)}</h4>`,
      ...(view.note === undefined ? [] : [`<p class="note">${htmlText(view.note)}</p>`]),
      ...(view.table.rows.length === 0 ? [] : [htmlTable(view.table)]),
    ]),
  ];
}

/**
 * A comparison (from {@link compare}) as one self-contained HTML file, in Dutch or English: the
 * two measurements, what the change means and what counts, an inline SVG chart of the overall
 * adoption in A and in B per streefbeeld suite and standard, a table per set of domains (all,
 * then each group) with the share in A, in B and the change in percentage points, with a supplier
 * view a table per hosting role of the same per supplier (see `SupplierRoleChange`), the domains
 * that improved or regressed and on what, and the domains only one measurement has. Nothing
 * loads or runs; every text from the measurements is HTML-escaped.
 */
export function comparisonToHtml(comparison: Comparison, options: ComparisonHtmlOptions = {}): string {
  const language = options.language ?? 'en';
  const title = options.title ?? ui('compare.title', language);
  const view = comparisonView(comparison, language);
  const body = [
    `<h1>${htmlText(title)}</h1>`,
    `<dl class="provenance">${view.measurements.map(([label, value]) => `<dt>${htmlText(label)}</dt><dd>${htmlText(value)}</dd>`).join('')}</dl>`,
    '<section class="summary">',
    `<h2>${htmlText(ui('compare.heading', language))}</h2>`,
    `<p class="note">${htmlText(ui('compare.note', language))}</p>`,
    comparisonChartSvg(comparison, language),
    ...view.sections.flatMap((section) => [`<h3>${htmlText(section.heading)}</h3>`, htmlTable(section.table)]),
    ...supplierPart(comparison, language),
    '</section>',
    '<section class="changes">',
    `<h2>${htmlText(ui('compare.domains', language))}</h2>`,
    view.domains === undefined ? `<p>${htmlText(ui('compare.no-changes', language))}</p>` : htmlTable(view.domains),
    `<p class="note">${htmlText(view.unchangedNote)}</p>`,
    ...(view.onlyInA === undefined ? [] : [`<h3>${htmlText(ui('compare.only-a', language))}</h3>`, htmlTable(view.onlyInA)]),
    ...(view.onlyInB === undefined ? [] : [`<h3>${htmlText(ui('compare.only-b', language))}</h3>`, htmlTable(view.onlyInB)]),
    '</section>',
  ];
  return htmlDocument(body.join('\n'), { title, language, fragment: options.fragment === true });
}
