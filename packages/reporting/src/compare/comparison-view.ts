import { messageText } from '../messages/localize.js';
import type { Language } from '../messages/types.js';
import { ui, uiOr } from '../messages/ui.js';
import { type TextTable, shareText, standardLabel } from '../view/summary-view.js';
import type { AdoptionChange, AdoptionStatsChange, ChangedItems, ComparedMeasurement, Comparison, UnmatchedDomain } from './types.js';

/** One set of domains (all, or a group) with its table of changes. */
export interface ComparisonSection {
  /** The heading: the group (or "All domains") and its number of domains in A and B. */
  readonly heading: string;
  /** A row per streefbeeld suite, standard and check decided in A or B: item, A, B, change. */
  readonly table: TextTable;
}

/** A comparison as localised text, for the Markdown and HTML renderers. */
export interface ComparisonView {
  /** The two measurements: label and description. */
  readonly measurements: readonly (readonly [string, string])[];
  /** All domains first, then each group. */
  readonly sections: readonly ComparisonSection[];
  /** Domain, group, what improved, what regressed; undefined when no domain changed. */
  readonly domains: TextTable | undefined;
  /** How many domains in both did not change, as a sentence. */
  readonly unchangedNote: string;
  /** Domains only A has (domain, group); undefined when there are none. */
  readonly onlyInA: TextTable | undefined;
  /** Domains only B has (domain, group); undefined when there are none. */
  readonly onlyInB: TextTable | undefined;
}

/** The change of a share in whole percentage points (rounded from the exact change): `+12`, `-3`, `0`; undefined when either share is null. */
export function changePoints(change: AdoptionChange): string | undefined {
  if (change.change === null) return undefined;
  // `|| 0` turns a rounded -0 into 0.
  const points = Math.round(change.change * 100) || 0;
  return points > 0 ? `+${points}` : String(points);
}

/** The change of a share as table text, e.g. "+12 points"; empty when either share is null. */
export function changeText(change: AdoptionChange, language: Language): string {
  const points = changePoints(change);
  return points === undefined ? '' : ui('compare.points', language, { points });
}

function describe(measurement: ComparedMeasurement, language: Language): string {
  const text = ui('compare.measurement', language, {
    id: measurement.id,
    started: measurement.startedAt.slice(0, 10),
    domains: measurement.domains,
  });
  return measurement.label === undefined ? text : `${measurement.label} (${text})`;
}

/** The label of a check: its catalogue title, else its id. */
function checkLabel(check: string, language: Language): string {
  return messageText(`${check}.title`, language) ?? check;
}

/** Item labels of a comparison, for the per-domain lists. */
function itemLabels(comparison: Comparison, language: Language): (items: ChangedItems) => string {
  const standards = new Map(comparison.overall.standards.map((entry) => [entry.policyStandard, entry]));
  return (items) =>
    [
      ...items.streefbeeld.map((suite) => uiOr(`streefbeeld.${suite}`, language, suite)),
      ...items.standards.map((id) => {
        const entry = standards.get(id);
        return entry === undefined ? id : standardLabel(entry.suite, entry.standard, language);
      }),
      ...items.checks.map((check) => checkLabel(check, language)),
    ].join('; ');
}

function statsTable(stats: AdoptionStatsChange, language: Language): TextTable {
  const rows: [string, AdoptionChange][] = [
    [ui('streefbeeld.web', language), stats.streefbeeld.web],
    [ui('streefbeeld.mail', language), stats.streefbeeld.mail],
    ...stats.standards.map((entry): [string, AdoptionChange] => [standardLabel(entry.suite, entry.standard, language), entry]),
    ...stats.checks.map((entry): [string, AdoptionChange] => [checkLabel(entry.check, language), entry]),
  ];
  return {
    header: [ui('compare.item', language), ui('compare.a', language), ui('compare.b', language), ui('compare.change', language)],
    // A row decided in neither measurement (the mail rows of web-only runs) would only say "no data".
    rows: rows
      .filter(([, change]) => change.a.share !== null || change.b.share !== null)
      .map(([label, change]) => [label, shareText(change.a, language), shareText(change.b, language), changeText(change, language)]),
  };
}

function unmatchedTable(domains: readonly UnmatchedDomain[], language: Language): TextTable | undefined {
  if (domains.length === 0) return undefined;
  return { header: [ui('report.domain', language), ui('summary.group', language)], rows: domains.map((d) => [d.domain, d.group ?? '']) };
}

/** A comparison as localised tables. */
export function comparisonView(comparison: Comparison, language: Language): ComparisonView {
  const labels = itemLabels(comparison, language);
  const section = (group: string, stats: AdoptionStatsChange): ComparisonSection => ({
    heading: ui('compare.group-domains', language, { group, a: stats.domains.a, b: stats.domains.b }),
    table: statsTable(stats, language),
  });
  return {
    measurements: [
      [ui('compare.measurement-a', language), describe(comparison.measurements.a, language)],
      [ui('compare.measurement-b', language), describe(comparison.measurements.b, language)],
    ],
    sections: [
      section(ui('summary.overall', language), comparison.overall),
      ...comparison.groups.map((group) => section(group.group, group)),
    ],
    domains:
      comparison.domains.length === 0
        ? undefined
        : {
            header: [
              ui('report.domain', language),
              ui('summary.group', language),
              ui('compare.improved', language),
              ui('compare.regressed', language),
            ],
            rows: comparison.domains.map((d) => [d.domain, d.group ?? '', labels(d.improved), labels(d.regressed)]),
          },
    unchangedNote: ui('compare.unchanged', language, { count: comparison.unchanged }),
    onlyInA: unmatchedTable(comparison.onlyInA, language),
    onlyInB: unmatchedTable(comparison.onlyInB, language),
  };
}
