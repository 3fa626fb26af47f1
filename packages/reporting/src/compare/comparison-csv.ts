import { type CsvValue, csvText, percentCell } from '../csv/cell.js';
import type { Adoption } from '../summary/types.js';
import type { AdoptionChange, AdoptionStatsChange, ChangedItems, Comparison, SupplierRoleChange } from './types.js';

const changeHeader = [
  'scope',
  'group',
  'kind',
  'id',
  'standard',
  'domains_a',
  'domains_b',
  'yes_a',
  'no_a',
  'share_percent_a',
  'yes_b',
  'no_b',
  'share_percent_b',
  'change_points',
] as const;

function counts(adoption: Adoption): CsvValue[] {
  return [adoption.yes, adoption.no, percentCell(adoption.share)];
}

function changeCells(change: AdoptionChange): CsvValue[] {
  return [...counts(change.a), ...counts(change.b), percentCell(change.change)];
}

function* changeRows(scope: 'overall' | 'group', group: string, stats: AdoptionStatsChange): Generator<CsvValue[]> {
  const lead = [scope, group];
  const domains = [stats.domains.a, stats.domains.b];
  for (const [suite, change] of Object.entries(stats.streefbeeld))
    yield [...lead, 'streefbeeld', suite, '', ...domains, ...changeCells(change)];
  for (const entry of stats.standards) yield [...lead, 'standard', entry.policyStandard, entry.standard, ...domains, ...changeCells(entry)];
  for (const entry of stats.checks) yield [...lead, 'check', entry.check, entry.standard, ...domains, ...changeCells(entry)];
}

function* supplierRows(roles: readonly SupplierRoleChange[] | undefined): Generator<CsvValue[]> {
  for (const role of roles ?? []) {
    for (const use of role.suppliers) {
      const lead = [`${role.role}-supplier`, use.supplier];
      const domains = [use.domains.a, use.domains.b];
      if (use.streefbeeld !== undefined) yield [...lead, 'streefbeeld', role.role, '', ...domains, ...changeCells(use.streefbeeld)];
      for (const entry of use.standards)
        yield [...lead, 'standard', entry.policyStandard, entry.standard, ...domains, ...changeCells(entry)];
    }
  }
}

/**
 * The adoption changes of a comparison as one RFC 4180 CSV table, guarded against formula
 * injection like `summaryToCsv`, with its `scope`, `group`, `kind`, `id` and `standard` columns;
 * then `domains_a`, `domains_b`, and for A and for B `yes`, `no` and the share as a percentage
 * with one decimal (`share_percent_a`, `share_percent_b`; empty when nothing was decided), and
 * `change_points`, the change of the share in percentage points with one decimal (empty when
 * either share is).
 *
 * A comparison with a supplier view ends with its rows, as `summaryToCsv` writes them: scope
 * `mail-supplier`, `dns-supplier` or `web-supplier`, `group` the supplier id (`other` for other or
 * self-hosted), `domains_a` and `domains_b` its customers in A and in B, and a `streefbeeld` row
 * (mail and web) and a `standard` row per standard of the role.
 */
export function comparisonToCsv(comparison: Comparison): string {
  function* all(): Generator<CsvValue[]> {
    yield* changeRows('overall', '', comparison.overall);
    for (const group of comparison.groups) yield* changeRows('group', group.group, group);
    yield* supplierRows(comparison.suppliers);
  }
  return csvText(changeHeader, all());
}

function* itemRows(domain: string, group: string, change: string, items: ChangedItems): Generator<CsvValue[]> {
  for (const suite of items.streefbeeld) yield [domain, group, change, 'streefbeeld', suite];
  for (const id of items.standards) yield [domain, group, change, 'standard', id];
  for (const check of items.checks) yield [domain, group, change, 'check', check];
}

/**
 * The per-domain changes of a comparison as an RFC 4180 CSV table, guarded like `toCsv`: a row
 * per domain and thing that changed, columns `domain`, `group`, `change` (`improved`,
 * `regressed`, `only-in-a`, `only-in-b`), `kind` (`streefbeeld`, `standard`, `check`; empty for
 * a domain only one measurement has) and `id` (the suite, the streefbeeld standard id, the check id).
 */
export function comparisonDomainsToCsv(comparison: Comparison): string {
  function* all(): Generator<CsvValue[]> {
    for (const entry of comparison.domains) {
      yield* itemRows(entry.domain, entry.group ?? '', 'improved', entry.improved);
      yield* itemRows(entry.domain, entry.group ?? '', 'regressed', entry.regressed);
    }
    for (const entry of comparison.onlyInA) yield [entry.domain, entry.group ?? '', 'only-in-a', '', ''];
    for (const entry of comparison.onlyInB) yield [entry.domain, entry.group ?? '', 'only-in-b', '', ''];
  }
  return csvText(['domain', 'group', 'change', 'kind', 'id'], all());
}
