import { defineCheck, evaluateCertSignature, webTlsDeclaration } from '@pastoe/core/model';
import { judgePerWebAddress } from '../per-web-address.js';

/**
 * The certificates the website sends (roots excluded) are signed with SHA-256 or better (Internet.nl `web_https_cert_sig`), judged per address as Internet.nl does (the first IPv6 and the first IPv4 address, or
 * every address with the scan option `addresses: 'all'`); the worst address decides. No address
 * or no TLS gives `not-tested`.
 */
export const webHttpsCertSignature = defineCheck({
  id: 'web-https-cert-sig',
  standard: 'tls',
  internetnl: 'web_https_cert_sig',
  references: [
    { kind: 'ncsc', id: 'NCSC TLS 2025-05' },
    { kind: 'forum-standaardisatie', id: 'TLS' },
  ],
  probes: { tls: webTlsDeclaration },
  evaluate: ({ tls }, context) => judgePerWebAddress('web-https-cert-sig', tls, evaluateCertSignature, context),
});
