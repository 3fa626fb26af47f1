/**
 * The web HTTP probe against the lab's web scenarios: the first HTTPS response with its headers,
 * the plain-HTTP redirect chain hop by hop (hosts resolved through the lab's DNS, pinned to the
 * tested address family), and the typed failures; and the CSP findings the scenarios are built for.
 */
import { webPreset } from '@pastoe/checks-web';
import {
  createScanCaches,
  defaultProbeSettings,
  type EvidenceSuccess,
  maxRedirectHops,
  type ProbeContext,
  probeWebHttp,
  type ScanReport,
  scan,
  type WebHttpEvidence,
  webHttpDeclaration,
  webHttpProbe,
} from '@pastoe/core';
import { type Lab, type LabHttpSite, startHttpServer, startLab } from '@pastoe/lab';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(() => lab?.close());

async function scanned(domain: string): Promise<ScanReport> {
  return scan(domain, { preset: webPreset, transports: lab.transports(), vantage: lab.vantage });
}

/** The web-http evidence of each address, IPv6 first. */
function httpEvidence(report: ScanReport): EvidenceSuccess<WebHttpEvidence>[] {
  return report.evidence.filter(
    (evidence): evidence is EvidenceSuccess<WebHttpEvidence> => evidence.probe === webHttpDeclaration.id && evidence.ok,
  );
}

function scenario(domain: string) {
  const found = lab.web.find((s) => s.domain === domain);
  if (found === undefined) throw new Error(`no scenario ${domain}`);
  return found;
}

describe('the web HTTP probe against the lab', () => {
  it('fetches / over HTTPS with every header, and follows http → https on each address', async () => {
    expect(webHttpProbe.id).toBe(webHttpDeclaration.id);
    const report = await scanned('modern.test');
    const { ipv4, ipv6 } = scenario('modern.test');
    const evidence = httpEvidence(report);
    expect(evidence.map((e) => e.subject.ip)).toEqual([ipv6, ipv4]);
    for (const { subject, data } of evidence) {
      expect(data.https).toMatchObject({ ok: true, url: 'https://modern.test/', status: 200, certificateValid: true });
      if (!data.https.ok) throw new Error('no response');
      expect(data.https.headers).toEqual(
        expect.arrayContaining([
          ['strict-transport-security', 'max-age=31536000; includeSubDomains'],
          ['x-frame-options', 'DENY'],
          ['referrer-policy', 'no-referrer'],
        ]),
      );
      expect(data.https.contentEncoding).toBeUndefined();
      expect(data.http).toEqual({
        hops: [
          { url: 'http://modern.test/', ip: subject.ip, status: 301, location: 'https://modern.test/' },
          { url: 'https://modern.test/', ip: subject.ip, status: 200 },
        ],
        end: 'final',
      });
    }
  });

  it('resolves another host of the chain in the tested address family', async () => {
    const report = await scanned('redirect-elsewhere.test');
    const modern = scenario('modern.test');
    const hops = httpEvidence(report).map((e) => e.data.http.hops[1]);
    expect(hops).toEqual([
      { url: 'https://modern.test/', ip: modern.ipv6, status: 200 },
      { url: 'https://modern.test/', ip: modern.ipv4, status: 200 },
    ]);
  });

  it('records a downgrade back to http, and ends a chain that comes back on itself', async () => {
    const report = await scanned('downgrade.test');
    const [first] = httpEvidence(report);
    expect(first?.data.http.hops.map((hop) => [hop.url, hop.status])).toEqual([
      ['http://downgrade.test/', 301],
      ['https://downgrade.test/step', 302],
      ['http://www.downgrade.test/', 301],
    ]);
    expect(first?.data.http.end).toBe('loop');
    const redirect = report.verdicts.find((v) => v.check === 'web-https-http-redirect');
    expect(redirect?.findings.map((f) => f.id)).toContain('web-https-http-redirect.downgrade');
  });

  it('sees the Content-Encoding of a compressing site', async () => {
    const [first] = httpEvidence(await scanned('compressed.test'));
    expect(first?.data.https).toMatchObject({ ok: true, contentEncoding: 'gzip' });
  });

  it('records no HTTPS, a TLS failure and no HTTP as typed failures', async () => {
    const [httpOnly] = httpEvidence(await scanned('http-only.test'));
    expect(httpOnly?.data.https).toMatchObject({ ok: false, failure: 'no-https', code: 'refused' });
    const [ancient] = httpEvidence(await scanned('ancient.test'));
    expect(ancient?.data.https).toMatchObject({ ok: false, failure: 'tls' });
    const [httpsOnly] = httpEvidence(await scanned('https-only.test'));
    expect(httpsOnly?.data.http).toMatchObject({ hops: [{ url: 'http://https-only.test/', error: { code: 'refused' } }], end: 'failed' });
  });

  it('makes every Internet.nl CSP message id appear across the CSP scenarios', async () => {
    const ids = new Set<string>();
    for (const domain of ['headers-bad.test', 'csp-weak.test']) {
      const csp = (await scanned(domain)).verdicts.find((v) => v.check === 'web-appsecpriv-csp');
      for (const finding of csp?.findings ?? []) ids.add(finding.id.replace('web-appsecpriv-csp.', ''));
    }
    expect([...ids].sort()).toEqual(
      [
        'has-unsafe-inline',
        'has-unsafe-eval',
        'has-unsafe-hashes',
        'has-http',
        'has-bare-https',
        'has-host-without-scheme',
        'has-data',
        'has-invalid-host',
        'missing-invalid-default-src',
        'missing-invalid-base-uri',
        'missing-invalid-form-action',
        'missing-invalid-frame-src',
        'missing-invalid-frame-ancestors',
      ].sort(),
    );
  });
});

describe('the web HTTP probe against hostile HTTP servers', () => {
  /** Serves `sites` on port 80 of a documentation address no scenario uses, and probes `name` there (nothing on 443). */
  async function probeAt(name: string, sites: readonly LabHttpSite[]): Promise<WebHttpEvidence> {
    const server = await startHttpServer({ sites });
    const ip = '192.0.2.250';
    lab.addressMap.route({ ip, port: 80 }, { ip: server.host, port: server.port });
    const context: ProbeContext = {
      target: { domain: name, input: name },
      signal: AbortSignal.timeout(30_000),
      transports: lab.transports(),
      caches: createScanCaches(),
      settings: defaultProbeSettings,
      now: () => new Date(),
      // probeWebHttp reads no other probe's evidence.
      evidence: () => Promise.reject(new Error('one probe alone')),
      evidenceList: () => Promise.reject(new Error('one probe alone')),
    };
    try {
      return await probeWebHttp({ name, role: 'web', ip }, context);
    } finally {
      await server.close();
    }
  }

  it('stops an endless redirect chain at the hop limit, and keeps a huge body from mattering', async () => {
    const evidence = await probeAt('endless.test', [
      { hosts: ['endless.test'], fallback: { redirect: 'http://endless.test/x{path}', body: 'x'.repeat(2_000_000) } },
    ]);
    expect(evidence.https).toMatchObject({ ok: false, failure: 'no-https' });
    expect(evidence.http.hops).toHaveLength(maxRedirectHops);
    expect(evidence.http.end).toBe('too-many-hops');
    expect(evidence.http.hops[2]).toMatchObject({ url: 'http://endless.test/x/x/', status: 301 });
  });

  it('ends the chain at a host without addresses and at a Location that leads nowhere', async () => {
    const unresolved = await probeAt('gone.test', [{ hosts: ['gone.test'], fallback: { redirect: 'https://nothing-here.test/' } }]);
    expect(unresolved.http).toMatchObject({
      hops: [{ status: 301 }, { url: 'https://nothing-here.test/', error: { code: 'unresolved' } }],
      end: 'failed',
    });
    const scheme = await probeAt('odd.test', [{ hosts: ['odd.test'], fallback: { redirect: 'javascript:alert(1)' } }]);
    expect(scheme.http).toMatchObject({ hops: [{ status: 301, location: 'javascript:alert(1)' }], end: 'bad-location' });
  });
});
