import { defineCheck, judgeDaneValid } from '@pastoe/core/model';
import { mailTlsDeclaration } from '../../probes/mail-tls.declaration.js';
import { mailTlsaDeclaration } from '../../probes/mail-tlsa.declaration.js';
import { mxDeclaration } from '../../probes/mx.declaration.js';
import { daneEvaluatorFor } from '../dane-per-mail-server.js';
import { judgePerMailServerTls } from '../per-mail-server-tls.js';

/**
 * The chain each mail server sends validates against its TLSA records (Internet.nl
 * `mail_starttls_dane_valid`; as `ldns-dane -n verify`: DANE-EE matches the leaf and ignores names
 * and expiry, DANE-TA needs the anchor in the chain sent; PKIX-TA/EE records are ignored for mail).
 * Required once TLSA records exist; not tested when DANE does not exist. The worst host decides.
 */
export const mailStarttlsDaneValid = defineCheck({
  id: 'mail-starttls-dane-valid',
  standard: 'dane',
  internetnl: 'mail_starttls_dane_valid',
  references: [
    { kind: 'rfc', id: 'RFC 7672' },
    { kind: 'rfc', id: 'RFC 6698' },
    { kind: 'forum-standaardisatie', id: 'STARTTLS en DANE' },
  ],
  probes: { mx: mxDeclaration, tls: mailTlsDeclaration, tlsa: mailTlsaDeclaration },
  evaluate: ({ mx, tls, tlsa }, context) =>
    judgePerMailServerTls('mail-starttls-dane-valid', mx, tls, daneEvaluatorFor(tlsa, judgeDaneValid), context, {
      raiseWhen: (result) => result.outcome !== 'not-tested',
    }),
});
