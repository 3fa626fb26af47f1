import type { StandardId, VerdictStatus } from '@pastoe/core';
import type { SupplierRoleAdoption } from '../suppliers/types.js';

/** The summary format identifier; bumped only on breaking changes. */
export const summarySchema = 'pastoe.summary/1' as const;

/**
 * How many domains meet something, and the share that does among those it could be decided for.
 *
 * `share` is `yes / (yes + no)`: a domain that pastoe could not judge (`undecided`), one where
 * it does not apply (`notApplicable`) and one whose report lacks it (`absent`) are counted apart
 * and take no part in the share, so a verdict pastoe could not make never lowers it.
 */
export interface Adoption {
  /** Domains that meet it: a check `pass`, a standard or suite `yes`. */
  readonly yes: number;
  /** Domains that do not: a check `fail`, `warning`, `info` or `not-tested`; a standard `no`. */
  readonly no: number;
  /** Domains pastoe could not judge: a check `error`; a standard or suite `unknown`. */
  readonly undecided: number;
  /** Domains where it does not apply: a check or standard `not-applicable`. */
  readonly notApplicable: number;
  /** Domains whose report has no verdict for the check, or no verdict for the suite. */
  readonly absent: number;
  /** `yes / (yes + no)`, from 0 to 1; null when no domain was decided. */
  readonly share: number | null;
}

/** The adoption of one check: its verdicts' statuses over the domains. */
export interface CheckAdoption extends Adoption {
  /** The check id. */
  readonly check: string;
  /** The standard the check belongs to (from its first verdict). */
  readonly standard: StandardId;
  /** The Internet.nl test name, when the check has one. */
  readonly internetnl?: string;
  /** How many domains had each status; every status is present, most of them usually 0. */
  readonly statuses: Readonly<Record<VerdictStatus, number>>;
}

/** The adoption of one standard of one streefbeeld suite (e.g. the web's `tls`). */
export interface StandardAdoption extends Adoption {
  /** The suite: `web` or `mail`. */
  readonly suite: string;
  /** The comply-or-explain standard. */
  readonly standard: StandardId;
  /** The streefbeeld policy's id for it, e.g. `web-tls-ncsc`. */
  readonly policyStandard: string;
}

/** The streefbeeld decision per suite. */
export interface StreefbeeldAdoption {
  /** Domains whose website meets the target state. */
  readonly web: Adoption;
  /** Domains whose mail meets the target state. */
  readonly mail: Adoption;
}

/** Adoption over one set of domains (a group, or all of them). */
export interface AdoptionStats {
  /** How many reports were counted. */
  readonly domains: number;
  /** Per check, in the order `toCsv` gives its columns. */
  readonly checks: readonly CheckAdoption[];
  /** Per standard of the streefbeeld policy, in policy order (web, then mail). */
  readonly standards: readonly StandardAdoption[];
  /** The streefbeeld web and mail decisions. */
  readonly streefbeeld: StreefbeeldAdoption;
}

/** Adoption over the domains of one group. */
export interface GroupAdoption extends AdoptionStats {
  /** The group label. */
  readonly group: string;
}

/**
 * Adoption statistics over a bulk run: overall and per group. Plain data: `JSON.stringify` writes
 * it whole, and {@link summaryToCsv} writes it as a table.
 */
export interface AdoptionSummary {
  /** Always {@link summarySchema}. */
  readonly schema: typeof summarySchema;
  /** The policy the standards and suites were decided with: `streefbeeld`. */
  readonly policy: string;
  /** Every domain, grouped or not. */
  readonly overall: AdoptionStats;
  /** One entry per group label, sorted by label (code unit order). */
  readonly groups: readonly GroupAdoption[];
  /** How many reports had no group label; they count in `overall` only. */
  readonly ungrouped: number;
  /**
   * The supplier view, over every domain: per hosting role (mail, DNS, web) the suppliers of the
   * catalogue given as `summarize`'s `suppliers` option and how many of their customers meet the
   * role's standards. Present only when a catalogue was given (added in schema 1 without a bump:
   * readers of the other fields are not affected).
   */
  readonly suppliers?: readonly SupplierRoleAdoption[];
}
