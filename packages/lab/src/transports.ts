/**
 * pastoe's transports for a lab, built from what describes the lab rather than from the running
 * lab object, so that a process other than the lab's (a bench measuring a scanner apart from the
 * lab's servers) builds them the same way as {@link Lab.transports}.
 */
import {
  type ClosableResolver,
  createHttpClient,
  createResolver,
  createRipestatRouteSource,
  createRoutinatorVrpSource,
  createValidator,
  type HttpClient,
  type Network,
  type RpkiSources,
  type Transports,
  type TrustStore,
} from '@pastoe/core';

/** The lab's two RPKI services. */
export interface LabRpkiUrls {
  /** The RIPEstat-like data API. */
  readonly ripestatUrl: string;
  /** The Routinator-like HTTP service. */
  readonly routinatorUrl: string;
}

/** What transports for a lab are made from. */
export interface LabTransportParts {
  /** The resolver spec of the lab's DNS (UDP, TCP or DoH). */
  readonly resolverSpec: string;
  /** The lab root's trust anchor, for the validator. */
  readonly trustAnchors: string;
  /** The lab CA, trusted alone. */
  readonly trust: TrustStore;
  /** The network that reaches the lab's addresses. */
  readonly network: Network;
  /** Time limit per DNS exchange in milliseconds. */
  readonly timeoutMs: number;
  /** The RPKI services, or `undefined` for transports without RPKI sources. */
  readonly rpki: LabRpkiUrls | undefined;
}

/** RPKI sources for pastoe over the lab's services: RIPEstat for routes, Routinator for VRPs. */
export function labRpkiSources(urls: LabRpkiUrls): RpkiSources {
  return {
    routes: createRipestatRouteSource({ baseUrl: urls.ripestatUrl, timeoutMs: 5_000 }),
    vrps: createRoutinatorVrpSource({ baseUrl: urls.routinatorUrl, timeoutMs: 5_000 }),
  };
}

/**
 * Transports for pastoe that reach a lab: a resolver of their own (so empty DNS caches) with one
 * retry, a validator from the lab's trust anchor, an HTTP client trusting the lab CA, and the
 * RPKI sources when given. The caller closes the resolver and the HTTP client.
 */
export function labTransportsFrom(
  parts: LabTransportParts,
): Transports & { readonly resolver: ClosableResolver; readonly http: HttpClient } {
  const { network, trust } = parts;
  const resolver = createResolver(parts.resolverSpec, { network, timeoutMs: parts.timeoutMs, retries: 1, trust });
  return {
    network,
    resolver,
    validator: createValidator({ resolver, trustAnchors: parts.trustAnchors }),
    trust,
    http: createHttpClient({ network, trust }),
    ...(parts.rpki === undefined ? {} : { rpki: labRpkiSources(parts.rpki) }),
  };
}
