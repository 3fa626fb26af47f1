import { policies, score } from '@pastoe/core';
import type { SummarisableReport } from '../summary/group.js';
import { summarize } from '../summary/summarize.js';
import type { AdoptionStats, AdoptionSummary } from '../summary/types.js';
import type { SupplierCatalogue } from '../suppliers/catalogue.js';
import { type DomainDiff, DomainStates } from './domain-states.js';
import { emptyStats, statsChange } from './stats-change.js';
import { supplierChanges } from './supplier-change.js';
import {
  type ComparableMeasurement,
  type ComparedMeasurement,
  type Comparison,
  type ComparisonSource,
  type DomainChange,
  type UnmatchedDomain,
  comparisonSchema,
} from './types.js';

/** Options for {@link compare}. */
export interface CompareOptions {
  /**
   * A supplier catalogue (see `parseSupplierCatalogue`, `defaultSupplierCatalogue`): with it the
   * comparison's `suppliers` pairs the supplier views of A and B, both summarised with it.
   */
  readonly suppliers?: SupplierCatalogue;
}

/** A report with its group, as `summarize` reads it when grouping by the stored label. */
interface GroupedReport extends SummarisableReport {
  readonly group: string | undefined;
}

const policy = policies.streefbeeld;

function measurementOf(source: ComparisonSource, id: number): ComparableMeasurement {
  const measurement = source.measurement(id);
  if (measurement === undefined) throw new RangeError(`no measurement ${String(id)}`);
  return measurement;
}

function compared(measurement: ComparableMeasurement, domains: number): ComparedMeasurement {
  return {
    id: measurement.id,
    startedAt: measurement.startedAt,
    ...(measurement.finishedAt === undefined ? {} : { finishedAt: measurement.finishedAt }),
    ...(measurement.label === undefined ? {} : { label: measurement.label }),
    domains,
  };
}

/** A measurement's reports as `summarize` reads them, each handed to `each` on the way. */
function* grouped(
  source: ComparisonSource,
  id: number,
  each: (report: SummarisableReport, group: string | undefined) => void,
): Generator<GroupedReport> {
  for (const { report, group } of source.reports(id)) {
    each(report, group);
    // The evidence too: the supplier view attributes domains by it.
    yield {
      target: report.target,
      verdicts: report.verdicts,
      ...(report.evidence === undefined ? {} : { evidence: report.evidence }),
      group,
    };
  }
}

const byGroup = (report: GroupedReport): string | undefined => report.group;

function changed(diff: DomainDiff): boolean {
  return [diff.improved, diff.regressed].some((items) => items.checks.length + items.standards.length + items.streefbeeld.length > 0);
}

/**
 * Compares measurement `a` (the earlier one) with measurement `b` (the later one) of `source`
 * (a results store from `@pastoe/store`'s `openStore`, or anything with `measurement(id)` and
 * `reports(id)`): the adoption in A, in B and the change, overall and per group (by the stored
 * group labels), per check, per streefbeeld standard and for the streefbeeld web and mail
 * decisions, counted as `summarize` counts (see `Adoption`); and per domain what improved
 * and what regressed.
 *
 * What improved: a check, standard or suite the domain did not meet in A and meets in B.
 * What regressed: one it met in A and does not meet in B. "Meets" and "does not meet" are
 * `summarize`'s: a check meets on `pass` and does not on `fail`, `warning`, `info` or
 * `not-tested`; a standard or suite (`score` under `policies.streefbeeld`) meets on `yes` and
 * does not on `no`. A change to or from anything else (`error`: pastoe could not judge;
 * `not-applicable`; `unknown`; no verdict) is neither, just as those take no part in a share.
 * Domains are matched by their normalised name; those only one measurement has are listed apart.
 *
 * With `options.suppliers`, both measurements are summarised with that catalogue and their
 * supplier views paired (`suppliers`): per hosting role and supplier, the domains using it and
 * the adoption of the role's standards in A, in B and the change.
 *
 * Streams: reads A's reports once, holding a few bytes per domain and item (never a report),
 * then B's once. Throws a `RangeError` when either measurement is unknown.
 *
 * @throws SupplierCatalogueError when `options.suppliers` does not hold
 */
export function compare(source: ComparisonSource, a: number, b: number, options: CompareOptions = {}): Comparison {
  const measurementA = measurementOf(source, a);
  const measurementB = measurementOf(source, b);
  const summaryOptions = { groupBy: byGroup, ...(options.suppliers === undefined ? {} : { suppliers: options.suppliers }) };
  const held = new DomainStates();
  const summaryA = summarize(
    grouped(source, a, (report, group) => held.hold(report, score(report, policy), group)),
    summaryOptions,
  );
  const domains: DomainChange[] = [];
  const onlyInB: UnmatchedDomain[] = [];
  let unchanged = 0;
  const summaryB = summarize(
    grouped(source, b, (report, group) => {
      const diff = held.diff(report, score(report, policy));
      const named = { domain: report.target.domain, ...(group === undefined ? {} : { group }) };
      if (diff === undefined) onlyInB.push(named);
      else if (changed(diff)) domains.push({ ...named, ...diff });
      else unchanged++;
    }),
    summaryOptions,
  );
  return {
    schema: comparisonSchema,
    policy: policy.id,
    measurements: { a: compared(measurementA, summaryA.overall.domains), b: compared(measurementB, summaryB.overall.domains) },
    overall: statsChange(summaryA.overall, summaryB.overall),
    groups: groupChanges(summaryA, summaryB),
    domains,
    unchanged,
    onlyInA: held.remaining(),
    onlyInB,
    ...(summaryA.suppliers === undefined || summaryB.suppliers === undefined
      ? {}
      : { suppliers: supplierChanges(summaryA.suppliers, summaryB.suppliers) }),
  };
}

/** Every group label of either summary, sorted as `summarize` sorts them, A against B. */
function groupChanges(a: AdoptionSummary, b: AdoptionSummary): Comparison['groups'] {
  const inA = new Map<string, AdoptionStats>(a.groups.map((group) => [group.group, group]));
  const inB = new Map<string, AdoptionStats>(b.groups.map((group) => [group.group, group]));
  const labels = [...new Set([...inA.keys(), ...inB.keys()])].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  return labels.map((group) => ({
    group,
    ...statsChange(inA.get(group) ?? emptyStats(a.overall), inB.get(group) ?? emptyStats(b.overall)),
  }));
}
