import { defineCheck, evaluateTlsVersion } from '@pastoe/core/model';
import { mailTlsDeclaration } from '../../probes/mail-tls.declaration.js';
import { mxDeclaration } from '../../probes/mx.declaration.js';
import { judgePerMailServerTls } from '../per-mail-server-tls.js';

/**
 * Every mail server offers only TLS versions the NCSC guidelines call good or sufficient (TLS 1.3, 1.2) through STARTTLS (Internet.nl `mail_starttls_tls_version`), judged per MX host with core's evaluator; the worst host decides.
 * No MX or a Null MX, or no host whose TLS could be tested, gives `not-tested`.
 */
export const mailStarttlsTlsVersion = defineCheck({
  id: 'mail-starttls-tls-version',
  standard: 'starttls',
  internetnl: 'mail_starttls_tls_version',
  references: [
    { kind: 'ncsc', id: 'NCSC TLS 2025-05', section: '3.3.1' },
    { kind: 'forum-standaardisatie', id: 'STARTTLS en DANE' },
  ],
  probes: { mx: mxDeclaration, tls: mailTlsDeclaration },
  evaluate: ({ mx, tls }, context) => judgePerMailServerTls('mail-starttls-tls-version', mx, tls, evaluateTlsVersion, context),
});
