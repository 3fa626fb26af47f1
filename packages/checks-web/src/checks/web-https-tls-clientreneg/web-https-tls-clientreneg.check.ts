import { defineCheck, evaluateTlsClientRenegotiation, webTlsDeclaration } from '@pastoe/core/model';
import { judgePerWebAddress } from '../per-web-address.js';

/**
 * The website refuses client-initiated renegotiation, or allows it only a few times (Internet.nl `web_https_tls_clientreneg`), judged per address as Internet.nl does (the first IPv6 and the first IPv4 address, or
 * every address with the scan option `addresses: 'all'`); the worst address decides. No address
 * or no TLS gives `not-tested`.
 */
export const webHttpsTlsClientRenegotiation = defineCheck({
  id: 'web-https-tls-clientreneg',
  standard: 'tls',
  internetnl: 'web_https_tls_clientreneg',
  references: [
    { kind: 'ncsc', id: 'NCSC TLS 2025-05', section: '3.4.2' },
    { kind: 'forum-standaardisatie', id: 'TLS' },
  ],
  probes: { tls: webTlsDeclaration },
  evaluate: ({ tls }, context) => judgePerWebAddress('web-https-tls-clientreneg', tls, evaluateTlsClientRenegotiation, context),
});
