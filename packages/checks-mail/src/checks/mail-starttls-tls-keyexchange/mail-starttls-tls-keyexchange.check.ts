import { defineCheck, evaluateTlsKeyExchange } from '@pastoe/core/model';
import { mailTlsDeclaration } from '../../probes/mail-tls.declaration.js';
import { mxDeclaration } from '../../probes/mx.declaration.js';
import { judgePerMailServerTls } from '../per-mail-server-tls.js';

/**
 * Every mail server uses key-exchange parameters (ECDHE curves, FFDHE groups) the NCSC guidelines accept (Internet.nl `mail_starttls_tls_keyexchange`), judged per MX host with core's evaluator; the worst host decides.
 * No MX or a Null MX, or no host whose TLS could be tested, gives `not-tested`.
 */
export const mailStarttlsTlsKeyExchange = defineCheck({
  id: 'mail-starttls-tls-keyexchange',
  standard: 'starttls',
  internetnl: 'mail_starttls_tls_keyexchange',
  references: [
    { kind: 'ncsc', id: 'NCSC TLS 2025-05', section: '3.3.3.1' },
    { kind: 'forum-standaardisatie', id: 'STARTTLS en DANE' },
  ],
  probes: { mx: mxDeclaration, tls: mailTlsDeclaration },
  evaluate: ({ mx, tls }, context) => judgePerMailServerTls('mail-starttls-tls-keyexchange', mx, tls, evaluateTlsKeyExchange, context),
});
