/**
 * Transports that reach the lab in the bench's child process (bench/support/lab-process.ts) as
 * `lab.transports()` would in process, counting the scanner's connections.
 */
import {
  createAddressPolicy,
  createHttpClient,
  createNodeNetwork,
  createResolver,
  createRipestatRouteSource,
  createRoutinatorVrpSource,
  createTrustStore,
  createValidator,
  type Network,
} from '@pastoe/core';
import { createLabAddressMap } from '@pastoe/lab';
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
  const trust = createTrustStore({ ca: hello.caPem, mozilla: false });
  const resolver = createResolver(hello.resolverUrl, { network, timeoutMs: 2_000, retries: 1, trust });
  return {
    connections,
    transports: {
      network,
      resolver,
      validator: createValidator({ resolver, trustAnchors: hello.trustAnchors }),
      trust,
      http: createHttpClient({ network, trust }),
      rpki: {
        routes: createRipestatRouteSource({ baseUrl: hello.rpki.ripestatUrl, timeoutMs: 5_000 }),
        vrps: createRoutinatorVrpSource({ baseUrl: hello.rpki.routinatorUrl, timeoutMs: 5_000 }),
      },
    },
  };
}
