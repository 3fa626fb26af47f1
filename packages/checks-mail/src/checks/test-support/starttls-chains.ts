/**
 * Test helper: certificate chains as a mail server sends them, made with core's OpenSSL test PKI
 * (a root and leaves issued by it), for the certificate and DANE checks of the mail test. Only for tests.
 */
import { createHash, X509Certificate } from 'node:crypto';
import type { CertificateChainObservation } from '../../../../core/src/tls/types.js';
import {
  openTestPki,
  type TestCertificate,
  type TestCertificateOptions,
  type TestPki,
} from '../../../../core/src/x509/test-support/openssl.js';
import { mx1 } from './starttls-cases.js';

/** A test PKI with a root, making leaf chains for MX hosts. */
export interface MailPki {
  /** The OpenSSL helper, for certificates beyond leaf chains. */
  readonly pki: TestPki;
  /** The root every leaf is issued by (RSA-3072). */
  readonly root: TestCertificate;
  /** A leaf for `mx1` (or the names given), P-256 unless given, issued by the root. */
  leaf(options?: TestCertificateOptions): TestCertificate;
  /** The chain a server sends with this leaf. */
  chain(leaf: TestCertificate): CertificateChainObservation;
  /** Removes the PKI's files. */
  close(): void;
}

/** Opens a test PKI; call `close()` after the tests. */
export function openMailPki(): MailPki {
  const pki = openTestPki();
  const root = pki.make({ key: 'rsa-3072', ca: true, cn: 'Test Root', days: 3650 });
  return {
    pki,
    root,
    leaf: (options = {}) => pki.make({ key: 'ec-p256', dns: [mx1], issuer: root, days: 3650, ...options }),
    chain: (leaf) => ({ source: 'handshake', version: 'TLSv1.3', certificates: [leaf, root].map((c) => c.der.toString('base64')) }),
    close: () => pki.close(),
  };
}

/** The SHA-256 of a certificate's SubjectPublicKeyInfo, hex: the data of a `x 1 1` TLSA record. */
export function spkiSha256(certificate: TestCertificate): string {
  return createHash('sha256')
    .update(new X509Certificate(certificate.der).publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex');
}
