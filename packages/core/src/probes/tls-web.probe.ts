import type { ProbeDefinition } from '../model/probe.js';
import { defineTlsEndpointProbe } from '../tls/scanner/probe.js';
import type { TlsEvidence } from '../tls/types.js';
import { webAddressesProbe } from './addresses.probe.js';

/** HTTPS on port 443 of every address of the domain, one TLS scan per address, shared across scans. */
export const webTlsProbe: ProbeDefinition<TlsEvidence, 'each'> = defineTlsEndpointProbe({
  id: 'tls-web',
  description: 'Scans TLS on port 443 of every web server address of the domain',
  addresses: webAddressesProbe,
  port: 443,
  role: 'web',
});
