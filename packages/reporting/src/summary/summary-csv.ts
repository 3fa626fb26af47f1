import { type CsvValue, csvText, percentCell } from '../csv/cell.js';
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
  return [adoption.yes, adoption.no, percentCell(adoption.share), adoption.undecided, adoption.notApplicable, adoption.absent];
}

function* supplierRows(roles: AdoptionSummary['suppliers']): Generator<CsvValue[]> {
  for (const role of roles ?? []) {
    for (const use of role.suppliers) {
      const lead = [`${role.role}-supplier`, use.supplier];
      if (use.streefbeeld !== undefined) yield [...lead, 'streefbeeld', role.role, '', use.domains, ...counts(use.streefbeeld)];
      for (const standard of use.standards) {
        yield [...lead, 'standard', standard.policyStandard, standard.standard, use.domains, ...counts(standard)];
      }
    }
  }
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
 *
 * A summary with a supplier view ends with its rows: scope `mail-supplier`, `dns-supplier` or
 * `web-supplier`, `group` the supplier id (`other` for other or self-hosted), `domains` its
 * customers, and a `streefbeeld` row (mail and web) and a `standard` row per standard of the role.
 */
export function summaryToCsv(summary: AdoptionSummary): string {
  function* all(): Generator<CsvValue[]> {
    yield* rows('overall', '', summary.overall);
    for (const group of summary.groups) yield* rows('group', group.group, group);
    yield* supplierRows(summary.suppliers);
  }
  return csvText(header, all());
}
