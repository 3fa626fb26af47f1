/**
 * Test helper: TLS evidence fixtures. `tlsEvidence()` is a well-configured TLS 1.2 + 1.3 web
 * server; tests override what they exercise. Only for tests.
 */
import type { Finding } from '../../../model/finding.js';
import type { KeyExchangeObservation, SuiteEnumeration, TlsEvidence, TlsVersion, VersionSupport } from '../../types.js';
import { tlsVersions } from '../../types.js';
import type { TlsEvaluationContext, TlsJudgement } from '../shared.js';

/** Version support with exactly these versions supported. */
export function versions(...supported: TlsVersion[]): VersionSupport[] {
  return tlsVersions.map((version) => ({ version, supported: supported.includes(version) }));
}

/** A complete suite enumeration. */
export function suites(version: TlsVersion, ...accepted: number[]): SuiteEnumeration {
  return { version, accepted, complete: true, candidates: 150 };
}

/** An ECDHE key exchange on a named group. */
export function ecdhe(version: TlsVersion, suite: number, group: number): KeyExchangeObservation {
  return { version, suite, group };
}

/** A DHE key exchange with an explicit prime and generator. */
export function dhe(
  version: TlsVersion,
  suite: number,
  primeHex: string,
  generatorHex = '02',
  bits = primeHex.length * 4,
): KeyExchangeObservation {
  return { version, suite, dh: { primeHex, generatorHex, bits } };
}

/** A modern server: TLS 1.2 (two sufficient ECDHE suites) and TLS 1.3, everything in order. */
export function tlsEvidence(overrides: Partial<TlsEvidence> = {}): TlsEvidence {
  return {
    endpoint: { host: 'example.nl', ip: '192.0.2.10', port: 443 },
    reachable: true,
    versions: versions('TLSv1.2', 'TLSv1.3'),
    suites: [suites('TLSv1.2', 0xc030, 0xc02f), suites('TLSv1.3')],
    keyExchanges: [ecdhe('TLSv1.2', 0xc030, 29), ecdhe('TLSv1.2', 0xc02f, 23)],
    kexHash: { sha1: false, sha224: false, defaultScheme: 0x0804 },
    compression: false,
    secureRenegotiation: true,
    extendedMasterSecret: true,
    cipherOrder: { tested: false, serverPreference: true },
    certificateChains: [],
    trust: { verified: true, store: 'mozilla' },
    ocsp: { stapled: false },
    renegotiation: { attempted: 11, accepted: 0 },
    zeroRtt: { maxEarlyData: 0, accepted: false },
    connections: 20,
    problems: [],
    ...overrides,
  };
}

/** An evaluation context for tests. */
export function testContext(overrides: Partial<TlsEvaluationContext> = {}): TlsEvaluationContext {
  return { checkId: 'test-tls', service: 'web', now: new Date(), ...overrides };
}

/** The finding names of a judgement (the part after the check id), for compact assertions. */
export function findingNames(result: TlsJudgement): string[] {
  return result.findings.map((f: Finding) => f.id.slice(f.id.indexOf('.') + 1));
}

/** The pastoe-only finding names. */
export function pastoeFindings(result: TlsJudgement): string[] {
  return result.findings.filter((f) => f.params?.scope === 'pastoe').map((f) => f.id.slice(f.id.indexOf('.') + 1));
}
