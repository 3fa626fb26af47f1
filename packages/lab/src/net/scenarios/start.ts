/**
 * Starts the scenario world: for each web and mail scenario of the catalogue its servers on
 * loopback (HTTPS on 443 and HTTP on 80, or SMTP with STARTTLS on 25), the routes from its
 * documentation addresses to them, and its DNS zone (signed unless the scenario says otherwise).
 */
import type { Endpoint } from '@pastoe/core';
import type { LabZoneSpec } from '../../dns/catalogue.js';
import { txtZoneText } from '../../dns/rdata.js';
import { gzipSync } from 'node:zlib';
import { type LabHttpResponse, type LabHttpSite, startHttpServer } from '../../http/server.js';
import { issueCertificate, type LabCa } from '../../pki/ca.js';
import { fixedLabKey } from '../../pki/fixed-keys.js';
import { type LabTlsaData, tlsaText } from '../../pki/tlsa.js';
import { type LabSmtpServer, startSmtpServer } from '../../smtp/server.js';
import { startScriptedTlsServer } from '../../tls/scripted.js';
import type { LabAddressMap } from '../address-map.js';
import type { LabListener } from '../listener.js';
import {
  certificateExpectation,
  daneStatus,
  type Issuers,
  ipv4For,
  httpsSiteHeaders,
  ipv6For,
  makeCertificate,
  nameServerRecords,
  nodeSetup,
  otherContentPage,
  scenarioNameServers,
  type ServerExpectation,
  scriptedSetup,
  tlsaRecords,
  webFamilies,
} from './builders.js';
import { startMtaStsServer } from './mta-sts.js';
import { makeSecurityTxtKeys, type SecurityTxtKeys, type SecurityTxtRoutes, securityTxtRoutes } from './security-txt.js';
import { mailCatalogue, webCatalogue } from './catalogue.js';
import type {
  LabIpv6Setup,
  LabMailScenario,
  LabScenarioCopies,
  LabScenarioWorld,
  LabServiceEndpoint,
  LabSmtpSessions,
  LabWebScenario,
  LabWwwSetup,
  MailSpec,
  StartLabScenariosOptions,
  TlsSpec,
  WebSpec,
  WwwSpec,
} from './types.js';

/** What starting one scenario needs: the issuers, where to listen, and where to note listeners and routes. */
interface StartContext {
  readonly ca: LabCa;
  readonly issuers: Issuers;
  /** The OpenPGP keys that sign the scenarios' security.txt files. */
  readonly securityTxtKeys: SecurityTxtKeys;
  readonly host: string;
  readonly addressMap: LabAddressMap;
  /** Every listener started so far, closed together. */
  readonly listeners: LabListener[];
  /** Copies of web scenarios the servers answer for too. */
  readonly copies?: LabScenarioCopies;
}

/** The documentation addresses a scenario's names resolve to. */
interface Addresses {
  readonly ipv4: string;
  readonly ipv6: string;
}

/**
 * Routes the addresses of a service to its loopback listener, as the scenario's IPv6 setup says:
 * both to it (the default), the IPv6 one to `ipv6Local` (`other-content`) or nowhere
 * (`none`, `unreachable`), the IPv4 one nowhere for an IPv6-only site. Returns the listener's endpoint.
 */
function route(
  context: StartContext,
  addresses: Addresses,
  port: number,
  local: LabListener,
  setup?: LabIpv6Setup,
  ipv6Local?: LabListener,
): Endpoint {
  const endpoint = { ip: local.host, port: local.port };
  const families = webFamilies(setup);
  if (families.routeIpv4) context.addressMap.route({ ip: addresses.ipv4, port }, endpoint);
  if (families.routeIpv6 !== 'nowhere') {
    const v6 = families.routeIpv6 === 'other' && ipv6Local !== undefined ? { ip: ipv6Local.host, port: ipv6Local.port } : endpoint;
    context.addressMap.route({ ip: addresses.ipv6, port }, v6);
  }
  return endpoint;
}

/** The intermediates below the lab root that scenario certificates may come from. */
async function startIssuers(ca: LabCa): Promise<Issuers> {
  const [intermediate, rsaIntermediate] = await Promise.all([
    issueCertificate(ca, { isCa: true, commonName: 'pastoe lab intermediate', keyType: 'ecdsa-p384' }),
    issueCertificate(ca, { isCa: true, commonName: 'pastoe lab RSA intermediate', privateKey: fixedLabKey('rsa2048b') }),
  ]);
  return { root: ca, intermediate, rsaIntermediate };
}

/** Starts the HTTPS server of a web scenario (node:tls or scripted) and describes its endpoint. */
async function startHttps(
  spec: WebSpec,
  tlsSpec: TlsSpec,
  addresses: Addresses,
  context: StartContext,
): Promise<{ readonly endpoint: LabServiceEndpoint; readonly tlsa: LabTlsaData[]; readonly securityTxt?: SecurityTxtRoutes }> {
  const names = [spec.domain, `www.${spec.domain}`];
  const copies = context.copies?.webScenarios.includes(spec.domain) === true ? context.copies : undefined;
  const securityTxt =
    spec.securityTxt === undefined || spec.securityTxt === false
      ? undefined
      : securityTxtRoutes(spec.securityTxt, spec.domain, context.securityTxtKeys, new Date());
  const certificateNames = copies === undefined ? names : [...names, copies.certificateName];
  const built = await Promise.all(tlsSpec.certificates.map((c) => makeCertificate(c, spec.domain, certificateNames, context.issuers)));
  const tlsa = tlsaRecords(spec.tlsa, built);
  let listener: LabListener;
  let ipv6Listener: LabListener | undefined;
  let expected: ServerExpectation;
  if (tlsSpec.engine === 'node') {
    const site: LabHttpSite = {
      hosts: spec.www === undefined ? names : [spec.domain],
      headers: httpsSiteHeaders(spec),
      routes: { ...homeRoute(spec), ...spec.httpsRoutes, ...securityTxt?.routes },
    };
    const sites = [site, ...wwwHttpsSite(spec, context)];
    const node = nodeSetup(tlsSpec, built, context.ca);
    expected = node.expected;
    const siteFor = copies === undefined ? undefined : copySites(copies, spec, (host) => copyHttpsSite(spec, host, context));
    listener = await startHttpServer({ sites, tls: node.setup, host: context.host, ...(siteFor === undefined ? {} : { siteFor }) });
    if (spec.secondIpv4 !== undefined) {
      // The same TLS server and site at the second address, with that address's own HSTS header.
      context.listeners.push(listener);
      const second: LabHttpSite = { ...site, headers: httpsSiteHeaders({ ...spec, hsts: spec.secondIpv4.hsts }) };
      const secondListener = await startHttpServer({ sites: [second], tls: node.setup, host: context.host });
      context.listeners.push(secondListener);
      context.addressMap.route({ ip: spec.secondIpv4.address, port: 443 }, { ip: secondListener.host, port: secondListener.port });
    }
    if (spec.ipv6 === 'other-content') {
      // The same TLS server, another page: what a site whose IPv6 reaches another web farm serves.
      const fallback = { headers: { 'Content-Type': 'text/html' }, body: otherContentPage(spec.domain) };
      const others = sites.map((one): LabHttpSite => ({ ...one, fallback }));
      context.listeners.push(listener);
      ipv6Listener = await startHttpServer({ sites: others, tls: node.setup, host: context.host });
      context.listeners.push(ipv6Listener);
    }
  } else {
    const scripted = scriptedSetup(tlsSpec, built);
    expected = scripted.expected;
    listener = await startScriptedTlsServer({ ...scripted.behaviour, host: context.host });
  }
  if (!context.listeners.includes(listener)) context.listeners.push(listener);
  const endpoint: LabServiceEndpoint = {
    scenario: spec.domain,
    host: spec.domain,
    service: 'https',
    ...addresses,
    port: 443,
    local: route(context, addresses, 443, listener, spec.ipv6, ipv6Listener),
    tls: {
      ...expected,
      certificate: certificateExpectation(built, spec.domain),
      dane: daneStatus(spec.tlsa, spec.signed !== false, spec.tlsaSignature === 'bogus'),
      tlsa,
    },
  };
  return { endpoint, tlsa, ...(securityTxt === undefined ? {} : { securityTxt }) };
}

/** The most sites of copies a server keeps made at once. */
const copySiteCacheSize = 2_000;

/**
 * The `siteFor` of a server that answers for the copies of scenario `spec`: the site `make` gives
 * for a copy's name, made on first request and kept in a bounded cache; `undefined` for other names.
 */
function copySites(
  copies: LabScenarioCopies,
  spec: WebSpec,
  make: (host: string) => LabHttpSite | undefined,
): (host: string) => LabHttpSite | undefined {
  const made = new Map<string, LabHttpSite | undefined>();
  return (host) => {
    if (copies.webScenarioOf(host) !== spec.domain) return undefined;
    if (made.has(host)) return made.get(host);
    const site = make(host);
    if (made.size >= copySiteCacheSize) made.delete(made.keys().next().value as string);
    made.set(host, site);
    return site;
  };
}

/** The HTTPS site of a copy of a web scenario: the scenario's, for the copy's name (its security.txt names the copy). */
function copyHttpsSite(spec: WebSpec, host: string, context: StartContext): LabHttpSite {
  const copy: WebSpec = { ...spec, domain: host };
  const securityTxt =
    spec.securityTxt === undefined || spec.securityTxt === false
      ? undefined
      : securityTxtRoutes(spec.securityTxt, host, context.securityTxtKeys, new Date());
  return { hosts: [host], headers: httpsSiteHeaders(copy), routes: { ...homeRoute(copy), ...spec.httpsRoutes, ...securityTxt?.routes } };
}

/** The plain HTTP site of a copy of a web scenario: the scenario's, with redirects to the copy's own name. */
function copyHttpSite(spec: WebSpec, host: string): LabHttpSite | undefined {
  if (spec.http === 'none') return undefined;
  const redirect = spec.httpRedirect?.replaceAll(spec.domain, host) ?? `https://${host}{path}`;
  return { hosts: [host], ...(spec.http === 'redirect' ? { fallback: { redirect } } : {}) };
}

/** The `siteFor` of the shared plain HTTP server: each copy gets its web scenario's HTTP site, for its own name. */
function copyHttpSites(copies: LabScenarioCopies | undefined): { siteFor?: (host: string) => LabHttpSite | undefined } {
  if (copies === undefined) return {};
  const perScenario = new Map(
    webCatalogue
      .filter((spec) => copies.webScenarios.includes(spec.domain))
      .map((spec) => [spec.domain, copySites(copies, spec, (host) => copyHttpSite(spec, host))] as const),
  );
  return {
    siteFor: (host) => {
      const scenario = copies.webScenarioOf(host);
      return scenario === undefined ? undefined : perScenario.get(scenario)?.(host);
    },
  };
}

/** The headers of a scenario's www HTTPS site: the domain's, then the www name's own. */
function wwwSiteHeaders(spec: WebSpec, www: WwwSpec): Record<string, string | readonly string[]> {
  return httpsSiteHeaders({ ...spec, headers: { ...spec.headers, ...www.headers } });
}

/**
 * The HTTPS site of a scenario's www name when it is a site of its own (none otherwise): the
 * domain's routes and headers with the www name's own headers, and a security.txt naming it.
 */
function wwwHttpsSite(spec: WebSpec, context: StartContext): LabHttpSite[] {
  if (spec.www === undefined) return [];
  const host = `www.${spec.domain}`;
  const securityTxt =
    spec.securityTxt === undefined || spec.securityTxt === false
      ? undefined
      : securityTxtRoutes(spec.securityTxt, host, context.securityTxtKeys, new Date());
  return [
    { hosts: [host], headers: wwwSiteHeaders(spec, spec.www), routes: { ...homeRoute(spec), ...spec.httpsRoutes, ...securityTxt?.routes } },
  ];
}

/** What a scan of a scenario's www name should see of it, when it is a site of its own. */
function wwwSetup(spec: WebSpec): LabWwwSetup | undefined {
  if (spec.www === undefined) return undefined;
  const hsts = wwwSiteHeaders(spec, spec.www)['strict-transport-security'];
  return { cname: spec.www.cname === true, hsts: typeof hsts === 'string' ? hsts : null };
}

/** The CAA records of a web scenario: its own, the lab's good pair, or none. */
function caaLines(spec: WebSpec): string[] {
  if (spec.caaRecords !== undefined) return spec.caaRecords.map((rdata) => `@ 300 IN CAA ${rdata}`);
  return spec.caa === true ? ['@ 300 IN CAA 0 issue "lab.test"', '@ 300 IN CAA 0 iodef "mailto:security@lab.test"'] : [];
}

/** The home page `/` of a compressing site: its HTML page with the scenario's Content-Encoding. */
function homeRoute(spec: WebSpec): Record<string, LabHttpResponse> {
  if (spec.contentEncoding === undefined) return {};
  const page = `<!doctype html><title>${spec.domain}</title><p>${spec.domain}, a pastoe lab site.</p>\n`;
  return {
    '/': { headers: { 'content-type': 'text/html; charset=utf-8', 'content-encoding': spec.contentEncoding }, body: gzipSync(page) },
  };
}

/**
 * The zone of a web scenario, signed unless it says otherwise: its addresses and its `www`'s (or a
 * CNAME from `www` to the domain), its name servers, CAA, and TLSA for both names.
 */
function webZone(spec: WebSpec, addresses: Addresses, tlsa: readonly LabTlsaData[]): LabZoneSpec {
  const tlsaLines = tlsa.flatMap((data) => [`_443._tcp 300 IN TLSA ${tlsaText(data)}`, `_443._tcp.www 300 IN TLSA ${tlsaText(data)}`]);
  const families = webFamilies(spec.ipv6);
  const aaaa = spec.ipv6 === 'ipv4-mapped' ? `::ffff:${addresses.ipv4}` : addresses.ipv6;
  const wwwRecords = spec.www?.cname !== true;
  return {
    origin: spec.domain,
    content: [
      ...(families.a ? [`@ 300 IN A ${addresses.ipv4}`, ...(wwwRecords ? [`www 300 IN A ${addresses.ipv4}`] : [])] : []),
      ...(families.a && spec.secondIpv4 !== undefined
        ? [`@ 300 IN A ${spec.secondIpv4.address}`, ...(wwwRecords ? [`www 300 IN A ${spec.secondIpv4.address}`] : [])]
        : []),
      ...(families.aaaa ? [`@ 300 IN AAAA ${aaaa}`, ...(wwwRecords ? [`www 300 IN AAAA ${aaaa}`] : [])] : []),
      ...(wwwRecords ? [] : ['www 300 IN CNAME @']),
      ...nameServerRecords(spec.nameServers),
      ...caaLines(spec),
      ...tlsaLines,
    ].join('\n'),
    ...(spec.dnssec?.dsDigestTypes === undefined || spec.signed === false ? {} : { dsDigestTypes: spec.dnssec.dsDigestTypes }),
    ...(spec.signed === false
      ? {}
      : {
          dnssec: {
            algorithm: spec.dnssec?.algorithm ?? 13,
            ...(spec.dnssec?.rsaBits === undefined ? {} : { rsaBits: spec.dnssec.rsaBits }),
            ...(spec.tlsaSignature === 'bogus'
              ? { faults: [{ kind: 'bad-signature', name: `_443._tcp.${spec.domain}`, type: 'TLSA' }] }
              : {}),
          },
        }),
  };
}

/** A web scenario started: the scenario (HTTP endpoint still to come), its zone, and the site plain HTTP serves for it. */
interface StartedWeb {
  readonly scenario: LabWebScenario;
  readonly zone: LabZoneSpec;
  readonly httpSite?: LabHttpSite;
  /** The site plain HTTP serves for its www name, when that is a site of its own. */
  readonly wwwHttpSite?: LabHttpSite;
}

/** Starts a web scenario's HTTPS server, if it has one, and describes its DNS and plain HTTP. */
async function startWebScenario(spec: WebSpec, index: number, context: StartContext): Promise<StartedWeb> {
  const addresses = { ipv4: spec.addresses?.ipv4 ?? ipv4For('web', index), ipv6: spec.addresses?.ipv6 ?? ipv6For('web', index) };
  const https = spec.https === undefined ? undefined : await startHttps(spec, spec.https, addresses, context);
  const httpSite: LabHttpSite | undefined =
    spec.http === 'none'
      ? undefined
      : {
          hosts: [
            spec.domain,
            ...(spec.www === undefined ? [`www.${spec.domain}`] : []),
            addresses.ipv4,
            addresses.ipv6,
            ...(spec.secondIpv4 === undefined ? [] : [spec.secondIpv4.address]),
          ],
          ...(spec.http === 'redirect' ? { fallback: { redirect: spec.httpRedirect ?? `https://${spec.domain}{path}` } } : {}),
        };
  // A www site of its own upgrades its own name.
  const wwwHttpSite: LabHttpSite | undefined =
    spec.http === 'none' || spec.www === undefined
      ? undefined
      : {
          hosts: [`www.${spec.domain}`],
          ...(spec.http === 'redirect' ? { fallback: { redirect: `https://www.${spec.domain}{path}` } } : {}),
        };
  const www = wwwSetup(spec);
  const scenario: LabWebScenario = {
    domain: spec.domain,
    description: spec.description,
    ...addresses,
    ...(https === undefined ? {} : { https: https.endpoint }),
    httpBehaviour: spec.http === 'none' ? null : spec.http,
    hsts: spec.hsts ?? null,
    securityTxt:
      https?.securityTxt !== undefined &&
      (spec.securityTxt === true ||
        (typeof spec.securityTxt === 'object' && spec.securityTxt.path !== 'legacy' && spec.securityTxt.path !== 'none')),
    ...(https?.securityTxt?.publicKey === undefined ? {} : { securityTxtPublicKey: https.securityTxt.publicKey }),
    caa: spec.caa === true || spec.caaRecords !== undefined,
    ...(spec.ipv6 === undefined ? {} : { ipv6Setup: spec.ipv6 }),
    ...(spec.nameServers === undefined ? {} : { nameServerSetup: spec.nameServers }),
    rpki: { ipv4: spec.rpki?.ipv4 ?? 'valid', ipv6: spec.rpki?.ipv6 ?? 'valid' },
    ...(spec.secondIpv4 === undefined ? {} : { secondIpv4: spec.secondIpv4.address }),
    ...(spec.signed === false ? { signed: false as const } : {}),
    ...(www === undefined ? {} : { www }),
  };
  return {
    scenario,
    zone: webZone(spec, addresses, https?.tlsa ?? []),
    ...(httpSite === undefined ? {} : { httpSite }),
    ...(wwwHttpSite === undefined ? {} : { wwwHttpSite }),
  };
}

/**
 * Starts the one plain HTTP server every web scenario shares (and one more for the IPv6 addresses
 * of `other-content` scenarios, serving another page) and gives each scenario with HTTP its endpoint.
 */
async function addHttp(started: readonly StartedWeb[], context: StartContext): Promise<LabWebScenario[]> {
  const sites = started.flatMap((s) => [s.httpSite, s.wwwHttpSite].filter((site): site is LabHttpSite => site !== undefined));
  const listener = await startHttpServer({ sites, host: context.host, ...copyHttpSites(context.copies) });
  context.listeners.push(listener);
  const otherSites = started.flatMap(({ scenario, httpSite }) =>
    httpSite === undefined || scenario.ipv6Setup !== 'other-content'
      ? []
      : [
          {
            ...httpSite,
            fallback: httpSite.fallback ?? { headers: { 'Content-Type': 'text/html' }, body: otherContentPage(scenario.domain) },
          },
        ],
  );
  const otherListener = otherSites.length === 0 ? undefined : await startHttpServer({ sites: otherSites, host: context.host });
  if (otherListener !== undefined) context.listeners.push(otherListener);
  return started.map(({ scenario }) => {
    if (scenario.httpBehaviour === null) return scenario;
    const http: LabServiceEndpoint = {
      scenario: scenario.domain,
      host: scenario.domain,
      service: 'http',
      ipv4: scenario.ipv4,
      ipv6: scenario.ipv6,
      port: 80,
      local: route(context, scenario, 80, listener, scenario.ipv6Setup, otherListener),
    };
    if (scenario.secondIpv4 !== undefined) context.addressMap.route({ ip: scenario.secondIpv4, port: 80 }, http.local);
    return { ...scenario, http };
  });
}

/** Starts the SMTP server of a mail scenario's MX and describes its endpoint and DNS records. */
async function startSmtp(
  spec: MailSpec,
  smtpSpec: NonNullable<MailSpec['smtp']>,
  addresses: Addresses,
  signed: boolean,
  context: StartContext,
): Promise<{ readonly endpoint: LabServiceEndpoint; readonly records: string[]; readonly server: LabSmtpServer }> {
  const mx = `mx.${spec.domain}`;
  const tlsSpec = smtpSpec.tls;
  const built =
    tlsSpec === undefined
      ? []
      : await Promise.all(
          tlsSpec.certificates.map((c) =>
            makeCertificate(c, spec.certificateNames?.[0] ?? mx, spec.certificateNames ?? [mx], context.issuers),
          ),
        );
  const node = tlsSpec === undefined ? undefined : nodeSetup(tlsSpec, built, context.ca);
  const tlsa = tlsaRecords(spec.tlsa, built).map((data) =>
    spec.pkixTlsa === true && data.usage === 3 ? { ...data, usage: 1 as const } : data,
  );
  const starttls = smtpSpec.starttls ?? (node === undefined ? 'not-offered' : 'offered');
  const listener = await startSmtpServer({
    hostname: mx,
    host: context.host,
    starttls,
    ...(node === undefined ? {} : { tls: node.setup }),
    ...(smtpSpec.bannerDelayMs === undefined ? {} : { bannerDelayMs: smtpSpec.bannerDelayMs }),
  });
  context.listeners.push(listener);
  const endpoint: LabServiceEndpoint = {
    scenario: spec.domain,
    host: mx,
    service: 'smtp',
    ...addresses,
    port: 25,
    local: route(context, addresses, 25, listener, spec.mxIpv6),
    ...(node === undefined || starttls !== 'offered'
      ? {}
      : {
          tls: {
            ...node.expected,
            certificate: certificateExpectation(built, mx),
            dane: daneStatus(spec.tlsa, signed, spec.tlsaSignature === 'bogus'),
            tlsa,
          },
        }),
  };
  const records = [
    '@ 300 IN MX 10 mx',
    `mx 300 IN A ${addresses.ipv4}`,
    ...(webFamilies(spec.mxIpv6).aaaa ? [`mx 300 IN AAAA ${addresses.ipv6}`] : []),
    '@ 300 IN CAA 0 issue "lab.test"',
    ...tlsa.map((data) => `_25._tcp.mx 300 IN TLSA ${tlsaText(data)}`),
  ];
  return { endpoint, records, server: listener };
}

/** A mail domain's SPF and DMARC records: the scenario's own, or the lab's defaults. */
function authenticationRecords(spec: MailSpec): string[] {
  const sendsMail = spec.smtp !== undefined || spec.sharedMx !== undefined;
  const spf = spec.spf === undefined ? (sendsMail ? 'v=spf1 mx -all' : 'v=spf1 -all') : spec.spf;
  const ownMx = spec.smtp !== undefined;
  const dmarc = spec.dmarc === undefined ? (ownMx ? `v=DMARC1; p=reject; rua=mailto:dmarc@${spec.domain}` : null) : spec.dmarc;
  return [
    ...(spf === null ? [] : [`@ 300 IN TXT ${txtZoneText(spf)}`]),
    ...(dmarc === null ? [] : [`_dmarc 300 IN TXT ${txtZoneText(dmarc)}`]),
  ];
}

/** Starts a mail scenario's MX, if it has one, and describes its DNS. */
async function startMailScenario(
  spec: MailSpec,
  index: number,
  context: StartContext,
): Promise<{ readonly scenario: LabMailScenario; readonly zone: LabZoneSpec; readonly smtpServer?: LabSmtpServer }> {
  const addresses = { ipv4: ipv4For('mail', index), ipv6: ipv6For('mail', index) };
  const signed = spec.signed ?? true;
  // Without an SMTP server the domain has a null MX (RFC 7505), or no MX at all when the spec says so.
  const smtp = spec.smtp === undefined ? undefined : await startSmtp(spec, spec.smtp, addresses, signed, context);
  const shared = spec.sharedMx === undefined ? undefined : [`@ 300 IN MX 10 ${spec.sharedMx}.`];
  const noSmtp = [
    ...(spec.withoutMx === true ? [] : ['@ 300 IN MX 0 .']),
    ...(spec.domainAddress === true ? [`@ 300 IN A ${addresses.ipv4}`] : []),
  ];
  const mtaSts = spec.mtaSts === undefined ? [] : await startMtaStsServer(spec.domain, spec.mtaSts, addresses, context);
  const records = [
    ...nameServerRecords(undefined),
    ...(smtp?.records ?? shared ?? noSmtp),
    ...authenticationRecords(spec),
    ...(spec.records ?? []),
    ...mtaSts,
  ];
  const scenario: LabMailScenario = {
    domain: spec.domain,
    description: spec.description,
    mx: spec.smtp === undefined ? (spec.sharedMx ?? null) : `mx.${spec.domain}`,
    ...(smtp === undefined ? {} : { smtp: smtp.endpoint }),
    starttls: spec.smtp === undefined ? null : (spec.smtp.starttls ?? (spec.smtp.tls === undefined ? 'not-offered' : 'offered')),
    bannerDelayMs: spec.smtp?.bannerDelayMs ?? 0,
    ...(spec.mxIpv6 === undefined ? {} : { mxIpv6: spec.mxIpv6 }),
  };
  const faults =
    spec.tlsaSignature === 'bogus'
      ? { faults: [{ kind: 'bad-signature' as const, name: `_25._tcp.mx.${spec.domain}`, type: 'TLSA' as const }] }
      : {};
  return {
    scenario,
    ...(smtp === undefined ? {} : { smtpServer: smtp.server }),
    zone: { origin: spec.domain, content: records.join('\n'), ...(signed ? { dnssec: { algorithm: 13, ...faults } } : {}) },
  };
}

/**
 * Starts the web and mail scenario servers on loopback, routes their documentation addresses to
 * them in the address map, and returns the DNS zones that describe them. Certificates and
 * servers are made in parallel; RSA keys are the lab's fixed ones.
 */
export async function startLabScenarios(options: StartLabScenariosOptions): Promise<LabScenarioWorld> {
  const { ca, addressMap, host } = options;
  const listeners: LabListener[] = [];
  const close = async (): Promise<void> => {
    await Promise.all(listeners.map((l) => l.close()));
  };
  try {
    const context: StartContext = {
      ...(options.copies === undefined ? {} : { copies: options.copies }),
      ca,
      issuers: await startIssuers(ca),
      securityTxtKeys: makeSecurityTxtKeys(new Date()),
      host,
      addressMap,
      listeners,
    };
    const startedWeb = await Promise.all(webCatalogue.map((spec, index) => startWebScenario(spec, index, context)));
    const web = await addHttp(startedWeb, context);
    const startedMail = await Promise.all(mailCatalogue.map((spec, index) => startMailScenario(spec, index, context)));
    const mail = startedMail.map((m) => m.scenario);
    const endpoints: LabServiceEndpoint[] = [
      ...web.flatMap((s) => [s.https, s.http].filter((e): e is LabServiceEndpoint => e !== undefined)),
      ...mail.flatMap((s) => (s.smtp === undefined ? [] : [s.smtp])),
    ];
    const zones = [...startedWeb.map((s) => s.zone), ...startedMail.map((m) => m.zone)];
    const { ns2 } = scenarioNameServers;
    const smtpSessions = (): LabSmtpSessions[] =>
      startedMail.flatMap((m) =>
        m.smtpServer === undefined
          ? []
          : [{ host: `mx.${m.scenario.domain}`, sessions: m.smtpServer.sessions, peakSessions: m.smtpServer.peakSessions }],
      );
    return { zones, web, mail, endpoints, nameServerAddresses: [ns2.ipv4, ns2.ipv6], smtpSessions, close };
  } catch (error) {
    await close();
    throw error;
  }
}
