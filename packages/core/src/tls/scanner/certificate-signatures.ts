/**
 * The signature checks a TLS scan records for its checks: which certificate of each chain signed
 * which, and who signed the stapled OCSP response. They need node:crypto, which checks may not
 * import (they re-judge saved evidence in a browser), so the probe does them once, at scan time.
 */
import { fromBase64 } from '../../util/bytes.js';
import { tryParseCertificate } from '../../x509/certificate.js';
import { chainSignatures, ocspSigner } from '../../x509/signatures.js';
import { leafAndIssuer, selectChains } from '../evaluate/certificates.js';
import type { CertificateChainObservation, OcspObservation } from '../types.js';

/** The chain with `signedBy` filled in. */
export function withSignedBy(chain: CertificateChainObservation): CertificateChainObservation {
  return { ...chain, signedBy: chainSignatures(chain.certificates.map((base64) => tryParseCertificate(base64))) };
}

/**
 * The staple with `signer` filled in, checked against the issuer of the leaf of the chain the
 * checks judge (the same selection `evaluateTlsOcsp` makes).
 */
export function withStapleSigner(ocsp: OcspObservation, chains: readonly CertificateChainObservation[]): OcspObservation {
  if (!ocsp.stapled || ocsp.response === undefined) return ocsp;
  const issuer = leafAndIssuer(selectChains({ certificateChains: chains }).primary)?.issuer;
  const response = fromBase64(ocsp.response);
  return { ...ocsp, signer: issuer === undefined || response === undefined ? null : ocspSigner(response, issuer) };
}
