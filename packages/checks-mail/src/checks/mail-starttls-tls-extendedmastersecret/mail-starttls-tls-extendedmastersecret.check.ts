import { defineCheck, evaluateTlsExtendedMasterSecret } from '@pastoe/core/model';
import { mailTlsDeclaration } from '../../probes/mail-tls.declaration.js';
import { mxDeclaration } from '../../probes/mx.declaration.js';
import { judgePerMailServerTls } from '../per-mail-server-tls.js';

/**
 * Every mail server that speaks TLS 1.2 uses the Extended Master Secret (RFC 7627); required once a server offers TLS 1.2 (Internet.nl `mail_starttls_tls_extendedmastersecret`), judged per MX host with core's evaluator; the worst host decides.
 * No MX or a Null MX, or no host whose TLS could be tested, gives `not-tested`.
 */
export const mailStarttlsTlsExtendedMasterSecret = defineCheck({
  id: 'mail-starttls-tls-extendedmastersecret',
  standard: 'starttls',
  internetnl: 'mail_starttls_tls_extendedmastersecret',
  references: [
    { kind: 'ncsc', id: 'NCSC TLS 2025-05', section: '4.1' },
    { kind: 'rfc', id: 'RFC 7627' },
    { kind: 'forum-standaardisatie', id: 'STARTTLS en DANE' },
  ],
  probes: { mx: mxDeclaration, tls: mailTlsDeclaration },
  evaluate: ({ mx, tls }, context) =>
    judgePerMailServerTls('mail-starttls-tls-extendedmastersecret', mx, tls, evaluateTlsExtendedMasterSecret, context, {
      raiseWhen: (result) => result.outcome !== 'na-no-tls-1-2' && result.outcome !== 'not-tested',
    }),
});
