import type { Adoption, StandardAdoption } from '../summary/types.js';
import type { SupplierRole } from './attribute.js';

/** The adoption of one streefbeeld standard among a supplier's customers, with the exceptions named. */
export interface SupplierStandardAdoption extends StandardAdoption {
  /**
   * The customers that meet it although most of the supplier's customers do not (present when
   * some meet it and the share is under one half): proof the supplier can do it. The first
   * {@link maxComplyingListed} in report order.
   */
  readonly complying?: readonly string[];
  /** How many more met it than `complying` lists; present when some were left out. */
  readonly complyingOmitted?: number;
}

/** The domains of one role hosted by one supplier, and how many of them meet the role's standards. */
export interface SupplierUse {
  /** The supplier's id, or `other` for domains no supplier of the catalogue matches (other or self-hosted). */
  readonly supplier: string;
  /** The supplier's name from the catalogue; absent for `other`. */
  readonly name?: string;
  /** How many measured domains it hosts this role for. */
  readonly domains: number;
  /** The streefbeeld decision of the role's suite: mail for mail suppliers, web for web hosting; absent for DNS. */
  readonly streefbeeld?: Adoption;
  /**
   * The role's standards: every standard of the mail suite for mail, of the web suite for web,
   * and DNSSEC of the domain (the web suite's `web-dnssec`) for DNS.
   */
  readonly standards: readonly SupplierStandardAdoption[];
}

/** The suppliers of one hosting role over a bulk run. */
export interface SupplierRoleAdoption {
  /** The role. */
  readonly role: SupplierRole;
  /** The domains whose report says who hosts the role. */
  readonly domains: number;
  /** The domains whose report does not (no MX, no evidence of it, no route origins). */
  readonly unattributed: number;
  /** One entry per supplier with customers, most customers first (catalogue order on a tie), `other` last. */
  readonly suppliers: readonly SupplierUse[];
}

/** The most complying domains a {@link SupplierStandardAdoption} lists. */
export const maxComplyingListed = 50;
