import { describe, expect, it } from 'vitest';
import { defineCheck } from '../model/check.js';
import { ProbeFailure } from '../model/evidence.js';
import { definePreset } from '../model/preset.js';
import { implementProbe } from '../model/probe.js';
import { declareProbe } from '../model/probe-declaration.js';
import { ScanInputError } from './input.js';
import { scan } from './scan.js';

/** A lookup several probes read, counting how often it runs. */
const servers = declareProbe<readonly string[]>({ id: 'test-servers', description: 'server names', needs: [] });
/** A probe whose run reads `servers` (like the RPKI probe of name servers). */
const serverCount = declareProbe<number>({ id: 'test-server-count', description: 'how many servers', needs: [] });
/** An each-scope probe whose plan and runs read `servers`. */
const serverNames = declareProbe<string>({ id: 'test-server-names', description: 'one run per server', scope: 'each', needs: [] });

function fixture(names: readonly string[] = ['ns1.example.nl', 'ns2.example.nl']) {
  const runs = { servers: 0 };
  const serversProbe = implementProbe(servers, {
    run: async () => {
      runs.servers += 1;
      // Let the other users ask while it is still running.
      await new Promise((resolve) => setTimeout(resolve, 20));
      return names;
    },
  });
  const serverCountProbe = implementProbe(serverCount, {
    uses: [servers],
    run: async (_subject, context) => {
      const found = await context.evidence(servers);
      if (!found.ok) throw new ProbeFailure('dependency', `no servers: ${found.error.code}: ${found.error.message}`);
      return found.data.length;
    },
  });
  const serverNamesProbe = implementProbe(serverNames, {
    uses: [servers],
    plan: async (context) => {
      const found = await context.evidence(servers);
      return found.ok ? found.data.map((name) => ({ name, role: 'ns' as const })) : [];
    },
    run: async (subject, context) => {
      const found = await context.evidence(servers);
      return `${subject.name} of ${found.ok ? found.data.length : 0}`;
    },
  });
  const check = defineCheck({
    id: 'test-server-count-two',
    level: 'required',
    standard: 'ipv6',
    // The readers first: a reader that held its concurrency slot while waiting would starve `servers`.
    probes: { serverCount, serverNames, servers },
    evaluate: ({ serverCount: count, serverNames: named }) => ({
      status: count.data >= 2 ? 'pass' : 'fail',
      outcome: count.data >= 2 ? 'good' : 'bad',
      facts: { count: count.data, named: named.map((item) => item.data).join(', ') },
    }),
  });
  const preset = definePreset({
    id: 'test-uses',
    title: 'test',
    checks: [check],
    probes: [serversProbe, serverCountProbe, serverNamesProbe],
  });
  return { runs, preset, check, serversProbe, serverCountProbe, serverNamesProbe };
}

describe('probes reading other probes’ evidence through uses', () => {
  it('runs the used probe once for the check, the plan and every run that read it', async () => {
    const { runs, preset } = fixture();
    const report = await scan('example.nl', { preset, vantage: 'skip' });
    expect(runs.servers).toBe(1);
    expect(report.verdicts[0]).toMatchObject({
      status: 'pass',
      facts: { count: 2, named: 'ns1.example.nl of 2, ns2.example.nl of 2' },
    });
  });

  it('does not hold a concurrency slot while it waits for what it uses', async () => {
    const { runs, preset } = fixture();
    const report = await scan('example.nl', { preset, vantage: 'skip', concurrency: 1, timeoutMs: 10_000 });
    expect(runs.servers).toBe(1);
    expect(report.verdicts[0]).toMatchObject({ status: 'pass', facts: { count: 2 } });
  });

  it('reads the implementation the scan binds, so swapping the used probe by id still works', async () => {
    const { preset } = fixture();
    const mine = implementProbe(servers, { run: async () => ['only.example.nl'] });
    const report = await scan('example.nl', { preset, probes: [mine], vantage: 'skip' });
    expect(report.verdicts[0]).toMatchObject({ status: 'fail', facts: { count: 1, named: 'only.example.nl of 1' } });
  });

  it("turns the used probe's failure into the reader's error, with its reason", async () => {
    const { preset } = fixture();
    const broken = implementProbe(servers, {
      run: async () => {
        throw new ProbeFailure('servfail', 'NS lookup of example.nl answered SERVFAIL');
      },
    });
    const report = await scan('example.nl', { preset, probes: [broken], vantage: 'skip' });
    expect(report.verdicts[0]).toMatchObject({ status: 'error' });
    const counted = report.evidence.find((item) => item.probe === 'test-server-count');
    expect(counted).toMatchObject({ ok: false, error: { code: 'dependency' } });
    expect(counted?.ok === false && counted.error.message).toMatch(/servfail: NS lookup of example.nl answered SERVFAIL/);
  });

  it('refuses implementations that use each other in a cycle before scanning, naming the cycle', async () => {
    const { preset } = fixture();
    const circular = implementProbe(servers, { uses: [serverCount], run: async () => [] });
    const scanning = scan('example.nl', { preset, probes: [circular], vantage: 'skip' });
    await expect(scanning).rejects.toThrow(ScanInputError);
    await expect(scan('example.nl', { preset, probes: [circular], vantage: 'skip' })).rejects.toThrow(
      /cycle \(test-server-count → test-servers → test-server-count\)/,
    );
    const selfish = implementProbe(servers, { uses: [servers], run: async () => [] });
    await expect(scan('example.nl', { preset, probes: [selfish], vantage: 'skip' })).rejects.toThrow(
      /cycle \(test-servers → test-servers\)/,
    );
    const { check, serverCountProbe, serverNamesProbe } = fixture();
    expect(() =>
      definePreset({ id: 'loop', title: 'loop', checks: [check], probes: [circular, serverCountProbe, serverNamesProbe] }),
    ).toThrow(/preset loop: .*cycle/);
  });

  it('fails a run that reads a probe it does not list in uses, and a used probe left unbound, naming them', async () => {
    const { check, serversProbe, serverNamesProbe } = fixture();
    const unlisted = implementProbe(serverCount, {
      run: async (_subject, context) => {
        const found = await context.evidence(servers);
        return found.ok ? found.data.length : 0;
      },
    });
    const report = await scan('example.nl', { checks: [check], probes: [serversProbe, unlisted, serverNamesProbe], vantage: 'skip' });
    const counted = report.evidence.find((item) => item.probe === 'test-server-count');
    expect(counted).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(counted?.ok === false && counted.error.message).toMatch(/reads test-servers in its run without listing it in uses/);

    const orphan = declareProbe<number>({ id: 'test-orphan', description: 'reads an unbound probe', needs: [] });
    const unbound = declareProbe<number>({ id: 'test-unbound', description: 'bound to nothing', needs: [] });
    const orphanCheck = defineCheck({
      id: 'test-orphan-check',
      level: 'required',
      standard: 'ipv6',
      probes: { orphan },
      evaluate: () => ({ status: 'pass', outcome: 'good' }),
    });
    const orphanProbe = implementProbe(orphan, { uses: [unbound], run: async () => 1 });
    const orphaned = await scan('example.nl', { checks: [orphanCheck], probes: [orphanProbe], vantage: 'skip' });
    expect(orphaned.verdicts[0]).toMatchObject({ status: 'error' });
    expect(orphaned.evidence[0]).toMatchObject({ ok: false, error: { code: 'dependency' } });
    expect(orphaned.evidence[0]?.ok === false && orphaned.evidence[0].error.message).toMatch(
      /no implementation is bound to probe test-unbound/,
    );
  });

  it('gives the reader the vantage failure of what it uses, so its checks say vantage, not fail', async () => {
    const { check, serverCountProbe, serverNamesProbe } = fixture();
    const needsDns = implementProbe(declareProbe<readonly string[]>({ id: 'test-servers', description: 'over DNS' }), {
      run: async () => ['ns1.example.nl'],
    });
    const vantage = {
      ok: false,
      resolver: 'udp://192.0.2.53:53',
      needs: ['dns' as const],
      checkedAt: new Date().toISOString(),
      durationMs: 1,
      steps: [{ step: 'resolver' as const, ok: false, code: 'timeout', reason: 'the root priming query timed out', durationMs: 1 }],
    };
    const report = await scan('example.nl', { checks: [check], probes: [needsDns, serverCountProbe, serverNamesProbe], vantage });
    expect(report.verdicts[0]).toMatchObject({ status: 'error', outcome: 'vantage' });
    for (const id of ['test-server-count', 'test-server-names']) {
      expect(report.evidence.find((item) => item.probe === id)).toMatchObject({ ok: false, error: { code: 'vantage' } });
    }
  });

  it('refuses a uses list that holds something other than declarations', () => {
    expect(() => implementProbe(serverCount, { uses: ['test-servers'] as never, run: async () => 0 })).toThrow(
      /uses must list probe declarations/,
    );
  });
});
