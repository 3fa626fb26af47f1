import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  type EvidenceSuccess,
  type ScanEvent,
  ProbeFailure,
  ScanInputError,
  defineCheck,
  defineProbe,
  evaluate,
  scan,
  scanMany,
} from '@pastoe/core';
import { bound } from './test-support/bind.js';

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });

/** A probe that counts its runs and returns the subject name it ran on. */
function countingProbe(id: string, delayMs = 1) {
  const runs: string[] = [];
  const probe = defineProbe({
    id,
    description: 'test probe',
    needs: [],
    async run(subject, context) {
      runs.push(subject.name);
      await sleep(delayMs, context.signal);
      return { name: subject.name, length: subject.name.length };
    },
  });
  return { probe, runs };
}

function passWhen(
  id: string,
  probe: ReturnType<typeof countingProbe>['probe'],
  level: 'required' | 'recommended' | 'optional' = 'required',
) {
  return defineCheck({
    id,
    level,
    standard: 'https',
    probes: { info: probe },
    evaluate: ({ info }) =>
      info.data.length > 8 ? { status: 'pass', outcome: 'good' } : { status: 'fail', outcome: 'bad', findings: [{ id: `${id}.short` }] },
  });
}

describe('scan', () => {
  it('runs a probe used by three checks exactly once', async () => {
    const { probe, runs } = countingProbe('shared-info');
    const checks = [passWhen('web-one', probe), passWhen('web-two', probe), passWhen('web-three', probe)];
    const report = await scan('Example.NL', { ...bound(checks) });
    expect(runs).toEqual(['example.nl']);
    expect(report.stats.probeRuns).toBe(1);
    expect(report.evidence).toHaveLength(1);
    expect(report.verdicts.map((v) => [v.check, v.status])).toEqual([
      ['web-one', 'pass'],
      ['web-two', 'pass'],
      ['web-three', 'pass'],
    ]);
    expect(report.target).toEqual({ domain: 'example.nl', input: 'Example.NL' });
    expect(report.schema).toBe('pastoe.report/1');
  });

  it('plans each-scope probes from other evidence and runs each subject once', async () => {
    const { probe: servers, runs: serverRuns } = countingProbe('servers');
    const perServerRuns: string[] = [];
    const perServer = defineProbe({
      id: 'per-server',
      description: 'one run per server',
      needs: [],
      scope: 'each',
      async plan(context) {
        const list = await context.evidence(servers);
        if (!list.ok) throw new ProbeFailure('dependency', 'no servers');
        return [
          { name: `mx1.${list.data.name}`, role: 'mx' },
          { name: `mx2.${list.data.name}`, role: 'mx' },
          { name: `mx1.${list.data.name}`, role: 'mx' },
        ];
      },
      async run(subject) {
        perServerRuns.push(subject.name);
        return { tls: subject.name.startsWith('mx1') };
      },
    });
    const all = defineCheck({
      id: 'mail-all',
      level: 'required',
      standard: 'starttls',
      probes: { servers: perServer, domain: servers },
      evaluate: ({ servers: list, domain }) => {
        expectTypeOf(list).toEqualTypeOf<readonly EvidenceSuccess<{ tls: boolean }>[]>();
        expectTypeOf(domain.data.length).toBeNumber();
        const subjects = list.map((item) => ({
          subject: item.subject,
          status: item.data.tls ? ('pass' as const) : ('fail' as const),
          outcome: item.data.tls ? 'good' : 'bad',
        }));
        return { status: subjects.some((s) => s.status === 'fail') ? 'fail' : 'pass', outcome: 'per-server', subjects };
      },
    });
    const count = defineCheck({
      id: 'mail-count',
      level: 'optional',
      standard: 'starttls',
      probes: { servers: perServer },
      evaluate: ({ servers: list }) => ({ status: 'info', outcome: 'count', facts: { count: list.length } }),
    });
    const report = await scan('example.nl', { ...bound([all, count]) });
    expect(serverRuns).toHaveLength(1);
    expect(perServerRuns.sort()).toEqual(['mx1.example.nl', 'mx2.example.nl']);
    expect(report.stats.probeRuns).toBe(3);
    const [allVerdict, countVerdict] = report.verdicts;
    expect(allVerdict?.status).toBe('fail');
    expect(allVerdict?.subjects?.map((s) => [s.subject.name, s.status])).toEqual([
      ['mx1.example.nl', 'pass'],
      ['mx2.example.nl', 'fail'],
    ]);
    expect(countVerdict?.facts).toEqual({ count: 2 });
    expect(report.probes).toEqual(['per-server', 'servers']);
  });

  it('turns a probe that outlives its time limit into an error verdict, even if it ignores its signal', async () => {
    const stubborn = defineProbe({
      id: 'stubborn',
      description: 'ignores abort',
      needs: [],
      timeoutMs: 50,
      run: () => new Promise<number>((resolve) => setTimeout(() => resolve(1), 2_000).unref()),
    });
    const check = defineCheck({
      id: 'web-stubborn',
      level: 'required',
      standard: 'tls',
      probes: { value: stubborn },
      evaluate: () => ({ status: 'pass', outcome: 'good' }),
    });
    const started = performance.now();
    const report = await scan('example.nl', { ...bound([check]) });
    expect(performance.now() - started).toBeLessThan(1_500);
    const [verdict] = report.verdicts;
    expect(verdict?.status).toBe('error');
    expect(verdict?.error).toMatchObject({ source: 'probe', code: 'timeout', probe: 'stubborn' });
    expect(verdict?.error?.message).toContain('longer than 50 ms');
    expect(report.stats.probeFailures).toBe(1);
  });

  it('reports typed probe failures and unexpected throws with their reasons', async () => {
    const refused = defineProbe({
      id: 'refused',
      description: 'refused',
      needs: [],
      run: () => Promise.reject(new ProbeFailure('refused', 'connection refused by 192.0.2.1:443')),
    });
    const buggy = defineProbe({
      id: 'buggy',
      description: 'throws a TypeError',
      needs: [],
      run: async () => {
        throw new TypeError('cannot read properties of undefined');
      },
    });
    const make = (id: string, probe: typeof refused) =>
      defineCheck({ id, level: 'required', standard: 'tls', probes: { p: probe }, evaluate: () => ({ status: 'pass', outcome: 'good' }) });
    const report = await scan('example.nl', { ...bound([make('web-refused', refused), make('web-buggy', buggy)]) });
    expect(report.verdicts[0]?.error).toMatchObject({
      code: 'refused',
      message: 'refused on example.nl: connection refused by 192.0.2.1:443',
    });
    expect(report.verdicts[1]?.error).toMatchObject({ code: 'internal' });
    expect(report.verdicts[1]?.error?.message).toContain('cannot read properties of undefined');
    const failed = report.evidence.find((e) => e.probe === 'refused');
    expect(failed?.ok).toBe(false);
  });

  it('turns a check that throws or returns garbage into an error verdict without touching the others', async () => {
    const { probe } = countingProbe('value');
    const throwing = defineCheck({
      id: 'web-throws',
      level: 'required',
      standard: 'tls',
      probes: { value: probe },
      evaluate: () => {
        throw new Error('boom');
      },
    });
    const garbage = defineCheck({
      id: 'web-garbage',
      level: 'required',
      standard: 'tls',
      probes: { value: probe },
      evaluate: () => ({ status: 'excellent', outcome: 'good' }) as never,
    });
    const report = await scan('example.nl', { ...bound([throwing, garbage, passWhen('web-fine', probe)]) });
    expect(report.verdicts.map((v) => [v.status, v.error?.code])).toEqual([
      ['error', 'check-threw'],
      ['error', 'invalid-result'],
      ['pass', undefined],
    ]);
    expect(report.verdicts[0]?.error?.message).toBe('web-throws threw: boom');
  });

  it('lets a check that accepts probe errors judge failed evidence itself', async () => {
    const nx = defineProbe({
      id: 'nx',
      description: 'nxdomain',
      needs: [],
      run: () => Promise.reject(new ProbeFailure('nxdomain', '_domainkey.example.nl does not exist')),
    });
    const check = defineCheck({
      id: 'mail-dkim-like',
      level: 'required',
      standard: 'dkim',
      probes: { lookup: nx },
      acceptsProbeErrors: true,
      evaluate: ({ lookup }) =>
        lookup.ok ? { status: 'pass', outcome: 'good' } : { status: 'fail', outcome: lookup.error.code === 'nxdomain' ? 'bad' : 'error' },
    });
    const report = await scan('example.nl', { ...bound([check]) });
    expect(report.verdicts[0]).toMatchObject({ status: 'fail', outcome: 'bad', title: 'mail-dkim-like.failure-title' });
  });

  it('applies the worst-status rule per level, honours dynamic levels and forced statuses', async () => {
    const { probe } = countingProbe('short');
    const make = (id: string, result: Record<string, unknown>, level: 'required' | 'recommended' | 'optional') =>
      defineCheck({ id, level, standard: 'tls', probes: { p: probe }, evaluate: () => ({ status: 'fail', outcome: 'bad', ...result }) });
    const report = await scan('a.nl', {
      ...bound([
        make('web-req', {}, 'required'),
        make('web-rec', {}, 'recommended'),
        make('web-opt', {}, 'optional'),
        make('web-raised', { level: 'required' }, 'optional'),
        make('web-forced', { forced: true }, 'optional'),
      ]),
    });
    expect(report.verdicts.map((v) => [v.check, v.status, v.rawStatus, v.level])).toEqual([
      ['web-req', 'fail', 'fail', 'required'],
      ['web-rec', 'warning', 'fail', 'recommended'],
      ['web-opt', 'info', 'fail', 'optional'],
      ['web-raised', 'fail', 'fail', 'required'],
      ['web-forced', 'fail', 'fail', 'optional'],
    ]);
  });

  it('rejects with the reason when the caller aborts mid-run, at once', async () => {
    const controller = new AbortController();
    const reason = new Error('the caller had enough');
    const { probe: fast } = countingProbe('fast');
    const slow = defineProbe({
      id: 'slow',
      description: 'waits for abort',
      needs: [],
      run: async (_subject, context) => {
        controller.abort(reason);
        await sleep(10_000, context.signal);
        return 1;
      },
    });
    const events: ScanEvent[] = [];
    const check = defineCheck({
      id: 'web-slow',
      level: 'required',
      standard: 'tls',
      probes: { slow, fast },
      evaluate: () => ({ status: 'pass', outcome: 'good' }),
    });
    const started = performance.now();
    await expect(scan('example.nl', { ...bound([check]), signal: controller.signal, onEvent: (e) => events.push(e) })).rejects.toBe(reason);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(events.some((e) => e.type === 'scan-finished')).toBe(false);
  });

  it('rejects with the TimeoutError of AbortSignal.timeout, and at once for a signal aborted before the start', async () => {
    const slow = defineProbe({ id: 'slow', description: 'slow', needs: [], run: async (_s, c) => sleep(5_000, c.signal).then(() => 1) });
    const check = defineCheck({
      id: 'web-slow',
      level: 'required',
      standard: 'tls',
      probes: { slow },
      evaluate: () => ({ status: 'pass', outcome: 'good' }),
    });
    const error = await scan('example.nl', { ...bound([check]), signal: AbortSignal.timeout(10) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('TimeoutError');
    const gone = new AbortController();
    gone.abort('stop');
    await expect(scan('example.nl', { ...bound([check]), signal: gone.signal })).rejects.toBe('stop');
  });

  it('enforces the scan time limit', async () => {
    const slow = defineProbe({ id: 'slow', description: 'slow', needs: [], run: async (_s, c) => sleep(5_000, c.signal).then(() => 1) });
    const check = defineCheck({
      id: 'web-slow',
      level: 'required',
      standard: 'tls',
      probes: { slow },
      evaluate: () => ({ status: 'pass', outcome: 'good' }),
    });
    const report = await scan('example.nl', { ...bound([check]), timeoutMs: 60 });
    expect(report.verdicts[0]?.error).toMatchObject({
      code: 'timeout',
      message: expect.stringContaining('the scan took longer than 60 ms'),
    });
  });

  it('never runs more probes at once than the concurrency allows', async () => {
    let active = 0;
    let peak = 0;
    const probes = Array.from({ length: 12 }, (_, i) =>
      defineProbe({
        id: `p${i}`,
        description: 'concurrency',
        needs: [],
        run: async () => {
          active += 1;
          peak = Math.max(peak, active);
          await sleep(15);
          active -= 1;
          return i;
        },
      }),
    );
    const checks = probes.map((probe, i) =>
      defineCheck({
        id: `web-c${i}`,
        level: 'required',
        standard: 'tls',
        probes: { probe },
        evaluate: () => ({ status: 'pass', outcome: 'good' }),
      }),
    );
    const report = await scan('example.nl', { ...bound(checks), concurrency: 3 });
    expect(peak).toBe(3);
    expect(report.stats.probeRuns).toBe(12);
  });

  it('detects a planning cycle instead of hanging', async () => {
    type Loop = ReturnType<typeof defineProbe<number>>;
    const holder: { b?: Loop } = {};
    const a = defineProbe({
      id: 'a',
      description: 'a',
      needs: [],
      scope: 'each',
      plan: async (context) => {
        await context.evidenceList(holder.b as never);
        return [];
      },
      run: async () => 1,
    });
    holder.b = defineProbe({
      id: 'b',
      description: 'b',
      needs: [],
      scope: 'each',
      plan: async (context) => {
        await context.evidenceList(a);
        return [{ name: 'x.example.nl' }];
      },
      run: async () => 2,
    }) as never;
    const check = defineCheck({
      id: 'web-cycle',
      level: 'required',
      standard: 'tls',
      probes: { a },
      evaluate: () => ({ status: 'pass', outcome: 'good' }),
    });
    const report = await scan('example.nl', { ...bound([check], holder.b as never) });
    // b's plan fails on the cycle, a plans nothing from b's failure, and nothing hangs.
    const b = report.evidence.find((e) => e.probe === 'b');
    expect(b?.ok).toBe(false);
    if (b !== undefined && !b.ok) expect(b.error.message).toContain('depends on itself');
  });

  describe('a plan that never settles', () => {
    const hung = (timeoutMs?: number) =>
      defineProbe({
        id: 'hung-plan',
        description: 'plans forever, ignoring its signal',
        scope: 'each',
        needs: [],
        ...(timeoutMs === undefined ? {} : { timeoutMs }),
        plan: () => new Promise<never>(() => undefined),
        run: async () => 1,
      });
    const checkOf = (probe: ReturnType<typeof hung>) =>
      defineCheck({
        id: 'mail-hung',
        level: 'required',
        standard: 'starttls',
        probes: { p: probe },
        evaluate: () => ({ status: 'pass', outcome: 'good' }),
      });

    it('ends at the probe limit as a timeout error', async () => {
      const started = performance.now();
      const report = await scan('example.nl', { ...bound([checkOf(hung(50))]) });
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(report.verdicts[0]?.error).toMatchObject({
        code: 'timeout',
        message: expect.stringContaining('planning hung-plan took longer than 50 ms'),
      });
    });

    it('ends at the scan limit, and rejects at once when the caller aborts', async () => {
      const limited = await scan('example.nl', { ...bound([checkOf(hung())]), timeoutMs: 60 });
      expect(limited.verdicts[0]?.error).toMatchObject({
        code: 'timeout',
        message: expect.stringContaining('the scan took longer than 60 ms'),
      });
      const started = performance.now();
      await expect(scan('example.nl', { ...bound([checkOf(hung())]), signal: AbortSignal.timeout(40) })).rejects.toMatchObject({
        name: 'TimeoutError',
      });
      expect(performance.now() - started).toBeLessThan(2_000);
    });

    it('lets scanMany finish every domain within the limits', async () => {
      const results: string[] = [];
      for await (const result of scanMany(['a.nl', 'b.nl', 'c.nl'], { ...bound([checkOf(hung(40))]), domainConcurrency: 2 })) {
        results.push(result.ok ? `${result.input} ${result.report.verdicts[0]?.error?.code}` : `${result.input} failed`);
      }
      expect(results.sort()).toEqual(['a.nl timeout', 'b.nl timeout', 'c.nl timeout']);
    });

    it('does not count the wait for another probe against the plan’s own limit', async () => {
      const slowSource = defineProbe({
        id: 'slow-source',
        description: 'takes longer than the plan may',
        needs: [],
        timeoutMs: 2_000,
        run: async (_subject, context) => {
          await sleep(150, context.signal);
          return ['mx1.example.nl'];
        },
      });
      const perServer = defineProbe({
        id: 'per-server',
        description: 'plans from the slow source',
        scope: 'each',
        needs: [],
        timeoutMs: 50,
        plan: async (context) => {
          const source = await context.evidence(slowSource);
          return source.ok ? source.data.map((name) => ({ name, role: 'mx' as const })) : [];
        },
        run: async (subject) => subject.name,
      });
      const check = defineCheck({
        id: 'mail-servers',
        level: 'required',
        standard: 'starttls',
        probes: { servers: perServer },
        evaluate: ({ servers }) => ({ status: 'pass', outcome: 'good', facts: { servers: servers.map((s) => s.data) } }),
      });
      const report = await scan('example.nl', { ...bound([check], slowSource) });
      expect(report.verdicts[0]).toMatchObject({ status: 'pass', facts: { servers: ['mx1.example.nl'] } });
    });
  });

  it('emits typed progress events in order and survives a throwing listener', async () => {
    const { probe } = countingProbe('ev');
    const events: string[] = [];
    const report = await scan('example.nl', {
      ...bound([passWhen('web-ev', probe)]),
      onEvent: (event) => {
        events.push(event.type);
        throw new Error('listener bug');
      },
    });
    expect(report.verdicts[0]?.status).toBe('pass');
    expect(events).toEqual(['scan-started', 'probe-started', 'probe-finished', 'check-evaluated', 'scan-finished']);
  });

  it('rejects unusable input with a clear message', async () => {
    const { probe } = countingProbe('x');
    await expect(scan('not a domain', { ...bound([]) })).rejects.toThrow(ScanInputError);
    await expect(scan('192.0.2.1', { ...bound([]) })).rejects.toThrow(/IP address/);
    await expect(scan('example.nl', { ...bound([passWhen('web-a', probe), passWhen('web-a', probe)]) })).rejects.toThrow(/listed twice/);
    await expect(scan('example.nl', { checks: 'web' as never })).rejects.toThrow(/must be an array/);
    await expect(scan('example.nl', { ...bound([]), concurrency: -1 })).rejects.toThrow(/positive number/);
    await expect(scan('example.nl', { ...bound([]), vantage: 'none' as never })).rejects.toThrow(/options.vantage/);
    expect(() => defineProbe({ id: 'bad-needs', description: 'x', needs: ['udp' as never], run: async () => 1 })).toThrow(/needs/);
  });
});

describe('evaluate (offline re-evaluation)', () => {
  it('gives the live verdicts again from the JSON of a saved report, clock included', async () => {
    const { probe } = countingProbe('stamp');
    const expiring = defineCheck({
      id: 'web-expiry',
      level: 'recommended',
      standard: 'security-txt',
      probes: { stamp: probe },
      // Depends on the evaluation clock: must use the scan time, not the wall clock of re-evaluation.
      evaluate: (_e, context) => ({
        status: context.now.getUTCFullYear() < 2030 ? 'pass' : 'fail',
        outcome: 'good',
        facts: { year: context.now.getUTCFullYear() },
      }),
    });
    const nothing = defineProbe({
      id: 'nothing',
      description: 'plans no subjects',
      needs: [],
      scope: 'each',
      plan: () => [],
      run: async () => 0,
    });
    const empty = defineCheck({
      id: 'mail-empty',
      level: 'required',
      standard: 'starttls',
      probes: { list: nothing },
      evaluate: ({ list }) => (list.length === 0 ? { status: 'not-applicable', outcome: 'no-mx' } : { status: 'pass', outcome: 'good' }),
    });
    const failing = defineProbe({
      id: 'failing',
      description: 'fails',
      needs: [],
      run: () => Promise.reject(new ProbeFailure('servfail', 'SERVFAIL')),
    });
    const failingCheck = defineCheck({
      id: 'web-failing',
      level: 'required',
      standard: 'dnssec',
      probes: { f: failing },
      evaluate: () => ({ status: 'pass', outcome: 'good' }),
    });
    const checks = [passWhen('web-long', probe), expiring, empty, failingCheck];
    const report = await scan('very-long-name.example.nl', { ...bound(checks), now: () => new Date('2026-11-23T12:00:00Z') });
    const saved = JSON.parse(JSON.stringify(report));
    expect(evaluate(checks, saved)).toEqual(report.verdicts);
    expect(report.verdicts.map((v) => v.status)).toEqual(['pass', 'pass', 'not-applicable', 'error']);
  });

  it('re-judges old evidence with a changed check and flags checks whose probe never ran', async () => {
    const { probe } = countingProbe('len');
    const report = await scan('short.nl', { ...bound([passWhen('web-len', probe)]) });
    expect(report.verdicts[0]?.status).toBe('fail');
    const lenient = defineCheck({
      id: 'web-len',
      level: 'required',
      standard: 'https',
      probes: { info: probe },
      evaluate: () => ({ status: 'pass', outcome: 'good' }),
    });
    expect(evaluate([lenient], report)[0]?.status).toBe('pass');
    const { probe: other } = countingProbe('never-ran');
    const [missing] = evaluate([passWhen('web-other', other)], report);
    expect(missing?.error).toMatchObject({ code: 'missing-evidence', probe: 'never-ran' });
    expect(() => evaluate([lenient], { nope: true } as never)).toThrow(/pastoe report/);
  });
});
