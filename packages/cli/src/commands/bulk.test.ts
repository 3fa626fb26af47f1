import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { capture } from '../test-support.js';
import { addBulkCommand } from './bulk.js';
import { openStore } from '@pastoe/store';
import { type BulkEngine, type BulkEngineInput, loadBulkEngine } from './bulk-engine.js';

/**
 * A stand-in for the bulk engine: it records what the command hands it and reports progress as a
 * run would. The last test runs the real engine against the lab.
 */
function recordingEngine(inputs: readonly BulkEngineInput[], failed: number) {
  const calls: {
    opened?: string;
    resume?: boolean;
    policy?: string;
    outDir?: string;
    groupBy?: ReadonlyMap<string, string>;
    suppliers?: readonly string[];
    closed: boolean;
  } = {
    closed: false,
  };
  const engine: BulkEngine = {
    readDomainList: async () => [...inputs],
    openStore: (file) => {
      calls.opened = file;
      return {
        close: () => {
          calls.closed = true;
        },
      };
    },
    runBulk: async (options) => {
      calls.resume = options.resume;
      if (options.policy !== undefined) calls.policy = options.policy;
      options.onProgress?.({ done: inputs.length, total: inputs.length, failed, ratePerSecond: 10, etaSeconds: 0 });
      return { measurementId: 7, scanned: inputs.length - 1, skipped: 1, failed };
    },
    writeBulkOutputs: async (_store, _id, outDir, options) => {
      calls.outDir = outDir;
      calls.groupBy = options.groupBy;
      if (options.suppliers !== undefined) calls.suppliers = options.suppliers.suppliers.map((supplier) => supplier.id);
      return [join(outDir, 'summary.html'), join(outDir, 'summary.csv')];
    },
  };
  return { engine, calls };
}

async function runBulk(args: readonly string[], engine: BulkEngine) {
  const c = capture();
  let status = -1;
  const program = new Command('pastoe').exitOverride();
  const exit = (code: number): void => {
    status = code;
  };
  addBulkCommand(program, { io: c.io, signal: undefined, exit }, async () => engine);
  await program.parseAsync(['bulk', ...args], { from: 'user' });
  return { status, out: c.out(), err: c.err() };
}

describe('pastoe bulk over the bulk engine seam', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pastoe-bulk-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const inputs = [{ domain: 'a.test', group: 'gemeenten' }, { domain: 'b.test', group: 'rijk' }, { domain: 'c.test' }];

  it('opens the store in --out, resumes when asked, groups by the input labels, and lists the outputs', async () => {
    const { engine, calls } = recordingEngine(inputs, 0);
    const out = join(dir, 'result');
    const run = await runBulk(['list.csv', '--out', out, '--resume', '--vantage', 'skip'], engine);
    expect(run.status).toBe(0);
    expect(calls).toMatchObject({ opened: join(out, 'results.sqlite'), resume: true, outDir: out, closed: true });
    expect([...(calls.groupBy ?? [])]).toEqual([
      ['a.test', 'gemeenten'],
      ['b.test', 'rijk'],
    ]);
    expect(run.out).toBe(
      `pastoe bulk: measurement 7: 2 scanned, 1 finished earlier, 0 failed\n${join(out, 'summary.html')}\n${join(out, 'summary.csv')}\n`,
    );
    // Not a terminal: the progress is a plain line.
    expect(run.err).toBe('3/3 domains, 10.0/s, ETA 0s\n');
  });

  it('exits 1 when domains failed, and takes --store over the default', async () => {
    const { engine, calls } = recordingEngine(inputs, 2);
    const store = join(dir, 'elsewhere.sqlite');
    const run = await runBulk(
      ['list.csv', '--out', join(dir, 'second'), '--store', store, '--vantage', 'skip', '--policy', 'streefbeeld'],
      engine,
    );
    expect(run.status).toBe(1);
    expect(calls).toMatchObject({ opened: store, resume: false, policy: 'streefbeeld', closed: true });
  });

  it('hands a --suppliers catalogue to the outputs, and stops at a bad one before scanning', async () => {
    const file = join(dir, 'suppliers.json');
    writeFileSync(file, JSON.stringify({ suppliers: [{ id: 'acme', name: 'Acme', mx: ['*.mail.acme.example'] }] }));
    const { engine, calls } = recordingEngine(inputs, 0);
    expect((await runBulk(['list.csv', '--out', join(dir, 'third'), '--vantage', 'skip', '--suppliers', file], engine)).status).toBe(0);
    expect(calls.suppliers).toEqual(['acme']);
    writeFileSync(file, JSON.stringify({ suppliers: [{ id: 'acme', name: 'Acme', mx: ['mail.*.acme.example'] }] }));
    const bad = recordingEngine(inputs, 0);
    await expect(runBulk(['list.csv', '--out', join(dir, 'fourth'), '--suppliers', file], bad.engine)).rejects.toThrow(
      /--suppliers ".*suppliers\.json": supplier catalogue: suppliers\[0\]\.mx\[0\] "mail\.\*\.acme\.example" has a \*/,
    );
    expect(bad.calls.opened).toBeUndefined();
    await expect(runBulk(['list.csv', '--suppliers', join(dir, 'missing.json')], bad.engine)).rejects.toThrow(
      /--suppliers .*missing\.json.*ENOENT/,
    );
  });

  it('runs the real engine against the lab: the store holds every domain, and the outputs are written', async () => {
    const list = join(dir, 'lab-list.csv');
    writeFileSync(list, 'domain,group\nmodern.test,Rijk\nmail-modern.test,gemeenten\nnot a domain!,Rijk\n');
    const out = join(dir, 'lab');
    // The list's third entry is no domain: a usage error naming its line, before any scan (runCli
    // turns it into one line on stderr and exit status 2).
    await expect(runBulk([list, '--lab', '--out', out], await loadBulkEngine())).rejects.toThrow(
      /lab-list\.csv:4: "not a domain!" is not a domain name/,
    );
    writeFileSync(list, 'domain,group\nmodern.test,Rijk\nmail-modern.test,gemeenten\n');
    const run = await runBulk([list, '--group-column', 'group', '--lab', '--out', out], await loadBulkEngine());
    expect(run.err).toMatch(/2\/2 domains, [\d.]+\/s, ETA 0s\n$/);
    expect(run.status).toBe(0);
    expect(run.out).toMatch(/^pastoe bulk: measurement 1: 2 scanned, 0 finished earlier, 0 failed\n/);
    const store = openStore(join(out, 'results.sqlite'));
    try {
      const stored = [...store.reports(1)].map(({ report, group }) => [report.target.domain, group]);
      expect(stored).toEqual([
        ['modern.test', 'Rijk'],
        ['mail-modern.test', 'gemeenten'],
      ]);
    } finally {
      store.close();
    }
    expect(readFileSync(join(out, 'summary.html'), 'utf8')).toMatch(/<svg[^>]*role="img"[\s\S]*Rijk/);
    expect(readFileSync(join(out, 'results.csv'), 'utf8').split('\r\n')[1]).toMatch(/^modern\.test,100,/);
  }, 180_000);
});
