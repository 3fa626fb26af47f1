import { defineCheck, evaluateTlsCipherOrder, webTlsDeclaration } from '@pastoe/core/model';
import { judgePerWebAddress } from '../per-web-address.js';

/**
 * The website prefers its good and sufficient cipher suites over phase-out ones (Internet.nl `web_https_tls_cipherorder`), judged per address as Internet.nl does (the first IPv6 and the first IPv4 address, or
 * every address with the scan option `addresses: 'all'`); the worst address decides. No address
 * or no TLS gives `not-tested`.
 */
export const webHttpsTlsCipherOrder = defineCheck({
  id: 'web-https-tls-cipherorder',
  standard: 'tls',
  internetnl: 'web_https_tls_cipherorder',
  references: [
    { kind: 'ncsc', id: 'NCSC TLS 2025-05', section: '3.3.2' },
    { kind: 'forum-standaardisatie', id: 'TLS' },
  ],
  probes: { tls: webTlsDeclaration },
  evaluate: ({ tls }, context) => judgePerWebAddress('web-https-tls-cipherorder', tls, evaluateTlsCipherOrder, context),
});
