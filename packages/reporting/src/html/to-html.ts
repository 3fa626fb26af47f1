import type { ScanReport, VerdictStatus } from '@pastoe/core';
import type { Language } from '../messages/types.js';
import { meetsWord, statusWord, ui } from '../messages/ui.js';
import { type ReportRenderOptions, type ShownDecisions, shownDecisions } from '../view/options.js';
import { type CheckView, type ReportView, reportView } from '../view/report-view.js';
import { meetsStatus, statusSymbol } from '../view/status.js';
import { htmlDocument } from './document.js';
import { htmlText } from './escape.js';
import { summarySection } from './summary-html.js';

/** Options for {@link toHtml}. */
export interface HtmlReportOptions extends ReportRenderOptions {
  /**
   * True for an embeddable `<div class="pastoe-report">` with its styles scoped inside it (for a
   * notebook or a page of your own) instead of a whole HTML document.
   */
  readonly fragment?: boolean;
}

/** A status badge: symbol and word, coloured by a class. */
function badge(status: VerdictStatus, word: string): string {
  return `<span class="badge st-${status}">${htmlText(`${statusSymbol[status]} ${word}`)}</span>`;
}

function headline(view: ReportView, shown: ShownDecisions, language: Language): string {
  const rows: string[] = [];
  if (shown.scores) {
    for (const suite of view.scores) {
      const note =
        suite.missing > 0 ? ` <span class="note">${htmlText(ui('score.incomplete', language, { missing: suite.missing }))}</span>` : '';
      rows.push(`<tr><th scope="row">${htmlText(suite.label)}</th><td><strong>${suite.percentage} %</strong>${note}</td></tr>`);
    }
  }
  if (shown.streefbeeld) {
    if (view.streefbeeld !== undefined) {
      rows.push(
        `<tr><th scope="row">${htmlText(ui('streefbeeld.domain', language))}</th><td>${badge(meetsStatus(view.streefbeeld), meetsWord(view.streefbeeld, language))}</td></tr>`,
      );
    }
    for (const suite of view.streefbeeldSuites) {
      const unmet = suite.unmet.length > 0 ? ` ${htmlText(ui('streefbeeld.unmet', language, { standards: suite.unmet.join(', ') }))}` : '';
      rows.push(
        `<tr><th scope="row">${htmlText(suite.label)}</th><td>${badge(meetsStatus(suite.meets), meetsWord(suite.meets, language))}${unmet}</td></tr>`,
      );
    }
  }
  return rows.length === 0 ? '' : `<div class="scroll"><table class="headline"><tbody>\n${rows.join('\n')}\n</tbody></table></div>`;
}

function checkBlock(check: CheckView, language: Language): string {
  const classes = ['check', `c-${check.status}`, ...(check.status === 'fail' ? ['needs'] : [])].join(' ');
  const parts = [
    `<details class="${classes}"${check.needsAttention ? ' open' : ''}>`,
    `<summary>${badge(check.status, statusWord(check.status, language))} ${htmlText(check.title)} <code>${htmlText(check.check)}</code></summary>`,
  ];
  if (check.error !== undefined) {
    parts.push(`<p class="error">${htmlText(check.error)}</p>`, `<p class="note">${htmlText(ui('error.not-the-domain', language))}</p>`);
  }
  if (check.findings.length > 0) {
    const more = check.moreFindings > 0 ? `<li>${htmlText(ui('check.more-findings', language, { count: check.moreFindings }))}</li>` : '';
    parts.push(
      `<h4>${htmlText(ui('check.findings', language))}</h4>`,
      `<ul class="findings">${check.findings.map((line) => `<li>${htmlText(line)}</li>`).join('')}${more}</ul>`,
    );
  }
  if (check.evidence.length > 0) {
    const withStatus = check.evidence.some((row) => row.status !== undefined);
    const withFacts = check.evidence.some((row) => row.facts !== '');
    const header = [
      ui('check.server', language),
      ...(withStatus ? [ui('status.heading', language)] : []),
      ...(withFacts ? [ui('check.facts', language)] : []),
    ];
    const rows = check.evidence.map((row) => {
      const status = withStatus ? `<td>${row.status === undefined ? '' : badge(row.status, statusWord(row.status, language))}</td>` : '';
      return `<tr><td>${htmlText(row.server)}</td>${status}${withFacts ? `<td>${htmlText(row.facts)}</td>` : ''}</tr>`;
    });
    parts.push(
      `<h4>${htmlText(ui('check.evidence', language))}</h4>`,
      `<div class="scroll"><table class="evidence"><thead><tr>${header.map((cell) => `<th scope="col">${htmlText(cell)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`,
    );
    if (check.moreServers > 0)
      parts.push(`<p class="note">${htmlText(ui('check.more-servers', language, { count: check.moreServers }))}</p>`);
  }
  const texts: [string, string | undefined, string][] = [
    [ui('check.explanation', language), check.explanation, 'explanation'],
    [ui('check.advice', language), check.advice, 'advice'],
    [ui('check.supplier', language), check.supplier, 'supplier'],
  ];
  const shownTexts = texts.filter(([, text]) => text !== undefined);
  if (shownTexts.length > 0) {
    parts.push(
      `<dl class="texts">${shownTexts.map(([label, text, kind]) => `<dt>${htmlText(label)}</dt><dd class="${kind}">${htmlText(text ?? '')}</dd>`).join('')}</dl>`,
    );
  }
  parts.push('</details>');
  return parts.join('\n');
}

function domainSection(view: ReportView, index: number, single: boolean, shown: ShownDecisions, language: Language): string {
  const heading = single ? 'h2' : 'h3';
  const parts = [`<section class="domain" id="pastoe-domain-${index + 1}">`];
  if (!single) parts.push(`<h2>${htmlText(view.domain)}</h2>`);
  parts.push(headline(view, shown, language));
  for (const category of view.categories) {
    const score = category.score === undefined ? '' : ` <span class="score">${category.score.percentage} %</span>`;
    parts.push(`<section class="category"><${heading}>${htmlText(category.name)}${score}</${heading}>`);
    parts.push(...category.checks.map((check) => checkBlock(check, language)), '</section>');
  }
  parts.push(
    `<section class="provenance"><${heading}>${htmlText(ui('provenance.heading', language))}</${heading}><dl class="provenance">`,
    ...view.provenance.map((line) => `<dt>${htmlText(line.label)}</dt><dd>${htmlText(line.value)}</dd>`),
    '</dl></section>',
    '</section>',
  );
  return parts.filter((part) => part !== '').join('\n');
}

function overview(views: readonly ReportView[], shown: ShownDecisions, language: Language): string {
  const header = [
    ui('report.domain', language),
    ...(shown.scores ? [ui('score.web', language), ui('score.mail', language)] : []),
    ...(shown.streefbeeld ? [ui('streefbeeld.domain', language)] : []),
  ];
  const rows = views.map((view, index) => {
    const percentage = (suite: string) => {
      const found = view.scores.find((entry) => entry.suite === suite);
      return `<td class="num">${found === undefined ? '' : `${found.percentage} %`}</td>`;
    };
    const decision =
      view.streefbeeld === undefined
        ? '<td></td>'
        : `<td>${badge(meetsStatus(view.streefbeeld), meetsWord(view.streefbeeld, language))}</td>`;
    return `<tr><th scope="row"><a href="#pastoe-domain-${index + 1}">${htmlText(view.domain)}</a></th>${shown.scores ? percentage('web') + percentage('mail') : ''}${shown.streefbeeld ? decision : ''}</tr>`;
  });
  return [
    `<h2>${htmlText(ui('report.overview', language))}</h2>`,
    `<div class="scroll"><table class="overview"><thead><tr>${header.map((cell) => `<th scope="col">${htmlText(cell)}</th>`).join('')}</tr></thead><tbody>`,
    ...rows,
    '</tbody></table></div>',
  ].join('\n');
}

/**
 * Writes one scan report, or several, as HTML, in Dutch or English: by default one
 * self-contained document (inline styles, no script, no external URL, readable on a phone,
 * printable), with `fragment: true` an embeddable `<div class="pastoe-report">` whose styles
 * are scoped to it.
 *
 * It shows what {@link toMarkdown} does: per domain the Internet.nl scores and the streefbeeld
 * decision, per category every check with its status and headline, findings and evidence per
 * server (a check that did not pass opens with its explanation, fix advice and what to ask a
 * supplier; an `error` says pastoe could not judge it, and why), then the provenance. Several
 * reports get an overview table; with `summary`, the adoption tables and an inline SVG chart
 * ({@link adoptionChartSvg}). Every text from a report is HTML-escaped.
 */
export function toHtml(input: ScanReport | readonly ScanReport[], options: HtmlReportOptions = {}): string {
  const language = options.language ?? 'en';
  const shown = shownDecisions(options);
  const reports: readonly ScanReport[] = Array.isArray(input) ? input : [input as ScanReport];
  const views = reports.map((report) => reportView(report, language));
  const single = views.length === 1 ? views[0] : undefined;
  const title =
    options.title ?? (single === undefined ? ui('report.title', language) : ui('report.title-domain', language, { domain: single.domain }));
  const body = [`<h1>${htmlText(title)}</h1>`];
  if (views.length === 0 && options.summary === undefined) body.push(`<p>${htmlText(ui('report.no-reports', language))}</p>`);
  if (single === undefined && views.length > 0) body.push(overview(views, shown, language));
  if (options.summary !== undefined) body.push(summarySection(options.summary, language));
  body.push(...views.map((view, index) => domainSection(view, index, single !== undefined, shown, language)));
  return htmlDocument(body.join('\n'), { title, language, fragment: options.fragment === true });
}
