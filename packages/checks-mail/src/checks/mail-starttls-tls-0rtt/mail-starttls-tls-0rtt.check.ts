import { defineCheck, evaluateTlsZeroRtt } from '@pastoe/core/model';
import { mailTlsDeclaration } from '../../probes/mail-tls.declaration.js';
import { mxDeclaration } from '../../probes/mx.declaration.js';
import { judgePerMailServerTls } from '../per-mail-server-tls.js';

/**
 * 0-RTT for mail: always `na` (pass), as Internet.nl disabled its early-data probe for SMTP (#2055); pastoe still reports early data it saw accepted (Internet.nl `mail_starttls_tls_0rtt`), judged per MX host with core's evaluator; the worst host decides.
 * No MX or a Null MX, or no host whose TLS could be tested, gives `not-tested`.
 */
export const mailStarttlsTlsZeroRtt = defineCheck({
  id: 'mail-starttls-tls-0rtt',
  standard: 'starttls',
  internetnl: 'mail_starttls_tls_0rtt',
  references: [
    { kind: 'ncsc', id: 'NCSC TLS 2025-05', section: '3.4.4' },
    { kind: 'forum-standaardisatie', id: 'STARTTLS en DANE' },
  ],
  probes: { mx: mxDeclaration, tls: mailTlsDeclaration },
  evaluate: ({ mx, tls }, context) => judgePerMailServerTls('mail-starttls-tls-0rtt', mx, tls, evaluateTlsZeroRtt, context),
});
