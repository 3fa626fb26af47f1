import { defineCheck, evaluateTlsExtendedMasterSecret, webTlsDeclaration } from '@pastoe/core/model';
import { judgePerWebAddress } from '../per-web-address.js';

/**
 * The website uses the Extended Master Secret (RFC 7627) on TLS 1.2 (Internet.nl `web_https_tls_extendedmastersecret`; required once TLS 1.2 is seen, not applicable without it), judged per address as Internet.nl does (the first IPv6 and the first IPv4 address, or
 * every address with the scan option `addresses: 'all'`); the worst address decides. No address
 * or no TLS gives `not-tested`.
 */
export const webHttpsTlsExtendedMasterSecret = defineCheck({
  id: 'web-https-tls-extendedmastersecret',
  standard: 'tls',
  internetnl: 'web_https_tls_extendedmastersecret',
  references: [
    { kind: 'ncsc', id: 'NCSC TLS 2025-05', section: '4.1' },
    { kind: 'rfc', id: 'RFC 7627' },
    { kind: 'forum-standaardisatie', id: 'TLS' },
  ],
  probes: { tls: webTlsDeclaration },
  evaluate: ({ tls }, context) =>
    judgePerWebAddress('web-https-tls-extendedmastersecret', tls, evaluateTlsExtendedMasterSecret, context, {
      raiseWhen: (result) => result.outcome !== 'na-no-tls-1-2' && result.outcome !== 'not-tested',
    }),
});
