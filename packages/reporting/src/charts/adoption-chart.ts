import { htmlText } from '../html/escape.js';
import type { Language } from '../messages/types.js';
import { ui } from '../messages/ui.js';
import type { Adoption, AdoptionStats, AdoptionSummary } from '../summary/types.js';
import { sharePercent, shareText, standardLabel, summaryColumns } from '../view/summary-view.js';

/** Options for {@link adoptionChartSvg}. */
export interface AdoptionChartOptions {
  /** The language of the labels: `en` (the default) or `nl`. */
  readonly language?: Language;
}

/** The chart's geometry, in SVG user units; the SVG scales to its container's width. */
const width = 700;
const labelWidth = 220;
const barWidth = 320;
const rowHeight = 22;
const barHeight = 14;
const headingHeight = 30;
const padding = 8;

/** One bar row: what it measures, and how to read it from a group's statistics. */
interface ChartRow {
  readonly label: string;
  readonly adoption: (stats: AdoptionStats) => Adoption | undefined;
}

function chartRows(summary: AdoptionSummary, language: Language): ChartRow[] {
  const rows: ChartRow[] = [
    { label: ui('streefbeeld.web', language), adoption: (stats) => stats.streefbeeld.web },
    { label: ui('streefbeeld.mail', language), adoption: (stats) => stats.streefbeeld.mail },
    ...summary.overall.standards.map((standard, index) => ({
      label: standardLabel(standard.suite, standard.standard, language),
      adoption: (stats: AdoptionStats) => stats.standards[index],
    })),
  ];
  // A row no domain was decided for (the mail rows of a web-only run) would only say "no data".
  return rows.filter((row) => {
    const overall = row.adoption(summary.overall);
    return overall !== undefined && overall.share !== null;
  });
}

function barRow(row: ChartRow, group: string, stats: AdoptionStats, y: number, language: Language): string {
  const adoption = row.adoption(stats);
  const percent = adoption === undefined ? undefined : sharePercent(adoption);
  const value = adoption === undefined ? ui('summary.no-data', language) : shareText(adoption, language);
  const barY = y + (rowHeight - barHeight) / 2;
  const textY = y + rowHeight / 2 + 4;
  const fill = percent === undefined ? 0 : (barWidth * percent) / 100;
  return [
    `<g class="bar"><title>${htmlText(`${group} — ${row.label}: ${value}`)}</title>`,
    `<text x="${labelWidth - padding}" y="${textY}" text-anchor="end">${htmlText(row.label)}</text>`,
    // No data gets a dashed outline instead of a grey track, so it does not read as 0 %.
    percent === undefined
      ? `<rect class="no-data" x="${labelWidth}" y="${barY}" width="${barWidth}" height="${barHeight}" rx="2" fill="none" stroke="#afb8c1" stroke-dasharray="4 3"/>`
      : `<rect class="track" x="${labelWidth}" y="${barY}" width="${barWidth}" height="${barHeight}" rx="2" fill="#e4e7eb"/>`,
    percent === undefined
      ? ''
      : `<rect class="share" x="${labelWidth}" y="${barY}" width="${fill.toFixed(1)}" height="${barHeight}" rx="2" fill="#1f5fa8"/>`,
    `<text x="${labelWidth + barWidth + padding}" y="${textY}">${htmlText(percent === undefined ? ui('summary.no-data', language) : `${percent} %`)}</text>`,
    '</g>',
  ].join('');
}

/**
 * A short hash of the chart's content, for its element ids: two different charts on one page get
 * different ids, and the same chart always the same (FNV-1a, 32 bits; not for security).
 */
export function contentId(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

/**
 * The adoption statistics of a summary as an inline SVG bar chart: per group (all domains
 * first), a horizontal bar per row with the share of domains meeting the streefbeeld for web
 * and for mail and each standard, with its percentage written beside it. Rows no domain was
 * decided for are left out. Accessible without script: `role="img"`, a `<title>` and
 * `<desc>`, every bar labelled in text and with a tooltip naming group, row and `met/decided`.
 * The SVG has a `viewBox`, so it scales to the width of its container.
 */
export function adoptionChartSvg(summary: AdoptionSummary, options: AdoptionChartOptions = {}): string {
  const language = options.language ?? 'en';
  const rows = chartRows(summary, language);
  const columns = summaryColumns(summary, language);
  const parts: string[] = [];
  let y = padding;
  if (rows.length === 0) {
    parts.push(`<text x="${padding}" y="${y + 16}">${htmlText(ui('summary.no-data', language))}</text>`);
    y += headingHeight;
  }
  for (const column of rows.length === 0 ? [] : columns) {
    parts.push(
      `<text class="group" x="${padding}" y="${y + 20}" font-weight="bold">${htmlText(`${column.label} (${column.stats.domains})`)}</text>`,
    );
    y += headingHeight;
    for (const row of rows) {
      parts.push(barRow(row, column.label, column.stats, y, language));
      y += rowHeight;
    }
  }
  const height = y + padding;
  const id = `pastoe-chart-${contentId(`${language}\n${parts.join('')}`)}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="pastoe-chart" role="img" viewBox="0 0 ${width} ${height}" width="100%" aria-labelledby="${id}-title ${id}-desc" font-family="system-ui, sans-serif" font-size="12" fill="#1b1f24">`,
    `<title id="${id}-title">${htmlText(ui('chart.title', language))}</title>`,
    `<desc id="${id}-desc">${htmlText(ui('chart.description', language))}</desc>`,
    ...parts,
    '</svg>',
  ].join('\n');
}
