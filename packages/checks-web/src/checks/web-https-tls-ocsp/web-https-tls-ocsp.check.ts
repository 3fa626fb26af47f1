import { defineCheck, evaluateTlsOcsp, webTlsDeclaration } from '@pastoe/core/model';
import { judgePerWebAddress } from '../per-web-address.js';

/**
 * The website staples a trusted OCSP response for its certificate (Internet.nl `web_https_tls_ocsp`), judged per address as Internet.nl does (the first IPv6 and the first IPv4 address, or
 * every address with the scan option `addresses: 'all'`); the worst address decides. No address
 * or no TLS gives `not-tested`.
 */
export const webHttpsTlsOcsp = defineCheck({
  id: 'web-https-tls-ocsp',
  standard: 'tls',
  internetnl: 'web_https_tls_ocsp',
  references: [
    { kind: 'ncsc', id: 'NCSC TLS 2025-05', section: '3.4.5' },
    { kind: 'forum-standaardisatie', id: 'TLS' },
  ],
  probes: { tls: webTlsDeclaration },
  evaluate: ({ tls }, context) => judgePerWebAddress('web-https-tls-ocsp', tls, evaluateTlsOcsp, context),
});
