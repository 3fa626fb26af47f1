import { certificateSignatureLevel } from '../tables/certificates.js';
import type { TlsEvidence } from '../types.js';
import { certificateLabel, judgeEachCertificate } from './certificates.js';
import type { TlsEvaluationContext, TlsJudgement } from './shared.js';

/**
 * Certificate signatures (Internet.nl `cert_signature`, NCSC 3.3.2/3.3.5), for every
 * certificate the server sent except roots, by the outer signature algorithm OID: SHA-256/384/512
 * with RSA or ECDSA, Ed25519 and Ed448 `good`; SHA-224 with RSA or ECDSA `phase-out`; anything
 * else (SHA-1, MD5, DSA, and RSASSA-PSS) `bad`.
 *
 * Deviations: RSASSA-PSS counts as bad in Internet.nl because its OID is not on the list; pastoe
 * keeps that verdict and judges PSS by its hash in its own (`facts.pastoe`, finding
 * `rsassa-pss-signature`). pastoe judges every chain it saw, not only the first.
 */
export function evaluateCertSignature(evidence: TlsEvidence, context: TlsEvaluationContext): TlsJudgement {
  return judgeEachCertificate(evidence, context, 'signature', (certificate) => {
    const signature = certificate.facts.signature;
    return {
      level: certificateSignatureLevel(signature),
      params: { certificate: certificateLabel(certificate), algorithm: signature.name, hash: signature.hash },
    };
  });
}
