/**
 * The types of the lab's scenario world: what a scan of each scenario endpoint should find (the
 * public expectation types), and the shapes in which the catalogue writes the scenarios.
 */
import type { Endpoint } from '@pastoe/core';
import type { LabZoneSpec } from '../../dns/catalogue.js';
import type { LabHttpResponse } from '../../http/server.js';
import type { LabCa, LabKeyType, LabSignatureAlgorithm } from '../../pki/ca.js';
import type { FixedLabKey } from '../../pki/fixed-keys.js';
import type { LabTlsaData } from '../../pki/tlsa.js';
import type { LabStarttlsMode } from '../../smtp/server.js';
import type { LabTlsVersion } from '../../tls/codes.js';
import type { FfdheName } from '../../tls/ffdhe.js';
import type { ScriptedTlsBehaviour } from '../../tls/scripted.js';
import type { LabRenegotiation } from '../../tls/server.js';
import type { LabAddressMap } from '../address-map.js';

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
   * nothing), `insecure` (TLSA in an unsigned zone), `bogus` (the TLSA signature is broken),
   * `none` (no TLSA).
   */
  readonly dane: 'valid' | 'invalid' | 'insecure' | 'bogus' | 'none';
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

/**
 * How a web scenario serves IPv6. Absent: dual stack, both addresses reach the same servers.
 * - `none`: no AAAA record;
 * - `unreachable`: an AAAA record whose address is routed nowhere (connections are refused);
 * - `other-content`: the IPv6 address reaches other HTTP(S) servers, which serve another page;
 * - `only`: no A record (an IPv6-only site);
 * - `ipv4-mapped`: the AAAA record holds the IPv4 address in IPv4-mapped form (`::ffff:192.0.2.x`),
 *   which is no IPv6 address.
 */
export type LabIpv6Setup = 'none' | 'unreachable' | 'other-content' | 'only' | 'ipv4-mapped';

/**
 * The name servers of a web scenario's zone. Absent: `ns1` and `ns2`, each with an IPv4 and an
 * IPv6 address that reach the lab's DNS server.
 * - `one-ipv6`: `ns2` has no AAAA record;
 * - `ipv4-only`: neither has an AAAA record;
 * - `ipv6-silent`: `ns2`'s IPv6 address is routed nowhere (its DNS queries are refused).
 */
export type LabNameServerSetup = 'one-ipv6' | 'ipv4-only' | 'ipv6-silent';

/**
 * What the lab's RPKI sources say about one prefix (a scenario address's /24 or /48), in AS64500's
 * name (RFC 5398 documentation AS numbers):
 * - `valid`: announced by AS64500, a ROA for AS64500 at that length;
 * - `invalid-as`: announced by AS64511, the ROA names AS64500;
 * - `invalid-length`: announced by AS64500, the ROA (one bit shorter) allows no longer prefix;
 * - `not-found`: announced by AS64500, no ROA;
 * - `not-routed`: no announcement, an AS0 ROA (RFC 6483: not to be routed).
 */
export type LabRpkiCase = 'valid' | 'invalid-as' | 'invalid-length' | 'not-found' | 'not-routed';

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
  /** The armored OpenPGP public key that verifies the scenario's signed security.txt, when it has one. */
  readonly securityTxtPublicKey?: string;
  /** Whether the domain has a CAA record. */
  readonly caa: boolean;
  /** How it serves IPv6, when not dual stack with the same servers. */
  readonly ipv6Setup?: LabIpv6Setup;
  /** Its name servers, when not two dual-stack ones. */
  readonly nameServerSetup?: LabNameServerSetup;
  /** What the lab's RPKI sources (`lab.rpki`) say about the /24 of `ipv4` and the /48 of `ipv6`. */
  readonly rpki: { readonly ipv4: LabRpkiCase; readonly ipv6: LabRpkiCase };
  /** A second IPv4 address of the domain and its `www`, after `ipv4` in the A RRset, when it has one. */
  readonly secondIpv4?: string;
  /** `false` when the zone is unsigned (DNSSEC insecure); absent: signed under the lab's root. */
  readonly signed?: false;
  /**
   * How `www.<domain>` is served when it is a site of its own (see {@link LabWwwSetup}); absent: the
   * domain's site answers for it too, and plain HTTP on it redirects to `https://<domain>/`.
   */
  readonly www?: LabWwwSetup;
}

/**
 * `www.<domain>` as a site of its own: on the same servers, plain HTTP upgrades it to
 * `https://www.<domain>/` and its security.txt names itself, so a scan of the www name finds the
 * domain's verdicts, save where its headers differ.
 */
export interface LabWwwSetup {
  /** Whether `www` is a CNAME to the domain (otherwise it has A/AAAA records of its own at the domain's addresses). */
  readonly cname: boolean;
  /** The Strict-Transport-Security header its HTTPS site sends, if any. */
  readonly hsts: string | null;
}

/** A mail scenario. */
export interface LabMailScenario {
  /** The mail domain, e.g. `mail-modern.test`. */
  readonly domain: string;
  /** What it shows, in one line. */
  readonly description: string;
  /** Its MX host (`mx.<domain>`), or `null` for a null MX (RFC 7505) or no MX at all. */
  readonly mx: string | null;
  /** The SMTP endpoint of the MX; absent for a null MX. */
  readonly smtp?: LabServiceEndpoint;
  /** How the MX treats STARTTLS. */
  readonly starttls: LabStarttlsMode | null;
  /** The banner delay in milliseconds (a tarpit), 0 for none. */
  readonly bannerDelayMs: number;
  /** How the MX serves IPv6 when not dual stack (as its spec says); absent when it is. */
  readonly mxIpv6?: Extract<LabIpv6Setup, 'none' | 'unreachable'>;
}

/** How busy a scenario's SMTP server has been; see {@link LabScenarioWorld.smtpSessions}. */
export interface LabSmtpSessions {
  /** The MX name, e.g. `mx.mail-modern.test`. */
  readonly host: string;
  /** Sessions accepted so far. */
  readonly sessions: number;
  /** The most sessions open at the same time. */
  readonly peakSessions: number;
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
  /** Name server addresses the scenario zones publish besides the lab's own, to be routed to the lab's DNS server. */
  readonly nameServerAddresses: readonly string[];
  /** How busy each SMTP server has been so far, a snapshot. */
  smtpSessions(): LabSmtpSessions[];
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
  /** Copies of web scenarios under other names that the scenarios' web servers answer for too. */
  readonly copies?: LabScenarioCopies;
}

/**
 * Copies of web scenarios under generated names (the lab's bulk domains): the scenario's HTTPS
 * server answers for them with the scenario's site (security.txt made for the copy's name) and a
 * certificate that also covers them, and plain HTTP treats them as the scenario's domain.
 */
export interface LabScenarioCopies {
  /** The web scenarios (domains) that have copies. */
  readonly webScenarios: readonly string[];
  /** A name the certificates of those scenarios carry besides their own, covering every copy, e.g. `*.bulk.test`. */
  readonly certificateName: string;
  /** The web scenario (domain) `host` is a copy of, or `undefined` when it is none. */
  webScenarioOf(host: string): string | undefined;
}

// ---- the catalogue's own shapes (not exported from the package) ----

/** How a scenario certificate is made. */
export interface CertSpec {
  /** The key: a generated EC or Ed25519 key, or one of the lab's fixed RSA keys. */
  readonly key: 'ecdsa-p256' | 'ecdsa-p384' | 'ed25519' | FixedLabKey;
  /** Who signs it; default the lab root. */
  readonly issuer?: 'root' | 'intermediate' | 'rsa-intermediate' | 'self';
  /** How it is signed; default the issuer's usual algorithm. */
  readonly signature?: LabSignatureAlgorithm;
  /** Whether it is valid now; default valid. */
  readonly validity?: 'valid' | 'expired' | 'not-yet-valid';
  /** Names instead of the host's own. */
  readonly names?: readonly string[];
  /** Send the leaf only, without its intermediate. */
  readonly leafOnly?: boolean;
}

/** A node:tls (OpenSSL) server of a scenario. */
export interface NodeTlsSpec {
  /** Served by node:tls. */
  readonly engine: 'node';
  /** The chains it serves, one per key type. */
  readonly certificates: readonly CertSpec[];
  /** The lowest and highest version. */
  readonly versions: readonly [LabTlsVersion, LabTlsVersion];
  /** The suites (IANA codes) in its order of preference. */
  readonly suites: readonly number[];
  /** The groups, by OpenSSL name, in its order of preference. */
  readonly groups: readonly string[];
  /** Its DHE group, when it has DHE suites. */
  readonly dh?: FfdheName;
  /** Whether it enforces its own suite order; default true. */
  readonly serverPreference?: boolean;
  /** Client-initiated renegotiation; default refused. */
  readonly renegotiation?: LabRenegotiation;
  /** The OCSP response it staples, if any. */
  readonly ocsp?: 'good' | 'bad-signature';
  /** The OpenSSL security level; default 0 for servers that speak TLS 1.0 or 1.1, else 1. */
  readonly securityLevel?: 0 | 1;
  /** The OpenSSL signature algorithm list, when not the default. */
  readonly sigalgs?: string;
}

/** A scripted TLS server of a scenario. */
export interface ScriptedSpec {
  /** Served by the lab's scripted TLS server. */
  readonly engine: 'scripted';
  /** The chains it serves. */
  readonly certificates: readonly CertSpec[];
  /** How it negotiates; `dh: 'modp2'` stands for RFC 2409's 1024-bit group, which the builder writes out. */
  readonly behaviour: Omit<ScriptedTlsBehaviour, 'certificates' | 'dh'> & { readonly dh?: FfdheName | 'modp2' };
}

/** The TLS server of a scenario. */
export type TlsSpec = NodeTlsSpec | ScriptedSpec;

/** The TLSA records a scenario publishes: for the leaf key (DANE-EE), the issuer (DANE-TA), a wrong digest, or none. */
export type TlsaSpec = 'dane-ee' | 'dane-ta' | 'wrong' | 'none';

/** How a web scenario serves security.txt. */
export interface SecurityTxtSpec {
  /**
   * The file: `good` (signed with the lab's ECDSA key, Canonical, Encryption, expiring in 180
   * days), `signed-ed25519` (the same signed with the lab's Ed25519 key and SHA-512, with CSAF and
   * a dash-escaped line), `expired` (signed, expired yesterday), `unsigned` (a mailto Contact
   * without Encryption, unsigned), or the literal text. `{domain}` in a text is the scenario domain.
   */
  readonly file?: 'good' | 'signed-ed25519' | 'expired' | 'unsigned' | { readonly text: string };
  /** The Content-Type; default `text/plain; charset=utf-8`. */
  readonly contentType?: string;
  /** Where it is served: `well-known` (default), only at the legacy `/security.txt`, or `none` (404 at both). */
  readonly path?: 'well-known' | 'legacy' | 'none';
  /** Instead of the file, `/.well-known/security.txt` redirects (301) here; `{domain}` is replaced. */
  readonly redirect?: string;
}

/** A web scenario as the catalogue writes it. */
export interface WebSpec {
  /** The domain; `www.<domain>` is served alike. */
  readonly domain: string;
  /** What it shows, in one line. */
  readonly description: string;
  /** The HTTPS server; absent when nothing listens on 443. */
  readonly https?: TlsSpec;
  /** What plain HTTP does. */
  readonly http: 'redirect' | 'page' | 'none';
  /** The Strict-Transport-Security header HTTPS sends, if any. */
  readonly hsts?: string;
  /** `/.well-known/security.txt` over HTTPS: `true` serves the lab's good (signed) file; an object says how. */
  readonly securityTxt?: boolean | SecurityTxtSpec;
  /** The TLSA records for HTTPS. */
  readonly tlsa?: TlsaSpec;
  /** Whether the domain has CAA records. */
  readonly caa?: boolean;
  /** CAA records as zone-file RDATA (`0 issue "lab.test"`) instead of the lab's good pair; implies `caa`. */
  readonly caaRecords?: readonly string[];
  /** `bogus`: the TLSA RRset's signature is broken, so validators call the TLSA answer bogus. */
  readonly tlsaSignature?: 'bogus';
  /**
   * Response headers of the HTTPS site over the lab's good defaults (X-Frame-Options,
   * X-Content-Type-Options, a CSP that keeps Internet.nl's rules, Referrer-Policy, CORP, COOP):
   * a value adds or replaces the header of that name, `null` removes it.
   */
  readonly headers?: Readonly<Record<string, string | readonly string[] | null>>;
  /** Where plain HTTP redirects (with `http: 'redirect'`), when not `https://<domain>{path}`; `{path}` is the request path. */
  readonly httpRedirect?: string;
  /** Extra routes of the HTTPS site by path, e.g. a redirect back to plain HTTP for a downgrade. */
  readonly httpsRoutes?: Readonly<Record<string, LabHttpResponse>>;
  /** Compress the HTTPS responses' bodies with this Content-Encoding. */
  readonly contentEncoding?: 'gzip';
  /** How it serves IPv6; default dual stack with the same servers. */
  readonly ipv6?: LabIpv6Setup;
  /** Its name servers; default two dual-stack ones. */
  readonly nameServers?: LabNameServerSetup;
  /**
   * Addresses instead of the ones the scenario's place in the catalogue gives, for a scenario whose
   * /24 or /48 must be its own (RPKI). Each must be unique among the scenarios.
   */
  readonly addresses?: { readonly ipv4?: string; readonly ipv6?: string };
  /** What the RPKI sources say about the /24 of its IPv4 and the /48 of its IPv6 address; default `valid` for both. */
  readonly rpki?: { readonly ipv4?: LabRpkiCase; readonly ipv6?: LabRpkiCase };
  /**
   * A second A record (for the domain and its `www`), after the first: its address (unique among
   * the scenarios, in the /24 of the first so that RPKI agrees) reaches an HTTPS server like the
   * first one (node:tls only) that sends `hsts` as its Strict-Transport-Security header, or none
   * when `hsts` is absent; plain HTTP there behaves as at the first address. For the checks that
   * judge the first IPv4 address only unless asked for every one (`addresses: 'all'`).
   */
  readonly secondIpv4?: { readonly address: string; readonly hsts?: string };
  /** How its zone is signed, when not with one ECDSA P-256 key (algorithm 13) and a SHA-256 DS. */
  readonly dnssec?: {
    /** The DNSSEC algorithm; default 13. RSASHA1 (5) makes the zone insecure to pastoe's validator. */
    readonly algorithm?: number;
    /** The RSA modulus size, for RSA algorithms; default the lab signer's (2048, or 1024 for RSASHA1). */
    readonly rsaBits?: number;
    /** The digest types of the DS records the parent publishes; default `[2]` (SHA-256). */
    readonly dsDigestTypes?: readonly number[];
  };
  /** Whether the zone is signed; default true. Unsigned, DNSSEC is insecure and TLSA records do not count for DANE. */
  readonly signed?: boolean;
  /** `www.<domain>` as a site of its own; absent: the domain's site answers for it (see {@link LabWebScenario.www}). */
  readonly www?: WwwSpec;
}

/** How a web scenario serves `www.<domain>` as a site of its own (see {@link LabWwwSetup}). */
export interface WwwSpec {
  /** `www` is a CNAME to the domain instead of having A/AAAA records; default false. */
  readonly cname?: boolean;
  /** Response headers of the www HTTPS site over the domain's own (as {@link WebSpec.headers}: `null` removes one). */
  readonly headers?: Readonly<Record<string, string | readonly string[] | null>>;
}

/** A mail scenario as the catalogue writes it. */
export interface MailSpec {
  /** The mail domain; its MX is `mx.<domain>`. */
  readonly domain: string;
  /** What it shows, in one line. */
  readonly description: string;
  /** The MX's SMTP server; absent for a null MX. */
  readonly smtp?: {
    /** Its STARTTLS server; without one STARTTLS is not offered. */
    readonly tls?: NodeTlsSpec;
    /** How it treats STARTTLS, when not as `tls` implies. */
    readonly starttls?: LabStarttlsMode;
    /** The banner delay in milliseconds (a tarpit). */
    readonly bannerDelayMs?: number;
  };
  /** The TLSA records for the MX. */
  readonly tlsa?: TlsaSpec;
  /** Publish the `tlsa` records with usage 1 (PKIX-EE) instead of 3: mail ignores PKIX usages (RFC 7672). */
  readonly pkixTlsa?: boolean;
  /** `bogus`: the TLSA RRset's signature is broken, so validators call the TLSA answer bogus. */
  readonly tlsaSignature?: 'bogus';
  /** The names the MX's certificates are for, instead of the MX host name. */
  readonly certificateNames?: readonly string[];
  /** No MX server of its own: the MX record names this host (another scenario's MX), a hosted MX shared by several domains. */
  readonly sharedMx?: string;
  /** Whether the zone is signed; default true. */
  readonly signed?: boolean;
  /**
   * How the MX serves IPv6 (port 25), when not dual stack: `none` (no AAAA record) or
   * `unreachable` (an AAAA record whose address is routed nowhere, so connections are refused).
   */
  readonly mxIpv6?: Extract<LabIpv6Setup, 'none' | 'unreachable'>;
  /**
   * No MX record at all (without `smtp`; otherwise a domain without `smtp` gets a Null MX). With
   * `domainAddress` and its SPF record `v=spf1 -all`, the case for pastoe's Null MX advice.
   */
  readonly withoutMx?: boolean;
  /** Whether the mail domain itself has an A record (a Null MX is correct only then); default false. */
  readonly domainAddress?: boolean;
  /**
   * The domain's SPF record, replacing the default (`v=spf1 mx -all`, or `v=spf1 -all` without a
   * mail server of its own); `null` publishes none.
   */
  readonly spf?: string | null;
  /**
   * The domain's DMARC record at `_dmarc`, replacing the default (`v=DMARC1; p=reject;
   * rua=mailto:dmarc@<domain>` when the domain runs its own MX, none otherwise); `null` publishes none.
   */
  readonly dmarc?: string | null;
  /**
   * Further records of the domain's zone in zone-file syntax, names relative to the domain (for
   * example `sel._domainkey 300 IN TXT "v=DKIM1; k=ed25519; p=..."`). Strings over 255 bytes are
   * split into several quoted strings by the author.
   */
  readonly records?: readonly string[];
  /**
   * An HTTPS server for `mta-sts.<domain>` (RFC 8461 §3.3) at the scenario's addresses, with A and
   * AAAA records for that name. The `_mta-sts` and `_smtp._tls` TXT records go in `records`.
   */
  readonly mtaSts?: MtaStsServerSpec;
}

/** What a mail scenario's `mta-sts.<domain>` HTTPS server serves at `/.well-known/mta-sts.txt`. */
export interface MtaStsServerSpec {
  /** The policy file's text. */
  readonly policy: string;
  /** The name its certificate is for, when not `mta-sts.<domain>`. */
  readonly certificateName?: string;
  /** The Content-Type; default `text/plain`. */
  readonly contentType?: string;
  /** The status; default 200 (301 with `redirect`). */
  readonly status?: number;
  /** Redirect here instead of serving the policy (senders must not follow it). */
  readonly redirect?: string;
}
