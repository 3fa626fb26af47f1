import { contentId } from '../charts/adoption-chart.js';
import { htmlText } from '../html/escape.js';
import type { Language } from '../messages/types.js';
import { ui } from '../messages/ui.js';
import type { Adoption } from '../summary/types.js';
import { sharePercent, shareText, standardLabel } from '../view/summary-view.js';
import type { AdoptionChange, Comparison } from './types.js';
import { changePoints } from './comparison-view.js';

/** The chart's geometry, in SVG user units; the SVG scales to its container's width. */
const width = 700;
const labelWidth = 220;
const barWidth = 300;
const barHeight = 11;
const rowHeight = 34;
const legendHeight = 26;
const padding = 8;
/** Measurement A's bar is the lighter one, B's the colour of the adoption chart. */
const colours = { a: '#9dbbe0', b: '#1f5fa8' } as const;

function bar(which: 'a' | 'b', adoption: Adoption, y: number): string {
  const percent = sharePercent(adoption);
  if (percent === undefined)
    return `<rect class="no-data" x="${labelWidth}" y="${y}" width="${barWidth}" height="${barHeight}" rx="2" fill="none" stroke="#afb8c1" stroke-dasharray="4 3"/>`;
  return [
    `<rect class="track" x="${labelWidth}" y="${y}" width="${barWidth}" height="${barHeight}" rx="2" fill="#e4e7eb"/>`,
    `<rect class="share-${which}" x="${labelWidth}" y="${y}" width="${((barWidth * percent) / 100).toFixed(1)}" height="${barHeight}" rx="2" fill="${colours[which]}"/>`,
  ].join('');
}

function row(label: string, change: AdoptionChange, y: number, language: Language): string {
  const percent = (adoption: Adoption) => {
    const value = sharePercent(adoption);
    return value === undefined ? ui('summary.no-data', language) : `${value} %`;
  };
  const points = changePoints(change);
  const value = `${ui('compare.a', language)} ${percent(change.a)} → ${ui('compare.b', language)} ${percent(change.b)}`;
  const tooltip = `${label}: ${ui('compare.a', language)} ${shareText(change.a, language)}, ${ui('compare.b', language)} ${shareText(change.b, language)}`;
  const textY = y + rowHeight / 2 + 4;
  return [
    `<g class="pair"><title>${htmlText(tooltip)}</title>`,
    `<text x="${labelWidth - padding}" y="${textY}" text-anchor="end">${htmlText(label)}</text>`,
    bar('a', change.a, y + 4),
    bar('b', change.b, y + 5 + barHeight),
    `<text x="${labelWidth + barWidth + padding}" y="${textY - 6}">${htmlText(value)}</text>`,
    points === undefined
      ? ''
      : `<text x="${labelWidth + barWidth + padding}" y="${textY + 8}">${htmlText(ui('compare.points', language, { points }))}</text>`,
    '</g>',
  ].join('');
}

/**
 * A comparison's overall adoption as an inline SVG chart: per streefbeeld suite and standard two
 * bars, the share of domains meeting it in measurement A (light) and in B (dark), with both
 * percentages and the change in points written beside them. Rows decided in neither measurement
 * are left out. Accessible like the adoption chart: `role="img"`, a `<title>` and `<desc>`, every
 * pair labelled in text and with a tooltip giving `met/decided` for A and B.
 */
export function comparisonChartSvg(comparison: Comparison, language: Language): string {
  const { overall } = comparison;
  const rows: [string, AdoptionChange][] = [
    [ui('streefbeeld.web', language), overall.streefbeeld.web],
    [ui('streefbeeld.mail', language), overall.streefbeeld.mail],
    ...overall.standards.map((entry): [string, AdoptionChange] => [standardLabel(entry.suite, entry.standard, language), entry]),
  ];
  const shown = rows.filter(([, change]) => change.a.share !== null || change.b.share !== null);
  const legend = (['a', 'b'] as const).map(
    (which, index) =>
      `<rect x="${labelWidth + index * 150}" y="${padding + 2}" width="12" height="12" fill="${colours[which]}"/><text x="${labelWidth + index * 150 + 18}" y="${padding + 12}">${htmlText(ui(`compare.measurement-${which}`, language))}</text>`,
  );
  const parts = [...legend];
  let y = padding + legendHeight;
  if (shown.length === 0) {
    parts.push(`<text x="${padding}" y="${y + 16}">${htmlText(ui('summary.no-data', language))}</text>`);
    y += rowHeight;
  }
  for (const [label, change] of shown) {
    parts.push(row(label, change, y, language));
    y += rowHeight;
  }
  const height = y + padding;
  const id = `pastoe-chart-${contentId(`${language}\n${parts.join('')}`)}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="pastoe-chart" role="img" viewBox="0 0 ${width} ${height}" width="100%" aria-labelledby="${id}-title ${id}-desc" font-family="system-ui, sans-serif" font-size="12" fill="#1b1f24">`,
    `<title id="${id}-title">${htmlText(ui('chart.compare-title', language))}</title>`,
    `<desc id="${id}-desc">${htmlText(ui('chart.compare-description', language))}</desc>`,
    ...parts,
    '</svg>',
  ].join('\n');
}
