import { policies, score } from '@pastoe/core';
import { supplierIndex } from '../suppliers/attribute.js';
import type { SupplierCatalogue } from '../suppliers/catalogue.js';
import { SupplierAccumulator } from '../suppliers/supplier-adoption.js';
import { AdoptionAccumulator, type PolicyStandard } from './accumulator.js';
import { type GroupBy, type SummarisableReport, groupOf } from './group.js';
import { type AdoptionSummary, summarySchema } from './types.js';

/** Options for {@link summarize}; `R` is the type of the reports summarised. */
export interface SummarizeOptions<R extends SummarisableReport = SummarisableReport> {
  /** How to group the domains; without it every report is ungrouped and only `overall` is filled. */
  readonly groupBy?: GroupBy<R>;
  /**
   * A supplier catalogue (see `parseSupplierCatalogue`, `defaultSupplierCatalogue`): with it the
   * summary's `suppliers` says, per hosting role, which suppliers host the domains and how many
   * of their customers meet each standard. Attribution reads the reports' evidence; a report
   * without it counts as unattributed.
   */
  readonly suppliers?: SupplierCatalogue;
}

const policy = policies.streefbeeld;
const policyStandards: readonly PolicyStandard[] = policy.suites.flatMap((suite) =>
  suite.standards.map((standard) => ({ suite: suite.id, id: standard.id, standard: standard.standard })),
);

/**
 * Adoption statistics over a bulk run, overall and per group: for each check, each standard of
 * the streefbeeld policy and the streefbeeld web and mail decisions, how many domains meet it and
 * the share that does (see {@link Adoption} for what counts).
 *
 * A check is met by `pass`; `fail`, `warning`, `info` and `not-tested` (a prerequisite failed,
 * so the domain does not have it either) do not meet it; `error` (pastoe could not judge) and
 * `not-applicable` are counted apart and take no part in the share, and neither do reports
 * without a verdict for it. A standard or suite is decided with `score(report,
 * policies.streefbeeld)`: `yes` meets, `no` does not, `unknown` (a needed verdict missing or
 * `error`) and `not-applicable` are counted apart.
 *
 * With `suppliers`, every report is also counted under the supplier that hosts its mail, DNS
 * and website (see `attributeSuppliers`), with the same rules.
 *
 * Reads the reports once, in order, holding counts only (and at most a few complying domain
 * names per supplier), so it summarises a stream of any length. A report counted twice counts
 * twice.
 *
 * @throws SupplierCatalogueError when `suppliers` does not hold
 */
export function summarize<R extends SummarisableReport>(reports: Iterable<R>, options: SummarizeOptions<R> = {}): AdoptionSummary {
  const overall = new AdoptionAccumulator();
  const groups = new Map<string, AdoptionAccumulator>();
  const suppliers =
    options.suppliers === undefined ? undefined : new SupplierAccumulator(supplierIndex(options.suppliers), policyStandards);
  let ungrouped = 0;
  for (const report of reports) {
    const decision = score(report, policy);
    overall.add(report.verdicts, decision);
    suppliers?.add(report, decision);
    const label = groupOf(report, options.groupBy);
    if (label === undefined) {
      ungrouped++;
      continue;
    }
    let group = groups.get(label);
    if (group === undefined) {
      group = new AdoptionAccumulator();
      groups.set(label, group);
    }
    group.add(report.verdicts, decision);
  }
  const checks = overall.checks();
  return {
    schema: summarySchema,
    policy: policy.id,
    overall: overall.result(checks, policyStandards),
    // Code unit order: the same labels sort the same under every locale.
    groups: [...groups]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([label, group]) => ({ group: label, ...group.result(checks, policyStandards) })),
    ungrouped,
    ...(suppliers === undefined ? {} : { suppliers: suppliers.result() }),
  };
}
