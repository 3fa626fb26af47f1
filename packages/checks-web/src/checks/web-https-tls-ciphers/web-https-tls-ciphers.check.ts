import { defineCheck, evaluateTlsCiphers, webTlsDeclaration } from '@pastoe/core/model';
import { judgePerWebAddress } from '../per-web-address.js';

/**
 * The website accepts no cipher suite the NCSC guidelines call insufficient (Internet.nl `web_https_tls_ciphers`), judged on the first IPv6 and the first IPv4 address
 * as Internet.nl does; the worst address decides. No address or no TLS gives `not-tested`.
 */
export const webHttpsTlsCiphers = defineCheck({
  id: 'web-https-tls-ciphers',
  standard: 'tls',
  internetnl: 'web_https_tls_ciphers',
  references: [
    { kind: 'ncsc', id: 'NCSC TLS 2025-05', section: '3.3.2' },
    { kind: 'forum-standaardisatie', id: 'TLS' },
  ],
  probes: { tls: webTlsDeclaration },
  evaluate: ({ tls }, context) => judgePerWebAddress('web-https-tls-ciphers', tls, evaluateTlsCiphers, context),
});
