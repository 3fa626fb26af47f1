import { defineCheck, evaluateTlsCompression } from '@pastoe/core/model';
import { mailTlsDeclaration } from '../../probes/mail-tls.declaration.js';
import { mxDeclaration } from '../../probes/mx.declaration.js';
import { judgePerMailServerTls } from '../per-mail-server-tls.js';

/**
 * No mail server supports TLS compression (Internet.nl `mail_starttls_tls_compress`), judged per MX host with core's evaluator; the worst host decides.
 * No MX or a Null MX, or no host whose TLS could be tested, gives `not-tested`.
 */
export const mailStarttlsTlsCompress = defineCheck({
  id: 'mail-starttls-tls-compress',
  standard: 'starttls',
  internetnl: 'mail_starttls_tls_compress',
  references: [
    { kind: 'ncsc', id: 'NCSC TLS 2025-05', section: '3.4.1' },
    { kind: 'forum-standaardisatie', id: 'STARTTLS en DANE' },
  ],
  probes: { mx: mxDeclaration, tls: mailTlsDeclaration },
  evaluate: ({ mx, tls }, context) => judgePerMailServerTls('mail-starttls-tls-compress', mx, tls, evaluateTlsCompression, context),
});
