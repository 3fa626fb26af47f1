import { declareProbe } from '@pastoe/core/model';

/** One MX record. */
export interface MxRecord {
  /** The preference (lower is preferred). */
  readonly preference: number;
  /** The mail server's name, lowercase, no trailing dot; `''` is the root (Null MX). */
  readonly exchange: string;
}

/** What the MX lookup of the mail domain found, with the domain's own addresses (for Null MX advice). */
export interface MxEvidence {
  /** The response code of the MX query, or the error code when there was no response. */
  readonly rcode: string;
  /** The MX records (after following any CNAME at the domain). */
  readonly records: readonly MxRecord[];
  /** Whether the domain itself has an A or AAAA record. */
  readonly domainHasAddress: boolean;
  /** Why the lookup failed, when it did. */
  readonly error?: string;
}

/** The MX records of the mail domain and whether the domain has addresses (for the Null MX rules). */
export const mxDeclaration = declareProbe<MxEvidence>({
  id: 'mail-mx',
  description: 'Looks up the MX records of the mail domain, and its A/AAAA records for the Null MX rules',
});
