import { type CsvValue, csvText } from '../csv/cell.js';
import type { Adoption, AdoptionStats, AdoptionSummary } from './types.js';

const header = [
  'scope',
  'group',
  'kind',
  'id',
  'standard',
  'domains',
  'yes',
  'no',
  'share_percent',
  'undecided',
  'not_applicable',
  'absent',
] as const;

function counts(adoption: Adoption): CsvValue[] {
  const percent = adoption.share === null ? null : Math.round(adoption.share * 1000) / 10;
  return [adoption.yes, adoption.no, percent, adoption.undecided, adoption.notApplicable, adoption.absent];
}

function* rows(scope: 'overall' | 'group', group: string, stats: AdoptionStats): Generator<CsvValue[]> {
  const lead = [scope, group];
  for (const [suite, adoption] of Object.entries(stats.streefbeeld)) {
    yield [...lead, 'streefbeeld', suite, '', stats.domains, ...counts(adoption)];
  }
  for (const standard of stats.standards) {
    yield [...lead, 'standard', standard.policyStandard, standard.standard, stats.domains, ...counts(standard)];
  }
  for (const check of stats.checks) yield [...lead, 'check', check.check, check.standard, stats.domains, ...counts(check)];
}

/**
 * Writes an adoption summary as one RFC 4180 CSV table (CRLF line ends), guarded against formula
 * injection like `toCsv`. One row per thing counted: first the `overall` scope, then each group.
 * Columns: `scope` (`overall` or `group`), `group` (the label; empty for overall), `kind`
 * (`streefbeeld` for the web and mail decisions, `standard`, `check`), `id` (the suite, the
 * streefbeeld standard id, the check id), `standard` (the comply-or-explain standard), `domains`,
 * then the {@link Adoption} counts: `yes`, `no`, `share_percent` (the share as a percentage with
 * one decimal; empty when nothing was decided), `undecided`, `not_applicable`, `absent`.
 */
export function summaryToCsv(summary: AdoptionSummary): string {
  function* all(): Generator<CsvValue[]> {
    yield* rows('overall', '', summary.overall);
    for (const group of summary.groups) yield* rows('group', group.group, group);
  }
  return csvText(header, all());
}
