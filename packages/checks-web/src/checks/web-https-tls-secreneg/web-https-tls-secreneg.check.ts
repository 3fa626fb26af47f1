import { defineCheck, evaluateTlsSecureRenegotiation, webTlsDeclaration } from '@pastoe/core/model';
import { judgePerWebAddress } from '../per-web-address.js';

/**
 * The website supports secure renegotiation (RFC 5746) on TLS 1.2 and below (Internet.nl `web_https_tls_secreneg`), judged per address as Internet.nl does (the first IPv6 and the first IPv4 address, or
 * every address with the scan option `addresses: 'all'`); the worst address decides. No address
 * or no TLS gives `not-tested`.
 */
export const webHttpsTlsSecureRenegotiation = defineCheck({
  id: 'web-https-tls-secreneg',
  standard: 'tls',
  internetnl: 'web_https_tls_secreneg',
  references: [
    { kind: 'ncsc', id: 'NCSC TLS 2025-05', section: '3.4.2' },
    { kind: 'rfc', id: 'RFC 5746' },
    { kind: 'forum-standaardisatie', id: 'TLS' },
  ],
  probes: { tls: webTlsDeclaration },
  evaluate: ({ tls }, context) => judgePerWebAddress('web-https-tls-secreneg', tls, evaluateTlsSecureRenegotiation, context),
});
