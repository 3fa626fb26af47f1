import type { SupplierCatalogue } from './catalogue.js';
import { parseSupplierCatalogue } from './catalogue.js';
import shipped from './default-catalogue.json' with { type: 'json' };

/**
 * The catalogue pastoe ships: a few large, well-known mail, DNS and hosting suppliers by their
 * public MX and name server suffixes and AS numbers. A starting point, not a register: copy it
 * (`docs/guides/suppliers.md` shows it whole), add the suppliers that matter to you and pass
 * your file instead. Parsed on each call, so callers may not change one another's copy.
 */
export function defaultSupplierCatalogue(): SupplierCatalogue {
  return parseSupplierCatalogue(shipped);
}
