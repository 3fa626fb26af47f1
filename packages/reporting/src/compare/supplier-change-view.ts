import type { Language } from '../messages/types.js';
import { ui, uiOr } from '../messages/ui.js';
import { supplierLabel } from '../suppliers/supplier-view.js';
import { type TextTable, shareText, standardLabel } from '../view/summary-view.js';
import { changeText } from './comparison-view.js';
import type { AdoptionChange, Comparison, SupplierChange, SupplierRoleChange } from './types.js';

/** The supplier change table of one hosting role, localised. */
export interface SupplierChangeView {
  /** The role's heading, e.g. "Email (MX servers)". */
  readonly heading: string;
  /**
   * A row per supplier and item decided in A or B (the role's target state, then each standard):
   * supplier, its domains in A and in B, the item, the share in A, in B and the change. A supplier
   * with nothing decided has one row with its domains only.
   */
  readonly table: TextTable;
  /** A note on the domains the role could not be attributed for, or on a role without suppliers. */
  readonly note?: string;
}

function supplierRows(role: SupplierRoleChange['role'], use: SupplierChange, language: Language): string[][] {
  const items: [string, AdoptionChange][] = [
    ...(use.streefbeeld === undefined ? [] : [[uiOr(`streefbeeld.${role}`, language, role), use.streefbeeld] as [string, AdoptionChange]]),
    ...use.standards.map((entry): [string, AdoptionChange] => [standardLabel(entry.suite, entry.standard, language), entry]),
  ];
  const lead = [supplierLabel(use, language), String(use.domains.a), String(use.domains.b)];
  // Like the adoption tables, a row decided in neither measurement would only say "no data".
  const decided = items.filter(([, change]) => change.a.share !== null || change.b.share !== null);
  if (decided.length === 0) return [[...lead, '', '', '', '']];
  return decided.map(([label, change]) => [
    ...lead,
    label,
    shareText(change.a, language),
    shareText(change.b, language),
    changeText(change, language),
  ]);
}

function roleView(role: SupplierRoleChange, language: Language): SupplierChangeView {
  const header = [
    ui('suppliers.supplier', language),
    ui('compare.domains-a', language),
    ui('compare.domains-b', language),
    ui('compare.item', language),
    ui('compare.a', language),
    ui('compare.b', language),
    ui('compare.change', language),
  ];
  const note =
    role.suppliers.length === 0
      ? ui('suppliers.none', language)
      : role.unattributed.a + role.unattributed.b > 0
        ? ui('compare.suppliers-unattributed', language, { a: role.unattributed.a, b: role.unattributed.b })
        : undefined;
  return {
    heading: ui(`suppliers.role.${role.role}`, language),
    table: { header, rows: role.suppliers.flatMap((use) => supplierRows(role.role, use, language)) },
    ...(note === undefined ? {} : { note }),
  };
}

/** The supplier change tables of a comparison, one per role, localised; empty when it has no supplier view. */
export function supplierChangeViews(comparison: Comparison, language: Language): SupplierChangeView[] {
  return (comparison.suppliers ?? []).map((role) => roleView(role, language));
}
