import type { Endpoint, Network } from '@pastoe/core';

/** A network that counts what passes through it: see {@link countingNetwork}. */
export interface CountingNetwork {
  /** The network to hand to `lab.transports({ network })`. */
  readonly network: Network;
  /** TCP connection attempts so far, all of them or those whose endpoint `filter` accepts. */
  connections(filter?: (endpoint: Endpoint) => boolean): number;
  /** UDP exchanges so far. */
  udpExchanges(): number;
}

/**
 * Wraps a network (usually `lab.network`) so that tests and benchmarks can count the TCP
 * connection attempts, by endpoint, and the UDP exchanges a scan makes.
 */
export function countingNetwork(inner: Network): CountingNetwork {
  const endpoints: Endpoint[] = [];
  let udp = 0;
  return {
    network: {
      policy: inner.policy,
      connect: (options) => {
        endpoints.push({ ip: options.ip, port: options.port });
        return inner.connect(options);
      },
      udpExchange: (options) => {
        udp += 1;
        return inner.udpExchange(options);
      },
    },
    connections: (filter) => (filter === undefined ? endpoints.length : endpoints.filter(filter).length),
    udpExchanges: () => udp,
  };
}
