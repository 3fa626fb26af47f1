import { supplierRoles } from '../suppliers/attribute.js';
import { otherSupplier } from '../suppliers/catalogue.js';
import type { SupplierRoleAdoption, SupplierUse } from '../suppliers/types.js';
import { adoptionChange, none, standardChanges } from './stats-change.js';
import type { SupplierChange, SupplierRoleChange } from './types.js';

/** Supplier `id` in A and in B; `undefined` on the side it has no customers in. */
function supplierChange(id: string, a: SupplierUse | undefined, b: SupplierUse | undefined): SupplierChange {
  const domains = { a: a?.domains ?? 0, b: b?.domains ?? 0 };
  const name = b?.name ?? a?.name;
  const streefbeeld =
    a?.streefbeeld === undefined && b?.streefbeeld === undefined
      ? undefined
      : adoptionChange(a?.streefbeeld ?? none(domains.a), b?.streefbeeld ?? none(domains.b));
  return {
    supplier: id,
    ...(name === undefined ? {} : { name }),
    domains,
    ...(streefbeeld === undefined ? {} : { streefbeeld }),
    standards: standardChanges(a?.standards ?? [], domains.a, b?.standards ?? [], domains.b),
  };
}

/** The suppliers of one role paired: B's order, then those only A has, `other` last as in each side. */
function roleChange(
  role: SupplierRoleChange['role'],
  a: SupplierRoleAdoption | undefined,
  b: SupplierRoleAdoption | undefined,
): SupplierRoleChange {
  const inA = new Map((a?.suppliers ?? []).map((use) => [use.supplier, use]));
  const inB = new Map((b?.suppliers ?? []).map((use) => [use.supplier, use]));
  const ids = [...new Set([...inB.keys(), ...inA.keys()])];
  const ordered = [...ids.filter((id) => id !== otherSupplier), ...ids.filter((id) => id === otherSupplier)];
  return {
    role,
    domains: { a: a?.domains ?? 0, b: b?.domains ?? 0 },
    unattributed: { a: a?.unattributed ?? 0, b: b?.unattributed ?? 0 },
    suppliers: ordered.map((id) => supplierChange(id, inA.get(id), inB.get(id))),
  };
}

/**
 * The supplier views of A's and B's summaries (`summarize` with the same catalogue) paired: per
 * role and supplier, the domains using it and the adoption of the role's streefbeeld decision and
 * standards in A, in B and the change. A supplier one side lacks has no domains there: its
 * shares are null and so is the change.
 */
export function supplierChanges(a: readonly SupplierRoleAdoption[], b: readonly SupplierRoleAdoption[]): SupplierRoleChange[] {
  return supplierRoles.map((role) =>
    roleChange(
      role,
      a.find((entry) => entry.role === role),
      b.find((entry) => entry.role === role),
    ),
  );
}
