import type { CertificatePublicKey } from '../../x509/certificate.js';
import { certificateKeyLevel } from '../tables/certificates.js';
import type { TlsEvidence } from '../types.js';
import { certificateLabel, judgeEachCertificate } from './certificates.js';
import type { TlsEvaluationContext, TlsJudgement } from './shared.js';

/** A key as Internet.nl writes it in its tech table: `RSA-2048`, `EC-secp224r1`. */
export function keyLabel(key: CertificatePublicKey): string {
  const type = key.type.toUpperCase();
  if (key.curve !== undefined) return `${type}-${key.curve}`;
  return key.bits === undefined ? type : `${type}-${key.bits}`;
}

/**
 * Certificate public keys (Internet.nl `cert_pubkey`, NCSC 3.3.2.1), for every certificate the
 * server sent except roots: RSA below 2048 bits or an unlisted curve fails (`bad`), RSA
 * 2048-3071 or secp224r1 gives `phase-out`, else `good`.
 *
 * Deviations: Ed25519/Ed448 keys count as insufficient in Internet.nl's code (its list names
 * X25519/X448 instead); pastoe keeps that verdict and reports them sufficient in its own. pastoe
 * judges every chain it saw, not only the first (an RSA certificate beside an ECDSA one).
 */
export function evaluateCertPubkey(evidence: TlsEvidence, context: TlsEvaluationContext): TlsJudgement {
  return judgeEachCertificate(evidence, context, 'key', (certificate) => {
    const key = certificate.facts.publicKey;
    return { level: certificateKeyLevel(key), params: { certificate: certificateLabel(certificate), key: keyLabel(key) } };
  });
}
