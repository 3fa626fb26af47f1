import type { Language } from '../messages/types.js';
import { ui, uiOr } from '../messages/ui.js';
import type { AdoptionSummary } from '../summary/types.js';
import { type TextTable, shareText } from '../view/summary-view.js';
import { otherSupplier } from './catalogue.js';
import type { SupplierRoleAdoption, SupplierUse } from './types.js';

/** The supplier table of one hosting role, localised. */
export interface SupplierRoleView {
  /** The role's heading, e.g. "Email (MX servers)". */
  readonly heading: string;
  /** A row per supplier: its name, domains, the suite's share, each standard's share, the domains that comply nonetheless. */
  readonly table: TextTable;
  /** A note on the domains the role could not be attributed for, when there are any. */
  readonly note?: string;
}

/** The name a table shows for a supplier: its catalogue name (else its id), or "other or self-hosted". */
export function supplierLabel(use: Pick<SupplierUse, 'supplier' | 'name'>, language: Language): string {
  return use.supplier === otherSupplier ? ui('suppliers.other', language) : (use.name ?? use.supplier);
}

function complyingText(use: SupplierUse, language: Language): string {
  return use.standards
    .flatMap((standard) => {
      if (standard.complying === undefined) return [];
      const more =
        standard.complyingOmitted === undefined ? '' : ` ${ui('suppliers.more', language, { count: standard.complyingOmitted })}`;
      return [`${uiOr(`standard.${standard.standard}`, language, standard.standard)}: ${standard.complying.join(', ')}${more}`];
    })
    .join('; ');
}

function roleView(role: SupplierRoleAdoption, language: Language): SupplierRoleView {
  // Every supplier of a role lists the same standards in policy order; the first shows which.
  const standards = role.suppliers[0]?.standards ?? [];
  const withSuite = role.suppliers.some((use) => use.streefbeeld !== undefined);
  const header = [
    ui('suppliers.supplier', language),
    ui('summary.domains', language),
    ...(withSuite && role.role !== 'dns' ? [ui(`streefbeeld.${role.role}`, language)] : []),
    ...standards.map((standard) => uiOr(`standard.${standard.standard}`, language, standard.standard)),
    ui('suppliers.complying', language),
  ];
  const rows = role.suppliers.map((use) => [
    supplierLabel(use, language),
    String(use.domains),
    ...(withSuite && use.streefbeeld !== undefined ? [shareText(use.streefbeeld, language)] : []),
    ...use.standards.map((standard) => shareText(standard, language)),
    complyingText(use, language),
  ]);
  const note =
    role.suppliers.length === 0
      ? ui('suppliers.none', language)
      : role.unattributed > 0
        ? ui('suppliers.unattributed', language, { count: role.unattributed })
        : undefined;
  return { heading: ui(`suppliers.role.${role.role}`, language), table: { header, rows }, ...(note === undefined ? {} : { note }) };
}

/** The supplier tables of a summary, one per role, localised; empty when it has no supplier view. */
export function supplierViews(summary: AdoptionSummary, language: Language): SupplierRoleView[] {
  return (summary.suppliers ?? []).map((role) => roleView(role, language));
}
