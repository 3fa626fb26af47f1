import { describe, expect, it } from 'vitest';
import type { DnssecEvidence, EvidenceBundle } from '@pastoe/core/model';
import { dnssecFixtures, presetContractProblems } from '../../core/src/scoring/test-support/preset-contract.js';
import { suites, tlsEvidence, versions } from '../../core/src/tls/evaluate/test-support/evidence.js';
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

describe('webPreset against the Internet.nl catalogue', () => {
  it('names known subtests, at their level, and gives only outcomes the catalogue lists', () => {
    expect(presetContractProblems(webPreset, [...dnssecFixtures.map(bundle), ...tlsFixtures, ...rpkiFixtures.map(rpkiBundle)])).toEqual([]);
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
