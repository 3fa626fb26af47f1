import { defineCheck, evaluateCertHostmatch, evaluateEndpointDane } from '@pastoe/core/model';
import { mailTlsDeclaration } from '../../probes/mail-tls.declaration.js';
import { mailTlsaDeclaration } from '../../probes/mail-tlsa.declaration.js';
import { mxDeclaration } from '../../probes/mx.declaration.js';
import { tlsaOf } from '../dane-per-mail-server.js';
import { judgePerMailServerTls } from '../per-mail-server-tls.js';

/**
 * Every mail server's certificate names the MX host (Internet.nl `mail_starttls_cert_domain`,
 * optional: a mismatch is info), except that a mismatch on a host with a DNSSEC-secure DANE-TA
 * (usage 2) TLSA record is a forced fail, as Internet.nl's `result_has_daneTA` makes it. The
 * worst host decides.
 */
export const mailStarttlsCertDomain = defineCheck({
  id: 'mail-starttls-cert-domain',
  standard: 'starttls',
  internetnl: 'mail_starttls_cert_domain',
  references: [
    { kind: 'rfc', id: 'RFC 6125' },
    { kind: 'rfc', id: 'RFC 7672' },
    { kind: 'forum-standaardisatie', id: 'STARTTLS en DANE' },
  ],
  probes: { mx: mxDeclaration, tls: mailTlsDeclaration, tlsa: mailTlsaDeclaration },
  evaluate: ({ mx, tls, tlsa }, context) =>
    judgePerMailServerTls(
      'mail-starttls-cert-domain',
      mx,
      tls,
      {
        forHost: (host) => (evidence, evaluation) => {
          const lookup = tlsaOf(host, tlsa);
          const dane = lookup === undefined ? undefined : evaluateEndpointDane(evidence, lookup, 'mail', evaluation.now);
          return evaluateCertHostmatch(evidence, { ...evaluation, hasDaneTa: dane?.hasDaneTa === true });
        },
      },
      context,
      { raiseWhen: false },
    ),
});
