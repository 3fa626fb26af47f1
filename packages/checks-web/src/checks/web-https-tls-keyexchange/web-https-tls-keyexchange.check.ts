import { defineCheck, evaluateTlsKeyExchange, webTlsDeclaration } from '@pastoe/core/model';
import { judgePerWebAddress } from '../per-web-address.js';

/**
 * The website uses only ECDHE curves and DHE groups the NCSC guidelines accept (Internet.nl `web_https_tls_keyexchange`), judged on the first IPv6 and the first IPv4 address
 * as Internet.nl does; the worst address decides. No address or no TLS gives `not-tested`.
 */
export const webHttpsTlsKeyExchange = defineCheck({
  id: 'web-https-tls-keyexchange',
  standard: 'tls',
  internetnl: 'web_https_tls_keyexchange',
  references: [
    { kind: 'ncsc', id: 'NCSC TLS 2025-05', section: '3.3.3.1' },
    { kind: 'forum-standaardisatie', id: 'TLS' },
  ],
  probes: { tls: webTlsDeclaration },
  evaluate: ({ tls }, context) => judgePerWebAddress('web-https-tls-keyexchange', tls, evaluateTlsKeyExchange, context),
});
