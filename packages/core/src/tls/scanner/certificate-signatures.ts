/**
 * The signature checks a TLS scan records for its checks: which certificate of each chain signed
 * which, and who signed the stapled OCSP response. They need node:crypto, which checks may not
 * import (they re-judge saved evidence in a browser), so the probe does them once, at scan time.
 */
import { createHash } from 'node:crypto';
import type { ScanCaches } from '../../model/caches.js';
import type { JsonValue } from '../../model/json.js';
import { fromBase64 } from '../../util/bytes.js';
import { tryParseCertificate } from '../../x509/certificate.js';
import type { ChainSignatures } from '../../x509/chain.js';
import { chainSignatures, ocspSigner } from '../../x509/signatures.js';
import { leafAndIssuer, selectChains } from '../evaluate/certificates.js';
import type { CertificateChainObservation, OcspObservation } from '../types.js';

/** How long one chain's signature checks serve the other scans that share the caches: as long as a TLS scan does. */
const chainSignaturesTtlMs = 10 * 60_000;

/**
 * The chain with `signedBy` filled in. With `shared` (a bulk run's cache), a chain checked before
 * is not checked again: loading certificates into node:crypto is most of the cost, and the names
 * of a hosting server or a supplier often show one chain (a wildcard or many-name certificate).
 */
export function withSignedBy(chain: CertificateChainObservation, shared?: ScanCaches['shared']): CertificateChainObservation {
  const key =
    shared === undefined ? undefined : `chain-signatures|${createHash('sha256').update(chain.certificates.join(',')).digest('base64')}`;
  const known = key === undefined ? undefined : shared?.get(key);
  if (known !== undefined) return { ...chain, signedBy: known as unknown as ChainSignatures };
  const signedBy = chainSignatures(chain.certificates.map((base64) => tryParseCertificate(base64)));
  if (key !== undefined) shared?.set(key, signedBy as unknown as JsonValue, chainSignaturesTtlMs, JSON.stringify(signedBy).length);
  return { ...chain, signedBy };
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
