import { defineCheck, evaluateCertTrust } from '@pastoe/core/model';
import { mailTlsDeclaration } from '../../probes/mail-tls.declaration.js';
import { mxDeclaration } from '../../probes/mx.declaration.js';
import { judgePerMailServerTls } from '../per-mail-server-tls.js';

/**
 * Every mail server's certificate chain verifies against the trust store; optional for mail (senders rely on DANE, not PKIX), so a failure is info (Internet.nl `mail_starttls_cert_chain`), judged per MX host with core's evaluator; the worst host decides.
 * No MX or a Null MX, or no host whose TLS could be tested, gives `not-tested`.
 */
export const mailStarttlsCertChain = defineCheck({
  id: 'mail-starttls-cert-chain',
  standard: 'starttls',
  internetnl: 'mail_starttls_cert_chain',
  references: [
    { kind: 'ncsc', id: 'NCSC TLS 2025-05' },
    { kind: 'forum-standaardisatie', id: 'STARTTLS en DANE' },
  ],
  probes: { mx: mxDeclaration, tls: mailTlsDeclaration },
  evaluate: ({ mx, tls }, context) =>
    judgePerMailServerTls('mail-starttls-cert-chain', mx, tls, evaluateCertTrust, context, { raiseWhen: false }),
});
