/**
 * The signature half of x509: whether one certificate's key verifies another's signature, and
 * who signed a stapled OCSP response. node:crypto does the cryptography (every algorithm OpenSSL
 * knows, RSASSA-PSS included), so this runs on the probe side only: the TLS probe records its
 * answers in the evidence ({@link ChainSignatures}, the staple's signer) and checks read them
 * there, which keeps every check's import graph free of Node modules.
 */
import { constants, type KeyObject, verify, X509Certificate } from 'node:crypto';
import { bytesEqual } from '../util/bytes.js';
import type { CertificateSignature, ParsedCertificate } from './certificate.js';
import type { ChainSignatures } from './chain.js';
import { extensionOids } from './oids.js';
import { type OcspSigner, readBasicOcspResponse } from './ocsp.js';

/** The most certificates of a chain whose signatures are checked pairwise: a hostile chain cannot make a scan slow. */
const maxSignedChain = 16;

/** Node's view of a certificate; `undefined` when Node rejects one pastoe's reader accepts (odd curves, odd encodings). */
function load(certificate: ParsedCertificate): X509Certificate | undefined {
  try {
    return new X509Certificate(certificate.der);
  } catch {
    return undefined;
  }
}

/** True when Node can load the certificate, so node:tls would use it and its signatures can be checked. */
export function loadsInNode(certificate: ParsedCertificate): boolean {
  return load(certificate) !== undefined;
}

function verifies(child: X509Certificate | undefined, parent: X509Certificate | undefined): boolean {
  if (child === undefined || parent === undefined) return false;
  try {
    return child.verify(parent.publicKey);
  } catch {
    return false;
  }
}

/**
 * True when `child` names `parent` as its issuer and `parent`'s key verifies `child`'s signature;
 * false when either certificate could not be loaded by Node.
 */
export function isIssuedBy(child: ParsedCertificate, parent: ParsedCertificate): boolean {
  return bytesEqual(child.issuerDer, parent.subjectDer) && verifies(load(child), load(parent));
}

/** True when the certificate is self-issued and its own key verifies its signature (a root). */
export function isSelfSigned(certificate: ParsedCertificate): boolean {
  if (!certificate.facts.selfIssued) return false;
  const loaded = load(certificate);
  return verifies(loaded, loaded);
}

/**
 * Which certificates of a chain signed which (see {@link ChainSignatures}), by position; a
 * certificate that did not parse (`undefined`) links to nothing. Each certificate is loaded once,
 * and only pairs whose names link are verified. Certificates past the sixteenth get no links: no
 * real chain is that long, and a hostile one cannot make a scan slow.
 */
export function chainSignatures(chain: readonly (ParsedCertificate | undefined)[]): ChainSignatures {
  const checked = chain.slice(0, maxSignedChain);
  const loaded = checked.map((certificate) => (certificate === undefined ? undefined : load(certificate)));
  return chain.map((child, i) =>
    checked.flatMap((parent, j) =>
      child !== undefined && parent !== undefined && bytesEqual(child.issuerDer, parent.subjectDer) && verifies(loaded[i], loaded[j])
        ? [j]
        : [],
    ),
  );
}

/**
 * Who signed a stapled OCSP response (RFC 6960 4.2.2.2), as OpenSSL's `OCSP_basic_verify`
 * accepts it: the leaf's issuer itself, or a responder certificate embedded in the response that
 * the issuer signed for OCSP signing (id-kp-OCSPSigning). `null` when neither verifies it or the
 * response cannot be read.
 */
export function ocspSigner(response: Uint8Array, issuer: ParsedCertificate): OcspSigner | null {
  const basic = readBasicOcspResponse(response);
  if (basic === undefined) return null;
  const signedBy = (certificate: ParsedCertificate): boolean => {
    const key = load(certificate)?.publicKey;
    return key !== undefined && verifySignature(basic.signature, basic.tbs, basic.signatureBytes, key);
  };
  if (signedBy(issuer)) return 'issuer';
  const delegate = basic.certificates.find(
    (certificate) =>
      (certificate.facts.extendedKeyUsage ?? []).includes(extensionOids.ekuOcspSigning) &&
      isIssuedBy(certificate, issuer) &&
      signedBy(certificate),
  );
  return delegate === undefined ? null : 'delegated';
}

function verifySignature(signature: CertificateSignature, data: Uint8Array, bytes: Uint8Array, key: KeyObject): boolean {
  const hash = signature.hash === 'intrinsic' ? null : signature.hash;
  if (hash === 'unknown' || hash === 'md2') return false;
  try {
    if (signature.pss !== undefined) {
      return verify(hash, data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: signature.pss.saltLength }, bytes);
    }
    return verify(hash, data, key, bytes);
  } catch {
    return false;
  }
}
