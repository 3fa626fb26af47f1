import { defineCheck, evaluateTlsZeroRtt, webTlsDeclaration } from '@pastoe/core/model';
import { judgePerWebAddress } from '../per-web-address.js';

/**
 * The website does not accept TLS 1.3 early data (0-RTT), or answers it with 425 (Internet.nl `web_https_tls_0rtt`), judged per address as Internet.nl does (the first IPv6 and the first IPv4 address, or
 * every address with the scan option `addresses: 'all'`); the worst address decides. No address
 * or no TLS gives `not-tested`.
 */
export const webHttpsTlsZeroRtt = defineCheck({
  id: 'web-https-tls-0rtt',
  standard: 'tls',
  internetnl: 'web_https_tls_0rtt',
  references: [
    { kind: 'ncsc', id: 'NCSC TLS 2025-05', section: '3.4.4' },
    { kind: 'rfc', id: 'RFC 8470' },
    { kind: 'forum-standaardisatie', id: 'TLS' },
  ],
  probes: { tls: webTlsDeclaration },
  evaluate: ({ tls }, context) => judgePerWebAddress('web-https-tls-0rtt', tls, evaluateTlsZeroRtt, context),
});
