import { evaluateSpf, mailAuthSpfExist, mailAuthSpfPolicy, spfProbe } from '@pastoe/checks-mail';
import { type ClosableResolver, createResolver, scan } from '@pastoe/core';
import { type DnsServerHandle, startDnsServer, type Zone, type ZoneRecord } from '@pastoe/lab';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const soa = { type: 'SOA' as const, mname: 'ns.lab', rname: 'hostmaster.lab', serial: 1, refresh: 60, retry: 60, expire: 60, minimum: 0 };

function txt(name: string, text: string): ZoneRecord {
  return { name, type: 'TXT', ttl: 60, data: { type: 'TXT', strings: [text] } };
}

const zones: Zone[] = [
  {
    origin: 'spf.test',
    records: [
      { name: 'spf.test', type: 'SOA', ttl: 60, data: soa },
      { name: 'h.spf.test', type: 'A', ttl: 60, data: { type: 'A', address: '192.0.2.1' } },
      txt('top.spf.test', 'v=spf1 include:one.spf.test include:two.spf.test include:three.spf.test -all'),
      txt('one.spf.test', 'v=spf1 a:h.spf.test a:h.spf.test a:h.spf.test a:h.spf.test ~all'),
      txt('two.spf.test', 'v=spf1 a:h.spf.test a:h.spf.test a:h.spf.test a:h.spf.test ~all'),
      txt('three.spf.test', 'v=spf1 a:h.spf.test mx:h.spf.test include:four.spf.test -all'),
      txt('four.spf.test', 'v=spf1 a include:four.spf.test -all'),
      txt('good.spf.test', 'v=spf1 ip4:192.0.2.0/24 include:one.spf.test -all'),
      txt('slow.spf.test', 'v=spf1 include:silent.spf.test -all'),
      txt('broken.spf.test', 'v=spf1 include:fails.broken.test -all'),
      txt('voids.spf.test', 'v=spf1 a:nx1.spf.test mx:nx2.spf.test include:voids2.spf.test -all'),
      txt('voids2.spf.test', 'v=spf1 exists:nx3.spf.test ~all'),
      txt('two-voids.spf.test', 'v=spf1 a:nx1.spf.test exists:nx2.spf.test ~all'),
      // 1.6 kB: too big for a 1232-octet UDP answer, so the resolver asks again over TCP.
      {
        name: 'big.spf.test',
        type: 'TXT',
        ttl: 60,
        data: { type: 'TXT', strings: ['v=spf1', ...Array.from({ length: 80 }, (_, i) => ` ip4:198.51.${i}.0/24`), ' -all'] },
      },
      // 12 kB: more than parseSpf reads.
      {
        name: 'huge.spf.test',
        type: 'TXT',
        ttl: 60,
        data: { type: 'TXT', strings: ['v=spf1', ...Array.from({ length: 48 }, () => ` ${'a'.repeat(250)}`)] },
      },
      { name: 'manymx.spf.test', type: 'TXT', ttl: 60, data: { type: 'TXT', strings: ['v=spf1 mx -all'] } },
      ...Array.from(
        { length: 11 },
        (_, i): ZoneRecord => ({
          name: 'manymx.spf.test',
          type: 'MX',
          ttl: 60,
          data: { type: 'MX', preference: i, exchange: `mx${i}.spf.test` },
        }),
      ),
    ],
    faults: { silent: [{ name: 'silent.spf.test' }] },
  },
  { origin: 'broken.test', records: [{ name: 'broken.test', type: 'SOA', ttl: 60, data: soa }], faults: { failure: 'servfail' } },
];

describe('evaluateSpf against a lab DNS server', () => {
  let server: DnsServerHandle;
  let resolver: ClosableResolver;

  beforeAll(async () => {
    server = await startDnsServer({ zones });
    resolver = createResolver(`udp://127.0.0.1:${server.udp.port}`, { timeoutMs: 200, queryTimeoutMs: 400, retries: 0 });
  });
  afterAll(async () => {
    resolver?.close();
    await server?.close();
  });

  const check = (domain: string, ip = '198.51.100.1', signal?: AbortSignal) =>
    evaluateSpf({ ip, sender: `user@${domain}`, helo: 'mail.example.test', resolver, ...(signal === undefined ? {} : { signal }) });

  it('shows what each include costs, also the includes past the 10-lookup limit', async () => {
    const outcome = await check('top.spf.test');
    expect(outcome.result).toBe('permerror');
    expect(outcome.reason).toBe('more than 10 DNS-lookup terms');
    expect(outcome.lookups).toBe(16);
    const [one, two, three] = outcome.tree.children;
    expect(outcome.tree).toMatchObject({ domain: 'top.spf.test', lookups: 3, totalLookups: 16, result: 'permerror' });
    expect(one).toMatchObject({
      via: 'include',
      term: 'include:one.spf.test',
      lookups: 4,
      totalLookups: 4,
      result: 'softfail',
      pastLimit: false,
    });
    expect(two).toMatchObject({ lookups: 4, result: 'softfail', pastLimit: false });
    expect(three).toMatchObject({ domain: 'three.spf.test', lookups: 3, totalLookups: 5, result: 'not-evaluated', pastLimit: true });
    // four.spf.test includes itself: counted once, the loop named instead of followed.
    expect(three?.children[0]).toMatchObject({ domain: 'four.spf.test', lookups: 2, pastLimit: true });
    expect(three?.children[0]?.children[0]?.reason).toMatch(/loop/);
    expect(JSON.parse(JSON.stringify(outcome.tree))).toEqual(outcome.tree);
  });

  it('passes a matching address and counts the lookups it made', async () => {
    const outcome = await check('good.spf.test', '192.0.2.77');
    expect(outcome).toMatchObject({ result: 'pass', lookups: 0, voidLookups: 0 });
    const failing = await check('good.spf.test');
    expect(failing).toMatchObject({ result: 'fail', lookups: 5 });
    expect(failing.tree.children[0]).toMatchObject({ result: 'softfail', lookups: 4 });
  });

  it('names each void lookup where it was made, and gives permerror at the third', async () => {
    const outcome = await check('voids.spf.test');
    expect(outcome).toMatchObject({ result: 'permerror', reason: 'more than 2 void DNS lookups', voidLookups: 3 });
    expect(outcome.tree).toMatchObject({ voidLookups: 2, voidNames: ['nx1.spf.test', 'nx2.spf.test'] });
    expect(outcome.tree.children[0]).toMatchObject({ domain: 'voids2.spf.test', voidLookups: 1, voidNames: ['nx3.spf.test'] });
    const two = await check('two-voids.spf.test');
    expect(two).toMatchObject({ result: 'softfail', voidLookups: 2, tree: { voidNames: ['nx1.spf.test', 'nx2.spf.test'] } });
    expect((await check('good.spf.test')).tree).not.toHaveProperty('voidNames');
  });

  it('gives temperror, not none, when a server stays silent or answers SERVFAIL', async () => {
    const silent = await check('slow.spf.test');
    expect(silent.result).toBe('temperror');
    expect(silent.tree.children[0]).toMatchObject({ domain: 'silent.spf.test', result: 'temperror' });
    const servfail = await check('broken.spf.test');
    expect(servfail.result).toBe('temperror');
    expect(servfail.reason).toMatch(/SERVFAIL/);
  });

  it('reads a record too big for UDP, refuses one too big to parse, and more than 10 MX names', async () => {
    expect(await check('big.spf.test', '198.51.79.9')).toMatchObject({ result: 'pass' });
    const huge = await check('huge.spf.test');
    expect(huge).toMatchObject({ result: 'permerror' });
    expect(huge.reason).toMatch(/at 8192: the record is \d+ characters long/);
    expect(await check('manymx.spf.test')).toMatchObject({ result: 'permerror', reason: '11 MX records at manymx.spf.test, more than 10' });
  });

  it('stops with temperror when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const outcome = await check('top.spf.test', '198.51.100.1', controller.signal);
    expect(outcome.result).toBe('temperror');
    await expect(evaluateSpf({ ip: 'not-an-ip', sender: 'a@b.test', helo: 'b.test', resolver })).rejects.toThrow(TypeError);
  });
});

describe('the SPF probe and checks against a lab DNS server', () => {
  let server: DnsServerHandle;
  let resolver: ClosableResolver;

  beforeAll(async () => {
    server = await startDnsServer({ zones });
    resolver = createResolver(`udp://127.0.0.1:${server.udp.port}`, { timeoutMs: 200, queryTimeoutMs: 400, retries: 0 });
  });
  afterAll(async () => {
    resolver?.close();
    await server?.close();
  });

  const judge = async (domain: string) => {
    const report = await scan(domain, {
      checks: [mailAuthSpfExist, mailAuthSpfPolicy],
      probes: [spfProbe],
      transports: { resolver },
      vantage: 'skip',
    });
    return { report, exist: report.verdicts[0], policy: report.verdicts[1] };
  };

  it('reads every include once and judges as Internet.nl, with the RFC count beside its own', async () => {
    const { report, exist, policy } = await judge('top.spf.test');
    const evidence = report.evidence.find((e) => e.probe === 'mail-spf');
    expect(evidence?.ok && Object.keys((evidence.data as { targets: object }).targets).sort()).toEqual([
      'four.spf.test',
      'one.spf.test',
      'three.spf.test',
      'two.spf.test',
    ]);
    expect(exist).toMatchObject({ status: 'pass', outcome: 'good' });
    expect(policy).toMatchObject({ status: 'fail', outcome: 'max-lookups', facts: { rfcLookups: 16 } });
  });

  it('passes a sound record, and an include target that answers SERVFAIL is a test error, not include (2 points)', async () => {
    expect((await judge('good.spf.test')).policy).toMatchObject({
      status: 'pass',
      outcome: 'good',
      facts: { internetnlLookups: 1, rfcLookups: 5 },
    });
    // Internet.nl gives 2 points; a SERVFAIL may be pastoe's resolver failing, so pastoe does not judge.
    expect((await judge('broken.spf.test')).policy).toMatchObject({
      status: 'error',
      findings: [{ id: 'mail-auth-spf-policy.target-unanswered', params: { domain: 'fails.broken.test' } }],
    });
  });

  it('is a test error, not a missing record, when the domain answers SERVFAIL or an include target never answers', async () => {
    const servfail = await judge('mail.broken.test');
    expect(servfail.exist).toMatchObject({ status: 'error' });
    expect(servfail.policy).toMatchObject({ status: 'error' });
    expect((await judge('slow.spf.test')).policy).toMatchObject({ status: 'error', outcome: 'error' });
  });
});
