import { defineCheck, evaluateCaa, judgeCaa, selectCaaRRset } from '@pastoe/core/model';
import { mailCaaDeclaration } from '../../probes/mail-caa.declaration.js';
import { mailTlsDeclaration } from '../../probes/mail-tls.declaration.js';
import { mxDeclaration } from '../../probes/mx.declaration.js';
import { judgePerMailServerTls } from '../per-mail-server-tls.js';

/**
 * Every mail server's name has valid CAA records with an `issue` property, found by climbing the
 * DNS tree from the MX host name (Internet.nl `mail_starttls_tls_caa`, recommended; RFC 8659): none
 * is `bad`, a record error `syntax-error`, only `issue` missing `insufficient`. As for the website
 * the verdict is given per host only when an address sent a certificate chain; the worst host decides.
 */
export const mailStarttlsTlsCaa = defineCheck({
  id: 'mail-starttls-tls-caa',
  standard: 'caa',
  internetnl: 'mail_starttls_tls_caa',
  references: [
    { kind: 'rfc', id: 'RFC 8659' },
    { kind: 'ncsc', id: 'NCSC TLS 2025-05' },
  ],
  probes: { mx: mxDeclaration, tls: mailTlsDeclaration, caa: mailCaaDeclaration },
  evaluate: ({ mx, tls, caa }, context) =>
    judgePerMailServerTls(
      'mail-starttls-tls-caa',
      mx,
      tls,
      {
        forHost: (host) => (evidence, evaluation) => {
          const lookup = caa.find((entry) => entry.subject.name === host)?.data;
          const chained = evidence.certificateChains.some((chain) => chain.certificates.length > 0);
          if (lookup === undefined || !chained) {
            const reason = lookup === undefined ? 'no-caa-lookup' : 'no-certificate';
            return {
              status: 'not-tested',
              outcome: 'not-tested',
              findings: [{ id: `${evaluation.checkId}.${reason}`, params: { host } }],
              facts: {},
            };
          }
          const judgement = judgeCaa(evaluation.checkId, evaluateCaa(selectCaaRRset(lookup.domain, lookup.lookups)));
          return { status: judgement.status, outcome: judgement.outcome, findings: judgement.findings, facts: judgement.facts };
        },
      },
      context,
      { raiseWhen: false },
    ),
});
