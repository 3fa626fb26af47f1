/**
 * pastoe's own vantage point, against real servers on loopback: the lab's DNS (healthy), the
 * lab's lying resolver, a closed port, and a machine without a network (offline). No test here
 * lets a packet leave loopback: the offline network sends every connection, to a configured
 * resolver too, to a closed loopback port.
 */
import { createServer } from 'node:net';
import {
  type AnyCheck,
  type Network,
  type Resolver,
  type ScanManyResult,
  type VantageTransports,
  type VantageReport,
  VantageError,
  checkVantage,
  createNodeNetwork,
  createResolver,
  createValidator,
  defineCheck,
  defineProbe,
  dnssecProbe,
  evaluate,
  judgeDnssecValid,
  scan,
  scanMany,
} from '@pastoe/core';
import { type Lab, type LyingResolver, startLab, startLyingResolver } from '@pastoe/lab';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bound } from '../../../core/src/runner/test-support/bind.js';

let lab: Lab;
let liar: LyingResolver;
let closedPort: number;
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  [lab, liar, closedPort] = await Promise.all([startLab({ services: false }), startLyingResolver(), closedLoopbackPort()]);
});
afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
  await Promise.all([lab?.close(), liar?.close()]);
});

/**
 * A machine without a network: every connection, to the configured resolvers and to any public
 * address, is refused (it goes to a closed loopback port).
 */
const offlineNetwork = (): Network => createNodeNetwork({ map: () => ({ ip: '127.0.0.1', port: closedPort }) });

/** Transports over the given resolver spec, reaching loopback through the lab's network. */
function transportsVia(spec: string | readonly string[] | undefined, network: Network = lab.network): VantageTransports {
  const resolver = createResolver(spec, { network, timeoutMs: 1_000, retries: 0 });
  closers.push(() => resolver.close());
  return { network, resolver, validator: createValidator({ resolver, trustAnchors: lab.trustAnchors }) };
}

/** Wraps a resolver to count the root priming queries (`. NS`) the vantage check sends. */
function countPriming(transports: VantageTransports): { transports: VantageTransports; priming: () => number } {
  let priming = 0;
  const inner = transports.resolver;
  const resolver: Resolver = {
    description: inner.description,
    query: (question, options) => {
      if (question.name === '.' && question.type === 'NS') priming += 1;
      return inner.query(question, options);
    },
    stats: () => inner.stats(),
  };
  return {
    transports: { ...transports, resolver, validator: createValidator({ resolver, trustAnchors: lab.trustAnchors }) },
    priming: () => priming,
  };
}

/** Test probes by what they need, each counting its runs, and checks over them. */
function fixture() {
  const runs = { dns: 0, tcp: 0, pure: 0 };
  const dns = defineProbe({
    id: 'uses-dns',
    description: 'needs DNS (the default)',
    run: async () => {
      runs.dns += 1;
      return 1;
    },
  });
  const tcp = defineProbe({
    id: 'uses-tcp',
    description: 'needs TCP egress only',
    needs: ['tcp'],
    run: async () => {
      runs.tcp += 1;
      return 1;
    },
  });
  const pure = defineProbe({
    id: 'pure',
    description: 'does no I/O',
    needs: [],
    run: async () => {
      runs.pure += 1;
      return 1;
    },
  });
  const pass = { status: 'pass', outcome: 'good' } as const;
  const dnssecValid = defineCheck({
    id: 'web-dnssec-valid',
    level: 'required',
    standard: 'dnssec',
    probes: { dnssec: dnssecProbe },
    evaluate: ({ dnssec }) => judgeDnssecValid('web-dnssec-valid', dnssec.data),
  });
  const checks: AnyCheck[] = [
    defineCheck({ id: 'web-dns', level: 'required', standard: 'dnssec', probes: { p: dns }, evaluate: () => pass }),
    defineCheck({ id: 'web-tcp', level: 'required', standard: 'tls', probes: { p: tcp }, evaluate: () => pass }),
    defineCheck({ id: 'web-pure', level: 'required', standard: 'https', probes: { p: pure }, evaluate: () => pass }),
    // A check that judges failed evidence itself would call pastoe's failure the domain's: it must not get the chance.
    defineCheck({
      id: 'web-lenient',
      level: 'required',
      standard: 'dnssec',
      probes: { p: dns },
      acceptsProbeErrors: true,
      evaluate: ({ p }) => (p.ok ? pass : { status: 'fail', outcome: 'bad' }),
    }),
    dnssecValid,
  ];
  return { checks, runs, dns, pure };
}

function statusOf(verdicts: readonly { check: string; status: string; outcome: string }[]): Record<string, string> {
  return Object.fromEntries(verdicts.map((v) => [v.check, `${v.status}/${v.outcome}`]));
}

async function closedLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address !== null ? address.port : 1;
}

describe('checkVantage', () => {
  it('passes from the healthy lab, every step timed, as plain JSON a health check can return', async () => {
    const transports = lab.transports();
    const report = await checkVantage(transports, { needs: ['dns', 'tcp'], ...lab.vantage });
    expect(report.ok).toBe(true);
    expect(report.resolver).toBe(lab.resolverUrl);
    expect(report.needs).toEqual(['dns', 'tcp']);
    expect(report.steps.map((s) => [s.step, s.ok])).toEqual([
      ['resolver', true],
      ['trust-anchors', true],
      ['tcp', true],
    ]);
    expect(report.steps.every((s) => s.durationMs >= 0 && s.reason === undefined)).toBe(true);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('fails the root key set when the validator trusts other anchors than the ones the root is signed with', async () => {
    const resolver = lab.transports().resolver;
    const foreign = createValidator({ resolver }); // the IANA anchors: the lab root is not signed with them
    const report = await checkVantage({ network: lab.network, resolver, validator: foreign });
    expect(report.ok).toBe(false);
    expect(report.steps.map((s) => [s.step, s.ok])).toEqual([
      ['resolver', true],
      ['trust-anchors', false],
    ]);
    expect(report.steps[1]?.reason).toMatch(/root DNSKEY set from udp:\/\/127\.0\.0\.1:\d+ is (bogus|insecure)/);
  });

  it('names the failure of each broken vantage point: offline, closed port, lying resolver', async () => {
    const offline = await checkVantage(transportsVia(undefined, offlineNetwork()), { needs: ['dns', 'tcp'] });
    expect(offline.steps.map((s) => [s.step, s.code])).toEqual([
      ['resolver', 'network'],
      ['trust-anchors', 'not-run'],
      ['tcp', 'refused'],
    ]);
    expect(offline.resolver).toContain('https://dns.quad9.net/dns-query');
    expect(offline.steps[2]?.reason).toContain('9.9.9.9:443');

    const closed = await checkVantage(transportsVia(`udp://127.0.0.1:${await closedLoopbackPort()}`));
    expect(closed.ok).toBe(false);
    expect(['network', 'timeout']).toContain(closed.steps[0]?.code);

    const lying = await checkVantage(transportsVia(liar.resolverUrl));
    expect(lying.steps[0]).toMatchObject({ step: 'resolver', ok: false, code: 'nxdomain' });
    expect(lying.steps[0]?.reason).toContain(liar.resolverUrl);
  });

  it('bounds a resolver that never answers and ignores its signal, and rejects with the caller’s reason', async () => {
    const silent: Resolver = {
      description: 'silent://nowhere',
      query: () => new Promise(() => undefined),
      stats: () => ({ queries: 0, upstreamQueries: 0, cacheHits: 0, coalesced: 0 }),
    };
    const transports = { network: offlineNetwork(), resolver: silent, validator: createValidator({ resolver: silent }) };
    const started = performance.now();
    const report = await checkVantage(transports, { timeoutMs: 80 });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(report.steps[0]).toMatchObject({ ok: false, code: 'timeout' });
    const reason = new Error('shutting down');
    const controller = new AbortController();
    setTimeout(() => controller.abort(reason), 30);
    await expect(checkVantage(transports, { signal: controller.signal })).rejects.toBe(reason);
    await expect(checkVantage(transports, { timeoutMs: -1 })).rejects.toThrow(RangeError);
    await expect(checkVantage(transports, { needs: ['udp' as never] })).rejects.toThrow(/unknown vantage need/);
    const many = Array.from({ length: 17 }, (_, i) => ({ ip: '192.0.2.1', port: 1000 + i }));
    await expect(checkVantage(transports, { needs: ['tcp'], tcpEndpoints: many })).rejects.toThrow(/at most 16/);
  });
});

describe('scan from a broken vantage point', () => {
  it('offline: every verdict that needs DNS is error/vantage naming the resolvers, quickly, and nothing runs', async () => {
    const { checks, runs } = fixture();
    const started = performance.now();
    const report = await scan('example.nl', { ...bound(checks), transports: { network: offlineNetwork() } });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(statusOf(report.verdicts)).toEqual({
      'web-dns': 'error/vantage',
      'web-tcp': 'error/vantage',
      'web-pure': 'pass/good',
      'web-lenient': 'error/vantage',
      'web-dnssec-valid': 'error/vantage',
    });
    expect(runs).toEqual({ dns: 0, tcp: 0, pure: 1 });
    expect(report.verdicts.find((v) => v.check === 'web-tcp')?.findings[0]?.id).toBe('vantage.tcp');
    const verdict = report.verdicts.find((v) => v.check === 'web-dnssec-valid');
    expect(verdict?.findings).toEqual([
      {
        id: 'vantage.resolver',
        params: expect.objectContaining({
          step: 'resolver',
          code: 'network',
          resolver: expect.stringContaining('dns.quad9.net'),
        }),
      },
    ]);
    expect(verdict?.error).toMatchObject({ source: 'runner', code: 'vantage', probe: 'dnssec-domain' });
    expect(report.vantage?.ok).toBe(false);
    // The verdicts are in the evidence: re-judging the saved report gives them again.
    expect(evaluate(checks, JSON.parse(JSON.stringify(report)))).toEqual(report.verdicts);
  });

  it('a TCP failure blocks only the probes that need TCP', async () => {
    const { checks, runs } = fixture();
    // 192.0.2.1:443 is not routed in the lab: its network refuses it on loopback port 1.
    const refused = await scan('secure-ecdsa.test', {
      ...bound(checks),
      transports: lab.transports(),
      vantage: { tcpEndpoints: [{ ip: '192.0.2.1', port: 443 }] },
    });
    expect(statusOf(refused.verdicts)).toMatchObject({
      'web-dns': 'pass/good',
      'web-tcp': 'error/vantage',
      'web-dnssec-valid': 'pass/secure',
    });
    expect(refused.verdicts.find((v) => v.check === 'web-tcp')?.findings[0]).toMatchObject({
      id: 'vantage.tcp',
      params: { code: 'refused' },
    });
    expect(runs.tcp).toBe(0);
    const fine = await scan('secure-ecdsa.test', { ...bound(checks), transports: lab.transports(), vantage: lab.vantage });
    expect(fine.vantage?.steps.map((s) => s.step)).toEqual(['resolver', 'trust-anchors', 'tcp']);
    expect(fine.verdicts.every((v) => v.status === 'pass')).toBe(true);
  });

  it('the lying resolver: error/vantage, never pass, fail or bogus', async () => {
    const { checks } = fixture();
    const report = await scan('secure-ecdsa.test', {
      ...bound(checks.filter((c) => c.id !== 'web-tcp')),
      transports: transportsVia(liar.resolverUrl),
    });
    expect(statusOf(report.verdicts)).toEqual({
      'web-dns': 'error/vantage',
      'web-pure': 'pass/good',
      'web-lenient': 'error/vantage',
      'web-dnssec-valid': 'error/vantage',
    });
    expect(report.verdicts[0]?.findings[0]?.params).toMatchObject({ code: 'nxdomain', resolver: liar.resolverUrl });
  });

  it('a closed resolver port on loopback: error/vantage', async () => {
    const { checks } = fixture();
    const transports = transportsVia(`udp://127.0.0.1:${await closedLoopbackPort()}`);
    const report = await scan('secure-ecdsa.test', { ...bound(checks.slice(0, 1)), transports });
    expect(statusOf(report.verdicts)).toEqual({ 'web-dns': 'error/vantage' });
  });

  it('a plan that reads evidence pastoe could not gather fails as vantage, whatever it planned', async () => {
    const { dns } = fixture();
    const perServer = defineProbe({
      id: 'per-server',
      description: 'plans from the DNS probe, needs nothing itself',
      scope: 'each',
      needs: [],
      plan: async (context) => ((await context.evidence(dns)).ok ? [{ name: 'mx.example.nl' }] : []),
      run: async () => 1,
    });
    const check = defineCheck({
      id: 'mail-servers',
      level: 'required',
      standard: 'starttls',
      probes: { servers: perServer },
      evaluate: ({ servers }) =>
        servers.length === 0 ? { status: 'not-applicable', outcome: 'no-mx' } : { status: 'pass', outcome: 'good' },
    });
    const failed = await checkVantage(transportsVia(undefined, offlineNetwork()));
    const blocked = await scan('example.nl', { ...bound([check], dns), transports: { network: offlineNetwork() }, vantage: failed });
    expect(statusOf(blocked.verdicts)).toEqual({ 'mail-servers': 'error/vantage' });
  });

  it('reuses a report it is given, and skips the check when told to', async () => {
    const { checks, runs } = fixture();
    const counted = countPriming(lab.transports());
    const report = await checkVantage(counted.transports);
    expect(counted.priming()).toBe(1);
    const reused = await scan('secure-ecdsa.test', { ...bound(checks.slice(0, 1)), transports: counted.transports, vantage: report });
    expect(counted.priming()).toBe(1);
    expect(reused.vantage).toEqual(report);
    const skipped = await scan('example.nl', { ...bound(checks.slice(0, 1)), transports: { network: offlineNetwork() }, vantage: 'skip' });
    expect(skipped.vantage).toBeUndefined();
    expect(statusOf(skipped.verdicts)).toEqual({ 'web-dns': 'pass/good' });
    expect(runs.dns).toBe(2);
  });
});

describe('scanMany and the vantage point', () => {
  it('throws a VantageError before reading any domain when the vantage point fails, after one check', async () => {
    const { checks } = fixture();
    const counted = countPriming(transportsVia(liar.resolverUrl));
    let pulled = 0;
    function* domains(): Generator<string> {
      for (const name of ['a.test', 'b.test', 'c.test']) {
        pulled += 1;
        yield name;
      }
    }
    const results: ScanManyResult[] = [];
    const error = await (async () => {
      for await (const result of scanMany(domains(), { ...bound(checks), transports: counted.transports })) results.push(result);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VantageError);
    const report: VantageReport = (error as VantageError).report;
    expect(report.steps[0]).toMatchObject({ step: 'resolver', code: 'nxdomain' });
    expect((error as Error).message).toContain(liar.resolverUrl);
    expect(results).toEqual([]);
    expect(pulled).toBe(0);
    expect(counted.priming()).toBe(1);
  });

  it('checks the vantage point once per run, however many domains', async () => {
    const { checks } = fixture();
    const counted = countPriming(lab.transports());
    const reports: VantageReport[] = [];
    for await (const result of scanMany(['secure-ecdsa.test', 'secure-rsa.test', 'nsec3.test', 'insecure.test'], {
      ...bound(checks.slice(0, 1)),
      transports: counted.transports,
      domainConcurrency: 2,
    })) {
      if (result.ok && result.report.vantage !== undefined) reports.push(result.report.vantage);
    }
    expect(reports).toHaveLength(4);
    expect(new Set(reports.map((r) => r.checkedAt)).size).toBe(1);
    expect(counted.priming()).toBe(1);
  });
});
