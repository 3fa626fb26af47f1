/**
 * Test helper: evidence bundles of the mail test's IPv6 and RPKI probes (MX, name servers and
 * their reachability, MX addresses and port 25, route origins) for judging the checks offline.
 * Only for tests.
 */
import {
  type AddressEvidence,
  type Evidence,
  type EvidenceBundle,
  type NameServerRouteOriginEvidence,
  nameServerReachabilityDeclaration,
  nameServerRouteOriginDeclaration,
  nameServersDeclaration,
  type ProbeError,
  type RouteOriginEvidence,
  type Subject,
  type TcpReachabilityEvidence,
} from '@pastoe/core/model';
import { mxAddressesDeclaration } from '../../probes/mx-addresses.declaration.js';
import { mxReachabilityDeclaration } from '../../probes/mx-reachability.declaration.js';
import { mxNameServerRouteOriginDeclaration, mxRouteOriginDeclaration } from '../../probes/mx-route-origin.declaration.js';
import { type MxEvidence, mxDeclaration } from '../../probes/mx.declaration.js';

const at = '2026-11-23T12:00:00.000Z';
const domain = 'example.test';
const domainSubject: Subject = { name: domain, role: 'domain' };
const sources = { routes: 'static routes', vrps: 'static VRPs' };

/** Route origin evidence of one address, `prefix` its /24 or /48. */
export function origin(
  address: string,
  prefix: string,
  routes: RouteOriginEvidence['routes'] = [],
  vrps: RouteOriginEvidence['vrps'] = [],
): RouteOriginEvidence {
  return { address, prefix, routes, vrps, sources };
}

/** A valid route with its ROA for `address` in `prefix`. */
export const validOrigin = (address: string, prefix: string): RouteOriginEvidence =>
  origin(address, prefix, [{ prefix, origin: 64500 }], [{ prefix, maxLength: Number(prefix.split('/')[1]), asn: 64500 }]);

/** An MX answer with these hosts (preference 10 each), or a Null MX for `''`. */
export function mxAnswer(exchanges: readonly string[], extra: Partial<MxEvidence> = {}): MxEvidence {
  return {
    rcode: 'NOERROR',
    records: exchanges.map((exchange) => ({ preference: exchange === '' ? 0 : 10, exchange })),
    domainHasAddress: true,
    ...extra,
  };
}

/** Addresses by IP, each with whether it answered (port 53 for name servers, 25 for mail servers). */
export type Answering = Readonly<Record<string, boolean>>;

/** What the probes found; every field has a default of two dual-stack, reachable, RPKI-valid hosts. */
export interface MailFixture {
  /** The MX evidence, or the probe's failure. Default: `mx1.example.test` and `mx2.other.test`. */
  readonly mx?: MxEvidence | ProbeError;
  /** The name servers and their addresses. */
  readonly nameServers?: Readonly<Record<string, Answering>>;
  /** Each MX host's addresses and whether port 25 answered, or its address lookup's failure; `ipv4Mapped` by host. */
  readonly mxHosts?: Readonly<Record<string, Answering | ProbeError>>;
  /** IPv4-mapped IPv6 addresses an MX host's AAAA answer held. */
  readonly ipv4Mapped?: Readonly<Record<string, readonly string[]>>;
  /** The route origin evidence of the mail server addresses, or the probe's failure. */
  readonly mxOrigins?: readonly RouteOriginEvidence[] | ProbeError;
  /** The route origin evidence of the domain's name server addresses, or the probe's failure. */
  readonly nsOrigins?: readonly RouteOriginEvidence[] | ProbeError;
  /** Per MX host, the route origin evidence of its zone's name server addresses, or the run's failure. */
  readonly mxNsOrigins?: Readonly<Record<string, readonly RouteOriginEvidence[] | ProbeError>>;
}

const isFailure = (value: unknown): value is ProbeError =>
  typeof value === 'object' && value !== null && 'code' in value && 'message' in value && typeof value.code === 'string';

/** The default two mail servers, each dual stack with port 25 open. */
const twoMailServers: Readonly<Record<string, Answering>> = {
  'mx1.example.test': { '2001:db8:25::1': true, '192.0.2.25': true },
  'mx2.other.test': { '2001:db8:26::1': true, '198.51.100.25': true },
};

function envelope(probe: string, subject: Subject) {
  return { probe, subject, startedAt: at, durationMs: 1 };
}

function success<T>(probe: string, subject: Subject, data: T): Evidence<T> {
  return { ...envelope(probe, subject), ok: true, data };
}

function failure(probe: string, subject: Subject, error: ProbeError): Evidence<never> {
  return { ...envelope(probe, subject), ok: false, error };
}

function nameServerOrigins(zone: string, name: string, origins: readonly RouteOriginEvidence[]): NameServerRouteOriginEvidence {
  const ips = origins.map((o) => o.address);
  return {
    zone,
    nameServers: [{ name, ipv4: ips.filter((ip) => !ip.includes(':')), ipv6: ips.filter((ip) => ip.includes(':')) }],
    addresses: origins,
  };
}

/** A bundle of every probe the mail IPv6 and RPKI checks read. */
export function mailBundle(fixture: MailFixture = {}): EvidenceBundle {
  const mx = fixture.mx ?? mxAnswer(Object.keys(twoMailServers));
  const mxHosts = fixture.mxHosts ?? (isFailure(mx) || mx.records.every((r) => r.exchange === '') ? {} : twoMailServers);
  const nameServers = fixture.nameServers ?? {
    'ns1.example.test': { '192.0.2.53': true, '2001:db8:53::1': true },
    'ns2.example.test': { '192.0.2.54': true, '2001:db8:53::2': true },
  };
  const evidence: Evidence<unknown>[] = [];
  evidence.push(isFailure(mx) ? failure(mxDeclaration.id, domainSubject, mx) : success(mxDeclaration.id, domainSubject, mx));
  evidence.push(
    success(nameServersDeclaration.id, domainSubject, {
      domain,
      asked: [domain],
      zone: domain,
      nameServers: Object.entries(nameServers).map(([name, ips]) => ({
        name,
        ipv4: Object.keys(ips).filter((ip) => !ip.includes(':')),
        ipv6: Object.keys(ips).filter((ip) => ip.includes(':')),
      })),
    }),
  );
  for (const [name, ips] of Object.entries(nameServers)) {
    for (const [ip, reachable] of Object.entries(ips)) {
      evidence.push(
        success(
          nameServerReachabilityDeclaration.id,
          { name, role: 'ns', ip, port: 53 },
          {
            ip,
            family: ip.includes(':') ? 6 : 4,
            reachable,
            ...(reachable ? { rcode: 'NOERROR' } : { error: { code: 'timeout', message: 'no answer' } }),
          },
        ),
      );
    }
  }
  for (const [name, ips] of Object.entries(mxHosts)) {
    const subject: Subject = { name, role: 'mx' };
    if (isFailure(ips)) {
      evidence.push(failure(mxAddressesDeclaration.id, subject, ips));
      continue;
    }
    const mapped = fixture.ipv4Mapped?.[name] ?? [];
    const addresses: AddressEvidence = {
      name,
      ipv4: Object.keys(ips).filter((ip) => !ip.includes(':')),
      ipv6: Object.keys(ips).filter((ip) => ip.includes(':')),
      ...(mapped.length > 0 ? { ipv4Mapped: mapped } : {}),
    };
    evidence.push(success(mxAddressesDeclaration.id, subject, addresses));
    for (const [ip, open] of Object.entries(ips)) {
      const data: TcpReachabilityEvidence = {
        ip,
        family: ip.includes(':') ? 6 : 4,
        ports: [open ? { port: 25, result: 'open' } : { port: 25, result: 'timeout', message: 'no answer within 4000 ms' }],
      };
      evidence.push(success(mxReachabilityDeclaration.id, { name, role: 'mx', ip, port: 25 }, data));
    }
  }
  const mxOrigins =
    fixture.mxOrigins ??
    Object.values(mxHosts).flatMap((ips) =>
      isFailure(ips) ? [] : Object.keys(ips).map((ip) => validOrigin(ip, ip.includes(':') ? '2001:db8:25::/48' : '192.0.2.0/24')),
    );
  const hostOf = (ip: string): string => Object.entries(mxHosts).find(([, ips]) => !isFailure(ips) && ip in ips)?.[0] ?? 'mx1.example.test';
  if (isFailure(mxOrigins)) evidence.push(failure(mxRouteOriginDeclaration.id, domainSubject, mxOrigins));
  else
    for (const o of mxOrigins)
      evidence.push(success(mxRouteOriginDeclaration.id, { name: hostOf(o.address), role: 'mx', ip: o.address }, o));
  const nsOrigins = fixture.nsOrigins ?? [validOrigin('192.0.2.53', '192.0.2.0/24')];
  evidence.push(
    isFailure(nsOrigins)
      ? failure(nameServerRouteOriginDeclaration.id, domainSubject, nsOrigins)
      : success(nameServerRouteOriginDeclaration.id, domainSubject, nameServerOrigins(domain, `ns1.${domain}`, nsOrigins)),
  );
  const mxNsOrigins =
    fixture.mxNsOrigins ?? Object.fromEntries(Object.keys(mxHosts).map((host) => [host, [validOrigin('192.0.2.53', '192.0.2.0/24')]]));
  for (const [host, origins] of Object.entries(mxNsOrigins)) {
    const subject: Subject = { name: host, role: 'mx' };
    evidence.push(
      isFailure(origins)
        ? failure(mxNameServerRouteOriginDeclaration.id, subject, origins)
        : success(mxNameServerRouteOriginDeclaration.id, subject, nameServerOrigins(host, `ns1.${host}`, origins)),
    );
  }
  return {
    target: { domain, input: domain },
    startedAt: at,
    probes: [
      mxDeclaration.id,
      nameServersDeclaration.id,
      nameServerReachabilityDeclaration.id,
      mxAddressesDeclaration.id,
      mxReachabilityDeclaration.id,
      mxRouteOriginDeclaration.id,
      nameServerRouteOriginDeclaration.id,
      mxNameServerRouteOriginDeclaration.id,
    ],
    evidence,
  };
}
