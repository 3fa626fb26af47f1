import type { DnssecEvidence, Evidence, EvidenceBundle } from '@pastoe/core/model';
import { describe, expect, it } from 'vitest';
import { dnssecFixtures, presetContractProblems } from '../../core/src/scoring/test-support/preset-contract.js';
import { suites, tlsEvidence, versions } from '../../core/src/tls/evaluate/test-support/evidence.js';
import { dkimOf } from './checks/test-support/dkim-evidence.js';
import { dmarcFixtures } from './checks/test-support/dmarc-evidence.js';
import { mailTlsa, starttlsBundle } from './checks/test-support/starttls-bundle.js';
import type { DmarcEvidence } from './dmarc/evidence.js';
import { mailBundle, mxAnswer, origin } from './checks/test-support/mail-bundle.js';
import { mailPreset } from './index.js';
import type { DkimEvidence } from './probes/dkim.declaration.js';
import type { MxEvidence } from './probes/mx.declaration.js';
import type { SpfEvidence, SpfTxtLookup } from './probes/spf.declaration.js';

const at = '2026-11-23T12:00:00.000Z';
const domain = { name: 'example.test', role: 'domain' as const };

/** Every mail server situation: real MX, Null MX (alone, beside others, without addresses), none, a failed lookup. */
const mxFixtures: readonly MxEvidence[] = [
  {
    rcode: 'NOERROR',
    records: [
      { preference: 10, exchange: 'mx1.example.test' },
      { preference: 20, exchange: 'mx2.other.test' },
    ],
    domainHasAddress: true,
  },
  { rcode: 'NOERROR', records: [{ preference: 0, exchange: '' }], domainHasAddress: true },
  { rcode: 'NOERROR', records: [{ preference: 0, exchange: '' }], domainHasAddress: false },
  {
    rcode: 'NOERROR',
    records: [
      { preference: 0, exchange: '' },
      { preference: 10, exchange: 'mx1.example.test' },
    ],
    domainHasAddress: true,
  },
  { rcode: 'NOERROR', records: [], domainHasAddress: true },
  { rcode: 'NXDOMAIN', records: [], domainHasAddress: false },
];

const txt = (...texts: string[]): SpfTxtLookup => ({ rcode: 'NOERROR', texts });
const spfOf = (lookup: SpfTxtLookup, targets: Record<string, SpfTxtLookup> = {}): SpfEvidence => ({
  domain: 'example.test',
  lookup,
  targets,
  truncated: false,
});

/** SPF graphs that drive every outcome of the SPF checks. */
const spfFixtures: readonly SpfEvidence[] = [
  spfOf(txt('v=spf1 -all')),
  spfOf(txt('v=spf1 ?all')),
  spfOf(txt('v=spf1 -all;')),
  spfOf(txt('v=spf1 -all', 'v=spf1 ~all')),
  spfOf({ rcode: 'NXDOMAIN', texts: [] }),
  spfOf(txt(`v=spf1 ${Array.from({ length: 11 }, (_, i) => `include:i${i}.example`).join(' ')} -all`)),
  spfOf(txt('v=spf1 include:a.example -all'), { 'a.example': { rcode: 'NXDOMAIN', texts: [] } }),
  spfOf(txt('v=spf1 include:a.example -all'), { 'a.example': txt('no spf') }),
  spfOf(txt('v=spf1 redirect=a.example'), { 'a.example': txt('v=spf1 +all') }),
  spfOf(txt('v=spf1 redirect=a.example'), { 'a.example': txt('v=spf1 a:') }),
];

/** `_domainkey` present, absent (exempt or not by the SPF and DMARC fixtures beside it), and unanswered. */
const dkimFixtures: readonly DkimEvidence[] = [dkimOf('NOERROR'), dkimOf('NXDOMAIN'), dkimOf('SERVFAIL')];

function bundle(
  mx: MxEvidence,
  domainDnssec: DnssecEvidence,
  serverDnssec: DnssecEvidence,
  spf: SpfEvidence,
  dmarc: DmarcEvidence,
  dkim: DkimEvidence,
): EvidenceBundle {
  const servers = mx.records.filter((record) => record.exchange !== '').map((record) => record.exchange);
  const evidence: Evidence<unknown>[] = [
    { probe: 'dnssec-domain', subject: domain, startedAt: at, durationMs: 1, ok: true, data: domainDnssec },
    { probe: 'mail-mx', subject: domain, startedAt: at, durationMs: 1, ok: true, data: mx },
    { probe: 'mail-spf', subject: domain, startedAt: at, durationMs: 1, ok: true, data: spf },
    { probe: 'mail-dmarc', subject: domain, startedAt: at, durationMs: 1, ok: true, data: dmarc },
    { probe: 'mail-dkim', subject: domain, startedAt: at, durationMs: 1, ok: true, data: dkim },
    ...servers.map((name) => ({
      probe: 'mail-mx-dnssec',
      subject: { name, role: 'mx' as const },
      startedAt: at,
      durationMs: 1,
      ok: true as const,
      data: { ...serverDnssec, name },
    })),
  ];
  return {
    target: { domain: 'example.test', input: 'example.test' },
    startedAt: at,
    probes: ['dnssec-domain', 'mail-mx', 'mail-mx-dnssec', 'mail-spf', 'mail-dmarc', 'mail-dkim'],
    evidence,
  };
}

/** STARTTLS evidence for the outcomes of the STARTTLS and DANE checks, one MX host each (the DNSSEC probes absent). */
const starttlsFixtures: readonly EvidenceBundle[] = [
  starttlsBundle([{ host: 'mx.example.test', scans: { '192.0.2.1': tlsEvidence() } }]),
  starttlsBundle([{ host: 'mx.example.test', scans: { '192.0.2.1': tlsEvidence({ reachable: false }) } }]),
  starttlsBundle([{ host: 'mx.example.test' }]),
  starttlsBundle([{ host: 'mx.example.test', failed: 'timeout' }]),
  starttlsBundle([
    {
      host: 'mx.example.test',
      scans: {
        '192.0.2.1': tlsEvidence({
          versions: versions('TLSv1.0', 'TLSv1.2'),
          suites: [suites('TLSv1.2', 0xc02f, 0xc013)],
          trust: { verified: false, store: 'mozilla' },
          renegotiation: { attempted: 11, accepted: 11 },
        }),
      },
      tlsa: mailTlsa('mx.example.test', [3, 1, 1, 'ab'.repeat(32)]),
    },
  ]),
];

const mxBundles = mxFixtures
  .flatMap((mx) => dnssecFixtures.map((dnssec) => ({ mx, dnssec })))
  .map(({ mx, dnssec }, i) =>
    bundle(
      mx,
      dnssec,
      dnssec,
      spfFixtures[i % spfFixtures.length] as SpfEvidence,
      dmarcFixtures[i % dmarcFixtures.length] as DmarcEvidence,
      dkimFixtures[i % dkimFixtures.length] as DkimEvidence,
    ),
  );

/** The IPv6 and RPKI evidence of every mail server situation, reachability and RPKI state, beside the DNSSEC evidence. */
const ipv6AndRpkiBundles = [
  ...mxFixtures.map((mx) =>
    mailBundle({ mx, ...(mx.records.some((r) => r.exchange === '') || mx.records.length === 0 ? { mxHosts: {} } : {}) }),
  ),
  mailBundle({ mx: mxAnswer([], { spf: ['v=spf1 -all'] }), mxHosts: {} }),
  mailBundle({ mxHosts: { 'mx1.example.test': { '192.0.2.25': true }, 'mx2.other.test': { '2001:db8:26::1': false } } }),
  mailBundle({ mxHosts: { 'mx1.example.test': { '192.0.2.25': true } }, nameServers: { 'ns1.example.test': { '2001:db8:53::1': false } } }),
  mailBundle({ nameServers: {} }),
  mailBundle({
    mxOrigins: [
      origin(
        '192.0.2.25',
        '192.0.2.0/24',
        [{ prefix: '192.0.2.0/24', origin: 64999 }],
        [{ prefix: '192.0.2.0/24', maxLength: 24, asn: 64500 }],
      ),
    ],
    nsOrigins: [origin('192.0.2.53', '192.0.2.0/24', [{ prefix: '192.0.2.0/24', origin: 64500 }])],
    mxNsOrigins: { 'mx1.example.test': [origin('192.0.2.53', '192.0.2.0/24')] },
  }),
  mailBundle({ mxOrigins: { code: 'unsupported', message: 'no RPKI sources' }, nsOrigins: { code: 'timeout', message: 'timed out' } }),
].map((ipv6) => ({
  ...ipv6,
  probes: [...ipv6.probes, 'dnssec-domain', 'mail-mx-dnssec'],
  evidence: [...ipv6.evidence, ...(mxBundles[0]?.evidence.filter((e) => e.probe !== 'mail-mx') ?? [])],
}));

const bundles = [...mxBundles, ...starttlsFixtures, ...ipv6AndRpkiBundles];

describe('mailPreset against the Internet.nl catalogue', () => {
  it('names known subtests, at their level, and gives only outcomes the catalogue lists', () => {
    expect(presetContractProblems(mailPreset, bundles)).toEqual([]);
  });

  it('catches a check that claims a level or outcome the catalogue does not give it', () => {
    const [first, ...rest] = mailPreset.checks;
    if (first === undefined) throw new Error('mailPreset has no checks');
    const drifted = {
      ...mailPreset,
      checks: [{ ...first, level: 'optional' as const, evaluate: () => ({ status: 'pass' as const, outcome: 'no-mx' }) }, ...rest],
    };
    expect(presetContractProblems(drifted, bundles)).toEqual([
      `${first.id} has level optional, the catalogue required`,
      `${first.id} gave outcome no-mx, which ${first.internetnl?.name} lacks`,
    ]);
  });
});
