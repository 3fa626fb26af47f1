import type { StandardId, TargetStateResult, Verdict } from '@pastoe/core';
import { AdoptionAccumulator, type PolicyStandard } from '../summary/accumulator.js';
import { type SupplierIndex, type SupplierRole, attributeWithIndex, supplierRoles } from './attribute.js';
import { otherSupplier } from './catalogue.js';
import type { HostingEvidenceSource } from './hosting-evidence.js';
import { type SupplierRoleAdoption, type SupplierStandardAdoption, type SupplierUse, maxComplyingListed } from './types.js';

/** What the supplier view needs of a report: its domain, verdicts and evidence. */
export interface SupplierReport extends HostingEvidenceSource {
  readonly target: { readonly domain: string };
  readonly verdicts: readonly Verdict[];
}

/** The streefbeeld suite whose decision a role's table shows, if any. */
const roleSuite: Readonly<Record<SupplierRole, 'mail' | 'web' | undefined>> = { mail: 'mail', web: 'web', dns: undefined };

/** Whether a policy standard is one a role's supplier answers for. */
function roleStandard(role: SupplierRole, standard: PolicyStandard): boolean {
  // The domain's own zone is signed by its DNS host; the mail suite's DNSSEC also covers the MX zones.
  if (role === 'dns') return standard.suite === 'web' && standard.standard === ('dnssec' satisfies StandardId);
  return standard.suite === roleSuite[role];
}

/** The customers of one supplier in one role. */
class SupplierCustomers {
  readonly adoption = new AdoptionAccumulator();
  /** Per policy standard, the customers that meet it (the first ones) and how many do. */
  readonly complying = new Map<string, { domains: string[]; count: number }>();

  add(report: SupplierReport, decision: TargetStateResult, standards: readonly PolicyStandard[]): void {
    this.adoption.add([], decision);
    const ids = new Set(standards.map((standard) => standard.id));
    for (const suite of decision.suites) {
      for (const standard of suite.standards) {
        if (standard.meets !== true || !ids.has(standard.id)) continue;
        let entry = this.complying.get(standard.id);
        if (entry === undefined) {
          entry = { domains: [], count: 0 };
          this.complying.set(standard.id, entry);
        }
        entry.count++;
        if (entry.domains.length < maxComplyingListed) entry.domains.push(report.target.domain);
      }
    }
  }
}

/**
 * Counts, per hosting role and supplier, the domains a supplier hosts and how many of them meet
 * the role's streefbeeld standards, with the counting rules of the adoption summary (an
 * {@link AdoptionAccumulator} per supplier).
 */
export class SupplierAccumulator {
  readonly #index: SupplierIndex;
  readonly #standards: Readonly<Record<SupplierRole, readonly PolicyStandard[]>>;
  readonly #roles = new Map<SupplierRole, { customers: Map<string, SupplierCustomers>; unattributed: number }>(
    supplierRoles.map((role) => [role, { customers: new Map(), unattributed: 0 }]),
  );

  /**
   * @param index - the catalogue, indexed
   * @param policyStandards - the streefbeeld standards, in policy order
   */
  constructor(index: SupplierIndex, policyStandards: readonly PolicyStandard[]) {
    this.#index = index;
    this.#standards = {
      mail: policyStandards.filter((standard) => roleStandard('mail', standard)),
      dns: policyStandards.filter((standard) => roleStandard('dns', standard)),
      web: policyStandards.filter((standard) => roleStandard('web', standard)),
    };
  }

  /** Counts one report under the supplier of each of its roles. */
  add(report: SupplierReport, decision: TargetStateResult): void {
    const attribution = attributeWithIndex(report, this.#index);
    for (const role of supplierRoles) {
      const tally = this.#roles.get(role);
      if (tally === undefined) continue;
      const supplier = attribution[role]?.supplier;
      if (supplier === undefined) {
        tally.unattributed++;
        continue;
      }
      let customers = tally.customers.get(supplier);
      if (customers === undefined) {
        customers = new SupplierCustomers();
        tally.customers.set(supplier, customers);
      }
      customers.add(report, decision, this.#standards[role]);
    }
  }

  /** The suppliers per role, in the order of {@link supplierRoles}. */
  result(): SupplierRoleAdoption[] {
    const position = new Map(this.#index.suppliers.map((supplier, index) => [supplier.id, index]));
    const names = new Map(this.#index.suppliers.map((supplier) => [supplier.id, supplier.name]));
    return supplierRoles.map((role) => {
      const tally = this.#roles.get(role) ?? { customers: new Map<string, SupplierCustomers>(), unattributed: 0 };
      const suppliers = [...tally.customers].map(([id, customers]) => this.#use(role, id, names.get(id), customers));
      const rank = (use: SupplierUse) => (use.supplier === otherSupplier ? Number.POSITIVE_INFINITY : (position.get(use.supplier) ?? 0));
      suppliers.sort((a, b) => {
        const aOther = a.supplier === otherSupplier;
        if (aOther !== (b.supplier === otherSupplier)) return aOther ? 1 : -1;
        return b.domains - a.domains || rank(a) - rank(b);
      });
      return { role, domains: suppliers.reduce((sum, use) => sum + use.domains, 0), unattributed: tally.unattributed, suppliers };
    });
  }

  #use(role: SupplierRole, id: string, name: string | undefined, customers: SupplierCustomers): SupplierUse {
    const stats = customers.adoption.result([], this.#standards[role]);
    const suite = roleSuite[role];
    const standards = stats.standards.map((standard): SupplierStandardAdoption => {
      const complying = customers.complying.get(standard.policyStandard);
      if (complying === undefined || standard.share === null || standard.share >= 0.5) return standard;
      const omitted = complying.count - complying.domains.length;
      return { ...standard, complying: complying.domains, ...(omitted > 0 ? { complyingOmitted: omitted } : {}) };
    });
    return {
      supplier: id,
      ...(name === undefined ? {} : { name }),
      domains: stats.domains,
      ...(suite === undefined ? {} : { streefbeeld: stats.streefbeeld[suite] }),
      standards,
    };
  }
}
