import {
  type ClosableResolver,
  createAddressPolicy,
  createNodeNetwork,
  createTrustStore,
  type HttpClient,
  type Network,
  type RpkiSources,
  type Transports,
  type TrustStore,
  type VantageSettings,
} from '@pastoe/core';
import { isIPv4 } from 'node:net';
import { createBulkResponder } from './bulk/responder.js';
import { type LabBulkDomain, labBulkDomains, labBulkNumber, labBulkParent, labBulkScenarioOf, labBulkScenarios } from './bulk/rotation.js';
import { type BulkTemplate, bulkParentZone, bulkTemplate } from './bulk/zones.js';
import { createLabDnsZones, type LabDnsScenario, type LabZoneSpec } from './dns/catalogue.js';
import { generateDnssecKey } from './dns/keys.js';
import { nameKey, normalizeName } from './dns/names.js';
import { createDnsResponder } from './dns/responder.js';
import { type DnsServerHandle, startDnsServer } from './dns/server.js';
import type { ZoneRecord } from './dns/zone.js';
import { type LabAddressMap, createLabAddressMap } from './net/address-map.js';
import { labRpkiSources, labTransportsFrom } from './transports.js';
import { startLabScenarios } from './net/scenarios/start.js';
import type { LabMailScenario, LabServiceEndpoint, LabSmtpSessions, LabWebScenario } from './net/scenarios/types.js';
import { createLabCa, issueCertificate } from './pki/ca.js';
import type { LabCa } from './pki/ca.js';
import { type LabRpkiAddress, type LabRpkiData, labRpkiData } from './rpki/data.js';
import { type LabRpkiServers, startRpkiServers } from './rpki/servers.js';

/** Options for {@link startLab}. */
export interface LabOptions {
  /** The loopback address the lab's servers listen on. Default `127.0.0.1`. */
  readonly host?: string;
  /** Closes the lab when aborted. */
  readonly signal?: AbortSignal;
  /** The time the lab signs its zones at. Default now. */
  readonly now?: Date;
  /**
   * Start the web and mail scenario servers (HTTPS, HTTP, SMTP) and publish their zones.
   * Default true; `false` gives a DNS-only lab that starts a little faster.
   */
  readonly services?: boolean;
  /**
   * More zones for the lab's DNS, delegated from their parent like the scenarios' (for example
   * 200 generated `bulk-<n>.test` domains whose MX is `mx.mail-modern.test`, for a bulk benchmark).
   */
  readonly extraZones?: readonly LabZoneSpec[];
  /**
   * Generated domains for bulk runs: `bulk: 1000` publishes `d00001.bulk.test` to
   * `d01000.bulk.test` (see {@link Lab.bulkDomains}), each a copy of a web and a mail scenario in
   * a fixed rotation (`labBulkScenarios`) on that scenario's servers, with a signed zone that is
   * built the first time it is asked about. An integer from 0 (default) to 99 999; needs `services`.
   */
  readonly bulk?: number;
}

/** The documentation addresses a lab host name has in the lab's DNS. */
export interface LabAddresses {
  /** IPv4 addresses (A records). */
  readonly ipv4: readonly string[];
  /** IPv6 addresses (AAAA records). */
  readonly ipv6: readonly string[];
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
  /**
   * The network every transport sends through, in place of {@link Lab.network}: for instance a
   * wrapper around it that counts connections. It must reach the lab's addresses as the lab's does.
   */
  readonly network?: Network;
  /** Whether the transports carry the lab's RPKI sources ({@link Lab.rpki}). Default true; `false` for a scan without RPKI sources. */
  readonly rpki?: boolean;
}

/** The lab's RPKI world: its routing data and the servers that answer like RIPEstat and Routinator from it. */
export interface LabRpki {
  /** The RIPEstat-like data API (`/data/network-info/data.json`). */
  readonly ripestatUrl: string;
  /** The Routinator-like HTTP service (`/api/v1/validity/<asn>/<prefix>`, `/json`). */
  readonly routinatorUrl: string;
  /** The routes and VRPs both answer from: every scenario's /24 and /48 as its RPKI case says, the rest of the lab valid. */
  readonly data: LabRpkiData;
  /** RPKI sources for pastoe over the two servers: RIPEstat for routes, Routinator for VRPs. */
  sources(): RpkiSources;
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
  /** The lab CA's certificate, PEM: the one trust anchor for every lab TLS server (HTTPS, SMTP, DoH). */
  readonly caPem: string;
  /**
   * A trust store holding the lab CA only (`kind: 'custom'`): the lab has no internet, so
   * Mozilla's roots could vouch for nothing here, and a chain they would accept must not pass.
   */
  readonly trust: TrustStore;
  /** The web scenarios (`modern.test`, `legacy.test`, …) with their endpoints and expected TLS properties; empty with `services: false`. */
  readonly web: readonly LabWebScenario[];
  /** The mail scenarios (`mail-modern.test`, …) with their MX endpoints; empty with `services: false`. */
  readonly mail: readonly LabMailScenario[];
  /** Every web and mail service endpoint: public address and port, the loopback listener, expected TLS properties. */
  readonly endpoints: readonly LabServiceEndpoint[];
  /**
   * How busy each mail scenario's SMTP server has been so far (sessions, and the most open at
   * once): a test of a politeness limit reads it. Bulk copies share their scenario's server.
   */
  smtpSessions(): LabSmtpSessions[];
  /** The address map behind {@link Lab.network}: documentation endpoints to loopback listeners. */
  readonly addressMap: LabAddressMap;
  /** The lab's routing world and its RIPEstat-like and Routinator-like servers. */
  readonly rpki: LabRpki;
  /**
   * The addresses a name has in the lab's DNS (its A and AAAA records, CNAMEs not followed), or
   * `undefined` when it has none. E.g. `addressOf('modern.test')` gives `192.0.2.100` and `2001:db8:443::1`.
   */
  addressOf(name: string): LabAddresses | undefined;
  /** The demo domains. */
  readonly domains: readonly LabDomain[];
  /** The DNS scenarios and the validation results they should give. */
  readonly scenarios: readonly LabDnsScenario[];
  /**
   * The generated bulk domains (`d00001.bulk.test` …, as many as `bulk` asked for), each with its
   * organisation group and the scenario it copies; empty without `bulk`.
   */
  readonly bulkDomains: readonly LabBulkDomain[];
  /**
   * Vantage settings for scanning the lab: its TCP egress tests connect to the lab name server's
   * public-looking addresses on port 53, the IPv4 one for `tcp` and the IPv6 one (`2001:db8::53`)
   * for `ipv6`, which the lab network maps to loopback as it maps the scenarios' IPv6 addresses
   * (the default endpoints are public addresses the lab network refuses). A network that refuses
   * IPv6 fails the `ipv6` step as it fails the scenarios' IPv6 addresses. The `smtp` step connects
   * to port 25 of the name server's IPv4 address (a listener of the lab's own, not a scenario's
   * mail server), so a network that blocks port 25 fails it. Pass as
   * `scan(domain, { vantage })`.
   */
  readonly vantage: VantageSettings;
  /**
   * Transports for pastoe that reach the lab: its network, a resolver pointed at the lab's DNS,
   * a validator from the lab's trust anchor, {@link Lab.trust} (the lab CA only), an HTTP
   * client over the network that trusts it, and the lab's RPKI sources (unless `rpki: false`). Each call makes a fresh resolver (own cache) and HTTP
   * client (own pool); the lab closes them when it closes.
   */
  transports(options?: LabTransportOptions): Transports & { readonly resolver: ClosableResolver; readonly http: HttpClient };
  /** Stops every server and closes the resolvers and HTTP clients `transports()` made. */
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

/** The lab name server's public-looking addresses (the glue the lab's zones publish for `ns1`). */
const nameServerAddresses = ['192.0.2.53', '2001:db8::53'];

/** Where the lab's vantage settings test outgoing SMTP: the name server's IPv4 address, port 25. */
const vantageSmtpAddress = '192.0.2.53';

/**
 * Starts the lab: the DNS server (UDP, TCP, DoH) with the signed scenario zones under `.test` and
 * the lab's own root, a lab CA, and the web and mail scenario servers (HTTPS, HTTP, SMTP with
 * STARTTLS) behind an address map from documentation addresses to loopback. Starts in well under
 * a second; everything listens on loopback only.
 */
export async function startLab(options: LabOptions = {}): Promise<Lab> {
  const host = options.host ?? '127.0.0.1';
  const bulkDomains = labBulkDomains(options.bulk ?? 0);
  const bulkCount = bulkDomains.length;
  if (bulkCount > 0 && options.services === false) throw new RangeError('bulk domains copy the scenario servers: they need services');
  const ca = await createLabCa();
  const addressMap = createLabAddressMap({ refuseVia: host });
  const copies = {
    webScenarios: labBulkScenarios.map((scenario) => scenario.web),
    certificateName: `*.${labBulkParent}`,
    webScenarioOf: (name: string): string | undefined => {
      const n = labBulkNumber(name, bulkCount);
      return n === undefined ? undefined : labBulkScenarioOf(n).web;
    },
  };
  const [dohCertificate, world, bulkKey] = await Promise.all([
    issueCertificate(ca, { names: ['localhost'], ips: [host] }),
    options.services === false ? undefined : startLabScenarios({ ca, addressMap, host, ...(bulkCount > 0 ? { copies } : {}) }),
    bulkCount > 0 ? generateDnssecKey({ algorithm: 13, role: 'csk' }) : undefined,
  ]);
  let server: DnsServerHandle;
  let zones: Awaited<ReturnType<typeof createLabDnsZones>>;
  try {
    const now = options.now ?? new Date();
    const templates = bulkKey === undefined ? undefined : bulkTemplates(world?.zones ?? []);
    zones = await createLabDnsZones({
      now,
      extraZones: [
        ...(world?.zones ?? []),
        ...(templates === undefined || bulkKey === undefined ? [] : [bulkParentZone(bulkCount, templates, bulkKey)]),
        ...(options.extraZones ?? []),
      ],
    });
    const main = createDnsResponder(zones.zones);
    server = await startDnsServer({
      responder:
        templates === undefined || bulkKey === undefined
          ? main
          : createBulkResponder({ main, count: bulkCount, templates, key: bulkKey, now }),
      host,
      tls: { cert: dohCertificate.chainPem, key: dohCertificate.privateKeyPem },
    });
  } catch (error) {
    await world?.close();
    throw error;
  }
  let rpkiServers: LabRpkiServers;
  let rpkiData: LabRpkiData;
  try {
    rpkiData = labRpkiData(rpkiAddresses(world));
    rpkiServers = await startRpkiServers({ host, data: rpkiData });
  } catch (error) {
    await Promise.all([server.close(), world?.close()]);
    throw error;
  }
  const rpki: LabRpki = {
    ripestatUrl: rpkiServers.ripestatUrl,
    routinatorUrl: rpkiServers.routinatorUrl,
    data: rpkiData,
    sources: () => labRpkiSources(rpkiServers),
  };
  for (const ip of [...nameServerAddresses, ...(world?.nameServerAddresses ?? [])]) {
    addressMap.route({ ip, port: 53 }, { ip: host, port: server.udp.port }, 'udp');
    addressMap.route({ ip, port: 53 }, { ip: host, port: server.tcp.port }, 'tcp');
  }
  // The vantage check's port 25: the name server host accepts TCP there (its DNS listener), so a
  // network that blocks port 25 fails the `smtp` step without touching a scenario's mail server.
  addressMap.route({ ip: vantageSmtpAddress, port: 25 }, { ip: host, port: server.tcp.port }, 'tcp');
  const addresses = indexAddresses(zones.zones);
  const network = createNodeNetwork({ policy: createAddressPolicy({ allow: ['loopback', 'documentation'] }), map: addressMap.map });
  const authority = host.includes(':') ? `[${host}]` : host;
  const resolverUrl = `udp://${authority}:${server.udp.port}`;
  const tcpUrl = `tcp://${authority}:${server.tcp.port}`;
  const resolvers = new Set<ClosableResolver>();
  const httpClients = new Set<HttpClient>();
  const trust = createTrustStore({ ca: ca.certificatePem, mozilla: false });
  let closed = false;

  const lab: Lab = {
    resolverUrl,
    tcpUrl,
    dohUrl: server.dohUrl,
    trustAnchors: zones.trustAnchor.ds,
    network,
    ca,
    caPem: ca.certificatePem,
    trust,
    web: world?.web ?? [],
    mail: world?.mail ?? [],
    endpoints: world?.endpoints ?? [],
    smtpSessions: () => world?.smtpSessions() ?? [],
    addressMap,
    rpki,
    addressOf(name) {
      const key = nameKey(normalizeName(name));
      // A bulk domain and its www have its web scenario's addresses.
      const copyOf = copies.webScenarioOf(key.replace(/^www\./, ''));
      return addresses.get(copyOf === undefined ? key : nameKey(copyOf));
    },
    domains: labDemoDomains,
    scenarios: zones.scenarios,
    bulkDomains,
    vantage: Object.freeze({
      tcpEndpoints: Object.freeze(nameServerAddresses.filter((ip) => !ip.includes(':')).map((ip) => Object.freeze({ ip, port: 53 }))),
      tcp6Endpoints: Object.freeze(nameServerAddresses.filter((ip) => ip.includes(':')).map((ip) => Object.freeze({ ip, port: 53 }))),
      smtpEndpoints: Object.freeze([Object.freeze({ ip: vantageSmtpAddress, port: 25 })]),
    }),
    transports(transportOptions = {}) {
      const via = transportOptions.via ?? 'udp';
      const spec = via === 'udp' ? resolverUrl : via === 'tcp' ? tcpUrl : server.dohUrl;
      const transports = labTransportsFrom({
        resolverSpec: spec,
        trustAnchors: zones.trustAnchor.ds,
        trust,
        network: transportOptions.network ?? network,
        timeoutMs: transportOptions.timeoutMs ?? 2_000,
        rpki: transportOptions.rpki === false ? undefined : rpkiServers,
      });
      resolvers.add(transports.resolver);
      httpClients.add(transports.http);
      return transports;
    },
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all([...[...resolvers].map((resolver) => resolver.close()), ...[...httpClients].map((http) => http.close())]);
      await Promise.all([server.close(), world?.close(), rpkiServers.close()]);
    },
  };
  options.signal?.addEventListener('abort', () => void lab.close(), { once: true });
  return lab;
}

/** The template of each bulk scenario's copies, from its web and mail scenarios' zones. */
function bulkTemplates(scenarioZones: readonly LabZoneSpec[]): Map<string, BulkTemplate> {
  const byOrigin = new Map(scenarioZones.map((zone) => [nameKey(normalizeName(zone.origin)), zone]));
  return new Map(
    labBulkScenarios.map((scenario) => {
      const web = byOrigin.get(nameKey(scenario.web));
      const mail = byOrigin.get(nameKey(scenario.mail));
      if (web === undefined || mail === undefined) throw new Error(`bulk scenario ${scenario.id} names a scenario the lab lacks`);
      return [scenario.id, bulkTemplate(scenario, web, mail)];
    }),
  );
}

/** Every address of the lab with its RPKI case: the scenarios' as they ask, mail servers' and the name server's valid. */
function rpkiAddresses(world: Awaited<ReturnType<typeof startLabScenarios>> | undefined): LabRpkiAddress[] {
  const web = (world?.web ?? []).flatMap((scenario) => [
    { address: scenario.ipv4, case: scenario.rpki.ipv4, owner: scenario.domain },
    { address: scenario.ipv6, case: scenario.rpki.ipv6, owner: scenario.domain },
    ...(scenario.secondIpv4 === undefined ? [] : [{ address: scenario.secondIpv4, case: scenario.rpki.ipv4, owner: scenario.domain }]),
  ]);
  const mail = (world?.mail ?? []).flatMap((scenario) =>
    scenario.smtp === undefined
      ? []
      : [scenario.smtp.ipv4, scenario.smtp.ipv6].map((address) => ({ address, case: 'valid' as const, owner: scenario.domain })),
  );
  const nameServer = [...nameServerAddresses, ...(world?.nameServerAddresses ?? [])].map((address) => ({
    address,
    case: 'valid' as const,
    owner: 'the lab name server',
  }));
  return [...web, ...mail, ...nameServer];
}

/** The A and AAAA records of every name in the lab's zones, by name. */
function indexAddresses(zones: readonly { readonly records: readonly ZoneRecord[] }[]): Map<string, LabAddresses> {
  const index = new Map<string, { ipv4: string[]; ipv6: string[] }>();
  for (const zone of zones) {
    for (const record of zone.records) {
      if (record.data.type !== 'A' && record.data.type !== 'AAAA') continue;
      const key = nameKey(record.name);
      const entry = index.get(key) ?? { ipv4: [], ipv6: [] };
      const list = isIPv4(record.data.address) ? entry.ipv4 : entry.ipv6;
      // Glue repeats a child's address records in the parent; list each address once.
      if (!list.includes(record.data.address)) list.push(record.data.address);
      index.set(key, entry);
    }
  }
  return index;
}
