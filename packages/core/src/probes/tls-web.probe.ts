import type { ProbeDefinition } from '../model/probe.js';
import { defineTlsEndpointProbe } from '../tls/scanner/probe.js';
import type { TlsEvidence } from '../tls/types.js';
import { webAddressesProbe } from './addresses.probe.js';
import { webTlsDeclaration } from './tls-web.declaration.js';

/** Implements {@link webTlsDeclaration}: one TLS scan per address, shared across scans. */
export const webTlsProbe: ProbeDefinition<TlsEvidence, 'each'> = defineTlsEndpointProbe({
  id: webTlsDeclaration.id,
  description: webTlsDeclaration.description,
  addresses: webAddressesProbe,
  port: 443,
  role: 'web',
});
