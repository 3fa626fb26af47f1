/**
 * Transports that reach the lab in the bench's child process (bench/support/lab-process.ts) as
 * `lab.transports()` does (both through `labTransportsFrom`), counting the scanner's connections.
 */
import { createAddressPolicy, createNodeNetwork, createTrustStore, type Network } from '@pastoe/core';
import { createLabAddressMap, labTransportsFrom } from '@pastoe/lab';
import type { LabHello } from './lab-process.js';

/** TCP connections and UDP exchanges the scanner made. */
export interface ConnectionCounts {
  tcp: number;
  udp: number;
}

/**
 * The lab's transports, with a DNS resolver and DNSSEC validator of their own (call again for
 * empty DNS caches), and the counts of what went over them.
 */
export function labTransports(hello: LabHello) {
  const connections: ConnectionCounts = { tcp: 0, udp: 0 };
  const addressMap = createLabAddressMap();
  for (const route of hello.routes) addressMap.route(route.public, route.local, route.protocol);
  const inner = createNodeNetwork({ policy: createAddressPolicy({ allow: ['loopback', 'documentation'] }), map: addressMap.map });
  // Counts, without keeping them (lab's countingNetwork keeps every endpoint, which would weigh on the RSS figure).
  const network: Network = {
    policy: inner.policy,
    connect: (options) => {
      connections.tcp += 1;
      return inner.connect(options);
    },
    udpExchange: (options) => {
      connections.udp += 1;
      return inner.udpExchange(options);
    },
  };
  const transports = labTransportsFrom({
    resolverSpec: hello.resolverUrl,
    trustAnchors: hello.trustAnchors,
    trust: createTrustStore({ ca: hello.caPem, mozilla: false }),
    network,
    timeoutMs: 2_000,
    rpki: hello.rpki,
  });
  return { connections, transports };
}
