import { defineCheck, evaluateTlsCipherOrder } from '@pastoe/core/model';
import { mailTlsDeclaration } from '../../probes/mail-tls.declaration.js';
import { mxDeclaration } from '../../probes/mx.declaration.js';
import { judgePerMailServerTls } from '../per-mail-server-tls.js';

/**
 * Every mail server prefers good and sufficient suites over phase-out ones (`na` when it offers only good suites or only TLS 1.3) (Internet.nl `mail_starttls_tls_cipherorder`), judged per MX host with core's evaluator; the worst host decides.
 * No MX or a Null MX, or no host whose TLS could be tested, gives `not-tested`.
 */
export const mailStarttlsTlsCipherOrder = defineCheck({
  id: 'mail-starttls-tls-cipherorder',
  standard: 'starttls',
  internetnl: 'mail_starttls_tls_cipherorder',
  references: [
    { kind: 'ncsc', id: 'NCSC TLS 2025-05', section: '3.3.2' },
    { kind: 'forum-standaardisatie', id: 'STARTTLS en DANE' },
  ],
  probes: { mx: mxDeclaration, tls: mailTlsDeclaration },
  evaluate: ({ mx, tls }, context) => judgePerMailServerTls('mail-starttls-tls-cipherorder', mx, tls, evaluateTlsCipherOrder, context),
});
