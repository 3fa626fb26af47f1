/**
 * One piece of work per scan: a web-preset scan of a lab domain asks the resolver for the domain's
 * NS records once (the name-server checks, the name-server reachability plan and the RPKI probe of
 * name servers all read the `name-servers` probe's evidence), and fetches the HTTPS home page once
 * per web server address (the `web-same-site` comparison reads the `web-http` probe's response).
 * Counted at the transports every probe goes through.
 */
import { webPreset } from '@pastoe/checks-web';
import { type DnsQuestion, type HttpClient, type HttpRequest, type Network, type Resolver, type ScanReport, scan } from '@pastoe/core';
import { type Lab, startLab } from '@pastoe/lab';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(() => lab?.close());

interface Counted {
  readonly report: ScanReport;
  /** `name type` of every question the scan asked its resolver, in order. */
  readonly questions: readonly string[];
  /** `url ip` of every HTTP request the scan made. */
  readonly requests: readonly string[];
  /** TCP connections opened through the network. */
  readonly connections: number;
}

/** Scans `domain` with the web preset through transports that record what passes through them. */
async function countedScan(domain: string): Promise<Counted> {
  const questions: string[] = [];
  const requests: string[] = [];
  let connections = 0;
  const inner = lab.network;
  const network: Network = {
    policy: inner.policy,
    connect: (options) => {
      connections += 1;
      return inner.connect(options);
    },
    udpExchange: (options) => inner.udpExchange(options),
  };
  const transports = lab.transports({ network });
  const resolver: Resolver = {
    description: transports.resolver.description,
    query: (question: DnsQuestion, options) => {
      questions.push(`${question.name.toLowerCase()} ${question.type}`);
      return transports.resolver.query(question, options);
    },
    stats: () => transports.resolver.stats(),
  };
  const http: HttpClient = {
    trust: transports.http.trust,
    request: (request: HttpRequest) => {
      requests.push(`${String(request.url)} ${request.ip}`);
      return transports.http.request(request);
    },
    stats: () => transports.http.stats(),
    close: () => transports.http.close(),
  };
  const report = await scan(domain, { preset: webPreset, transports: { ...transports, resolver, http }, vantage: lab.vantage });
  return { report, questions, requests, connections };
}

const count = (items: readonly string[], item: string): number => items.filter((each) => each === item).length;

describe('a web scan does each piece of work once', () => {
  it('asks for the NS records of modern.test once and fetches its HTTPS home page once per address', async () => {
    const { report, questions, requests } = await countedScan('modern.test');
    const addresses = lab.addressOf('modern.test');
    expect(addresses?.ipv4.length).toBeGreaterThan(0);
    expect(addresses?.ipv6.length).toBeGreaterThan(0);

    expect(count(questions, 'modern.test NS')).toBe(1);
    for (const ip of [...(addresses?.ipv6 ?? []), ...(addresses?.ipv4 ?? [])]) {
      expect(count(requests, `https://modern.test/ ${ip}`), ip).toBe(1);
    }
    // Every user of the shared evidence still judged from it.
    const verdict = (name: string) => report.verdicts.find((item) => item.internetnl?.name === name);
    for (const name of ['web_ipv6_ns_address', 'web_ipv6_ns_reach', 'web_ipv6_ws_similar', 'web_https_http_hsts', 'web_rpki_exists']) {
      expect(verdict(name)?.status, name).toBe('pass');
    }
    expect(report.evidence.filter((item) => item.probe === 'name-servers')).toHaveLength(1);
  }, 60_000);

  it('compares a gzip-compressed home page from the one fetch, decoded', async () => {
    const { report, requests } = await countedScan('compressed.test');
    const addresses = lab.addressOf('compressed.test');
    for (const ip of [...(addresses?.ipv6 ?? []), ...(addresses?.ipv4 ?? [])]) {
      expect(count(requests, `https://compressed.test/ ${ip}`), ip).toBe(1);
    }
    const sameSite = report.evidence.find((item) => item.probe === 'web-same-site');
    const https = sameSite?.ok === true ? (sameSite.data as { fetches: { scheme: string; bodyBytes?: number }[] }).fetches[1] : undefined;
    // The lab's page as served before gzip: 70-odd bytes of HTML, not the compressed bytes.
    expect(https).toMatchObject({ scheme: 'https', ok: true });
    const page = `<!doctype html><title>compressed.test</title><p>compressed.test, a pastoe lab site.</p>\n`;
    expect(https?.bodyBytes).toBe(page.length);
    expect(report.verdicts.find((item) => item.internetnl?.name === 'web_ipv6_ws_similar')?.status).toBe('pass');
  }, 60_000);
});
