import type { CertificatePublicKey, CertificateSignature } from '../../x509/certificate.js';
import type { NcscLevel } from './levels.js';

/** A level as Internet.nl codes it, and pastoe's own reading where the two differ. */
export interface CertificateLevel {
  /** The level Internet.nl's code gives. */
  readonly internetnl: NcscLevel;
  /** The level pastoe gives (equal to `internetnl` unless pastoe deliberately differs). */
  readonly pastoe: NcscLevel;
  /** Why pastoe differs, as a stable code. */
  readonly deviation?: 'eddsa-key' | 'rsassa-pss-signature';
}

/** Named curves NCSC 3.3.2.1 accepts for certificate keys (`CERT_EC_CURVES_GOOD`). */
export const certificateGoodCurves: readonly string[] = Object.freeze([
  'secp256r1',
  'secp384r1',
  'secp521r1',
  'brainpoolP256r1',
  'brainpoolP384r1',
  'brainpoolP512r1',
]);

/**
 * The level of a certificate public key (NCSC 3.3.2.1, Internet.nl `check_pubkey`): RSA of at
 * least 3072 bits sufficient, 2048-3071 phase-out, smaller insufficient; EC on the six good
 * curves sufficient, secp224r1 phase-out, other curves insufficient.
 *
 * Deviation: Internet.nl's list of good non-EC key types names X25519 and X448
 * (`CERT_CURVES_GOOD`), which are key-agreement keys that cannot sign, so an Ed25519 or Ed448
 * certificate key falls through to insufficient in its code. pastoe reproduces that verdict and
 * reports the key as sufficient in its own reading, as NCSC lists EdDSA.
 */
export function certificateKeyLevel(key: CertificatePublicKey): CertificateLevel {
  switch (key.type) {
    case 'rsa':
    case 'rsa-pss': {
      const bits = key.bits ?? 0;
      const level: NcscLevel = bits >= 3072 ? 'sufficient' : bits >= 2048 ? 'phase-out' : 'insufficient';
      return { internetnl: level, pastoe: level };
    }
    case 'ec': {
      const level: NcscLevel =
        key.curve !== undefined && certificateGoodCurves.includes(key.curve)
          ? 'sufficient'
          : key.curve === 'secp224r1'
            ? 'phase-out'
            : 'insufficient';
      return { internetnl: level, pastoe: level };
    }
    case 'ed25519':
    case 'ed448':
      return { internetnl: 'insufficient', pastoe: 'sufficient', deviation: 'eddsa-key' };
    case 'x25519':
    case 'x448':
      // Listed as good by Internet.nl; a certificate cannot carry one usefully, but the code says good.
      return { internetnl: 'sufficient', pastoe: 'insufficient' };
    default:
      return { internetnl: 'insufficient', pastoe: 'insufficient' };
  }
}

/** Signature algorithm OIDs NCSC 3.3.2/3.3.5 accepts (`CERT_SIGALG_SUFFICIENT`). */
export const certificateSufficientSignatureOids: readonly string[] = Object.freeze([
  '1.2.840.113549.1.1.11',
  '1.2.840.113549.1.1.12',
  '1.2.840.113549.1.1.13',
  '1.2.840.10045.4.3.2',
  '1.2.840.10045.4.3.3',
  '1.2.840.10045.4.3.4',
  '1.3.101.112',
  '1.3.101.113',
]);

/** Phase-out signature algorithm OIDs (`CERT_SIGALG_PHASE_OUT`): SHA-224 with RSA or ECDSA. */
export const certificatePhaseOutSignatureOids: readonly string[] = Object.freeze(['1.2.840.113549.1.1.14', '1.2.840.10045.4.3.1']);

/**
 * The level of a certificate's signature algorithm, by OID as Internet.nl matches it: the eight
 * sufficient OIDs, the two SHA-224 phase-out OIDs, everything else insufficient.
 *
 * Deviation: RSASSA-PSS has one OID whatever its hash, and that OID is not on Internet.nl's
 * list, so a PSS signature with SHA-256 counts as insufficient there. pastoe reproduces that and
 * reads a PSS signature by its parameter hash in its own level (SHA-256+ with a matching MGF1
 * hash sufficient, SHA-224 phase-out, else insufficient).
 */
export function certificateSignatureLevel(signature: CertificateSignature): CertificateLevel {
  const internetnl: NcscLevel = certificateSufficientSignatureOids.includes(signature.oid)
    ? 'sufficient'
    : certificatePhaseOutSignatureOids.includes(signature.oid)
      ? 'phase-out'
      : 'insufficient';
  if (signature.pss === undefined) return { internetnl, pastoe: internetnl };
  const { hash, mgfHash } = signature.pss;
  const strong = hash === 'sha256' || hash === 'sha384' || hash === 'sha512';
  const pastoe: NcscLevel =
    strong && mgfHash === hash ? 'sufficient' : hash === 'sha224' && mgfHash === hash ? 'phase-out' : 'insufficient';
  return pastoe === internetnl ? { internetnl, pastoe } : { internetnl, pastoe, deviation: 'rsassa-pss-signature' };
}
