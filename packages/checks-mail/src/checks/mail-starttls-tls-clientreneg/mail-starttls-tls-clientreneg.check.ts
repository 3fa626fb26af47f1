import { defineCheck, evaluateTlsClientRenegotiation } from '@pastoe/core/model';
import { mailTlsDeclaration } from '../../probes/mail-tls.declaration.js';
import { mxDeclaration } from '../../probes/mx.declaration.js';
import { judgePerMailServerTls } from '../per-mail-server-tls.js';

/**
 * No mail server accepts client-initiated renegotiation (11 attempts on one connection; optional, so shown as info) (Internet.nl `mail_starttls_tls_clientreneg`), judged per MX host with core's evaluator; the worst host decides.
 * No MX or a Null MX, or no host whose TLS could be tested, gives `not-tested`.
 */
export const mailStarttlsTlsClientreneg = defineCheck({
  id: 'mail-starttls-tls-clientreneg',
  standard: 'starttls',
  internetnl: 'mail_starttls_tls_clientreneg',
  references: [
    { kind: 'ncsc', id: 'NCSC TLS 2025-05', section: '3.4.2' },
    { kind: 'forum-standaardisatie', id: 'STARTTLS en DANE' },
  ],
  probes: { mx: mxDeclaration, tls: mailTlsDeclaration },
  evaluate: ({ mx, tls }, context) =>
    judgePerMailServerTls('mail-starttls-tls-clientreneg', mx, tls, evaluateTlsClientRenegotiation, context, { raiseWhen: false }),
});
