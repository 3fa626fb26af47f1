import { describe, expect, it } from 'vitest';
import type { DnssecEvidence, EvidenceBundle } from '@pastoe/core/model';
import { dnssecFixtures, presetContractProblems } from '../../core/src/scoring/test-support/preset-contract.js';
import { suites, tlsEvidence, versions } from '../../core/src/tls/evaluate/test-support/evidence.js';
import { hop, httpBundle, httpsFailed, httpsResponse, webHttp } from './checks/test-support/http-bundle.js';
import { foundSecurityTxt, securityTxtBundle } from './checks/test-support/securitytxt-bundle.js';
import { type Ipv6Fixture, ipv6Bundle } from './checks/test-support/ipv6-bundle.js';
import { rpkiBundle, rpkiFixtures } from './checks/test-support/rpki-bundle.js';
import { tlsBundle } from './checks/test-support/tls-bundle.js';
import { webPreset } from './index.js';

const at = '2026-11-23T12:00:00.000Z';

function bundle(data: DnssecEvidence): EvidenceBundle {
  const subject = { name: 'example.test', role: 'domain' as const };
  return {
    target: { domain: 'example.test', input: 'example.test' },
    startedAt: at,
    probes: ['dnssec-domain'],
    evidence: [{ probe: 'dnssec-domain', subject, startedAt: at, durationMs: 1, ok: true, data }],
  };
}

/** TLS evidence for every outcome the TLS checks can give, on one IPv4 address each. */
const tlsFixtures: readonly EvidenceBundle[] = [
  [],
  [tlsEvidence()],
  [tlsEvidence({ reachable: false })],
  [tlsEvidence({ versions: versions('TLSv1.0', 'TLSv1.2'), suites: [suites('TLSv1.2', 0xc02f, 0xc013)] })],
  [tlsEvidence({ suites: [suites('TLSv1.2', 0xc02f, 0xc027)], keyExchanges: [{ version: 'TLSv1.2', suite: 0xc027, group: 21 }] })],
  [tlsEvidence({ keyExchanges: [{ version: 'TLSv1.2', suite: 0x009c }], trust: { verified: false, store: 'mozilla' } })],
].map((servers) => tlsBundle(servers.map((data, index) => ({ ip: `192.0.2.${index + 1}`, data }))));

/** HTTP evidence for every outcome the HTTP and header checks can give, on one IPv4 address each. */
const httpFixtures: readonly EvidenceBundle[] = [
  webHttp(),
  webHttp({ https: httpsFailed }),
  webHttp({ http: { hops: [{ url: 'http://example.test/', error: { code: 'refused', message: 'no' } }], end: 'failed' } }),
  webHttp({ http: { hops: [hop('http://example.test/', 200)], end: 'final' } }),
  webHttp({
    https: httpsResponse(
      {
        'strict-transport-security': 'max-age=60',
        'x-frame-options': null,
        'x-content-type-options': null,
        'content-security-policy': null,
        'referrer-policy': null,
      },
      { contentEncoding: 'gzip' },
    ),
  }),
  webHttp({ https: httpsResponse({ 'strict-transport-security': null, 'referrer-policy': 'unsafe-url' }) }),
].map((data) => httpBundle([{ ip: '192.0.2.1', data }]));

/** security.txt evidence for the recommendations and bad outcomes (the check test drives good). */
const securityTxtFixtures: readonly EvidenceBundle[] = [
  foundSecurityTxt('Contact: https://example.test/\nExpires: 2027-01-01T00:00:00Z\n'),
  foundSecurityTxt('Contact: https://example.test/\n'),
  foundSecurityTxt('', { retrievalErrors: [{ code: 'no_security_txt_404' }] }),
].map((data) => securityTxtBundle([{ ip: '192.0.2.1', data }]));

/** IPv6 evidence for every outcome the IPv6 checks can give. */
const page = { status: 200, body: '<p>a page</p>' };
const ipv6Cases: readonly Ipv6Fixture[] = [
  {},
  { web: { '192.0.2.1': [80] }, nameServers: { 'ns1.example.test': { '192.0.2.53': true } } },
  { web: { '2001:db8::1': [80] }, nameServers: { a: { '2001:db8::53': true } } },
  { web: { '192.0.2.1': [80], '2001:db8::1': [] }, nameServers: { a: { '2001:db8::53': false }, b: { '2001:db8::54': true } } },
  { web: { '192.0.2.1': [], '2001:db8::1': [80] } },
  { web: { '192.0.2.1': [80], '2001:db8::1': [80] }, pages: { v4: { http: page }, v6: { http: page } } },
  { web: { '192.0.2.1': [80], '2001:db8::1': [80] }, pages: { v4: { http: page }, v6: { http: { status: 200, body: '0123456789' } } } },
  { web: { '192.0.2.1': [80], '2001:db8::1': [80] }, pages: { v4: { http: page }, v6: { http: { status: 404, body: '' } } } },
  {
    web: { '192.0.2.1': [80], '2001:db8::1': [80] },
    pages: { v4: { http: { ...page, status: 500 } }, v6: { http: { ...page, status: 500 } } },
  },
];
const ipv6Fixtures: readonly EvidenceBundle[] = ipv6Cases.map(ipv6Bundle);

describe('webPreset against the Internet.nl catalogue', () => {
  it('names known subtests, at their level, and gives only outcomes the catalogue lists', () => {
    expect(
      presetContractProblems(webPreset, [
        ...dnssecFixtures.map(bundle),
        ...tlsFixtures,
        ...httpFixtures,
        ...securityTxtFixtures,
        ...ipv6Fixtures,
        ...rpkiFixtures.map(rpkiBundle),
      ]),
    ).toEqual([]);
  });

  it('catches a check whose outcome the catalogue lacks', () => {
    const drifted = {
      ...webPreset,
      checks: webPreset.checks.map((check) => ({ ...check, evaluate: () => ({ status: 'pass' as const, outcome: 'signed' }) })),
    };
    expect(presetContractProblems(drifted, dnssecFixtures.slice(0, 1).map(bundle))).toContain(
      'web-dnssec-exists gave outcome signed, which web_dnssec_exist lacks',
    );
  });
});
