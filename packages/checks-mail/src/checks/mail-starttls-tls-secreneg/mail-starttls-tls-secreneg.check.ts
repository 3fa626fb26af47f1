import { defineCheck, evaluateTlsSecureRenegotiation } from '@pastoe/core/model';
import { mailTlsDeclaration } from '../../probes/mail-tls.declaration.js';
import { mxDeclaration } from '../../probes/mx.declaration.js';
import { judgePerMailServerTls } from '../per-mail-server-tls.js';

/**
 * Every mail server supports secure renegotiation (RFC 5746) (Internet.nl `mail_starttls_tls_secreneg`), judged per MX host with core's evaluator; the worst host decides.
 * No MX or a Null MX, or no host whose TLS could be tested, gives `not-tested`.
 */
export const mailStarttlsTlsSecreneg = defineCheck({
  id: 'mail-starttls-tls-secreneg',
  standard: 'starttls',
  internetnl: 'mail_starttls_tls_secreneg',
  references: [
    { kind: 'ncsc', id: 'NCSC TLS 2025-05', section: '3.4.2' },
    { kind: 'rfc', id: 'RFC 5746' },
    { kind: 'forum-standaardisatie', id: 'STARTTLS en DANE' },
  ],
  probes: { mx: mxDeclaration, tls: mailTlsDeclaration },
  evaluate: ({ mx, tls }, context) => judgePerMailServerTls('mail-starttls-tls-secreneg', mx, tls, evaluateTlsSecureRenegotiation, context),
});
