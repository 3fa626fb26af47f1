import type { ProbeDefinition } from '../model/probe.js';
import { defineTlsEndpointProbe } from '../tls/scanner/probe.js';
import type { TlsEvidence } from '../tls/types.js';
import { webAddressesProbe } from './addresses.probe.js';
import { webTlsDeclaration } from './tls-web.declaration.js';

/**
 * Implements {@link webTlsDeclaration}: one TLS scan per address, shared across scans. Groups are
 * enumerated too (a few hellos more), so the hybrid post-quantum check sees the server's choice.
 */
export const webTlsProbe: ProbeDefinition<TlsEvidence, 'each'> = defineTlsEndpointProbe({
  id: webTlsDeclaration.id,
  description: webTlsDeclaration.description,
  ...(webTlsDeclaration.needs === undefined ? {} : { needs: webTlsDeclaration.needs }),
  addresses: webAddressesProbe,
  port: 443,
  role: 'web',
  options: { groups: true },
});
