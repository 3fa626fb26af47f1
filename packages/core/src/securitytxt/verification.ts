/** What verifying a security.txt signature concluded, as plain data (pure types, for evidence and checks). */

/** The outcome of a verification. */
export type SecurityTxtSignatureStatus =
  /** The signature verifies with the given key. */
  | 'valid'
  /** It does not: the text was changed, or another key signed it. */
  | 'invalid'
  /** The file is not signed, or its signature block did not decode. */
  | 'no-signature'
  /** The key given is not an armored OpenPGP public key pastoe can read. */
  | 'bad-key'
  /** No key in the block is the signature's issuer. */
  | 'unknown-key'
  /** A signature version, type, hash or key algorithm pastoe does not verify. */
  | 'unsupported';

/** What {@link verifySecurityTxtSignature} concluded. Plain data, for evidence. */
export interface SecurityTxtSignatureVerification {
  /** The outcome. */
  readonly status: SecurityTxtSignatureStatus;
  /** One line for people. */
  readonly message: string;
  /** The fingerprint (lowercase hex) of the key that verified it or was tried. */
  readonly keyFingerprint?: string;
  /** The signature's issuer key id or fingerprint, lowercase hex, when it names one. */
  readonly issuer?: string;
  /** The hash algorithm, e.g. `sha256`. */
  readonly hash?: string;
  /** When the signature says it was made (ISO 8601). */
  readonly signedAt?: string;
}
