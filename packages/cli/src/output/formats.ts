import type { ScanReport } from '@pastoe/core';
import { type Language, toCsv, toHtml, toInternetNl, toJson, toMarkdown } from '@pastoe/reporting';
import type { PolicyName } from '../scan-setup.js';
import { textReport } from './text.js';

/** The output formats of `pastoe check --format`. */
export const outputFormats = ['text', 'json', 'internetnl', 'md', 'html', 'csv'] as const;

/** One output format. */
export type OutputFormat = (typeof outputFormats)[number];

/** How reports are rendered. */
export interface RenderOptions {
  /** The language of titles and findings. */
  readonly language: Language;
  /** The policy the report leads with. */
  readonly policy: PolicyName;
  /** Internet.nl's test for `internetnl`: `web` or `mail`. */
  readonly kind?: 'web' | 'mail';
  /** ANSI colours in the text format. */
  readonly colour: boolean;
  /** The title of a Markdown or HTML report. */
  readonly title?: string;
}

/** A Markdown or HTML renderer as pinned for `@pastoe/reporting` (`toMarkdown`, `toHtml`). */
type DocumentRenderer = (
  input: readonly ScanReport[],
  options: { readonly language?: Language; readonly title?: string; readonly policy?: PolicyName },
) => string;

const documentRenderers: Record<'md' | 'html', DocumentRenderer> = { md: toMarkdown, html: toHtml };

/** Renders reports in a format; the text ends in a newline. */
export function renderReports(reports: readonly ScanReport[], format: OutputFormat, options: RenderOptions): string {
  switch (format) {
    case 'text':
      return textReport(reports, options);
    case 'json':
      return `${reports.length === 1 && reports[0] !== undefined ? toJson(reports[0]) : `[\n${reports.map((report) => toJson(report)).join(',\n')}\n]`}\n`;
    case 'internetnl':
      return `${JSON.stringify(toInternetNl(reports, options.kind === undefined ? {} : { kind: options.kind }), null, 2)}\n`;
    case 'csv':
      return toCsv(reports);
    case 'md':
    case 'html': {
      const render = documentRenderers[format];
      return render(reports, {
        language: options.language,
        policy: options.policy,
        ...(options.title === undefined ? {} : { title: options.title }),
      });
    }
  }
}
