import { adoptionChartSvg } from '../charts/adoption-chart.js';
import type { Language } from '../messages/types.js';
import { ui } from '../messages/ui.js';
import type { AdoptionSummary } from '../summary/types.js';
import { supplierViews } from '../suppliers/supplier-view.js';
import { type TextTable, summaryView } from '../view/summary-view.js';
import { htmlText } from './escape.js';

/** A text table as HTML, in a scrolling box so a wide table does not widen a phone's page. */
export function htmlTable(table: TextTable, caption?: string): string {
  const head = `<tr>${table.header.map((cell) => `<th scope="col">${htmlText(cell)}</th>`).join('')}</tr>`;
  const body = table.rows
    .map(
      (row) =>
        `<tr>${row.map((cell, index) => (index === 0 ? `<th scope="row">${htmlText(cell)}</th>` : `<td>${htmlText(cell)}</td>`)).join('')}</tr>`,
    )
    .join('\n');
  const title = caption === undefined ? '' : `<caption>${htmlText(caption)}</caption>`;
  return `<div class="scroll"><table>${title}<thead>${head}</thead><tbody>\n${body}\n</tbody></table></div>`;
}

/** The supplier part of the adoption section: a table per hosting role; empty without a supplier view. */
function supplierPart(summary: AdoptionSummary, language: Language): string[] {
  const views = supplierViews(summary, language);
  if (views.length === 0) return [];
  return [
    `<h3>${htmlText(ui('suppliers.heading', language))}</h3>`,
    `<p class="note">${htmlText(ui('suppliers.note', language))}</p>`,
    ...views.flatMap((view) => [
      `<h4>${htmlText(view.heading)}</h4>`,
      view.note === undefined ? '' : `<p class="note">${htmlText(view.note)}</p>`,
      view.table.rows.length === 0 ? '' : htmlTable(view.table),
    ]),
  ];
}

/** The adoption section of an HTML report: the note, the chart, then the tables (suppliers last). */
export function summarySection(summary: AdoptionSummary, language: Language): string {
  const view = summaryView(summary, language);
  return [
    '<section class="summary">',
    `<h2>${htmlText(ui('summary.heading', language))}</h2>`,
    `<p class="note">${htmlText(ui('summary.share-note', language))}</p>`,
    view.ungroupedNote === undefined ? '' : `<p class="note">${htmlText(view.ungroupedNote)}</p>`,
    adoptionChartSvg(summary, { language }),
    `<h3>${htmlText(ui('summary.streefbeeld', language))}</h3>`,
    htmlTable(view.streefbeeld),
    `<h3>${htmlText(ui('summary.standards', language))}</h3>`,
    htmlTable(view.standards),
    `<h3>${htmlText(ui('summary.checks', language))}</h3>`,
    htmlTable(view.checks),
    ...supplierPart(summary, language),
    '</section>',
  ]
    .filter((part) => part !== '')
    .join('\n');
}
