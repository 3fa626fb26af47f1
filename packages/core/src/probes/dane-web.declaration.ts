import type { DnsRecord } from '../dns/types.js';
import type { ValidationReason, ValidationStatus } from '../dnssec/reasons.js';
import type { DnssecState } from '../dnssec/state.js';
import { declareProbe } from '../model/probe-declaration.js';

/** The TLSA records of a TLS service and how DNSSEC judged them: what DANE needs besides the chain. */
export interface TlsaLookupEvidence {
  /** The TLSA name, e.g. `_443._tcp.example.nl`. */
  readonly name: string;
  /** The DNSSEC state of the TLSA answer (`secure` is required for DANE). */
  readonly dnssec: DnssecState;
  /** The validator's status of the TLSA answer. */
  readonly status: ValidationStatus;
  /** The validator's reason. */
  readonly reason: ValidationReason;
  /** The TLSA records (with the CNAMEs leading to them); empty when none, or when the answer was bogus. */
  readonly records: readonly DnsRecord[];
  /**
   * The A lookup of the TLSA name came back bogus: Internet.nl makes this query to catch signers
   * whose denial of existence does not validate, and counts it as a bogus TLSA answer.
   */
  readonly denialBogus: boolean;
}

/** The TLSA records for HTTPS of the domain (`_443._tcp.<domain>`), validated from the trust anchors down. */
export const webTlsaDeclaration = declareProbe<TlsaLookupEvidence>({
  id: 'tlsa-web',
  description: 'Looks up and validates the TLSA records for HTTPS (_443._tcp) of the domain',
});
