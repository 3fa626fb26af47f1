import { defineCheck, evaluateTlsKexHash } from '@pastoe/core/model';
import { mailTlsDeclaration } from '../../probes/mail-tls.declaration.js';
import { mxDeclaration } from '../../probes/mx.declaration.js';
import { judgePerMailServerTls } from '../per-mail-server-tls.js';

/**
 * Every mail server signs its TLS 1.2 key exchange with SHA-256 or better, even when a client offers only SHA-1 or SHA-224 (Internet.nl `mail_starttls_tls_keyexchangehash`), judged per MX host with core's evaluator; the worst host decides.
 * No MX or a Null MX, or no host whose TLS could be tested, gives `not-tested`.
 */
export const mailStarttlsTlsKeyExchangeHash = defineCheck({
  id: 'mail-starttls-tls-keyexchangehash',
  standard: 'starttls',
  internetnl: 'mail_starttls_tls_keyexchangehash',
  references: [
    { kind: 'ncsc', id: 'NCSC TLS 2025-05', section: '3.3.5' },
    { kind: 'forum-standaardisatie', id: 'STARTTLS en DANE' },
  ],
  probes: { mx: mxDeclaration, tls: mailTlsDeclaration },
  evaluate: ({ mx, tls }, context) => judgePerMailServerTls('mail-starttls-tls-keyexchangehash', mx, tls, evaluateTlsKexHash, context),
});
