import { defineCheck, evaluateCertPubkey } from '@pastoe/core/model';
import { mailTlsDeclaration } from '../../probes/mail-tls.declaration.js';
import { mxDeclaration } from '../../probes/mx.declaration.js';
import { judgePerMailServerTls } from '../per-mail-server-tls.js';

/**
 * Every mail server's certificates (roots excluded) have keys the NCSC guidelines accept (RSA ≥ 3072 good, 2048 phase-out; P-256/384/521) (Internet.nl `mail_starttls_cert_pubkey`), judged per MX host with core's evaluator; the worst host decides.
 * No MX or a Null MX, or no host whose TLS could be tested, gives `not-tested`.
 */
export const mailStarttlsCertPubkey = defineCheck({
  id: 'mail-starttls-cert-pubkey',
  standard: 'starttls',
  internetnl: 'mail_starttls_cert_pubkey',
  references: [
    { kind: 'ncsc', id: 'NCSC TLS 2025-05', section: '3.3.2.1' },
    { kind: 'forum-standaardisatie', id: 'STARTTLS en DANE' },
  ],
  probes: { mx: mxDeclaration, tls: mailTlsDeclaration },
  evaluate: ({ mx, tls }, context) => judgePerMailServerTls('mail-starttls-cert-pubkey', mx, tls, evaluateCertPubkey, context),
});
