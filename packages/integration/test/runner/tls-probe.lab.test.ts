/**
 * The TLS probe in a scan over the lab's transports: it validates the lab's certificates with the
 * lab's trust store from the transports (no CA passed by hand), and scans that share caches share
 * one TLS scan per endpoint.
 */
import {
  createScanCaches,
  defineCheck,
  type Evidence,
  type Network,
  scan,
  type TlsEvidence,
  webAddressesProbe,
  webTlsProbe,
} from '@pastoe/core';
import { type Lab, startLab } from '@pastoe/lab';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(() => lab?.close());

/** A check that passes when every web server's chain validated. */
const tlsTrusted = defineCheck({
  id: 'test-tls-trusted',
  level: 'required',
  standard: 'tls',
  probes: { tls: webTlsProbe },
  evaluate: ({ tls }) => {
    const trusted = tls.length > 0 && tls.every((entry) => entry.ok && entry.data.trust?.verified === true);
    return { status: trusted ? 'pass' : 'fail', outcome: trusted ? 'good' : 'bad' };
  },
});

function tlsEvidence(evidence: readonly Evidence<unknown>[]): TlsEvidence[] {
  return evidence.filter((entry) => entry.probe === webTlsProbe.id && entry.ok).map((entry) => (entry as { data: TlsEvidence }).data);
}

describe('the TLS probe over lab.transports()', () => {
  it('validates modern.test with the lab trust store, and a second scan sharing caches does not reconnect', {
    timeout: 120_000,
  }, async () => {
    const caches = createScanCaches();
    const labTransports = lab.transports();
    // Counts TCP connections to the web servers (DNS over UDP is not counted).
    let tlsConnections = 0;
    const network: Network = {
      policy: lab.network.policy,
      connect: (connect) => {
        if (connect.port === 443) tlsConnections += 1;
        return lab.network.connect(connect);
      },
      udpExchange: (exchange) => lab.network.udpExchange(exchange),
    };
    const transports = { ...labTransports, network };
    const options = { checks: [tlsTrusted], probes: [webTlsProbe, webAddressesProbe], transports, caches, vantage: lab.vantage };
    const [first, second] = await Promise.all([scan('modern.test', options), scan('modern.test', options)]);
    expect(first.verdicts[0]).toMatchObject({ status: 'pass', outcome: 'good' });
    expect(second.verdicts[0]).toMatchObject({ status: 'pass', outcome: 'good' });
    const scanned = tlsEvidence(first.evidence);
    const addresses = lab.addressOf('modern.test');
    expect(scanned.length).toBe((addresses?.ipv4.length ?? 0) + (addresses?.ipv6.length ?? 0));
    for (const evidence of scanned) expect(evidence.trust).toMatchObject({ verified: true, store: 'custom' });

    // The concurrent second scan waited for the first and read its result: the same evidence, and
    // the connections made are those of one scan per endpoint.
    expect(tlsEvidence(second.evidence)).toEqual(scanned);
    const oneScan = scanned.reduce((sum, evidence) => sum + evidence.connections, 0);
    expect(tlsConnections).toBe(oneScan);
    const third = await scan('modern.test', options);
    expect(tlsEvidence(third.evidence)).toEqual(scanned);
    expect(tlsConnections).toBe(oneScan);
    // Each cached scan counts its JSON size, so the cache's byte bound holds in a long bulk run.
    expect(caches.tls.size).toBe(scanned.length);
    expect(caches.tls.bytes).toBe(scanned.reduce((sum, evidence) => sum + JSON.stringify(evidence).length, 0));
  });
});
