/**
 * What the lab's servers need beyond \@pastoe/core's TLS tables: the versions the lab can speak,
 * node:tls version names, how a suite shapes the server's flight, and name lookups for scenario
 * specs. The wire numbers themselves (suites, groups, versions, alerts, extensions) are core's.
 */
import { type TlsVersion, cipherSuites, namedGroups, tlsAlertNames, tlsRenegotiationScsv, tlsVersionCodes } from '@pastoe/core';

/** A protocol version the lab can speak or script, by the names pastoe's TLS evidence uses (SSLv2 is not one). */
export type LabTlsVersion = Exclude<TlsVersion, 'SSLv2'>;

/** Every version the lab can speak or script, oldest first. */
export const labTlsVersions: readonly LabTlsVersion[] = Object.freeze(['SSLv3', 'TLSv1.0', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3']);

/** The version a wire code stands for, if the lab can speak it. */
export function tlsVersionFromCode(code: number): LabTlsVersion | undefined {
  return labTlsVersions.find((version) => tlsVersionCodes[version] === code);
}

/** How a suite shapes a lab server's flight: its key exchange, the certificate it needs, and whether only TLS 1.2 may use it. */
export interface LabSuiteHandshake {
  /** Decides the messages after the ServerHello (`rsa`: no ServerKeyExchange). */
  readonly keyExchange: 'tls13' | 'ecdhe' | 'dhe' | 'rsa';
  /** Decides the certificate (`none` for TLS 1.3 suites, where the certificate is separate). */
  readonly authentication: 'rsa' | 'ecdsa' | 'anon' | 'none';
  /** True for suites only TLS 1.2 may negotiate (AEAD or SHA-2 MACs), as OpenSSL treats them. */
  readonly tls12Only: boolean;
}

/** A suite as the lab's servers treat it, from core's table; unknown codes count as RSA key exchange with RSA authentication. */
export function suiteHandshake(code: number): LabSuiteHandshake {
  const suite = cipherSuites.get(code);
  if (suite === undefined) return { keyExchange: 'rsa', authentication: 'rsa', tls12Only: false };
  if (suite.minVersion === 'TLSv1.3') return { keyExchange: 'tls13', authentication: 'none', tls12Only: false };
  const kex = suite.keyExchange;
  return {
    keyExchange:
      kex === 'ECDHE' || kex === 'ECDH' || kex === 'ECDHE_PSK'
        ? 'ecdhe'
        : kex === 'DHE' || kex === 'DH' || kex === 'DHE_PSK'
          ? 'dhe'
          : 'rsa',
    authentication: suite.authentication === 'anon' ? 'anon' : suite.authentication === 'ECDSA' ? 'ecdsa' : 'rsa',
    tls12Only: suite.minVersion === 'TLSv1.2',
  };
}

/** The IANA code of a suite given by its IANA or OpenSSL name. */
export function suiteCode(name: string): number {
  for (const suite of cipherSuites.values()) if (suite.iana === name || suite.openssl === name) return suite.code;
  throw new Error(`unknown cipher suite ${name}`);
}

/** The IANA code of a group given by its IANA or OpenSSL name (`secp256r1` or `prime256v1`). */
export function groupCode(name: string): number {
  for (const group of namedGroups.values()) if (group.name === name || group.openssl === name) return group.code;
  throw new Error(`unknown named group ${name}`);
}

/**
 * Signalling suite values: a client that supports secure renegotiation (RFC 5746, core's
 * `tlsRenegotiationScsv`), and one that fell back to a lower version (TLS_FALLBACK_SCSV, RFC 7507).
 */
export const signallingSuites = Object.freeze({ emptyRenegotiationInfo: tlsRenegotiationScsv, fallback: 0x5600 } as const);

const alertCodes: ReadonlyMap<string, number> = new Map(Object.entries(tlsAlertNames).map(([code, name]) => [name, Number(code)]));

/** The number of an alert description by its RFC name (`handshake_failure`), from core's alert table. */
export function alertCode(name: string): number {
  const code = alertCodes.get(name);
  if (code === undefined) throw new Error(`unknown TLS alert ${name}`);
  return code;
}

/** The node:tls name of a version (`TLSv1`, not `TLSv1.0`); SSLv3 has none, node cannot speak it. */
export function nodeVersionName(version: LabTlsVersion): 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3' {
  if (version === 'SSLv3') throw new Error('node:tls cannot serve SSLv3; use the scripted TLS server');
  return version === 'TLSv1.0' ? 'TLSv1' : version;
}
