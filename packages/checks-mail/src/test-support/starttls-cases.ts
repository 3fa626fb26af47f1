/**
 * Test helper: judging one STARTTLS check from evidence, and the outcomes every check judged per
 * MX host shares (no mail server to test, a host without address or TLS, pastoe's own scan
 * failing, the worst host deciding), as tests each check file registers. Outside src/checks,
 * whose every file must bundle for a browser (this one imports vitest). Only for tests.
 */
import { type AnyCheck, evaluate, type TlsEvidence, type Verdict, type VerdictStatus } from '@pastoe/core/model';
import { describe, expect, it } from 'vitest';
import type { MxEvidence } from '../probes/mx.declaration.js';
import { type MailServerFixture, starttlsBundle } from '../checks/test-support/starttls-bundle.js';

/** The first MX host of the fixtures. */
export const mx1 = 'mx1.example.test';
/** The second MX host of the fixtures. */
export const mx2 = 'mx2.example.test';

/**
 * A well-configured mail server: STARTTLS offered and accepted on port 25, TLS 1.2 (two
 * sufficient ECDHE suites) and 1.3, everything in order, as core's `tlsEvidence()` fixture is for
 * the web; tests override what they exercise.
 */
export function mailTls(overrides: Partial<TlsEvidence> = {}): TlsEvidence {
  const versions = ['SSLv2', 'SSLv3', 'TLSv1.0', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as const;
  return {
    endpoint: { host: mx1, ip: '192.0.2.25', port: 25, starttls: 'smtp' },
    reachable: true,
    starttls: { ehloKeywords: ['STARTTLS'], offered: true, accepted: true },
    versions: versions.map((version) => ({ version, supported: version === 'TLSv1.2' || version === 'TLSv1.3' })),
    suites: [
      { version: 'TLSv1.2', accepted: [0xc030, 0xc02f], complete: true, candidates: 150 },
      { version: 'TLSv1.3', accepted: [], complete: true, candidates: 150 },
    ],
    keyExchanges: [
      { version: 'TLSv1.2', suite: 0xc030, group: 29 },
      { version: 'TLSv1.2', suite: 0xc02f, group: 23 },
    ],
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

/** The verdict of `check` on these MX hosts (and, when given, this MX lookup instead of one naming them). */
export function judgeMail(check: AnyCheck, servers: readonly MailServerFixture[], mx?: MxEvidence): Verdict {
  const verdict = evaluate([check], starttlsBundle(servers, mx))[0];
  if (verdict === undefined) throw new Error(`no verdict from ${check.id}`);
  return verdict;
}

/** The verdict of `check` on one MX host scanned at one IPv4 address. */
export function judgeOneMail(check: AnyCheck, tls: TlsEvidence, extras: Omit<MailServerFixture, 'host' | 'scans'> = {}): Verdict {
  return judgeMail(check, [{ host: mx1, scans: { '192.0.2.25': tls }, ...extras }]);
}

/** A status (as shown, or before the check's level clamped it) and outcome, for compact expectations. */
export interface StatusOutcome {
  /** The verdict status, as shown. */
  readonly status?: VerdictStatus;
  /** The status before the level clamped it (an optional check shows a fail as info). */
  readonly rawStatus?: VerdictStatus;
  /** The outcome word. */
  readonly outcome: string;
}

/** What {@link perMailServerCases} needs of a check. */
export interface PerMailServerCase {
  /** Evidence of a host the check passes, and its verdict. */
  readonly good: {
    readonly tls: TlsEvidence;
    readonly verdict: StatusOutcome;
    readonly fixture?: Omit<MailServerFixture, 'host' | 'scans'>;
  };
  /** Evidence of a host the check judges worse, and its verdict. */
  readonly bad: {
    readonly tls: TlsEvidence;
    readonly verdict: StatusOutcome;
    readonly fixture?: Omit<MailServerFixture, 'host' | 'scans'>;
  };
  /** Whether a tested host makes the check required (Internet.nl's `was_tested()` raise); default true. */
  readonly raised?: boolean;
}

const noMx: MxEvidence = { rcode: 'NXDOMAIN', records: [], domainHasAddress: true };
const nullMx: MxEvidence = { rcode: 'NOERROR', records: [{ preference: 0, exchange: '' }], domainHasAddress: true };

/**
 * Registers the outcomes every STARTTLS check judged per MX host with `judgePerMailServerTls`
 * shares: not tested without mail servers (no MX, Null MX), for a host without address and for
 * an unreachable host; `error` when pastoe's own scan failed; the worst of two hosts deciding with
 * one subject per host, an untested host not counting against a tested one.
 */
export function perMailServerCases(check: AnyCheck, cases: PerMailServerCase): void {
  const host = (name: string, which: PerMailServerCase['good'], ip: string): MailServerFixture => ({
    host: name,
    scans: { [ip]: which.tls },
    ...which.fixture,
  });
  describe('per MX host, as every STARTTLS check', () => {
    it('is not tested without MX records or with a Null MX', () => {
      for (const mx of [noMx, nullMx]) {
        const verdict = judgeMail(check, [], mx);
        expect(verdict).toMatchObject({ status: 'not-tested', outcome: 'not-tested' });
        expect(verdict.findings.map((finding) => finding.id)).toEqual([`${check.id}.no-mail-servers`]);
      }
    });

    it('is not tested for an MX host without an address or without a TLS server, never failed', () => {
      const withoutAddress = judgeMail(check, [{ host: mx1, ...cases.good.fixture }]);
      expect(withoutAddress).toMatchObject({ status: 'not-tested', outcome: 'not-tested' });
      expect(withoutAddress.findings).toContainEqual(expect.objectContaining({ id: `${check.id}.no-address` }));
      const unreachable = judgeOneMail(check, mailTls({ reachable: false, versions: [] }), cases.good.fixture);
      expect(unreachable).toMatchObject({ status: 'not-tested', outcome: 'not-tested' });
    });

    it("is error, not a verdict on the domain, when pastoe's own STARTTLS scan failed", () => {
      const verdict = judgeMail(check, [host(mx1, cases.good, '192.0.2.25'), { host: mx2, failed: 'timeout' }]);
      expect(verdict).toMatchObject({ status: 'error', error: { source: 'probe', code: 'timeout' } });
    });

    it('takes the worst MX host and reports one subject per host; an untested host does not count', () => {
      expect(judgeOneMail(check, cases.good.tls, cases.good.fixture)).toMatchObject(cases.good.verdict);
      const verdict = judgeMail(check, [host(mx1, cases.good, '192.0.2.25'), host(mx2, cases.bad, '192.0.2.26')]);
      expect(verdict).toMatchObject(cases.bad.verdict);
      expect(verdict.subjects?.map((subject) => [subject.subject.name, subject.outcome])).toEqual([
        [mx1, cases.good.verdict.outcome],
        [mx2, cases.bad.verdict.outcome],
      ]);
      if (cases.raised !== false) expect(verdict.level).toBe('required');
      const withUnreachable = judgeMail(check, [
        { host: mx1, scans: { '192.0.2.25': mailTls({ reachable: false, versions: [] }) }, ...cases.good.fixture },
        host(mx2, cases.bad, '192.0.2.26'),
      ]);
      expect(withUnreachable).toMatchObject(cases.bad.verdict);
    });
  });
}
