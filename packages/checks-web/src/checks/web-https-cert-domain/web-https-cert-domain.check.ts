import { defineCheck, evaluateCertHostmatch, webTlsDeclaration } from '@pastoe/core/model';
import { judgePerWebAddress } from '../per-web-address.js';

/**
 * The website's certificate names the domain (Internet.nl `web_https_cert_domain`), judged per address as Internet.nl does (the first IPv6 and the first IPv4 address, or
 * every address with the scan option `addresses: 'all'`); the worst address decides. No address
 * or no TLS gives `not-tested`.
 */
export const webHttpsCertDomain = defineCheck({
  id: 'web-https-cert-domain',
  standard: 'tls',
  internetnl: 'web_https_cert_domain',
  references: [
    { kind: 'ncsc', id: 'NCSC TLS 2025-05' },
    { kind: 'rfc', id: 'RFC 6125' },
    { kind: 'forum-standaardisatie', id: 'TLS' },
  ],
  probes: { tls: webTlsDeclaration },
  evaluate: ({ tls }, context) => judgePerWebAddress('web-https-cert-domain', tls, evaluateCertHostmatch, context),
});
