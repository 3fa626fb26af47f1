/**
 * TLS evidence: what a scan of one TLS endpoint (HTTPS, or SMTP with STARTTLS) observed, as
 * plain JSON data. The scanner produces it; pure evaluators classify it against the NCSC TLS
 * guidelines (2025-05) and Internet.nl's scope rules. Codes are the IANA numbers (cipher suites,
 * named groups, signature schemes), so the tables can be kept as data keyed by them.
 */

/** Protocol versions, oldest first. */
export type TlsVersion = 'SSLv2' | 'SSLv3' | 'TLSv1.0' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';

/** Every protocol version, oldest first. */
export const tlsVersions: readonly TlsVersion[] = ['SSLv2', 'SSLv3', 'TLSv1.0', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

/** Where a TLS scan connects. */
export interface TlsEndpoint {
  /** The host name: SNI and the name certificates are matched against. */
  readonly host: string;
  /** The address connected to. */
  readonly ip: string;
  /** The port. */
  readonly port: number;
  /** The plaintext protocol spoken before TLS, if any. */
  readonly starttls?: 'smtp';
}

/** The SMTP dialogue before TLS. */
export interface StarttlsObservation {
  /** The server's 220 banner (first line, bounded). */
  readonly banner?: string;
  /** The EHLO keywords the server listed (uppercase). */
  readonly ehloKeywords: readonly string[];
  /** Whether STARTTLS was offered in the EHLO answer. */
  readonly offered: boolean;
  /** Whether the server answered 220 to STARTTLS. */
  readonly accepted: boolean;
  /** Why the dialogue failed, if it did. */
  readonly error?: string;
}

/** Whether one protocol version is supported. `null`: could not be decided (errors). */
export interface VersionSupport {
  /** The version. */
  readonly version: TlsVersion;
  /** Supported, not supported, or undecided. */
  readonly supported: boolean | null;
  /** Why it is undecided, or the alert that refused it. */
  readonly detail?: string;
}

/** The cipher suites a server accepted for one version. */
export interface SuiteEnumeration {
  /** The version. */
  readonly version: TlsVersion;
  /** Accepted suites (IANA codes) in the order the server chose them while the offer shrank. */
  readonly accepted: readonly number[];
  /** False when the enumeration stopped early (time, errors): `accepted` may be incomplete. */
  readonly complete: boolean;
  /** How many candidates were offered in all. */
  readonly candidates: number;
}

/** The key exchange of one handshake, as the server chose it. */
export interface KeyExchangeObservation {
  /** The version. */
  readonly version: TlsVersion;
  /** The suite (IANA code). */
  readonly suite: number;
  /** The named group (IANA code), for ECDHE and TLS 1.3 (and FFDHE in TLS 1.3). */
  readonly group?: number;
  /** For finite-field DHE in TLS ≤ 1.2: the server's prime and generator (lowercase hex) and the prime's bits. */
  readonly dh?: { readonly primeHex: string; readonly generatorHex: string; readonly bits: number };
  /** The signature scheme (IANA code) of the ServerKeyExchange signature in TLS 1.2, when sent. */
  readonly signatureScheme?: number;
}

/** Groups the server accepted for one version. */
export interface GroupEnumeration {
  /** The version. */
  readonly version: TlsVersion;
  /** Accepted named groups (IANA codes), in the order chosen while the offer shrank. */
  readonly accepted: readonly number[];
  /** False when the enumeration stopped early. */
  readonly complete: boolean;
}

/** Which hash the server uses to sign the key exchange when the client allows only weak ones (TLS 1.2). */
export interface KexHashObservation {
  /**
   * True when the server completed a hello offering only SHA-1 signature schemes and signed with SHA-1.
   * A handshake without a signed key exchange (static RSA) counts as false, as in Internet.nl.
   * `null`: not tested (no TLS 1.2, no answer, or for `sha224`: SHA-1 was already found).
   */
  readonly sha1: boolean | null;
  /** The same with only SHA-224 schemes. */
  readonly sha224: boolean | null;
  /** The scheme the server used with a normal offer. */
  readonly defaultScheme?: number;
}

/** The cipher-order test at the highest version below 1.3 (Internet.nl's method). */
export interface CipherOrderObservation {
  /** Whether it ran (it only runs when the server accepts phase-out suites besides good or sufficient ones). */
  readonly tested: boolean;
  /** The first violation: the server chose `chosen` when `expected` (a better suite) was offered. */
  readonly violation?: { readonly chosen: number; readonly expected: number };
  /** Whether the server enforces its own order at all (offered forward and reversed). `null`: unknown. */
  readonly serverPreference: boolean | null;
}

/** A certificate chain as the server sent it. */
export interface CertificateChainObservation {
  /** How it was obtained: a raw TLS ≤ 1.2 Certificate message or a full node:tls handshake. */
  readonly source: 'raw' | 'handshake';
  /** The version of that handshake. */
  readonly version: TlsVersion;
  /**
   * The certificates, leaf first, DER as base64. `raw`: exactly as the server sent them.
   * `handshake`: the chain node:tls reports, each certificate followed by its issuer; OpenSSL leaves
   * out sent certificates that do not link and may append the root from the trust store.
   */
  readonly certificates: readonly string[];
  /**
   * Which certificate signed which, by position in `certificates`: entry `i` lists the positions
   * whose subject is certificate `i`'s issuer and whose key verifies its signature (node:crypto, at
   * scan time), so checks follow the chain without signature code. Absent: not checked, no links.
   */
  readonly signedBy?: readonly (readonly number[])[];
}

/** The outcome of verifying the chain against the trust store in force at scan time. */
export interface TrustObservation {
  /** True when node:tls verified a path to a trusted root (the host name is not part of it). */
  readonly verified: boolean;
  /** OpenSSL's reason when not verified (e.g. `UNABLE_TO_GET_ISSUER_CERT_LOCALLY`, `CERT_HAS_EXPIRED`). */
  readonly error?: string;
  /** Which roots: Mozilla's bundle in Node (`mozilla`), and whether user CAs were added. */
  readonly store: 'mozilla' | 'mozilla+custom' | 'custom';
}

/** OCSP stapling (web only in Internet.nl). */
export interface OcspObservation {
  /** Whether a staple was received. */
  readonly stapled: boolean;
  /** The stapled response, DER as base64. */
  readonly response?: string;
  /**
   * Who signed the staple, verified at scan time with the key of the leaf's issuer from the chain
   * the checks judge (`issuer`), or of a responder certificate that issuer signed for OCSP
   * signing (`delegated`); `null` when neither did or no issuer was sent. Absent: not checked.
   */
  readonly signer?: 'issuer' | 'delegated' | null;
}

/** Client-initiated renegotiation on one TLS ≤ 1.2 connection. */
export interface RenegotiationObservation {
  /** Renegotiations attempted (Internet.nl: up to 11). */
  readonly attempted: number;
  /** Renegotiations the server completed. */
  readonly accepted: number;
  /**
   * How the first renegotiation the server did not complete ended (an OpenSSL/Node error code such
   * as `ERR_SSL_NO_RENEGOTIATION`, `alert` for an alert record in answer, `timeout`, `closed`):
   * the server's refusal or limit. The test ran.
   */
  readonly refusal?: string;
  /** Why the test could not run, if it could not (no TLS ≤ 1.2 handshake). */
  readonly error?: string;
}

/** 0-RTT (TLS 1.3 early data). */
export interface ZeroRttObservation {
  /** The `max_early_data` the server's session ticket advertised; 0 when absent; `null` when no ticket. */
  readonly maxEarlyData: number | null;
  /**
   * Whether the server accepted early data on resumption (early_data in its EncryptedExtensions).
   * `false` also when the ticket did not allow early data. `null`: not tested (no ticket, the test
   * failed, or a mail server: Internet.nl does not test 0-RTT for mail).
   */
  readonly accepted: boolean | null;
  /**
   * The HTTP status of the answer to the request sent as early data, when the server accepted it
   * and answered; 425 (Too Early) means the application refused it after all (RFC 8470).
   */
  readonly httpStatus?: number;
}

/** A step that failed during the scan. The scan goes on where it can. */
export interface TlsScanProblem {
  /**
   * The step: `connect`, `starttls`, `versions`, `suites:TLSv1.2`, `kex-hash`, `cipher-order`,
   * `groups:TLSv1.3`, `handshake` (node:tls), `zero-rtt`, `scan` (the scan's own time limit).
   */
  readonly step: string;
  /**
   * A stable code: a network failure (`refused`, `unreachable`, `timeout`, `forbidden-address`,
   * `aborted`), a read failure (`closed`, `reset`, `malformed`, `too-large`), `starttls`, `alert`,
   * an OpenSSL/Node error code from a node:tls handshake (`ERR_SSL_...`), or one of the scanner's:
   * `hello-intolerance` (the full hello was dropped; minimal hellos were used), `no-handshake`
   * (no version could be negotiated), `inconsistent` (a server answer contradicted an earlier one),
   * `unexpected-group`.
   */
  readonly code: string;
  /** One line for people. */
  readonly message: string;
}

/** Everything a TLS scan of one endpoint observed. */
export interface TlsEvidence {
  /** Where it connected. */
  readonly endpoint: TlsEndpoint;
  /** False when no TLS handshake could start at all (no TCP, no STARTTLS, nothing but alerts). */
  readonly reachable: boolean;
  /** The SMTP dialogue, for STARTTLS endpoints. */
  readonly starttls?: StarttlsObservation;
  /** Support per version. */
  readonly versions: readonly VersionSupport[];
  /** Accepted suites per enumerated version. */
  readonly suites: readonly SuiteEnumeration[];
  /** Key exchange of the handshakes that chose each accepted suite (Internet.nl evaluates these). */
  readonly keyExchanges: readonly KeyExchangeObservation[];
  /** Accepted groups per version, when enumerated (beyond Internet.nl's scope). */
  readonly groups?: readonly GroupEnumeration[];
  /** Key-exchange hash test (TLS 1.2). */
  readonly kexHash?: KexHashObservation;
  /** Whether the server accepted DEFLATE compression. `null`: not tested. */
  readonly compression: boolean | null;
  /** Whether the server sent renegotiation_info (RFC 5746) at TLS ≤ 1.2. `null`: no TLS ≤ 1.2. */
  readonly secureRenegotiation: boolean | null;
  /** Whether the server used extended_master_secret (RFC 7627) at TLS 1.2. `null`: no TLS 1.2. */
  readonly extendedMasterSecret: boolean | null;
  /** Cipher order. */
  readonly cipherOrder?: CipherOrderObservation;
  /** Certificate chains seen. */
  readonly certificateChains: readonly CertificateChainObservation[];
  /** Chain verification against the trust store. */
  readonly trust?: TrustObservation;
  /** OCSP stapling. */
  readonly ocsp?: OcspObservation;
  /** Client-initiated renegotiation. */
  readonly renegotiation?: RenegotiationObservation;
  /** 0-RTT. */
  readonly zeroRtt?: ZeroRttObservation;
  /**
   * A digest of the server's answers to the first hello of every version from SSLv3 to TLS 1.3
   * (SSLv2's hello names no server, so its answer is the address's) (version, suite, compression, extensions, key-exchange parameters; no certificates): two names
   * on one address and port with equal fingerprints got the same first answers, though they may
   * still accept different suites. Absent when an answer depended on timing (a time-out, a failed
   * connection), and in evidence from pastoe versions before it.
   */
  readonly helloFingerprint?: string;
  /**
   * Set when the enumeration (version decisions, suites, key exchanges, groups, key-exchange hash,
   * cipher order, compression, secure and client renegotiation, EMS) was carried over from the full
   * scan of another name on the same address and port, because this name's own hellos confirmed it:
   * the same {@link helloFingerprint}, every suite the other name's scan did not accept refused, and
   * one of its worst NCSC level accepted. That name. The certificates, trust, OCSP and 0-RTT facts
   * are always this name's own.
   */
  readonly enumerationFrom?: string;
  /** TCP connections opened. */
  readonly connections: number;
  /**
   * The longest chain of connections each opened after the one before it closed: how many
   * connection times one after another the scan waited for, however many ran side by side. It
   * moves far less than wall time on a busy machine (only with the order in which concurrent
   * connections end). Absent in evidence from pastoe versions before it.
   */
  readonly connectionRounds?: number;
  /** Steps that failed. */
  readonly problems: readonly TlsScanProblem[];
}
