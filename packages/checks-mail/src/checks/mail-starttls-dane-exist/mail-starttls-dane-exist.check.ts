import { defineCheck, judgeDaneExists } from '@pastoe/core/model';
import { mailTlsDeclaration } from '../../probes/mail-tls.declaration.js';
import { mailTlsaDeclaration } from '../../probes/mail-tlsa.declaration.js';
import { mxDeclaration } from '../../probes/mx.declaration.js';
import { daneEvaluatorFor } from '../dane-per-mail-server.js';
import { judgePerMailServerTls } from '../per-mail-server-tls.js';

/**
 * Every mail server publishes DNSSEC-secure TLSA records at `_25._tcp.<mx>` (Internet.nl
 * `mail_starttls_dane_exist`, required once tested): present and secure is `good`; none, only
 * PKIX-TA/EE records, or an unsigned MX zone is `bad`; a bogus answer or a bogus denial is `bogus`.
 * Judged per MX host that answered TLS; the worst host decides.
 */
export const mailStarttlsDaneExist = defineCheck({
  id: 'mail-starttls-dane-exist',
  standard: 'dane',
  internetnl: 'mail_starttls_dane_exist',
  references: [
    { kind: 'rfc', id: 'RFC 7672' },
    { kind: 'rfc', id: 'RFC 6698' },
    { kind: 'forum-standaardisatie', id: 'STARTTLS en DANE' },
  ],
  probes: { mx: mxDeclaration, tls: mailTlsDeclaration, tlsa: mailTlsaDeclaration },
  evaluate: ({ mx, tls, tlsa }, context) =>
    judgePerMailServerTls('mail-starttls-dane-exist', mx, tls, daneEvaluatorFor(tlsa, judgeDaneExists), context),
});
