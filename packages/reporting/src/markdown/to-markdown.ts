import type { ScanReport, VerdictStatus } from '@pastoe/core';
import type { Language } from '../messages/types.js';
import { meetsWord, statusWord, ui } from '../messages/ui.js';
import { type ReportRenderOptions, type ShownDecisions, shownDecisions } from '../view/options.js';
import { type CheckView, type ReportView, reportView } from '../view/report-view.js';
import { meetsStatus, statusEmoji } from '../view/status.js';
import { mdParagraph, mdTable, mdText } from './escape.js';
import { summaryToMarkdown } from './summary-markdown.js';

/** Options for {@link toMarkdown}. */
export interface MarkdownReportOptions extends ReportRenderOptions {}

/** A status as Markdown shows it: its emoji and its word. */
function statusText(status: VerdictStatus, language: Language): string {
  return `${statusEmoji[status]} ${statusWord(status, language)}`;
}

function headlineRows(view: ReportView, shown: ShownDecisions, language: Language): string[][] {
  const rows: string[][] = [];
  if (shown.scores) {
    for (const suite of view.scores) {
      const note = suite.missing > 0 ? ` (${ui('score.incomplete', language, { missing: suite.missing })})` : '';
      rows.push([suite.label, `${suite.percentage} %${note}`]);
    }
  }
  if (shown.streefbeeld) {
    if (view.streefbeeld !== undefined) {
      rows.push([
        ui('streefbeeld.domain', language),
        `${statusEmoji[meetsStatus(view.streefbeeld)]} ${meetsWord(view.streefbeeld, language)}`,
      ]);
    }
    for (const suite of view.streefbeeldSuites) {
      const unmet = suite.unmet.length > 0 ? ` — ${ui('streefbeeld.unmet', language, { standards: suite.unmet.join(', ') })}` : '';
      rows.push([suite.label, `${statusEmoji[meetsStatus(suite.meets)]} ${meetsWord(suite.meets, language)}${unmet}`]);
    }
  }
  return rows;
}

function checkSection(check: CheckView, hashes: string, language: Language): string {
  const parts = [
    `${hashes} ${statusEmoji[check.status]} ${mdText(check.title)}`,
    `${mdText(statusWord(check.status, language))} · \`${check.check.replace(/`/g, "'")}\``,
  ];
  if (check.error !== undefined) parts.push(`**${mdText(check.error)}**`, mdParagraph(ui('error.not-the-domain', language)));
  if (check.findings.length > 0) {
    const more = check.moreFindings > 0 ? [`- ${mdText(ui('check.more-findings', language, { count: check.moreFindings }))}`] : [];
    parts.push(`**${mdText(ui('check.findings', language))}**`, [...check.findings.map((line) => `- ${mdText(line)}`), ...more].join('\n'));
  }
  if (check.evidence.length > 0) {
    const withStatus = check.evidence.some((row) => row.status !== undefined);
    const withFacts = check.evidence.some((row) => row.facts !== '');
    const header = [
      ui('check.server', language),
      ...(withStatus ? [ui('status.heading', language)] : []),
      ...(withFacts ? [ui('check.facts', language)] : []),
    ];
    const rows = check.evidence.map((row) => [
      row.server,
      ...(withStatus ? [row.status === undefined ? '' : statusText(row.status, language)] : []),
      ...(withFacts ? [row.facts] : []),
    ]);
    parts.push(`**${mdText(ui('check.evidence', language))}**`, mdTable(header, rows));
    if (check.moreServers > 0) parts.push(mdParagraph(ui('check.more-servers', language, { count: check.moreServers })));
  }
  const texts: [string, string | undefined][] = [
    [ui('check.explanation', language), check.explanation],
    [ui('check.advice', language), check.advice],
    [ui('check.supplier', language), check.supplier],
  ];
  for (const [label, text] of texts) if (text !== undefined) parts.push(`**${mdText(label)}**`, mdParagraph(text));
  return parts.join('\n\n');
}

function reportSection(view: ReportView, level: number, shown: ShownDecisions, language: Language): string {
  const hashes = '#'.repeat(level);
  const parts: string[] = [];
  const headline = headlineRows(view, shown, language);
  if (headline.length > 0) parts.push(mdTable([ui('report.domain', language), view.domain], headline));
  for (const category of view.categories) {
    const score = category.score === undefined ? '' : ` — ${category.score.percentage} %`;
    parts.push(`${hashes}# ${mdText(category.name)}${score}`);
    parts.push(
      mdTable(
        [ui('status.heading', language), ui('check.result', language), ui('check.heading', language)],
        category.checks.map((check) => [statusText(check.status, language), check.title, check.check]),
      ),
    );
    for (const check of category.checks) if (check.needsAttention) parts.push(checkSection(check, `${hashes}##`, language));
  }
  parts.push(
    `${hashes}# ${mdText(ui('provenance.heading', language))}`,
    view.provenance.map((line) => `- ${mdText(line.label)}: ${mdText(line.value)}`).join('\n'),
  );
  return parts.join('\n\n');
}

/** The overview table of several reports: a row per domain with its scores and decision. */
function overview(views: readonly ReportView[], shown: ShownDecisions, language: Language): string {
  const header = [
    ui('report.domain', language),
    ...(shown.scores ? [ui('score.web', language), ui('score.mail', language)] : []),
    ...(shown.streefbeeld ? [ui('streefbeeld.domain', language)] : []),
  ];
  const rows = views.map((view) => {
    const percentage = (suite: string) => {
      const found = view.scores.find((entry) => entry.suite === suite);
      return found === undefined ? '' : `${found.percentage} %`;
    };
    const decision =
      view.streefbeeld === undefined ? '' : `${statusEmoji[meetsStatus(view.streefbeeld)]} ${meetsWord(view.streefbeeld, language)}`;
    return [view.domain, ...(shown.scores ? [percentage('web'), percentage('mail')] : []), ...(shown.streefbeeld ? [decision] : [])];
  });
  return mdTable(header, rows);
}

/**
 * Writes one scan report, or several, as GitHub-flavoured Markdown, in Dutch or English.
 *
 * Per domain: Internet.nl's score per suite and the streefbeeld decision (see
 * {@link ReportRenderOptions.policy}), then per Internet.nl category its score and a table of
 * its checks (status, headline), and for every check that did not pass its findings, the
 * evidence per server, the explanation, the fix advice and what to ask a supplier. A check
 * pastoe could not judge (`error`) says so and why, not that the domain failed. Several reports
 * get an overview table first; with `summary`, the adoption tables follow. Last, each domain's
 * provenance. Every text from a report is escaped, so a hostile value shows as text.
 *
 * A check or finding the message catalogue lacks (a custom check, a newer pastoe) is shown by
 * its message id and parameters. The output depends on the reports and options only, so a stored
 * report renders the same every time.
 */
export function toMarkdown(input: ScanReport | readonly ScanReport[], options: MarkdownReportOptions = {}): string {
  const language = options.language ?? 'en';
  const shown = shownDecisions(options);
  const reports: readonly ScanReport[] = Array.isArray(input) ? input : [input as ScanReport];
  const views = reports.map((report) => reportView(report, language));
  const single = views.length === 1 ? views[0] : undefined;
  const title =
    options.title ?? (single === undefined ? ui('report.title', language) : ui('report.title-domain', language, { domain: single.domain }));
  const parts = [`# ${mdText(title)}`];
  if (single !== undefined) parts.push(reportSection(single, 2, shown, language));
  else {
    parts.push(views.length === 0 ? mdParagraph(ui('report.no-reports', language)) : overview(views, shown, language));
    if (options.summary !== undefined) parts.push(summaryToMarkdown(options.summary, { language, headingLevel: 2 }).trimEnd());
    for (const view of views) parts.push(`## ${mdText(view.domain)}`, reportSection(view, 3, shown, language));
  }
  if (single !== undefined && options.summary !== undefined)
    parts.push(summaryToMarkdown(options.summary, { language, headingLevel: 2 }).trimEnd());
  return `${parts.join('\n\n')}\n`;
}
