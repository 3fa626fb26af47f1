/**
 * The lab's web and mail scenario domains under `.test`: for each, signed DNS (A/AAAA at
 * documentation addresses, MX, TLSA computed from the served certificates, CAA), the servers that
 * play it (HTTPS on 443 and HTTP on 80, or SMTP with STARTTLS on 25, each a loopback listener
 * behind the address map), and what a scan should find there.
 */
import { type Endpoint, cipherSuite } from '@pastoe/core';
import type { LabZoneSpec } from '../dns/catalogue.js';
import { startHttpServer, type LabHttpSite } from '../http/server.js';
import {
  type LabCa,
  type LabCertificate,
  type LabKeyType,
  type LabSignatureAlgorithm,
  createSelfSignedCertificate,
  issueCertificate,
} from '../pki/ca.js';
import { type FixedLabKey, fixedLabKey } from '../pki/fixed-keys.js';
import { createOcspResponse } from '../pki/ocsp.js';
import { type LabTlsaData, tlsaFor, tlsaText } from '../pki/tlsa.js';
import { type LabStarttlsMode, startSmtpServer } from '../smtp/server.js';
import { type LabTlsVersion, groupCode, labTlsVersions, suiteHandshake } from '../tls/codes.js';
import type { FfdheName } from '../tls/ffdhe.js';
import { type ScriptedTlsBehaviour, startScriptedTlsServer } from '../tls/scripted.js';
import type { LabRenegotiation, LabServedCertificate, LabTlsSetup } from '../tls/server.js';
import type { LabAddressMap } from './address-map.js';
import type { LabListener } from './listener.js';

/** What a scan of the certificate(s) a server presents should find. */
export interface LabCertificateExpectation {
  /** The leaf key type of each chain served, in the order configured. */
  readonly keyTypes: readonly LabKeyType[];
  /** How the (first) leaf is signed. */
  readonly signature: LabSignatureAlgorithm | 'ed25519';
  /** Whether the chain verifies against the lab CA ({@link Lab.caPem}) for a default node:tls client. */
  readonly chainTrusted: boolean;
  /**
   * The verification code node:tls reports when it does not (e.g. `CERT_HAS_EXPIRED`). Node
   * reports some OpenSSL reasons as `UNSPECIFIED`: a SHA-1-signed leaf (OpenSSL's
   * `CA_MD_TOO_WEAK`, refused at security level 1) is one.
   */
  readonly chainError?: string;
  /** Whether the leaf names the host. */
  readonly nameMatches: boolean;
  /** How many certificates the server sends (leaf and intermediates). */
  readonly chainLength: number;
  /** Whether the leaf carries an OCSP responder URL (authorityInfoAccess). */
  readonly ocspUrl: boolean;
}

/** What a TLS scan of a lab endpoint should find. */
export interface LabTlsExpectation {
  /**
   * `node` servers are node:tls (OpenSSL): every handshake completes. `scripted` servers answer
   * with genuine records up to ServerHelloDone / ServerHello and never finish a handshake.
   */
  readonly engine: 'node' | 'scripted';
  /** The versions it accepts. */
  readonly versions: readonly LabTlsVersion[];
  /**
   * The suites it accepts per version (IANA codes): in its order of preference when
   * `serverPreference` is true, as configured otherwise.
   */
  readonly suites: Readonly<Partial<Record<LabTlsVersion, readonly number[]>>>;
  /** Whether it enforces its own suite order at TLS ≤ 1.2; `null` when it speaks only TLS 1.3. */
  readonly serverPreference: boolean | null;
  /**
   * The named groups it accepts (IANA codes), in its order of preference. At TLS ≤ 1.2 a node
   * server with an ECDSA certificate also needs the certificate's curve among the client's groups
   * (RFC 4492 §5.1): a hello without it fails even when another accepted group is offered.
   */
  readonly groups: readonly number[];
  /** Its DHE group, when it has DHE suites: an RFC 7919 name or `custom-<bits>`. */
  readonly dh?: FfdheName | `custom-${number}`;
  /** Whether a TLS 1.2 client that offers only SHA-1 signature schemes gets a SHA-1-signed key exchange. */
  readonly sha1KeyExchange: boolean;
  /** Whether it accepts DEFLATE compression. */
  readonly compression: boolean;
  /** Whether it answers renegotiation_info at TLS ≤ 1.2; `null` when it speaks only TLS 1.3. */
  readonly secureRenegotiation: boolean | null;
  /** Whether it uses extended_master_secret at TLS ≤ 1.2; `null` when it speaks only TLS 1.3. */
  readonly extendedMasterSecret: boolean | null;
  /** Client-initiated renegotiation at TLS ≤ 1.2; `null` when it cannot be tested (TLS 1.3 only, scripted). */
  readonly clientRenegotiation: LabRenegotiation | null;
  /** The OCSP staple it sends when asked, if any. */
  readonly ocspStaple: 'good' | 'bad-signature' | null;
  /** The certificates. */
  readonly certificate: LabCertificateExpectation;
  /**
   * DANE for this endpoint: `valid` (a secure TLSA RRset matches), `invalid` (secure, matches
   * nothing), `insecure` (TLSA in an unsigned zone), `none` (no TLSA).
   */
  readonly dane: 'valid' | 'invalid' | 'insecure' | 'none';
  /** The TLSA records published for it. */
  readonly tlsa: readonly LabTlsaData[];
}

/** One service of a scenario, at its public-looking addresses, and the loopback listener behind them. */
export interface LabServiceEndpoint {
  /** The scenario domain it belongs to. */
  readonly scenario: string;
  /** The host name clients use: SNI, Host, or the MX target. */
  readonly host: string;
  /** `https` (443), `http` (80) or `smtp` (25, STARTTLS where offered). */
  readonly service: 'https' | 'http' | 'smtp';
  /** The IPv4 documentation address in DNS. */
  readonly ipv4: string;
  /** The IPv6 documentation address in DNS. */
  readonly ipv6: string;
  /** The real port (443, 80, 25). */
  readonly port: number;
  /** The loopback listener the address map sends both addresses to. */
  readonly local: Endpoint;
  /** For TLS services: what a scan should find. */
  readonly tls?: LabTlsExpectation;
}

/** A web scenario. */
export interface LabWebScenario {
  /** The domain, e.g. `modern.test`; `www.<domain>` is served alike. */
  readonly domain: string;
  /** What it shows, in one line. */
  readonly description: string;
  /** The IPv4 and IPv6 documentation addresses of the domain and its `www`. */
  readonly ipv4: string;
  /** See `ipv4`. */
  readonly ipv6: string;
  /** The HTTPS endpoint; absent when nothing listens on 443 (connections are refused). */
  readonly https?: LabServiceEndpoint;
  /** The HTTP endpoint; absent when nothing listens on 80. */
  readonly http?: LabServiceEndpoint;
  /** What plain HTTP does: redirect to HTTPS (`https://<domain>/…`, 301) or serve a page. `null`: no HTTP. */
  readonly httpBehaviour: 'redirect' | 'page' | null;
  /** The Strict-Transport-Security header HTTPS sends, if any. */
  readonly hsts: string | null;
  /** Whether `/.well-known/security.txt` is served over HTTPS. */
  readonly securityTxt: boolean;
  /** Whether the domain has a CAA record. */
  readonly caa: boolean;
}

/** A mail scenario. */
export interface LabMailScenario {
  /** The mail domain, e.g. `mail-modern.test`. */
  readonly domain: string;
  /** What it shows, in one line. */
  readonly description: string;
  /** Its MX host (`mx.<domain>`), or `null` for a null MX (RFC 7505). */
  readonly mx: string | null;
  /** The SMTP endpoint of the MX; absent for a null MX. */
  readonly smtp?: LabServiceEndpoint;
  /** How the MX treats STARTTLS. */
  readonly starttls: LabStarttlsMode | null;
  /** The banner delay in milliseconds (a tarpit), 0 for none. */
  readonly bannerDelayMs: number;
}

/** Everything the scenario world adds to a lab. */
export interface LabScenarioWorld {
  /** Zones to add to the lab's DNS (signed where the scenario needs it). */
  readonly zones: readonly LabZoneSpec[];
  /** The web scenarios. */
  readonly web: readonly LabWebScenario[];
  /** The mail scenarios. */
  readonly mail: readonly LabMailScenario[];
  /** Every service endpoint, web and mail. */
  readonly endpoints: readonly LabServiceEndpoint[];
  /** Closes every server. */
  close(): Promise<void>;
}

/** Options for {@link startLabScenarios}. */
export interface StartLabScenariosOptions {
  /** The lab CA, which issues every scenario certificate. */
  readonly ca: LabCa;
  /** The address map to add the routes to. */
  readonly addressMap: LabAddressMap;
  /** The loopback address to listen on. */
  readonly host: string;
}

// ---- the catalogue, as data ----

/** How a scenario certificate is made. */
interface CertSpec {
  readonly key: 'ecdsa-p256' | 'ecdsa-p384' | 'ed25519' | FixedLabKey;
  readonly issuer?: 'root' | 'intermediate' | 'rsa-intermediate' | 'self';
  readonly signature?: LabSignatureAlgorithm;
  readonly validity?: 'valid' | 'expired' | 'not-yet-valid';
  /** Names instead of the host's own. */
  readonly names?: readonly string[];
  /** Send the leaf only, without its intermediate. */
  readonly leafOnly?: boolean;
}

interface NodeTlsSpec {
  readonly engine: 'node';
  readonly certificates: readonly CertSpec[];
  readonly versions: readonly [LabTlsVersion, LabTlsVersion];
  readonly suites: readonly number[];
  readonly groups: readonly string[];
  readonly dh?: FfdheName;
  readonly serverPreference?: boolean;
  readonly renegotiation?: LabRenegotiation;
  readonly ocsp?: 'good' | 'bad-signature';
  readonly securityLevel?: 0 | 1;
  readonly sigalgs?: string;
}

interface ScriptedSpec {
  readonly engine: 'scripted';
  readonly certificates: readonly CertSpec[];
  /** `dh: 'modp2'` stands for RFC 2409's 1024-bit group, which the builder fetches from node. */
  readonly behaviour: Omit<ScriptedTlsBehaviour, 'certificates' | 'dh'> & { readonly dh?: FfdheName | 'modp2' };
}

type TlsSpec = NodeTlsSpec | ScriptedSpec;

type TlsaSpec = 'dane-ee' | 'dane-ta' | 'wrong' | 'none';

interface WebSpec {
  readonly domain: string;
  readonly description: string;
  readonly https?: TlsSpec;
  readonly http: 'redirect' | 'page' | 'none';
  readonly hsts?: string;
  readonly securityTxt?: boolean;
  readonly tlsa?: TlsaSpec;
  readonly caa?: boolean;
}

interface MailSpec {
  readonly domain: string;
  readonly description: string;
  /** Absent for a null MX. */
  readonly smtp?: {
    readonly tls?: NodeTlsSpec;
    readonly starttls?: LabStarttlsMode;
    readonly bannerDelayMs?: number;
  };
  readonly tlsa?: TlsaSpec;
  readonly signed?: boolean;
}

/** Modern TLS: 1.3 suites, then TLS 1.2 ECDHE AEAD suites for both key types. */
const modernSuites = [0x1302, 0x1303, 0x1301, 0xc02c, 0xc030, 0xcca9, 0xcca8, 0xc02b, 0xc02f];
const modernGroups = ['X25519', 'prime256v1', 'secp384r1'];
/** TLS ≤ 1.2 signature schemes without SHA-1 or SHA-224, for servers at security level 0 that should still not sign with them. */
const sha2Sigalgs =
  'ECDSA+SHA256:ECDSA+SHA384:ECDSA+SHA512:ed25519:rsa_pss_rsae_sha256:rsa_pss_rsae_sha384:rsa_pss_rsae_sha512:RSA+SHA256:RSA+SHA384:RSA+SHA512';
const hsts = 'max-age=31536000; includeSubDomains';

const modern = (certificates: readonly CertSpec[], extra: Partial<NodeTlsSpec> = {}): NodeTlsSpec => ({
  engine: 'node',
  certificates,
  versions: ['TLSv1.2', 'TLSv1.3'],
  suites: modernSuites,
  groups: modernGroups,
  ...extra,
});

/** A legacy server: TLS 1.0–1.2, CBC suites with SHA-1 MACs, RSA key exchange, DHE on ffdhe2048, the client's order. */
const legacyTls: NodeTlsSpec = {
  engine: 'node',
  certificates: [{ key: 'rsa2048a' }],
  versions: ['TLSv1.0', 'TLSv1.2'],
  suites: [0xc013, 0xc014, 0x0033, 0x002f, 0x0035, 0x009c, 0xc02f],
  groups: ['prime256v1', 'secp384r1', 'X25519'],
  dh: 'ffdhe2048',
  serverPreference: false,
  renegotiation: 'unlimited',
};

const webCatalogue: readonly WebSpec[] = [
  {
    domain: 'modern.test',
    description: 'TLS 1.2 and 1.3, ECDSA P-256, HSTS for a year, HTTP redirects to HTTPS, OCSP stapling, DANE-EE, CAA',
    https: modern([{ key: 'ecdsa-p256' }], { ocsp: 'good' }),
    http: 'redirect',
    hsts,
    securityTxt: true,
    tlsa: 'dane-ee',
    caa: true,
  },
  {
    domain: 'legacy.test',
    description:
      'TLS 1.0–1.2, CBC and RSA key exchange, RSA-2048, SHA-1 key exchange signatures allowed, client order, no HSTS, no redirect',
    https: legacyTls,
    http: 'page',
  },
  {
    domain: 'ancient.test',
    description: 'scripted: SSLv3 and TLS 1.0 with RC4 and 3DES, DEFLATE, no renegotiation_info, no EMS, RSA-1024 signed with SHA-1',
    https: {
      engine: 'scripted',
      certificates: [{ key: 'rsa1024', issuer: 'rsa-intermediate', signature: 'sha1' }],
      behaviour: {
        versions: ['SSLv3', 'TLSv1.0'],
        suites: [0x0005, 0x0004, 0x000a, 0x002f],
        compression: true,
        secureRenegotiation: false,
        extendedMasterSecret: false,
      },
    },
    http: 'page',
  },
  {
    domain: 'weak-kex.test',
    description:
      'scripted: TLS 1.2, ECDHE on secp224r1, DHE with a 1024-bit custom group, key exchange signed with SHA-1 by preference, 3DES',
    https: {
      engine: 'scripted',
      certificates: [{ key: 'rsa2048a' }],
      behaviour: {
        versions: ['TLSv1.2'],
        suites: [0xc012, 0xc02f, 0x009e],
        groups: [21, 23],
        dh: 'modp2',
        signatureSchemes: [0x0201, 0x0401, 0x0804],
      },
    },
    http: 'page',
  },
  {
    domain: 'tls13.test',
    description: 'TLS 1.3 only, ECDSA P-384, HSTS, redirect, DANE-EE',
    https: {
      ...modern([{ key: 'ecdsa-p384' }]),
      versions: ['TLSv1.3', 'TLSv1.3'],
      suites: [0x1302, 0x1303],
      groups: ['X25519', 'secp384r1'],
    },
    http: 'redirect',
    hsts,
    tlsa: 'dane-ee',
    caa: true,
  },
  {
    domain: 'ed25519.test',
    description: 'TLS 1.2 and 1.3 with an Ed25519 certificate, HSTS, redirect',
    https: modern([{ key: 'ed25519' }]),
    http: 'redirect',
    hsts,
  },
  {
    domain: 'expired-cert.test',
    description: 'modern TLS with a certificate that expired yesterday',
    https: modern([{ key: 'ecdsa-p256', validity: 'expired' }]),
    http: 'redirect',
    hsts,
  },
  {
    domain: 'not-yet-valid.test',
    description: 'modern TLS with a certificate valid from tomorrow',
    https: modern([{ key: 'ecdsa-p256', validity: 'not-yet-valid' }]),
    http: 'redirect',
    hsts,
  },
  {
    domain: 'wrong-name.test',
    description: 'modern TLS with a trusted certificate for other names (wrong-host.test)',
    https: modern([{ key: 'ecdsa-p256', names: ['wrong-host.test', 'www.wrong-host.test'] }]),
    http: 'redirect',
    hsts,
  },
  {
    domain: 'self-signed.test',
    description: 'modern TLS with a self-signed certificate',
    https: modern([{ key: 'ecdsa-p256', issuer: 'self' }]),
    http: 'redirect',
    hsts,
  },
  {
    domain: 'missing-intermediate.test',
    description: 'modern TLS, leaf from the lab intermediate sent without the intermediate',
    https: modern([{ key: 'ecdsa-p256', issuer: 'intermediate', leafOnly: true }]),
    http: 'redirect',
    hsts,
  },
  {
    domain: 'sha1-cert.test',
    description: 'TLS 1.2, RSA-2048 leaf signed with SHA-1 by an RSA intermediate',
    https: {
      engine: 'node',
      certificates: [{ key: 'rsa2048a', issuer: 'rsa-intermediate', signature: 'sha1' }],
      versions: ['TLSv1.2', 'TLSv1.2'],
      suites: [0xc030, 0xc02f],
      groups: modernGroups,
      securityLevel: 0,
      sigalgs: sha2Sigalgs,
    },
    http: 'redirect',
    hsts,
  },
  {
    domain: 'dane-ta.test',
    description: 'modern TLS, leaf from the lab intermediate with the full chain, DANE-TA (2 0 1) on the intermediate',
    https: modern([{ key: 'ecdsa-p256', issuer: 'intermediate' }]),
    http: 'redirect',
    hsts,
    tlsa: 'dane-ta',
    caa: true,
  },
  {
    domain: 'dane-wrong.test',
    description: 'modern TLS with a DANE-EE TLSA record that matches nothing',
    https: modern([{ key: 'ecdsa-p256' }]),
    http: 'redirect',
    hsts,
    tlsa: 'wrong',
  },
  {
    domain: 'ocsp-bad.test',
    description: 'modern TLS stapling an OCSP response whose signature does not verify',
    https: modern([{ key: 'ecdsa-p256' }], { ocsp: 'bad-signature' }),
    http: 'redirect',
    hsts,
  },
  {
    domain: 'http-only.test',
    description: 'HTTP only: nothing listens on 443, connections are refused',
    http: 'page',
  },
];

const mailCatalogue: readonly MailSpec[] = [
  {
    domain: 'mail-modern.test',
    description: 'MX with STARTTLS, TLS 1.2 and 1.3, ECDSA P-384 and RSA-3072 chains, DANE-EE for both keys',
    smtp: { tls: modern([{ key: 'ecdsa-p384' }, { key: 'rsa3072' }]) },
    tlsa: 'dane-ee',
  },
  {
    domain: 'mail-nostarttls.test',
    description: 'MX without STARTTLS',
    smtp: { starttls: 'not-offered' },
  },
  {
    domain: 'mail-starttls-refused.test',
    description: 'MX that offers STARTTLS and answers it with 454',
    smtp: { tls: modern([{ key: 'ecdsa-p256' }]), starttls: 'refused' },
  },
  {
    domain: 'mail-legacy.test',
    description: 'MX with STARTTLS at TLS 1.0–1.2, CBC and RSA key exchange, RSA-2048',
    smtp: { tls: legacyTls },
  },
  {
    domain: 'mail-dane-ta.test',
    description: 'MX with a leaf from the lab intermediate and DANE-TA (2 0 1) on the intermediate',
    smtp: { tls: modern([{ key: 'ecdsa-p256', issuer: 'intermediate' }]) },
    tlsa: 'dane-ta',
  },
  {
    domain: 'mail-dane-wrong.test',
    description: 'MX with a DANE-EE TLSA record that matches nothing',
    smtp: { tls: modern([{ key: 'ecdsa-p256' }]) },
    tlsa: 'wrong',
  },
  {
    domain: 'mail-dane-unsigned.test',
    description: 'MX with a matching TLSA record in an unsigned zone: DANE does not apply',
    smtp: { tls: modern([{ key: 'ecdsa-p256' }]) },
    tlsa: 'dane-ee',
    signed: false,
  },
  {
    domain: 'mail-tarpit.test',
    description: 'MX with STARTTLS whose banner comes after 1.5 s',
    smtp: { tls: modern([{ key: 'ecdsa-p256' }]), bannerDelayMs: 1_500 },
  },
  { domain: 'mail-nullmx.test', description: 'a null MX (RFC 7505): the domain accepts no mail' },
];

// ---- building ----

/** The lab's shared certificate authorities below its root. */
interface Issuers {
  readonly root: LabCa;
  readonly intermediate: LabCertificate;
  readonly rsaIntermediate: LabCertificate;
}

interface BuiltCert {
  readonly spec: CertSpec;
  readonly certificate: LabCertificate;
  readonly served: LabServedCertificate;
  readonly issuer?: LabCertificate;
}

const day = 86_400_000;

async function makeCertificate(spec: CertSpec, host: string, hostNames: readonly string[], issuers: Issuers): Promise<BuiltCert> {
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

function certificateExpectation(built: readonly BuiltCert[], host: string): LabCertificateExpectation {
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

function tlsaRecords(kind: TlsaSpec | undefined, built: readonly BuiltCert[]): LabTlsaData[] {
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

function daneStatus(kind: TlsaSpec | undefined, signed: boolean): LabTlsExpectation['dane'] {
  if (kind === undefined || kind === 'none') return 'none';
  if (!signed) return 'insecure';
  return kind === 'wrong' ? 'invalid' : 'valid';
}

/** A TLS setup and its expectation for a node:tls spec. */
function nodeSetup(
  spec: NodeTlsSpec,
  built: readonly BuiltCert[],
  ca: LabCa,
): { setup: LabTlsSetup; expected: Omit<LabTlsExpectation, 'certificate' | 'dane' | 'tlsa'> } {
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
function scriptedSetup(
  spec: ScriptedSpec,
  built: readonly BuiltCert[],
): { behaviour: ScriptedTlsBehaviour; expected: Omit<LabTlsExpectation, 'certificate' | 'dane' | 'tlsa'> } {
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

function ipv4For(kind: 'web' | 'mail', index: number): string {
  return kind === 'web' ? `192.0.2.${100 + index}` : `198.51.100.${100 + index}`;
}

function ipv6For(kind: 'web' | 'mail', index: number): string {
  return `2001:db8:${kind === 'web' ? '443' : '25'}::${(index + 1).toString(16)}`;
}

const securityTxt = (domain: string): string =>
  `Contact: mailto:security@${domain}\nExpires: ${new Date(Date.now() + 180 * day).toISOString().replace(/\.\d{3}Z$/, 'Z')}\nPreferred-Languages: nl, en\nCanonical: https://${domain}/.well-known/security.txt\n`;

/**
 * Starts the web and mail scenario servers on loopback, routes their documentation addresses to
 * them in the address map, and returns the DNS zones that describe them. Certificates and
 * servers are made in parallel; RSA keys are the lab's fixed ones.
 */
export async function startLabScenarios(options: StartLabScenariosOptions): Promise<LabScenarioWorld> {
  const { ca, addressMap, host } = options;
  const [intermediate, rsaIntermediate] = await Promise.all([
    issueCertificate(ca, { isCa: true, commonName: 'pastoe lab intermediate', keyType: 'ecdsa-p384' }),
    issueCertificate(ca, { isCa: true, commonName: 'pastoe lab RSA intermediate', privateKey: fixedLabKey('rsa2048b') }),
  ]);
  const issuers: Issuers = { root: ca, intermediate, rsaIntermediate };
  const listeners: LabListener[] = [];
  const zones: LabZoneSpec[] = [];
  const endpoints: LabServiceEndpoint[] = [];
  const route = (ipv4: string, ipv6: string, port: number, local: LabListener): Endpoint => {
    const endpoint = { ip: local.host, port: local.port };
    addressMap.route({ ip: ipv4, port }, endpoint);
    addressMap.route({ ip: ipv6, port }, endpoint);
    return endpoint;
  };
  const close = async (): Promise<void> => {
    await Promise.all(listeners.map((l) => l.close()));
  };

  try {
    const httpSites: LabHttpSite[] = [];
    const web = await Promise.all(
      webCatalogue.map(async (spec, index): Promise<LabWebScenario> => {
        const ipv4 = ipv4For('web', index);
        const ipv6 = ipv6For('web', index);
        const signed = true;
        let https: LabServiceEndpoint | undefined;
        let tlsa: LabTlsaData[] = [];
        if (spec.https !== undefined) {
          const built = await Promise.all(
            spec.https.certificates.map((c) => makeCertificate(c, spec.domain, [spec.domain, `www.${spec.domain}`], issuers)),
          );
          tlsa = tlsaRecords(spec.tlsa, built);
          const site: LabHttpSite = {
            hosts: [spec.domain, `www.${spec.domain}`],
            ...(spec.hsts === undefined ? {} : { headers: { 'Strict-Transport-Security': spec.hsts } }),
            ...(spec.securityTxt === true ? { securityTxt: securityTxt(spec.domain) } : {}),
          };
          let listener: LabListener;
          let expected: Omit<LabTlsExpectation, 'certificate' | 'dane' | 'tlsa'>;
          if (spec.https.engine === 'node') {
            const node = nodeSetup(spec.https, built, ca);
            expected = node.expected;
            listener = await startHttpServer({ sites: [site], tls: node.setup, host });
          } else {
            const scripted = scriptedSetup(spec.https, built);
            expected = scripted.expected;
            listener = await startScriptedTlsServer({ ...scripted.behaviour, host });
          }
          listeners.push(listener);
          https = {
            scenario: spec.domain,
            host: spec.domain,
            service: 'https',
            ipv4,
            ipv6,
            port: 443,
            local: route(ipv4, ipv6, 443, listener),
            tls: { ...expected, certificate: certificateExpectation(built, spec.domain), dane: daneStatus(spec.tlsa, signed), tlsa },
          };
        }
        if (spec.http !== 'none') {
          httpSites.push({
            hosts: [spec.domain, `www.${spec.domain}`, ipv4, ipv6],
            ...(spec.http === 'redirect' ? { fallback: { redirect: `https://${spec.domain}{path}` } } : {}),
          });
        }
        const tlsaLines = tlsa.flatMap((data) => [
          `_443._tcp 300 IN TLSA ${tlsaText(data)}`,
          `_443._tcp.www 300 IN TLSA ${tlsaText(data)}`,
        ]);
        zones.push({
          origin: spec.domain,
          content: [
            `@ 300 IN A ${ipv4}`,
            `@ 300 IN AAAA ${ipv6}`,
            `www 300 IN A ${ipv4}`,
            `www 300 IN AAAA ${ipv6}`,
            ...(spec.caa === true ? ['@ 300 IN CAA 0 issue "lab.test"', '@ 300 IN CAA 0 iodef "mailto:security@lab.test"'] : []),
            ...tlsaLines,
          ].join('\n'),
          dnssec: { algorithm: 13 },
        });
        return {
          domain: spec.domain,
          description: spec.description,
          ipv4,
          ipv6,
          ...(https === undefined ? {} : { https }),
          httpBehaviour: spec.http === 'none' ? null : spec.http,
          hsts: spec.hsts ?? null,
          securityTxt: spec.securityTxt === true,
          caa: spec.caa === true,
        };
      }),
    );
    const httpListener = await startHttpServer({ sites: httpSites, host });
    listeners.push(httpListener);
    const withHttp = web.map((scenario) => {
      if (scenario.httpBehaviour === null) return scenario;
      const http: LabServiceEndpoint = {
        scenario: scenario.domain,
        host: scenario.domain,
        service: 'http',
        ipv4: scenario.ipv4,
        ipv6: scenario.ipv6,
        port: 80,
        local: route(scenario.ipv4, scenario.ipv6, 80, httpListener),
      };
      return { ...scenario, http };
    });

    const mail = await Promise.all(
      mailCatalogue.map(async (spec, index): Promise<LabMailScenario> => {
        const ipv4 = ipv4For('mail', index);
        const ipv6 = ipv6For('mail', index);
        const signed = spec.signed ?? true;
        const mx = `mx.${spec.domain}`;
        const records: string[] = [];
        let smtp: LabServiceEndpoint | undefined;
        if (spec.smtp === undefined) {
          records.push('@ 300 IN MX 0 .', '@ 300 IN TXT "v=spf1 -all"');
        } else {
          const tlsSpec = spec.smtp.tls;
          const built =
            tlsSpec === undefined ? [] : await Promise.all(tlsSpec.certificates.map((c) => makeCertificate(c, mx, [mx], issuers)));
          const node = tlsSpec === undefined ? undefined : nodeSetup(tlsSpec, built, ca);
          const tlsa = tlsaRecords(spec.tlsa, built);
          const starttls = spec.smtp.starttls ?? (node === undefined ? 'not-offered' : 'offered');
          const listener = await startSmtpServer({
            hostname: mx,
            host,
            starttls,
            ...(node === undefined ? {} : { tls: node.setup }),
            ...(spec.smtp.bannerDelayMs === undefined ? {} : { bannerDelayMs: spec.smtp.bannerDelayMs }),
          });
          listeners.push(listener);
          smtp = {
            scenario: spec.domain,
            host: mx,
            service: 'smtp',
            ipv4,
            ipv6,
            port: 25,
            local: route(ipv4, ipv6, 25, listener),
            ...(node === undefined || starttls !== 'offered'
              ? {}
              : { tls: { ...node.expected, certificate: certificateExpectation(built, mx), dane: daneStatus(spec.tlsa, signed), tlsa } }),
          };
          records.push(
            '@ 300 IN MX 10 mx',
            `mx 300 IN A ${ipv4}`,
            `mx 300 IN AAAA ${ipv6}`,
            '@ 300 IN TXT "v=spf1 mx -all"',
            `_dmarc 300 IN TXT "v=DMARC1; p=reject; rua=mailto:dmarc@${spec.domain}"`,
            '@ 300 IN CAA 0 issue "lab.test"',
            ...tlsa.map((data) => `_25._tcp.mx 300 IN TLSA ${tlsaText(data)}`),
          );
        }
        zones.push({ origin: spec.domain, content: records.join('\n'), ...(signed ? { dnssec: { algorithm: 13 } } : {}) });
        return {
          domain: spec.domain,
          description: spec.description,
          mx: spec.smtp === undefined ? null : mx,
          ...(smtp === undefined ? {} : { smtp }),
          starttls: spec.smtp === undefined ? null : (spec.smtp.starttls ?? (spec.smtp.tls === undefined ? 'not-offered' : 'offered')),
          bannerDelayMs: spec.smtp?.bannerDelayMs ?? 0,
        };
      }),
    );

    for (const scenario of withHttp) {
      if (scenario.https !== undefined) endpoints.push(scenario.https);
      if (scenario.http !== undefined) endpoints.push(scenario.http);
    }
    for (const scenario of mail) if (scenario.smtp !== undefined) endpoints.push(scenario.smtp);
    return { zones, web: withHttp, mail, endpoints, close };
  } catch (error) {
    await close();
    throw error;
  }
}
