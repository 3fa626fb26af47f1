/**
 * Builders of the scenario world: certificates from their specs, node:tls setups and scripted
 * behaviours from the server specs, and what a scan of each should find (versions, suites per
 * version, certificate verdicts, TLSA records and DANE status), by the rules OpenSSL and the
 * scripted server apply.
 */
import { cipherSuite } from '@pastoe/core';
import { createSelfSignedCertificate, issueCertificate, type LabCa, type LabCertificate, type LabKeyType } from '../../pki/ca.js';
import { type FixedLabKey, fixedLabKey } from '../../pki/fixed-keys.js';
import { createOcspResponse } from '../../pki/ocsp.js';
import { type LabTlsaData, tlsaFor } from '../../pki/tlsa.js';
import { groupCode, type LabTlsVersion, labTlsVersions, suiteHandshake } from '../../tls/codes.js';
import type { ScriptedTlsBehaviour } from '../../tls/scripted.js';
import type { LabServedCertificate, LabTlsSetup } from '../../tls/server.js';
import type {
  CertSpec,
  LabCertificateExpectation,
  LabIpv6Setup,
  LabNameServerSetup,
  LabTlsExpectation,
  NodeTlsSpec,
  ScriptedSpec,
  TlsaSpec,
  WebSpec,
} from './types.js';

/** What a scan of a server should find, less what its certificates and DNS decide. */
export type ServerExpectation = Omit<LabTlsExpectation, 'certificate' | 'dane' | 'tlsa'>;

/** The lab's shared certificate authorities below its root. */
export interface Issuers {
  /** The lab root. */
  readonly root: LabCa;
  /** An ECDSA P-384 intermediate. */
  readonly intermediate: LabCertificate;
  /** An RSA intermediate (for SHA-1-signed leaves). */
  readonly rsaIntermediate: LabCertificate;
}

/** A scenario certificate as made: its spec, the certificate, the chain served, and its issuer (none when self-signed). */
export interface BuiltCert {
  /** What was asked for. */
  readonly spec: CertSpec;
  /** The leaf. */
  readonly certificate: LabCertificate;
  /** The chain and key the server serves. */
  readonly served: LabServedCertificate;
  /** The issuer, unless self-signed. */
  readonly issuer?: LabCertificate;
}

const day = 86_400_000;

/** Makes a scenario certificate for `host` (naming `hostNames` unless the spec names others). */
export async function makeCertificate(spec: CertSpec, host: string, hostNames: readonly string[], issuers: Issuers): Promise<BuiltCert> {
  const now = Date.now();
  const validity =
    spec.validity === 'expired'
      ? { notBefore: new Date(now - 90 * day), notAfter: new Date(now - day) }
      : spec.validity === 'not-yet-valid'
        ? { notBefore: new Date(now + day), notAfter: new Date(now + 90 * day) }
        : {};
  const key = spec.key.startsWith('rsa') ? { privateKey: fixedLabKey(spec.key as FixedLabKey) } : { keyType: spec.key as LabKeyType };
  const names = spec.names ?? hostNames;
  const options = {
    names,
    ...key,
    ...validity,
    ...(spec.signature === undefined ? {} : { signatureAlgorithm: spec.signature }),
    ocspUrl: `http://ocsp.lab.test/${host}`,
  };
  const issuerName = spec.issuer ?? 'root';
  if (issuerName === 'self') {
    const certificate = await createSelfSignedCertificate(options);
    return { spec, certificate, served: certificate };
  }
  const issuer = issuerName === 'root' ? issuers.root : issuerName === 'intermediate' ? issuers.intermediate : issuers.rsaIntermediate;
  const certificate = await issueCertificate(issuer, options);
  const served = spec.leafOnly === true ? { chainPem: certificate.certificatePem, privateKeyPem: certificate.privateKeyPem } : certificate;
  return { spec, certificate, served, issuer };
}

/** The OpenSSL cipher string for a list of IANA codes (TLS 1.3 names mixed in; node splits them). */
function opensslCiphers(codes: readonly number[]): string {
  return codes
    .map((code) => {
      const suite = cipherSuite(code);
      if (!suite.opensslServes || suite.openssl === null) throw new Error(`node:tls cannot serve ${suite.iana}; use a scripted server`);
      return suite.openssl;
    })
    .join(':');
}

function versionsBetween(low: LabTlsVersion, high: LabTlsVersion): LabTlsVersion[] {
  return labTlsVersions.slice(labTlsVersions.indexOf(low), labTlsVersions.indexOf(high) + 1);
}

/**
 * The 1024-bit MODP group of RFC 2409 §6.2 (Oakley group 2): a real prime that is not one of
 * RFC 7919's. Written out because node's getDiffieHellman('modp2') checks the prime on every
 * call, which costs 30 ms.
 */
function modp2(): { prime: Buffer; generator: Buffer } {
  const prime =
    'ffffffffffffffffc90fdaa22168c234c4c6628b80dc1cd129024e088a67cc74020bbea63b139b22514a08798e3404ddef9519b3cd3a431b302b0a6df25f14374fe1356d6d51c245e485b576625e7ec6f44c42e9a637ed6b0bff5cb6f406b7edee386bfb5a899fa5ae9f24117c4b1fe649286651ece65381ffffffffffffffff';
  return { prime: Buffer.from(prime, 'hex'), generator: Buffer.from([2]) };
}

/** The suites a server accepts per version, by the same rules OpenSSL and the scripted server apply. */
function suitesPerVersion(
  versions: readonly LabTlsVersion[],
  suites: readonly number[],
  accepts: (code: number) => boolean,
): Partial<Record<LabTlsVersion, number[]>> {
  const out: Partial<Record<LabTlsVersion, number[]>> = {};
  for (const version of versions) {
    out[version] = suites.filter((code) => {
      const suite = suiteHandshake(code);
      if (version === 'TLSv1.3') return suite.keyExchange === 'tls13';
      if (suite.keyExchange === 'tls13') return false;
      if (suite.tls12Only && version !== 'TLSv1.2') return false;
      return accepts(code);
    });
  }
  return out;
}

/** What a scan of the chains a server presents should find. */
export function certificateExpectation(built: readonly BuiltCert[], host: string): LabCertificateExpectation {
  const first = built[0] as BuiltCert;
  const spec = first.spec;
  const issuer = spec.issuer ?? 'root';
  let chainError: string | undefined;
  if (spec.validity === 'expired') chainError = 'CERT_HAS_EXPIRED';
  else if (spec.validity === 'not-yet-valid') chainError = 'CERT_NOT_YET_VALID';
  else if (issuer === 'self') chainError = 'DEPTH_ZERO_SELF_SIGNED_CERT';
  else if (spec.leafOnly === true) chainError = 'UNABLE_TO_VERIFY_LEAF_SIGNATURE';
  // OpenSSL says CA_MD_TOO_WEAK; node has no name for it.
  else if (spec.signature === 'sha1') chainError = 'UNSPECIFIED';
  return {
    keyTypes: built.map((b) => b.certificate.keyType),
    signature: first.certificate.signatureAlgorithm,
    chainTrusted: chainError === undefined,
    ...(chainError === undefined ? {} : { chainError }),
    nameMatches: first.certificate.certificate.checkHost(host) !== undefined,
    chainLength: (first.served.chainPem.match(/-----BEGIN CERTIFICATE-----/g) ?? []).length,
    ocspUrl: true,
  };
}

/** The TLSA records a scenario publishes for the chains it serves. */
export function tlsaRecords(kind: TlsaSpec | undefined, built: readonly BuiltCert[]): LabTlsaData[] {
  switch (kind ?? 'none') {
    case 'dane-ee':
      return built.map((b) => tlsaFor(b.certificate, 3, 1, 1));
    case 'dane-ta':
      return built.flatMap((b) => (b.issuer === undefined ? [] : [tlsaFor(b.issuer, 2, 0, 1)]));
    case 'wrong': {
      const real = tlsaFor((built[0] as BuiltCert).certificate, 3, 1, 1);
      const digest = Buffer.from(real.certificateData, 'hex');
      digest[0] = (digest[0] as number) ^ 0xff;
      return [{ ...real, certificateData: digest.toString('hex') }];
    }
    default:
      return [];
  }
}

/** What DANE should say of an endpoint, given its TLSA records and whether its zone is signed. */
export function daneStatus(kind: TlsaSpec | undefined, signed: boolean, bogus = false): LabTlsExpectation['dane'] {
  if (kind === undefined || kind === 'none') return 'none';
  if (!signed) return 'insecure';
  if (bogus) return 'bogus';
  return kind === 'wrong' ? 'invalid' : 'valid';
}

/** A TLS setup and its expectation for a node:tls spec. */
export function nodeSetup(spec: NodeTlsSpec, built: readonly BuiltCert[], ca: LabCa): { setup: LabTlsSetup; expected: ServerExpectation } {
  const [low, high] = spec.versions;
  const versions = versionsBetween(low, high);
  const keyKinds = new Set(built.map((b) => (b.certificate.keyType.startsWith('rsa') ? 'rsa' : 'ec')));
  const first = built[0] as BuiltCert;
  const staple =
    spec.ocsp === undefined
      ? undefined
      : createOcspResponse({ certificate: first.certificate, issuer: first.issuer ?? ca, badSignature: spec.ocsp === 'bad-signature' });
  const setup: LabTlsSetup = {
    certificates: built.map((b) => b.served),
    minVersion: low,
    maxVersion: high,
    ciphers: opensslCiphers(spec.suites),
    ecdhCurve: spec.groups.join(':'),
    serverPreference: spec.serverPreference ?? true,
    renegotiation: spec.renegotiation ?? 'refused',
    ...(spec.dh === undefined ? {} : { dhparam: spec.dh }),
    ...(spec.securityLevel === undefined ? {} : { securityLevel: spec.securityLevel }),
    ...(spec.sigalgs === undefined ? {} : { sigalgs: spec.sigalgs }),
    ...(staple === undefined ? {} : { ocspStaple: staple }),
  };
  const level = spec.securityLevel ?? (low === 'TLSv1.0' || low === 'TLSv1.1' ? 0 : 1);
  const below13 = versions.some((v) => v !== 'TLSv1.3');
  const suites = suitesPerVersion(versions, spec.suites, (code) => {
    const suite = suiteHandshake(code);
    if (suite.keyExchange === 'dhe' && spec.dh === undefined) return false;
    return suite.authentication === 'ecdsa' ? keyKinds.has('ec') : keyKinds.has('rsa');
  });
  const signs = Object.entries(suites).some(([v, list]) => v === 'TLSv1.2' && list.some((c) => suiteHandshake(c).keyExchange !== 'rsa'));
  return {
    setup,
    expected: {
      engine: 'node',
      versions,
      suites,
      serverPreference: below13 ? (spec.serverPreference ?? true) : null,
      groups: spec.groups.map(groupCode),
      ...(spec.dh === undefined ? {} : { dh: spec.dh }),
      sha1KeyExchange: signs && level === 0 && spec.sigalgs === undefined,
      compression: false,
      secureRenegotiation: below13 ? true : null,
      extendedMasterSecret: below13 ? true : null,
      clientRenegotiation: below13 ? (spec.renegotiation ?? 'refused') : null,
      ocspStaple: spec.ocsp ?? null,
    },
  };
}

/** The behaviour and expectation for a scripted spec. */
export function scriptedSetup(
  spec: ScriptedSpec,
  built: readonly BuiltCert[],
): { behaviour: ScriptedTlsBehaviour; expected: ServerExpectation } {
  const { dh: dhName, ...b } = spec.behaviour;
  const dh = dhName === 'modp2' ? modp2() : dhName;
  const behaviour: ScriptedTlsBehaviour = { ...b, ...(dh === undefined ? {} : { dh }), certificates: built.map((c) => c.served) };
  const below13 = b.versions.some((v) => v !== 'TLSv1.3');
  const schemes = b.signatureSchemes ?? [];
  const hasDhe = b.suites.some((s) => suiteHandshake(s).keyExchange === 'dhe');
  return {
    behaviour,
    expected: {
      engine: 'scripted',
      versions: labTlsVersions.filter((v) => b.versions.includes(v)),
      suites: suitesPerVersion(b.versions, b.suites, () => true),
      serverPreference: below13 ? (b.preference ?? 'server') === 'server' : null,
      groups: b.groups ?? [29, 23, 24],
      ...(hasDhe
        ? { dh: typeof dh === 'string' || dh === undefined ? (dh ?? 'ffdhe2048') : (`custom-${dh.prime.length * 8}` as const) }
        : {}),
      sha1KeyExchange:
        b.versions.includes('TLSv1.2') &&
        (b.forceSignatureScheme === 0x0201 || b.forceSignatureScheme === 0x0203 || schemes.includes(0x0201) || schemes.includes(0x0203)),
      compression: b.compression ?? false,
      secureRenegotiation: below13 ? (b.secureRenegotiation ?? true) : null,
      extendedMasterSecret: below13 ? (b.extendedMasterSecret ?? true) : null,
      clientRenegotiation: null,
      ocspStaple: b.ocspStaple === undefined ? null : 'good',
    },
  };
}

/** The IPv4 documentation address of the `index`th web or mail scenario. */
export function ipv4For(kind: 'web' | 'mail', index: number): string {
  return kind === 'web' ? `192.0.2.${100 + index}` : `198.51.100.${100 + index}`;
}

/** The IPv6 documentation address of the `index`th web or mail scenario. */
export function ipv6For(kind: 'web' | 'mail', index: number): string {
  return `2001:db8:${kind === 'web' ? '443' : '25'}::${(index + 1).toString(16)}`;
}

/**
 * The security headers every HTTPS lab site sends unless its scenario says otherwise: the values
 * Internet.nl calls good (its eleven CSP rules kept), and Observatory-style CORP and COOP.
 */
const labSecurityHeaders: Readonly<Record<string, string>> = {
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; object-src 'none'",
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
};

/** The headers of a web scenario's HTTPS site: the defaults, its HSTS, then its own (names lowercased; `null` removes). */
export function httpsSiteHeaders(spec: WebSpec): Record<string, string | readonly string[]> {
  const merged: Record<string, string | readonly string[] | null> = { ...labSecurityHeaders };
  if (spec.hsts !== undefined) merged['strict-transport-security'] = spec.hsts;
  for (const [name, value] of Object.entries(spec.headers ?? {})) merged[name.toLowerCase()] = value;
  const headers: Record<string, string | readonly string[]> = {};
  for (const [name, value] of Object.entries(merged)) if (value !== null) headers[name] = value;
  return headers;
}
/**
 * The name servers the web scenario zones publish: `ns1` at the lab name server's own addresses,
 * `ns2` at addresses the lab routes to the same server, so that a zone has two name servers.
 */
export const scenarioNameServers = {
  ns1: { ipv4: '192.0.2.53', ipv6: '2001:db8::53' },
  ns2: { ipv4: '192.0.2.54', ipv6: '2001:db8:53::53' },
} as const;

/** An IPv6 address no server plays: a name server there does not answer over IPv6. */
const silentNameServerIpv6 = '2001:db8:53::dead';

/** The NS records and their addresses for a web scenario zone (relative to its origin). */
export function nameServerRecords(setup: LabNameServerSetup | undefined): string[] {
  const { ns1, ns2 } = scenarioNameServers;
  const ns2Ipv6 = setup === 'one-ipv6' || setup === 'ipv4-only' ? [] : [setup === 'ipv6-silent' ? silentNameServerIpv6 : ns2.ipv6];
  const ns1Ipv6 = setup === 'ipv4-only' ? [] : [ns1.ipv6];
  return [
    '@ 300 IN NS ns1',
    '@ 300 IN NS ns2',
    `ns1 300 IN A ${ns1.ipv4}`,
    ...ns1Ipv6.map((ip) => `ns1 300 IN AAAA ${ip}`),
    `ns2 300 IN A ${ns2.ipv4}`,
    ...ns2Ipv6.map((ip) => `ns2 300 IN AAAA ${ip}`),
  ];
}

/** Which of a web scenario's addresses are in its DNS and which reach its own servers. */
export function webFamilies(setup: LabIpv6Setup | undefined): {
  readonly a: boolean;
  readonly aaaa: boolean;
  readonly routeIpv4: boolean;
  readonly routeIpv6: 'same' | 'other' | 'nowhere';
} {
  return {
    a: setup !== 'only',
    aaaa: setup !== 'none',
    routeIpv4: setup !== 'only',
    routeIpv6:
      setup === 'none' || setup === 'unreachable' || setup === 'ipv4-mapped' ? 'nowhere' : setup === 'other-content' ? 'other' : 'same',
  };
}

/** The page the IPv6 servers of an `other-content` scenario serve: nothing like the IPv4 one. */
export const otherContentPage = (domain: string): string =>
  `<!doctype html><title>IPv6</title><pre>${domain}\n${'0123456789 '.repeat(60)}</pre>\n`;
