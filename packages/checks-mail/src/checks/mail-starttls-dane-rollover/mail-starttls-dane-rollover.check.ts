import { defineCheck, judgeDaneRollover } from '@pastoe/core/model';
import { mailTlsDeclaration } from '../../probes/mail-tls.declaration.js';
import { mailTlsaDeclaration } from '../../probes/mail-tlsa.declaration.js';
import { mxDeclaration } from '../../probes/mx.declaration.js';
import { daneEvaluatorFor } from '../dane-per-mail-server.js';
import { judgePerMailServerTls } from '../per-mail-server-tls.js';

/**
 * Every mail server's TLSA set allows a key rollover (Internet.nl `mail_starttls_dane_rollover`,
 * optional): at least two DANE-EE (`3 x x`) records, or DANE-EE beside DANE-TA (`2 x x`); several
 * DANE-TA alone do not count (#1206), nor do PKIX usages. Not tested when DANE does not exist.
 */
export const mailStarttlsDaneRollover = defineCheck({
  id: 'mail-starttls-dane-rollover',
  standard: 'dane',
  internetnl: 'mail_starttls_dane_rollover',
  references: [
    { kind: 'rfc', id: 'RFC 7672' },
    { kind: 'rfc', id: 'RFC 6698' },
    { kind: 'forum-standaardisatie', id: 'STARTTLS en DANE' },
  ],
  probes: { mx: mxDeclaration, tls: mailTlsDeclaration, tlsa: mailTlsaDeclaration },
  evaluate: ({ mx, tls, tlsa }, context) =>
    judgePerMailServerTls('mail-starttls-dane-rollover', mx, tls, daneEvaluatorFor(tlsa, judgeDaneRollover), context, { raiseWhen: false }),
});
