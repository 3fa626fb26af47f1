/**
 * pastoe's STARTTLS scanning against an independent mail server: Debian's Postfix (its own
 * configuration directory, two smtpd listeners on 127.0.0.1: a modern and a legacy TLS profile),
 * scanned by pastoe's TLS scanner and by `sslscan --starttls-smtp`. The two must agree on the
 * versions, the accepted suites per version and the key exchange groups, and the mail STARTTLS
 * checks, judging pastoe's evidence as the mail test would, must give the verdicts each profile is
 * built for. Skips, with the reason, when Postfix or sslscan is missing or this is not root.
 */
import { mailChecks, mailTlsDeclaration, type MailServerTlsEvidence, mxDeclaration, type MxEvidence } from '@pastoe/checks-mail';
import {
  createAddressPolicy,
  createNodeNetwork,
  type Evidence,
  type EvidenceBundle,
  evaluate,
  scanTls,
  type TlsEvidence,
} from '@pastoe/core';
import {
  compareWithSslscan,
  ExternalToolMissingError,
  missingTools,
  type PostfixPeer,
  type PostfixPeerEndpoints,
  postfixPeerUnavailable,
  runSslscan,
  startPostfixPeer,
} from '@pastoe/lab';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const sslscanMissing = missingTools([{ name: 'sslscan', debianPackage: 'sslscan' }]);
const skipReason =
  postfixPeerUnavailable() ?? (sslscanMissing.length > 0 ? new ExternalToolMissingError(sslscanMissing).message : undefined);
if (skipReason !== undefined) console.log(`skipping the Postfix STARTTLS tier: ${skipReason}`);

/** The STARTTLS checks that judge the scan alone (no TLSA or CAA evidence needed). */
const scanOnlyChecks = mailChecks.filter(
  (check) => check.id.startsWith('mail-starttls-') && Object.keys(check.probes).every((name) => name === 'mx' || name === 'tls'),
);

/**
 * A bundle as the mail test would gather it: one MX host, scanned at one address. Its name is not
 * the certificate's (`localhost`, which the mail test leaves out as an MX), so only checks that
 * do not match names judge it.
 */
function mailBundle(ip: string, tls: TlsEvidence): EvidenceBundle {
  const host = 'mx.postfix.test';
  const at = new Date().toISOString();
  const mx: MxEvidence = { rcode: 'NOERROR', records: [{ preference: 10, exchange: host }], domainHasAddress: true };
  const server: MailServerTlsEvidence = { host, ipv4: [ip], ipv6: [], scans: [{ ip, tls }] };
  const evidence: Evidence<unknown>[] = [
    { probe: mxDeclaration.id, subject: { name: 'postfix.test', role: 'domain' }, startedAt: at, durationMs: 1, ok: true, data: mx },
    { probe: mailTlsDeclaration.id, subject: { name: host, role: 'mx' }, startedAt: at, durationMs: 1, ok: true, data: server },
  ];
  return {
    target: { domain: 'postfix.test', input: 'postfix.test' },
    startedAt: at,
    probes: [mxDeclaration.id, mailTlsDeclaration.id],
    evidence,
  };
}

/** What each profile must give: the versions and suites configured, and the verdicts of the checks. */
interface Expectation {
  readonly endpoint: keyof PostfixPeerEndpoints;
  readonly versions: readonly string[];
  /** TLS 1.2 suites, IANA codes, as the profile's OpenSSL cipher string expands on Debian 12. */
  readonly tls12Suites: readonly number[];
  /** `status/outcome` per check id. */
  readonly verdicts: Readonly<Record<string, string>>;
}

/**
 * What both profiles get: STARTTLS works, ECDHE only (no finite-field DH to judge: `na`), no
 * compression, secure and no client-initiated renegotiation, extended master secret, a verified
 * RSA-3072 chain; 0-RTT is always `na` for mail.
 */
const bothProfiles: Readonly<Record<string, string>> = {
  'mail-starttls-tls-available': 'pass/good',
  'mail-starttls-tls-keyexchange': 'pass/na',
  'mail-starttls-tls-compress': 'pass/good',
  'mail-starttls-tls-secreneg': 'pass/good',
  'mail-starttls-tls-clientreneg': 'pass/not-allowed',
  'mail-starttls-tls-extendedmastersecret': 'pass/good',
  'mail-starttls-tls-0rtt': 'pass/na',
  'mail-starttls-cert-chain': 'pass/good',
  'mail-starttls-cert-pubkey': 'pass/good',
  'mail-starttls-cert-sig': 'pass/good',
};

const expectations: readonly Expectation[] = [
  {
    endpoint: 'modern',
    versions: ['TLSv1.2', 'TLSv1.3'],
    tls12Suites: [0xc02f, 0xc030, 0xcca8],
    verdicts: {
      ...bothProfiles,
      'mail-starttls-tls-version': 'pass/good',
      'mail-starttls-tls-ciphers': 'pass/good',
      'mail-starttls-tls-cipherorder': 'pass/good',
      'mail-starttls-tls-keyexchangehash': 'pass/good',
    },
  },
  {
    endpoint: 'legacy',
    versions: ['TLSv1.0', 'TLSv1.1', 'TLSv1.2'],
    tls12Suites: [0xc013, 0xc014, 0xc027, 0xc028, 0xc02f, 0xc030, 0xcca8],
    verdicts: {
      ...bothProfiles,
      // TLS 1.0 and 1.1 are insufficient, as are the CBC suites; the client's order fails the order subtest.
      'mail-starttls-tls-version': 'fail/bad',
      'mail-starttls-tls-ciphers': 'fail/bad',
      'mail-starttls-tls-cipherorder': 'fail/bad',
      // @SECLEVEL=0: the server signs with SHA-1 when offered only SHA-1.
      'mail-starttls-tls-keyexchangehash': 'fail/bad',
    },
  },
];

describe.skipIf(skipReason !== undefined)("pastoe's STARTTLS scan of Postfix, against sslscan", () => {
  const network = createNodeNetwork({ policy: createAddressPolicy({ allow: ['loopback'] }) });
  let peer: PostfixPeer | undefined;

  beforeAll(async () => {
    peer = await startPostfixPeer();
  }, 30_000);
  afterAll(() => peer?.close());

  for (const expected of expectations) {
    it(`agrees with sslscan on Postfix's ${expected.endpoint} profile and judges it as configured`, async () => {
      if (peer === undefined) throw new Error('the Postfix peer did not start');
      const endpoint = peer.endpoints[expected.endpoint];
      const trust = { ca: peer.caPem, trustMozilla: false };
      const full = await scanTls({ ...endpoint, network, scope: 'all', groups: true, ...trust });
      const { report, wallMs } = await runSslscan('sslscan', endpoint);

      const count = (version: string, list: ReadonlyMap<string, readonly number[]>): number => list.get(version)?.length ?? 0;
      const ours = (version: string): number => full.suites.find((entry) => entry.version === version)?.accepted.length ?? 0;
      console.log(
        `Postfix ${expected.endpoint}: suites 1.0 · 1.1 · 1.2 · 1.3 pastoe/sslscan ${['TLSv1.0', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3']
          .map((version) => `${ours(version)}/${count(version, report.suites)}`)
          .join(' · ')}; ${full.connections} connections; sslscan ${(wallMs / 1000).toFixed(2)} s`,
      );
      expect(full.problems, 'pastoe ran into problems').toEqual([]);
      expect(full.starttls, 'Postfix offers and accepts STARTTLS').toMatchObject({ offered: true, accepted: true });
      expect(compareWithSslscan(full, report), 'where pastoe and sslscan disagree').toEqual([]);
      expect(full.versions.filter((entry) => entry.supported === true).map((entry) => entry.version)).toEqual(expected.versions);
      expect([...(full.suites.find((entry) => entry.version === 'TLSv1.2')?.accepted ?? [])].sort((a, b) => a - b)).toEqual(
        expected.tls12Suites,
      );

      // The mail test's own scan (Internet.nl's scope), judged by the STARTTLS checks.
      const scanned = await scanTls({ ...endpoint, network, ...trust });
      const verdicts = evaluate(scanOnlyChecks, mailBundle(endpoint.ip, scanned));
      const got = Object.fromEntries(verdicts.map((verdict) => [verdict.check, `${verdict.status}/${verdict.outcome}`]));
      expect(got).toEqual(expected.verdicts);
    }, 60_000);
  }
});
