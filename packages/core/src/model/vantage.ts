import type { Endpoint } from '../transport/network.js';
import type { Evidence, EvidenceFailure } from './evidence.js';
import type { JsonObject } from './json.js';

/**
 * What a probe needs from pastoe's own vantage point before its evidence can say anything about
 * a domain: `dns`, a resolver that answers and a root key set that validates against the trust
 * anchors; `tcp`, outgoing TCP connections; `ipv6`, outgoing connections to IPv6 addresses;
 * `smtp`, outgoing connections to port 25 (which many networks block).
 *
 * `ipv6` is a need per address family: an each-scope probe that declares it needs it only for its
 * subjects at an IPv6 address. When pastoe's own IPv6 does not work, those subjects are not
 * probed (their evidence is a `vantage` failure of step `ipv6`), the IPv4 ones are, and a check
 * is judged on its IPv4 part with the IPv6 addresses shown as `error` (see `judge`). A
 * target-scope probe that declares it does not run at all.
 *
 * `smtp` is a need per subject too: when pastoe cannot open port 25 anywhere, an each-scope probe
 * that needs it still plans (a domain without mail servers plans none and stays not tested), and
 * each planned subject gets a `vantage` failure of step `smtp` instead of a connection attempt.
 */
export type ProbeNeed = 'dns' | 'tcp' | 'ipv6' | 'smtp';

/** Every probe need, in the order the vantage check tests them. */
export const probeNeeds: readonly ProbeNeed[] = Object.freeze(['dns', 'tcp', 'ipv6', 'smtp']);

/**
 * One step of the vantage check:
 * - `resolver`: the resolver answers the root priming query (`. NS`, RFC 8109) with data;
 * - `trust-anchors`: the root DNSKEY set validates as `secure` against the trust anchors (a
 *   resolver that lies, strips signatures, or a clock that is far off fails here);
 * - `tcp`: a TCP connection to at least one well-known endpoint opens;
 * - `ipv6`: a TCP connection to at least one well-known IPv6 endpoint opens (a host without an
 *   IPv6 route fails here);
 * - `smtp`: a TCP connection to port 25 of at least one well-known mail server opens (a network
 *   that blocks outgoing SMTP fails here).
 */
export type VantageStep = 'resolver' | 'trust-anchors' | 'tcp' | 'ipv6' | 'smtp';

/** The need each vantage step serves. */
export const vantageStepNeed: Readonly<Record<VantageStep, ProbeNeed>> = Object.freeze({
  resolver: 'dns',
  'trust-anchors': 'dns',
  tcp: 'tcp',
  ipv6: 'ipv6',
  smtp: 'smtp',
});

/** The result of one vantage step. */
export interface VantageStepResult {
  /** Which step. */
  readonly step: VantageStep;
  /** Whether the step succeeded. */
  readonly ok: boolean;
  /**
   * Why it failed, as a stable code: a DNS error code (`timeout`, `network`,
   * `forbidden-address`, …), a response code seen for the root (`nxdomain`, `servfail`,
   * `dns-refused`, `rcode`, `no-answer`), the validator's reason for a root key set that is not
   * secure (`signature-expired`, `insecure-delegation`, …), a network error code for TCP
   * (`refused`, `unreachable`, …), or `not-run` when an earlier step failed. Absent on success.
   */
  readonly code?: string;
  /** Why it failed, in one English line naming what was asked of whom. Absent on success. */
  readonly reason?: string;
  /** How long the step took, in milliseconds. */
  readonly durationMs: number;
}

/**
 * Whether pastoe can judge domains from where it runs: the result of `checkVantage`. Plain
 * JSON, so a service can return it from a health check and a report can carry it.
 */
export interface VantageReport {
  /**
   * True when every step that was run succeeded. A report whose only failed steps are `ipv6` or
   * `smtp` still lets pastoe judge domains: over IPv4, and without the port-25 tests.
   */
  readonly ok: boolean;
  /** The resolver asked, as it describes itself (e.g. `udp://127.0.0.1:5353` or the DoH URLs). */
  readonly resolver: string;
  /** The needs that were checked. */
  readonly needs: readonly ProbeNeed[];
  /** When the check started (ISO 8601). */
  readonly checkedAt: string;
  /** How long the whole check took, in milliseconds. */
  readonly durationMs: number;
  /** Each step that belongs to a checked need, in order. */
  readonly steps: readonly VantageStepResult[];
}

/** How the vantage check is done; every field has a default. */
export interface VantageSettings {
  /** Time limit for the whole check in milliseconds. Default 10 000. */
  readonly timeoutMs?: number;
  /**
   * Where the `tcp` step connects; one open connection is enough. Default: the IPv4 addresses
   * of the default DoH resolvers on port 443. A lab or a closed network passes endpoints its
   * network can reach (the lab gives `lab.vantage`).
   */
  readonly tcpEndpoints?: readonly Endpoint[];
  /**
   * Where the `ipv6` step connects; IPv6 addresses only, one open connection is enough. Default:
   * the IPv6 addresses of the default DoH resolvers on port 443. The lab gives its own in
   * `lab.vantage`.
   */
  readonly tcp6Endpoints?: readonly Endpoint[];
  /**
   * Where the `smtp` step connects (port 25 of a mail server, normally); one open connection is
   * enough. Default: port 25 of the IPv4 addresses of `defaultVantageSmtpHosts` (well-known inbound
   * mail servers), looked up through the scan's resolver. The lab gives its own in `lab.vantage`.
   */
  readonly smtpEndpoints?: readonly Endpoint[];
}

/**
 * True for the evidence of a subject at an IPv6 address that was not probed because pastoe's own
 * IPv6 failed (a `vantage` failure of step `ipv6`): the runner judges the check without it, on its
 * IPv4 part.
 */
export function isIpv6VantageFailure(evidence: Evidence<unknown>): evidence is EvidenceFailure {
  if (evidence.ok || evidence.error.code !== 'vantage') return false;
  const detail = evidence.error.detail;
  const step = typeof detail === 'object' && detail !== null && !Array.isArray(detail) ? (detail as JsonObject).step : undefined;
  return step === 'ipv6' && (evidence.subject.ip ?? '').includes(':');
}
