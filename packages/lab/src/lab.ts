import {
  type ClosableResolver,
  createAddressPolicy,
  createNodeNetwork,
  createResolver,
  createValidator,
  type Network,
  type Transports,
} from '@pastoe/core';
import { createLabDnsZones, type LabDnsScenario } from './dns/catalogue.js';
import { type DnsServerHandle, startDnsServer } from './dns/server.js';
import { createLabCa, issueCertificate } from './pki/ca.js';
import type { LabCa } from './pki/ca.js';

/** Options for {@link startLab}. */
export interface LabOptions {
  /** The loopback address the lab's servers listen on. Default `127.0.0.1`. */
  readonly host?: string;
  /** Closes the lab when aborted. */
  readonly signal?: AbortSignal;
  /** The time the lab signs its zones at. Default now. */
  readonly now?: Date;
}

/** A lab domain and what it demonstrates. */
export interface LabDomain {
  /** The domain, e.g. `secure-ecdsa.test`. */
  readonly name: string;
  /** What it shows, in one line. */
  readonly description: string;
}

/** Options for {@link Lab.transports}. */
export interface LabTransportOptions {
  /** `udp` (default), `tcp` or `doh`. */
  readonly via?: 'udp' | 'tcp' | 'doh';
  /** Time limit per DNS exchange in milliseconds. Default 2000 (the lab is local; its silent zones should fail fast). */
  readonly timeoutMs?: number;
}

/** A running lab. */
export interface Lab {
  /** The lab's DNS over UDP, as a resolver spec (`udp://127.0.0.1:port`). */
  readonly resolverUrl: string;
  /** The lab's DNS over TCP (`tcp://127.0.0.1:port`). */
  readonly tcpUrl: string;
  /** The lab's DNS over HTTPS (`https://127.0.0.1:port/dns-query`). */
  readonly dohUrl: string;
  /** The lab root's trust anchor as zone-file text (a DS record), for `createValidator`. */
  readonly trustAnchors: string;
  /** A network that may reach the lab: loopback and the documentation ranges it maps. */
  readonly network: Network;
  /** The lab CA; its certificate is what TLS clients must trust. */
  readonly ca: LabCa;
  /** The demo domains. */
  readonly domains: readonly LabDomain[];
  /** The DNS scenarios and the validation results they should give. */
  readonly scenarios: readonly LabDnsScenario[];
  /**
   * Transports for pastoe that reach the lab: its network, a resolver pointed at the lab's DNS,
   * and a validator from the lab's trust anchor. Each call makes a fresh resolver (own cache).
   */
  transports(options?: LabTransportOptions): Transports & { readonly resolver: ClosableResolver };
  /** Stops every server and closes the resolvers `transports()` made. */
  close(): Promise<void>;
}

/** The lab's demo domains: one of each DNSSEC situation a government domain can be in. */
export const labDemoDomains: readonly LabDomain[] = Object.freeze([
  { name: 'secure-ecdsa.test', description: 'DNSSEC with ECDSA P-256 keys, validating' },
  { name: 'secure-rsa.test', description: 'DNSSEC with an RSA-2048 key, validating' },
  { name: 'nsec3.test', description: 'DNSSEC with NSEC3 denial, validating' },
  { name: 'insecure.test', description: 'no DNSSEC: the parent has no DS record' },
  { name: 'expired.test', description: 'DNSSEC with expired signatures: bogus' },
  { name: 'ds-mismatch.test', description: 'a DS record that matches no key: bogus' },
  { name: 'unknown-algo.test', description: 'DNSSEC with an algorithm nobody validates: insecure' },
  { name: 'servfail.test', description: 'name servers that answer SERVFAIL: a test error' },
]);

/**
 * Starts the lab: the DNS server (UDP, TCP, DoH) with the signed scenario zones under `.test` and
 * the lab's own root, and a lab CA. Starts in well under a second; everything listens on
 * loopback only.
 */
export async function startLab(options: LabOptions = {}): Promise<Lab> {
  const host = options.host ?? '127.0.0.1';
  const ca = await createLabCa();
  const dohCertificate = await issueCertificate(ca, { names: ['localhost'], ips: [host] });
  const zones = await createLabDnsZones(options.now === undefined ? {} : { now: options.now });
  const server: DnsServerHandle = await startDnsServer({
    zones: zones.zones,
    host,
    tls: { cert: dohCertificate.chainPem, key: dohCertificate.privateKeyPem },
  });
  const network = createNodeNetwork({ policy: createAddressPolicy({ allow: ['loopback', 'documentation'] }) });
  const authority = host.includes(':') ? `[${host}]` : host;
  const resolverUrl = `udp://${authority}:${server.udp.port}`;
  const tcpUrl = `tcp://${authority}:${server.tcp.port}`;
  const resolvers = new Set<ClosableResolver>();
  let closed = false;

  const lab: Lab = {
    resolverUrl,
    tcpUrl,
    dohUrl: server.dohUrl,
    trustAnchors: zones.trustAnchor.ds,
    network,
    ca,
    domains: labDemoDomains,
    scenarios: zones.scenarios,
    transports(transportOptions = {}) {
      const via = transportOptions.via ?? 'udp';
      const spec = via === 'udp' ? resolverUrl : via === 'tcp' ? tcpUrl : server.dohUrl;
      const resolver = createResolver(spec, {
        network,
        timeoutMs: transportOptions.timeoutMs ?? 2_000,
        retries: 1,
        tls: { ca: ca.certificatePem },
      });
      resolvers.add(resolver);
      const validator = createValidator({ resolver, trustAnchors: zones.trustAnchor.ds });
      return { network, resolver, validator };
    },
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all([...resolvers].map((resolver) => resolver.close()));
      await server.close();
    },
  };
  options.signal?.addEventListener('abort', () => void lab.close(), { once: true });
  return lab;
}
