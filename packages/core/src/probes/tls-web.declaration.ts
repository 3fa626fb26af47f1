import { declareProbe } from '../model/probe-declaration.js';
import type { TlsEvidence } from '../tls/types.js';

/**
 * HTTPS on port 443 of every web server address of the domain (from the `web-addresses` probe),
 * one TLS scan per address, IPv6 addresses first, each in the order the DNS answer gave them.
 */
export const webTlsDeclaration = declareProbe<TlsEvidence>({
  id: 'tls-web',
  description: 'Scans TLS on port 443 of every web server address of the domain',
  scope: 'each',
  needs: ['dns', 'ipv6'],
});
