/**
 * The trust store's interface, as types: what the probe context names without loading Node's TLS
 * roots.
 */
import type { ChainVerification, VerifyChainOptions } from './verify.js';

/** Which roots a trust store holds: Mozilla's, Mozilla's plus the user's, or only the user's. */
export type TrustStoreKind = 'mozilla' | 'mozilla+custom' | 'custom';

/** A CA the user added, as a report shows it. */
export interface TrustedCertificate {
  /** Its subject (RFC 4514 style). */
  readonly subject: string;
  /** SHA-256 of its DER, lowercase hex. */
  readonly sha256: string;
  /** When it expires (ISO 8601). */
  readonly notAfter: string;
  /** Whether it is a CA (basicConstraints cA); a non-CA one can only vouch for itself. */
  readonly isCa: boolean;
}

/** What a trust store holds, as plain data for reports. */
export interface TrustStoreDescription {
  /** Which roots. */
  readonly kind: TrustStoreKind;
  /** How many of Mozilla's roots are trusted (0 when they are not). */
  readonly mozillaRoots: number;
  /** The CAs the user added, in the order given. */
  readonly custom: readonly TrustedCertificate[];
}

/**
 * The roots used for certificate validation. Create one with {@link createTrustStore}; it is
 * immutable and may be shared by any number of scans.
 */
export interface TrustStore {
  /** Which roots it holds; the TLS evidence's `trust.store` says the same. */
  readonly kind: TrustStoreKind;
  /** Every trusted root as one PEM block each: what node:tls takes as `ca`. */
  readonly ca: readonly string[];
  /** What it holds, for reports. */
  describe(): TrustStoreDescription;
  /**
   * Whether a chain validates against these roots, checked by pastoe itself (signatures, CA
   * flags and validity periods; no name, policy or revocation checks).
   *
   * @param chain - leaf first, then intermediates in any order: base64 DER, PEM or DER bytes
   * @param options - the time of validation (default now)
   */
  verifyChain(chain: readonly (string | Uint8Array)[], options?: VerifyChainOptions): ChainVerification;
}
