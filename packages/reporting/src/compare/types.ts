import type { StandardId } from '@pastoe/core';
import type { SummarisableReport } from '../summary/group.js';
import type { Adoption } from '../summary/types.js';
import type { SupplierRole } from '../suppliers/attribute.js';

/** The comparison format identifier; bumped only on breaking changes. */
export const comparisonSchema = 'pastoe.comparison/1' as const;

/** What {@link compare} needs of a measurement's record; the store's `Measurement` fits. */
export interface ComparableMeasurement {
  /** Its id. */
  readonly id: number;
  /** When it started (ISO 8601). */
  readonly startedAt: string;
  /** When it finished (ISO 8601), when it has. */
  readonly finishedAt?: string;
  /** Its free label, e.g. `najaar 2026`. */
  readonly label?: string;
}

/** One report of a measurement with its group label, as the store's `reports(id)` yields them. */
export interface ComparableReport {
  /** The report: its target and verdicts are read. */
  readonly report: SummarisableReport;
  /** The group label of its domain, when it has one. */
  readonly group?: string;
}

/**
 * Where {@link compare} reads two measurements from. The results store of `@pastoe/store`
 * (`openStore(file)`) fits as it is; so does any object with these two methods.
 */
export interface ComparisonSource {
  /** The measurement with this id, or undefined when there is none. */
  measurement(id: number): ComparableMeasurement | undefined;
  /** Its reports, read once as a stream (input order). */
  reports(id: number): Iterable<ComparableReport>;
}

/** A measurement as a comparison names it. */
export interface ComparedMeasurement extends ComparableMeasurement {
  /** How many reports it has. */
  readonly domains: number;
}

/**
 * The adoption of one thing in the earlier measurement A and the later measurement B.
 * `a` and `b` are `summarize`'s {@link Adoption}s, with the same rules for what counts.
 */
export interface AdoptionChange {
  /** In measurement A (the earlier one). */
  readonly a: Adoption;
  /** In measurement B (the later one). */
  readonly b: Adoption;
  /** `b.share - a.share`, from -1 to 1; null when either share is null (no domain decided). */
  readonly change: number | null;
}

/** The change of one check. */
export interface CheckChange extends AdoptionChange {
  /** The check id. */
  readonly check: string;
  /** The standard the check belongs to. */
  readonly standard: StandardId;
  /** The Internet.nl test name, when the check has one. */
  readonly internetnl?: string;
}

/** The change of one standard of a streefbeeld suite. */
export interface StandardChange extends AdoptionChange {
  /** The suite: `web` or `mail`. */
  readonly suite: string;
  /** The comply-or-explain standard. */
  readonly standard: StandardId;
  /** The streefbeeld policy's id for it, e.g. `web-tls-ncsc`. */
  readonly policyStandard: string;
}

/** The change of adoption over one set of domains (a group, or all of them). */
export interface AdoptionStatsChange {
  /** How many reports each measurement has in the set. */
  readonly domains: DomainCounts;
  /** Per check: A's checks in A's order, then those only B has. */
  readonly checks: readonly CheckChange[];
  /** Per standard of the streefbeeld policy, in policy order. */
  readonly standards: readonly StandardChange[];
  /** The streefbeeld web and mail decisions. */
  readonly streefbeeld: { readonly web: AdoptionChange; readonly mail: AdoptionChange };
}

/** The change over the domains of one group. */
export interface GroupChange extends AdoptionStatsChange {
  /** The group label. */
  readonly group: string;
}

/** What went one way for a domain: ids of checks, streefbeeld standards and suites. */
export interface ChangedItems {
  /** Check ids, e.g. `web-https-http-hsts`. */
  readonly checks: readonly string[];
  /** Streefbeeld standard ids (`policyStandard`), e.g. `web-hsts`. */
  readonly standards: readonly string[];
  /** Streefbeeld suites: `web`, `mail`. */
  readonly streefbeeld: readonly string[];
}

/** A domain in both measurements that improved or regressed on something. */
export interface DomainChange {
  /** The domain. */
  readonly domain: string;
  /** Its group label in B (else in A), when it has one. */
  readonly group?: string;
  /** What it did not meet in A and meets in B. */
  readonly improved: ChangedItems;
  /** What it met in A and does not meet in B. */
  readonly regressed: ChangedItems;
}

/** A domain only one of the measurements has a report for. */
export interface UnmatchedDomain {
  /** The domain. */
  readonly domain: string;
  /** Its group label, when it has one. */
  readonly group?: string;
}

/** How many domains something has in measurement A and in measurement B. */
export interface DomainCounts {
  /** In measurement A (the earlier one). */
  readonly a: number;
  /** In measurement B (the later one). */
  readonly b: number;
}

/**
 * One supplier of one hosting role in A and in B: how many domains use it in each, and among
 * them the adoption of the role's streefbeeld decision and standards, as `summarize`'s supplier
 * view counts them. A domain that moved to another supplier counts under its supplier in each
 * measurement, so a change of share is also a change of customers.
 */
export interface SupplierChange {
  /** The supplier's id, or `other` for domains no supplier of the catalogue matches. */
  readonly supplier: string;
  /** The supplier's name from the catalogue (B's, else A's); absent for `other`. */
  readonly name?: string;
  /** The domains it hosts the role for; 0 in a measurement it has no customers in. */
  readonly domains: DomainCounts;
  /** The streefbeeld decision of the role's suite (mail for mail, web for web hosting); absent for DNS. */
  readonly streefbeeld?: AdoptionChange;
  /** The role's standards, in policy order (see `SupplierUse.standards`). */
  readonly standards: readonly StandardChange[];
}

/** The suppliers of one hosting role in A and in B. */
export interface SupplierRoleChange {
  /** The role. */
  readonly role: SupplierRole;
  /** The domains whose report says who hosts the role. */
  readonly domains: DomainCounts;
  /** The domains whose report does not (no MX, no evidence of it, no route origins). */
  readonly unattributed: DomainCounts;
  /**
   * One entry per supplier with customers in either measurement: B's suppliers in B's order
   * (most customers first), then those only A has in A's order, `other` last.
   */
  readonly suppliers: readonly SupplierChange[];
}

/**
 * Two measurements compared: adoption in A, in B and the change, overall and per group, and
 * per domain what improved and what regressed. Plain data: `JSON.stringify` writes it whole.
 */
export interface Comparison {
  /** Always {@link comparisonSchema}. */
  readonly schema: typeof comparisonSchema;
  /** The policy the standards and suites were decided with: `streefbeeld`. */
  readonly policy: string;
  /** The earlier measurement (A) and the later one (B). */
  readonly measurements: { readonly a: ComparedMeasurement; readonly b: ComparedMeasurement };
  /** Every domain, grouped or not. */
  readonly overall: AdoptionStatsChange;
  /** One entry per group label either measurement has, sorted by label (code unit order). */
  readonly groups: readonly GroupChange[];
  /** Domains in both measurements with at least one improvement or regression, in B's order. */
  readonly domains: readonly DomainChange[];
  /** How many domains are in both measurements without an improvement or a regression. */
  readonly unchanged: number;
  /** Domains only A has a report for, in A's order. */
  readonly onlyInA: readonly UnmatchedDomain[];
  /** Domains only B has a report for, in B's order. */
  readonly onlyInB: readonly UnmatchedDomain[];
  /**
   * The supplier view compared, over every domain: per hosting role (mail, DNS, web, in that
   * order) and supplier, the domains using it and the adoption of the role's standards in A, in B
   * and the change. Present only when {@link compare} was given a catalogue (`suppliers`; added
   * in schema 1 without a bump: readers of the other fields are not affected).
   */
  readonly suppliers?: readonly SupplierRoleChange[];
}
