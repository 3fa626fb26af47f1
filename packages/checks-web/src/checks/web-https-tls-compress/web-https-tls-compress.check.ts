import { defineCheck, evaluateTlsCompression, webTlsDeclaration } from '@pastoe/core/model';
import { judgePerWebAddress } from '../per-web-address.js';

/**
 * The website refuses TLS-level compression (CRIME) (Internet.nl `web_https_tls_compress`), judged per address as Internet.nl does (the first IPv6 and the first IPv4 address, or
 * every address with the scan option `addresses: 'all'`); the worst address decides. No address
 * or no TLS gives `not-tested`.
 */
export const webHttpsTlsCompress = defineCheck({
  id: 'web-https-tls-compress',
  standard: 'tls',
  internetnl: 'web_https_tls_compress',
  references: [
    { kind: 'ncsc', id: 'NCSC TLS 2025-05', section: '3.4.1' },
    { kind: 'forum-standaardisatie', id: 'TLS' },
  ],
  probes: { tls: webTlsDeclaration },
  evaluate: ({ tls }, context) => judgePerWebAddress('web-https-tls-compress', tls, evaluateTlsCompression, context),
});
