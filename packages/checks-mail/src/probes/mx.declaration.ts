import { declareProbe } from '@pastoe/core/model';

/** One MX record. */
export interface MxRecord {
  /** The preference (lower is preferred). */
  readonly preference: number;
  /** The mail server's name, lowercase, no trailing dot; `''` is the root (Null MX). */
  readonly exchange: string;
}

/**
 * What the MX lookup of the mail domain found, with the domain's own addresses (for the Null MX
 * rules) and, when it has no MX but addresses, its SPF records (for pastoe's Null MX advice).
 */
export interface MxEvidence {
  /**
   * The response code of the MX query: `NOERROR` or `NXDOMAIN` (both answers about the domain).
   * Evidence saved before SERVFAIL became a probe failure may hold another code or a transport
   * error code; it counts as no MX.
   */
  readonly rcode: string;
  /** The MX records (after following any CNAME at the domain). */
  readonly records: readonly MxRecord[];
  /** Whether the domain itself has an A or AAAA record. */
  readonly domainHasAddress: boolean;
  /** Why the lookup failed, when it did (evidence saved by older versions only). */
  readonly error?: string;
  /**
   * The domain's SPF records (TXT records that start with `v=spf1`, at most
   * {@link maxSpfRecordsKept}), looked up only when it has no MX but an A or AAAA record; absent
   * otherwise, or when that lookup failed.
   */
  readonly spf?: readonly string[];
}

/** The most SPF records the MX probe keeps (one is valid; a hostile zone could publish hundreds). */
export const maxSpfRecordsKept = 4;

/**
 * The MX records of the mail domain and whether the domain has addresses (for the Null MX rules).
 * A SERVFAIL or REFUSED answer or a failed query fails the probe: the mail servers are then
 * unknown, so every check that needs them is `error`, never "no MX".
 */
export const mxDeclaration = declareProbe<MxEvidence>({
  id: 'mail-mx',
  description: 'Looks up the MX records of the mail domain, and its A/AAAA records for the Null MX rules',
});
