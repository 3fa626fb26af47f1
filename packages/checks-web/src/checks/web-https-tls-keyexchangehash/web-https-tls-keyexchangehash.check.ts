import { defineCheck, evaluateTlsKexHash, webTlsDeclaration } from '@pastoe/core/model';
import { judgePerWebAddress } from '../per-web-address.js';

/**
 * The website signs its TLS 1.2 key exchange with SHA-256 or better, even when a client offers only SHA-1 or SHA-224 (Internet.nl `web_https_tls_keyexchangehash`; required once tested, as Internet.nl raises it), judged per address as Internet.nl does (the first IPv6 and the first IPv4 address, or
 * every address with the scan option `addresses: 'all'`); the worst address decides. No address
 * or no TLS gives `not-tested`.
 */
export const webHttpsTlsKeyExchangeHash = defineCheck({
  id: 'web-https-tls-keyexchangehash',
  standard: 'tls',
  internetnl: 'web_https_tls_keyexchangehash',
  references: [
    { kind: 'ncsc', id: 'NCSC TLS 2025-05', section: '3.3.5' },
    { kind: 'forum-standaardisatie', id: 'TLS' },
  ],
  probes: { tls: webTlsDeclaration },
  evaluate: ({ tls }, context) =>
    judgePerWebAddress('web-https-tls-keyexchangehash', tls, evaluateTlsKexHash, context, {
      raiseWhen: (result) => result.status !== 'not-tested',
    }),
});
