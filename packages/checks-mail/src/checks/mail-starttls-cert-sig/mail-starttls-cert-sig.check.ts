import { defineCheck, evaluateCertSignature } from '@pastoe/core/model';
import { mailTlsDeclaration } from '../../probes/mail-tls.declaration.js';
import { mxDeclaration } from '../../probes/mx.declaration.js';
import { judgePerMailServerTls } from '../per-mail-server-tls.js';

/**
 * Every mail server's certificates (roots excluded) are signed with a sufficient hash (SHA-256 or better) (Internet.nl `mail_starttls_cert_sig`), judged per MX host with core's evaluator; the worst host decides.
 * No MX or a Null MX, or no host whose TLS could be tested, gives `not-tested`.
 */
export const mailStarttlsCertSig = defineCheck({
  id: 'mail-starttls-cert-sig',
  standard: 'starttls',
  internetnl: 'mail_starttls_cert_sig',
  references: [
    { kind: 'ncsc', id: 'NCSC TLS 2025-05' },
    { kind: 'forum-standaardisatie', id: 'STARTTLS en DANE' },
  ],
  probes: { mx: mxDeclaration, tls: mailTlsDeclaration },
  evaluate: ({ mx, tls }, context) => judgePerMailServerTls('mail-starttls-cert-sig', mx, tls, evaluateCertSignature, context),
});
