import { defineCheck, evaluateTlsVersion, webTlsDeclaration } from '@pastoe/core/model';
import { judgePerWebAddress } from '../per-web-address.js';

/**
 * The website offers only TLS versions the NCSC guidelines call good or sufficient (TLS 1.3, 1.2) (Internet.nl `web_https_tls_version`), judged on the first IPv6 and the first IPv4 address
 * as Internet.nl does; the worst address decides. No address or no TLS gives `not-tested`.
 */
export const webHttpsTlsVersion = defineCheck({
  id: 'web-https-tls-version',
  standard: 'tls',
  internetnl: 'web_https_tls_version',
  references: [
    { kind: 'ncsc', id: 'NCSC TLS 2025-05', section: '3.3.1' },
    { kind: 'forum-standaardisatie', id: 'TLS' },
  ],
  probes: { tls: webTlsDeclaration },
  evaluate: ({ tls }, context) => judgePerWebAddress('web-https-tls-version', tls, evaluateTlsVersion, context),
});
