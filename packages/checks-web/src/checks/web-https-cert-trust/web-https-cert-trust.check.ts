import { defineCheck, evaluateCertTrust, webTlsDeclaration } from '@pastoe/core/model';
import { judgePerWebAddress } from '../per-web-address.js';

/**
 * The website sends a certificate chain that verifies against the trust store (Internet.nl `web_https_cert_chain`), judged on the first IPv6 and the first IPv4 address
 * as Internet.nl does; the worst address decides. No address or no TLS gives `not-tested`.
 */
export const webHttpsCertTrust = defineCheck({
  id: 'web-https-cert-trust',
  standard: 'tls',
  internetnl: 'web_https_cert_chain',
  references: [
    { kind: 'ncsc', id: 'NCSC TLS 2025-05' },
    { kind: 'rfc', id: 'RFC 5280', section: '6' },
    { kind: 'forum-standaardisatie', id: 'TLS' },
  ],
  probes: { tls: webTlsDeclaration },
  evaluate: ({ tls }, context) => judgePerWebAddress('web-https-cert-trust', tls, evaluateCertTrust, context),
});
