/**
 * Test helper: certificate chains as a mail server sends them (a leaf for the MX host, then the
 * root), for the certificate and DANE checks of the mail test. The certificates come from core's
 * OpenSSL test PKI, which the test passes in (this package's build cannot reach core's test
 * helpers). Outside src/checks because it hashes with node:crypto, and everything there must
 * bundle for a browser. Only for tests.
 */
import { createHash, X509Certificate } from 'node:crypto';
import type { TlsEvidence } from '@pastoe/core/model';
import { mx1 } from './starttls-cases.js';

/** A certificate chain as the TLS scanner observed it. */
type CertificateChainObservation = TlsEvidence['certificateChains'][number];

/** A certificate as core's test PKI makes it. */
interface MadeCertificate {
  /** DER bytes. */
  readonly der: Buffer;
}

/** What the helper asks of a leaf; the names of core's `TestCertificateOptions`. */
export interface LeafOptions {
  /** The key type, e.g. `ec-p256`, `rsa-2048`. */
  readonly key?: 'ec-p256' | 'rsa-1024' | 'rsa-2048' | 'rsa-3072';
  /** subjectAltName DNS entries; default the first MX host. */
  readonly dns?: readonly string[];
  /** The signature digest. */
  readonly digest?: 'sha1' | 'sha224' | 'sha256';
}

/** Core's test PKI (`openTestPki()`), as far as this helper uses it. */
export interface CertificateFactory<C extends MadeCertificate> {
  /** Makes a certificate. */
  make(options: LeafOptions & { readonly ca?: boolean; readonly cn?: string; readonly days?: number; readonly issuer?: C }): C;
  /** Removes the PKI's files. */
  close(): void;
}

/** A root and leaves for MX hosts. */
export interface MailPki<C extends MadeCertificate> {
  /** The root every leaf is issued by (RSA-3072). */
  readonly root: C;
  /** A leaf for `mx1` (or the names given), P-256 unless given, issued by the root. */
  leaf(options?: LeafOptions): C;
  /** The chain a server sends with this leaf: the leaf, then the root. */
  chain(leaf: C): CertificateChainObservation;
  /** Removes the PKI's files. */
  close(): void;
}

/** A mail PKI on core's test PKI; call `close()` after the tests. */
export function mailPki<C extends MadeCertificate>(pki: CertificateFactory<C>): MailPki<C> {
  const root = pki.make({ key: 'rsa-3072', ca: true, cn: 'Test Root', days: 3650 });
  return {
    root,
    leaf: (options = {}) => pki.make({ key: 'ec-p256', dns: [mx1], issuer: root, days: 3650, ...options }),
    chain: (leaf) => ({ source: 'handshake', version: 'TLSv1.3', certificates: [leaf, root].map((c) => c.der.toString('base64')) }),
    close: () => pki.close(),
  };
}

/** The SHA-256 of a certificate's SubjectPublicKeyInfo, hex: the data of a `x 1 1` TLSA record. */
export function spkiSha256(certificate: MadeCertificate): string {
  return createHash('sha256')
    .update(new X509Certificate(certificate.der).publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex');
}
