import { defineCheck, evaluateTlsCiphers } from '@pastoe/core/model';
import { mailTlsDeclaration } from '../../probes/mail-tls.declaration.js';
import { mxDeclaration } from '../../probes/mx.declaration.js';
import { judgePerMailServerTls } from '../per-mail-server-tls.js';

/**
 * Every mail server accepts only cipher suites the NCSC guidelines call good or sufficient (phase-out suites warn) (Internet.nl `mail_starttls_tls_ciphers`), judged per MX host with core's evaluator; the worst host decides.
 * No MX or a Null MX, or no host whose TLS could be tested, gives `not-tested`.
 */
export const mailStarttlsTlsCiphers = defineCheck({
  id: 'mail-starttls-tls-ciphers',
  standard: 'starttls',
  internetnl: 'mail_starttls_tls_ciphers',
  references: [
    { kind: 'ncsc', id: 'NCSC TLS 2025-05', section: '3.3.2' },
    { kind: 'forum-standaardisatie', id: 'STARTTLS en DANE' },
  ],
  probes: { mx: mxDeclaration, tls: mailTlsDeclaration },
  evaluate: ({ mx, tls }, context) => judgePerMailServerTls('mail-starttls-tls-ciphers', mx, tls, evaluateTlsCiphers, context),
});
