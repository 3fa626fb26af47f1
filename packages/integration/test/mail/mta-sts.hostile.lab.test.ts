/**
 * The MTA-STS probe against hostile policy servers: the lab's `mta-sts.mail-mtasts-good.test`
 * address re-routed to raw TLS servers (with a lab certificate for that name) that send a huge
 * policy, nothing at all, or a body one byte at a time. Every case ends in bounded evidence.
 */
import { createMtaStsProbe, mailMtaSts, type MtaStsEvidence, mxProbe } from '@pastoe/checks-mail';
import { type Endpoint, scan, type Verdict } from '@pastoe/core';
import { issueCertificate, type Lab, type LabCertificate, startLab } from '@pastoe/lab';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hostile, type RawHandler, type RawServer, startRawServer } from '../../../core/src/http/test-support/hostile.js';

const domain = 'mail-mtasts-good.test';
const host = `mta-sts.${domain}`;

let lab: Lab;
let certificate: LabCertificate;
let publicEndpoint: Endpoint;
let original: Endpoint;
let server: RawServer | undefined;

beforeAll(async () => {
  lab = await startLab();
  certificate = await issueCertificate(lab.ca, { names: [host], keyType: 'ecdsa-p256' });
  const ip = lab.addressOf(host)?.ipv4[0];
  if (ip === undefined) throw new Error(`${host} has no address in the lab`);
  publicEndpoint = { ip, port: 443 };
  const routed = lab.addressMap.lookup(publicEndpoint, 'tcp');
  if (routed === undefined) throw new Error(`${host} is not routed`);
  original = routed;
});

afterEach(async () => {
  lab.addressMap.route(publicEndpoint, original);
  await server?.close();
  server = undefined;
});

afterAll(() => lab?.close());

/** Routes the policy server's address to a raw TLS server that answers with `handler`, then scans with a 1 s request limit. */
async function scanAgainst(handler: RawHandler): Promise<{ evidence: MtaStsEvidence; verdict: Verdict; elapsedMs: number }> {
  server = await startRawServer(handler, { tls: { key: certificate.privateKeyPem, cert: certificate.chainPem } });
  lab.addressMap.route(publicEndpoint, { ip: '127.0.0.1', port: server.port });
  const started = performance.now();
  const report = await scan(domain, {
    checks: [mailMtaSts],
    probes: [mxProbe, createMtaStsProbe({ requestTimeoutMs: 1_000 })],
    transports: lab.transports(),
    vantage: lab.vantage,
  });
  const elapsedMs = performance.now() - started;
  const evidence = report.evidence.find((e) => e.probe === 'mail-mta-sts');
  const [verdict] = report.verdicts;
  if (evidence === undefined || !evidence.ok || verdict === undefined) throw new Error(`no MTA-STS evidence: ${JSON.stringify(evidence)}`);
  return { evidence: evidence.data as MtaStsEvidence, verdict, elapsedMs };
}

describe('the MTA-STS probe against hostile policy servers', () => {
  it('reads at most 64 KiB of a huge policy and fails it as too large', async () => {
    const body = `version: STSv1\nmode: enforce\nmx: mx.mail-modern.test\nmax_age: 1209600\n${'x: y\n'.repeat(200_000)}`;
    const { evidence, verdict } = await scanAgainst((socket) =>
      socket.write(`HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: ${body.length}\r\n\r\n${body}`),
    );
    expect(evidence.policy).toMatchObject({ status: 200, bodyTruncated: true, certificateValid: true });
    expect(evidence.policy?.body?.length).toBe(65_536);
    expect(verdict).toMatchObject({ rawStatus: 'fail', outcome: 'policy-unavailable' });
    expect(verdict.findings.map((f) => f.id)).toEqual(['mail-mta-sts.policy-too-large']);
  });

  it('ends a server that never answers, and one that trickles its body, at the request limit', async () => {
    for (const handler of [(() => undefined) satisfies RawHandler, hostile.trickleBody]) {
      const { evidence, verdict, elapsedMs } = await scanAgainst(handler);
      expect(evidence.policy).toMatchObject({ error: { code: 'timeout' } });
      expect(verdict.findings.map((f) => f.id)).toEqual(['mail-mta-sts.policy-unreachable']);
      // The limit is 1 s; the rest is slack for a loaded machine, far below the default 15 s.
      expect(elapsedMs).toBeLessThan(8_000);
      await server?.close();
      server = undefined;
    }
  });

  it('sees a redirect as the response, making one request only', async () => {
    const { evidence, verdict } = await scanAgainst((socket) =>
      socket.write('HTTP/1.1 302 Found\r\nLocation: https://mta-sts.mail-mtasts-good.test/elsewhere\r\nContent-Length: 0\r\n\r\n'),
    );
    expect(server?.requests.length).toBe(1);
    expect(evidence.policy).toMatchObject({
      status: 302,
      headers: expect.arrayContaining([['location', 'https://mta-sts.mail-mtasts-good.test/elsewhere']]),
    });
    expect(verdict.findings.map((f) => f.id)).toEqual(['mail-mta-sts.policy-redirect']);
  });
});
