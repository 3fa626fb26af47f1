import { messageText } from '../messages/localize.js';
import type { Language } from '../messages/types.js';
import { ui, uiOr } from '../messages/ui.js';
import type { Adoption, AdoptionStats, AdoptionSummary } from '../summary/types.js';

/** A table of text cells: a header row and the rows. */
export interface TextTable {
  /** The column headings. */
  readonly header: readonly string[];
  /** The rows, each as long as the header. */
  readonly rows: readonly (readonly string[])[];
}

/** The adoption tables of a summary, localised. */
export interface SummaryView {
  /** The streefbeeld web and mail shares, one row per group and one for all domains. */
  readonly streefbeeld: TextTable;
  /** The share per standard, a column per group. */
  readonly standards: TextTable;
  /** The share per check, a column per group. */
  readonly checks: TextTable;
  /** A note on domains without a group, when there are any. */
  readonly ungroupedNote?: string;
}

/** A share as a whole percentage, `null` as undefined. */
export function sharePercent(adoption: Adoption): number | undefined {
  return adoption.share === null ? undefined : Math.round(adoption.share * 100);
}

/** An adoption as table text: `67 % (2/3)`, or "no data" when no domain was decided. */
export function shareText(adoption: Adoption, language: Language): string {
  const percent = sharePercent(adoption);
  return percent === undefined ? ui('summary.no-data', language) : `${percent} % (${adoption.yes}/${adoption.yes + adoption.no})`;
}

/** The groups of a summary as columns: all domains first, then each group. */
export function summaryColumns(summary: AdoptionSummary, language: Language): { readonly label: string; readonly stats: AdoptionStats }[] {
  return [
    { label: ui('summary.overall', language), stats: summary.overall },
    ...summary.groups.map((group) => ({ label: group.group, stats: group })),
  ];
}

/** The label of a streefbeeld standard, e.g. "Website: HSTS". */
export function standardLabel(suite: string, standard: string, language: Language): string {
  return `${uiOr(`suite.${suite}`, language, suite)}: ${uiOr(`standard.${standard}`, language, standard)}`;
}

/** The adoption tables of a summary, localised. */
export function summaryView(summary: AdoptionSummary, language: Language): SummaryView {
  const columns = summaryColumns(summary, language);
  const groupHeader = columns.map((column) => column.label);
  const streefbeeld: TextTable = {
    header: [
      ui('summary.group', language),
      ui('summary.domains', language),
      ui('streefbeeld.web', language),
      ui('streefbeeld.mail', language),
    ],
    rows: columns.map(({ label, stats }) => [
      label,
      String(stats.domains),
      shareText(stats.streefbeeld.web, language),
      shareText(stats.streefbeeld.mail, language),
    ]),
  };
  const standards: TextTable = {
    header: [ui('summary.standard', language), ...groupHeader],
    rows: summary.overall.standards.map((entry, index) => [
      standardLabel(entry.suite, entry.standard, language),
      ...columns.map(({ stats }) => {
        const adoption = stats.standards[index];
        return adoption === undefined ? '' : shareText(adoption, language);
      }),
    ]),
  };
  const checks: TextTable = {
    header: [ui('check.heading', language), ...groupHeader],
    // Every group lists the overall checks in the overall order, so an index finds the same check.
    rows: summary.overall.checks.map((entry, index) => [
      messageText(`${entry.check}.title`, language) ?? entry.check,
      ...columns.map(({ stats }) => {
        const adoption = stats.checks[index];
        return adoption === undefined ? '' : shareText(adoption, language);
      }),
    ]),
  };
  return {
    streefbeeld,
    standards,
    checks,
    ...(summary.ungrouped > 0 && summary.groups.length > 0
      ? { ungroupedNote: ui('summary.ungrouped', language, { count: summary.ungrouped }) }
      : {}),
  };
}
