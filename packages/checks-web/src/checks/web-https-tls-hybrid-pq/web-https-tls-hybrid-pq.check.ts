import { defineCheck, evaluateTlsHybridPq, webTlsDeclaration } from '@pastoe/core/model';
import { judgePerWebAddress } from '../per-web-address.js';

/**
 * The website chooses hybrid post-quantum key agreement (X25519MLKEM768 and its kin) at TLS 1.3
 * when a client offers it (pastoe only, optional, outside the Internet.nl score; Internet.nl
 * #1709). Passes when the server picks a hybrid group, informs otherwise; judged per address.
 */
export const webHttpsTlsHybridPq = defineCheck({
  id: 'web-https-tls-hybrid-pq',
  standard: 'tls',
  level: 'optional',
  references: [
    { kind: 'other', id: 'draft-ietf-tls-ecdhe-mlkem' },
    { kind: 'ncsc', id: 'NCSC TLS 2025-05' },
  ],
  probes: { tls: webTlsDeclaration },
  evaluate: ({ tls }, context) => judgePerWebAddress('web-https-tls-hybrid-pq', tls, evaluateTlsHybridPq, context),
});
