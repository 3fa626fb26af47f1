import { defineCheck, evaluateCertPubkey, webTlsDeclaration } from '@pastoe/core/model';
import { judgePerWebAddress } from '../per-web-address.js';

/**
 * The website has certificate keys of a type and size the NCSC guidelines accept (Internet.nl `web_https_cert_pubkey`), judged on the first IPv6 and the first IPv4 address
 * as Internet.nl does; the worst address decides. No address or no TLS gives `not-tested`.
 */
export const webHttpsCertPubkey = defineCheck({
  id: 'web-https-cert-pubkey',
  standard: 'tls',
  internetnl: 'web_https_cert_pubkey',
  references: [
    { kind: 'ncsc', id: 'NCSC TLS 2025-05', section: '3.3.2.1' },
    { kind: 'forum-standaardisatie', id: 'TLS' },
  ],
  probes: { tls: webTlsDeclaration },
  evaluate: ({ tls }, context) => judgePerWebAddress('web-https-cert-pubkey', tls, evaluateCertPubkey, context),
});
