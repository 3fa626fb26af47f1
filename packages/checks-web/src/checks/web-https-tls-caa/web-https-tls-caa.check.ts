import { caaDeclaration, defineCheck, evaluateCaa, judgeCaa, selectCaaRRset, webTlsDeclaration } from '@pastoe/core/model';
import { judgedAddresses } from '../per-web-address.js';

/**
 * The domain has valid CAA records with an `issue` property, found by climbing the DNS tree
 * (Internet.nl `web_https_tls_caa`, recommended; RFC 8659): none is `bad`, a record error is
 * `syntax-error`, only the `issue` property missing is `insufficient`. As in Internet.nl the
 * verdict is given only when a judged address sent a certificate chain; otherwise `not-tested`.
 */
export const webHttpsTlsCaa = defineCheck({
  id: 'web-https-tls-caa',
  standard: 'caa',
  internetnl: 'web_https_tls_caa',
  references: [
    { kind: 'rfc', id: 'RFC 8659' },
    { kind: 'ncsc', id: 'NCSC TLS 2025-05' },
  ],
  probes: { caa: caaDeclaration, tls: webTlsDeclaration },
  evaluate: ({ caa, tls }, context) => {
    const chained = judgedAddresses(tls, context.addresses).some(({ data }) =>
      data.certificateChains.some((chain) => chain.certificates.length > 0),
    );
    if (!chained) {
      return { status: 'not-tested', outcome: 'not-tested', findings: [{ id: 'web-https-tls-caa.no-certificate' }], facts: {} };
    }
    const judgement = judgeCaa('web-https-tls-caa', evaluateCaa(selectCaaRRset(caa.data.domain, caa.data.lookups)));
    return { status: judgement.status, outcome: judgement.outcome, findings: judgement.findings, facts: judgement.facts };
  },
});
