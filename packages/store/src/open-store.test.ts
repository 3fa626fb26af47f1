import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rulesetVersions, type ScanReport, type Verdict, reportSchema } from '@pastoe/core';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreError } from './errors.js';
import { currentSchemaVersion, migrate } from './migrations.js';
import { openStore } from './open-store.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pastoe-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function verdict(check: string, status: Verdict['status'], internetnl?: string, score?: number): Verdict {
  return {
    check,
    status,
    rawStatus: status,
    outcome: status === 'pass' ? 'good' : 'bad',
    level: 'required',
    forced: false,
    standard: 'tls',
    title: `${check}.title`,
    findings: [],
    ...(internetnl === undefined ? {} : { internetnl: { name: internetnl, category: 'web_https' } }),
    ...(score === undefined ? {} : { score }),
  };
}

function report(domain: string, verdicts: readonly Verdict[] = [verdict('web-hsts', 'pass', 'web_https_http_hsts', 1)]): ScanReport {
  return {
    schema: reportSchema,
    tool: { name: 'pastoe', version: '0.0.0-test' },
    target: { domain, input: domain },
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:00:01.000Z',
    durationMs: 1000,
    probes: ['web-tls'],
    evidence: [],
    verdicts,
    stats: { probeRuns: 1, probeFailures: 0, checks: verdicts.length },
  };
}

const sql = (file: string) => new Database(file);
const codeOf = (action: () => unknown): string | undefined => {
  try {
    action();
  } catch (error) {
    return error instanceof StoreError ? error.code : `not a StoreError: ${String(error)}`;
  }
  return undefined;
};

describe('openStore', () => {
  it('creates an empty file at the current schema, in WAL mode, marked as a pastoe store', () => {
    const file = join(dir, 'results.sqlite');
    openStore(file).close();
    const db = sql(file);
    expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()).toEqual([1, 2, 3]);
    expect(currentSchemaVersion).toBe(3);
    // No index by check or subtest: each would cost a page write per verdict row on every commit.
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'verdicts' AND sql IS NOT NULL").all()).toEqual(
      [],
    );
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('application_id', { simple: true })).toBe(0x70617374);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['failures', 'measurement_domains', 'measurements', 'reports', 'verdicts']));
    db.close();
  });

  it('migrates a version 1 file: its stored reports get their verdict rows', () => {
    const file = join(dir, 'v1.sqlite');
    const db = sql(file);
    db.pragma('application_id = 0x70617374');
    migrate(db, file, 1);
    db.prepare(
      "INSERT INTO measurements (id, started_at, pastoe_version, policy, rulesets) VALUES (7, 'x', '0.1.0', 'internetnl', '{}')",
    ).run();
    db.prepare("INSERT INTO reports VALUES (7, 'old.nl', NULL, 'y', ?)").run(
      JSON.stringify(report('old.nl', [verdict('web-hsts', 'fail', 'web_https_http_hsts'), verdict('web-extra', 'pass')])),
    );
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'verdicts'").get()).toBeUndefined();
    db.close();

    const store = openStore(file);
    expect([...store.reports(7)].map((stored) => stored.report.target.domain)).toEqual(['old.nl']);
    store.close();
    const after = sql(file);
    expect(after.prepare('SELECT domain, "check", subtest, status, outcome, points FROM verdicts ORDER BY "check"').all()).toEqual([
      { domain: 'old.nl', check: 'web-extra', subtest: null, status: 'pass', outcome: 'good', points: null },
      { domain: 'old.nl', check: 'web-hsts', subtest: 'web_https_http_hsts', status: 'fail', outcome: 'bad', points: null },
    ]);
    expect(after.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(3);
    after.close();
  });

  it('refuses a file from a newer pastoe, a non-SQLite file and another program’s database, naming the file', () => {
    const newer = join(dir, 'newer.sqlite');
    openStore(newer).close();
    const db = sql(newer);
    db.prepare("INSERT INTO schema_migrations VALUES (99, 'future', 'z')").run();
    db.close();
    expect(() => openStore(newer)).toThrow(/newer\.sqlite has store schema version 99; this pastoe knows up to 3/);
    expect(codeOf(() => openStore(newer))).toBe('newer-schema');

    const text = join(dir, 'domains.csv');
    writeFileSync(text, 'domain,group\nexample.nl,gemeenten\n'.repeat(200));
    expect(() => openStore(text)).toThrow(/domains\.csv is not a pastoe results store/);
    expect(codeOf(() => openStore(text))).toBe('not-a-store');

    const other = join(dir, 'other.sqlite');
    const foreign = sql(other);
    foreign.exec('CREATE TABLE notes (body TEXT)');
    foreign.close();
    expect(codeOf(() => openStore(other))).toBe('not-a-store');

    expect(codeOf(() => openStore(join(dir, 'absent.sqlite'), { readonly: true }))).toBe('missing');
  });
});

describe('a results store', () => {
  it('round-trips a measurement: input list, reports with groups, verdict rows, failures, finish', () => {
    const file = join(dir, 'results.sqlite');
    const store = openStore(file);
    const started = store.startMeasurement({
      domains: [{ domain: 'b.nl', group: 'rijk' }, { domain: 'a.nl', group: 'gemeenten' }, { domain: 'c.nl' }],
      policy: 'streefbeeld',
      vantage: { tcpEndpoints: [{ ip: '192.0.2.53', port: 53 }] },
      label: 'najaar 2026',
      rulesets: { dmarc: 'rfc7489' },
    });
    expect(started).toMatchObject({ policy: 'streefbeeld', label: 'najaar 2026', rulesets: { dmarc: 'rfc7489' }, pastoeVersion: '0.2.0' });
    expect(started.finishedAt).toBeUndefined();
    expect(store.latestUnfinished()?.id).toBe(started.id);

    const a = report('a.nl', [verdict('web-hsts', 'pass', 'web_https_http_hsts', 0.5), verdict('web-caa', 'warning')]);
    store.saveReport(started.id, a);
    store.saveReport(started.id, report('b.nl'), 'overridden');
    store.saveFailure(started.id, 'c.nl', { code: 'internal', message: 'boom' });
    expect(store.finishedDomains(started.id)).toEqual(new Set(['a.nl', 'b.nl', 'c.nl']));

    // Input order; the group given to saveReport, else the input list's.
    const stored = [...store.reports(started.id)];
    expect(stored.map((entry) => [entry.report.target.domain, entry.group])).toEqual([
      ['b.nl', 'overridden'],
      ['a.nl', 'gemeenten'],
    ]);
    expect(stored[1]?.report).toEqual(a);
    expect([...store.failures(started.id)]).toEqual([{ domain: 'c.nl', error: { code: 'internal', message: 'boom' } }]);

    store.finishMeasurement(started.id);
    expect(store.latestUnfinished()).toBeUndefined();
    const finished = store.measurement(started.id);
    expect(finished?.finishedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(finished?.domains).toEqual(started.domains);
    expect(finished?.vantage).toEqual({ tcpEndpoints: [{ ip: '192.0.2.53', port: 53 }] });
    expect(store.measurements().map((measurement) => measurement.id)).toEqual([started.id]);
    store.close();

    const db = sql(file);
    expect(db.prepare('SELECT domain, "check", subtest, status, outcome, points FROM verdicts ORDER BY domain, "check"').all()).toEqual([
      { domain: 'a.nl', check: 'web-caa', subtest: null, status: 'warning', outcome: 'bad', points: null },
      { domain: 'a.nl', check: 'web-hsts', subtest: 'web_https_http_hsts', status: 'pass', outcome: 'good', points: 0.5 },
      { domain: 'b.nl', check: 'web-hsts', subtest: 'web_https_http_hsts', status: 'pass', outcome: 'good', points: 1 },
    ]);
    db.close();
  });

  it('replaces a domain’s report and failure by the later one, verdict rows included', () => {
    const store = openStore(join(dir, 'results.sqlite'));
    const { id } = store.startMeasurement({ domains: [{ domain: 'a.nl' }], policy: 'internetnl' });
    // Without rulesets given, the measurement records this pastoe's rule set versions.
    expect(store.measurement(id)?.rulesets).toEqual(rulesetVersions);
    store.saveFailure(id, 'a.nl', { code: 'internal', message: 'first try failed' });
    store.saveReport(id, report('a.nl', [verdict('web-hsts', 'fail')]));
    store.saveReport(id, report('a.nl', [verdict('web-hsts', 'pass')]));
    expect([...store.failures(id)]).toEqual([]);
    expect([...store.reports(id)].map((entry) => entry.report.verdicts.map((v) => v.status))).toEqual([['pass']]);
    store.close();
  });

  it('streams reports row by row: the rows before a damaged one arrive before its error', () => {
    const file = join(dir, 'results.sqlite');
    const store = openStore(file);
    const { id } = store.startMeasurement({ domains: ['a.nl', 'b.nl', 'c.nl'].map((domain) => ({ domain })), policy: 'internetnl' });
    for (const domain of ['a.nl', 'b.nl', 'c.nl']) store.saveReport(id, report(domain));
    const db = sql(file);
    db.prepare("UPDATE reports SET report = '{not json' WHERE domain = 'c.nl'").run();
    db.close();

    const seen: string[] = [];
    let failure: unknown;
    try {
      for (const { report: stored } of store.reports(id)) seen.push(stored.target.domain);
    } catch (error) {
      failure = error;
    }
    expect(seen).toEqual(['a.nl', 'b.nl']);
    expect(failure).toBeInstanceOf(StoreError);
    expect((failure as StoreError).message).toMatch(/the report of c\.nl in measurement \d+ is not valid JSON/);

    // Leaving a loop early closes its statement: the store takes writes again.
    for (const _ of store.reports(id)) break;
    store.saveFailure(id, 'c.nl', { code: 'internal', message: 'damaged' });
    expect(store.finishedDomains(id).size).toBe(3);
    store.close();
  });

  it('is the same store when reopened after close, and refuses calls once closed', () => {
    const file = join(dir, 'results.sqlite');
    const first = openStore(file);
    const { id } = first.startMeasurement({ domains: [{ domain: 'a.nl' }, { domain: 'b.nl' }], policy: 'internetnl' });
    first.saveReport(id, report('a.nl'));
    first.close();
    first.close();
    expect(codeOf(() => first.finishedDomains(id))).toBe('closed');
    expect(codeOf(() => [...first.reports(id)])).toBe('closed');

    const second = openStore(file);
    expect(second.latestUnfinished()?.id).toBe(id);
    expect(second.finishedDomains(id)).toEqual(new Set(['a.nl']));
    const next = second.startMeasurement({ domains: [{ domain: 'a.nl' }], policy: 'internetnl' });
    expect(next.id).toBeGreaterThan(id);
    second.close();

    const reader = openStore(file, { readonly: true });
    expect(reader.measurements()).toHaveLength(2);
    expect(codeOf(() => reader.saveReport(id, report('b.nl')))).toBe('sqlite');
    reader.close();
  });

  it('refuses what it should not hold: an oversized report, a repeated domain, an unknown measurement', () => {
    const store = openStore(join(dir, 'results.sqlite'), { maxReportBytes: 4_000 });
    const { id } = store.startMeasurement({ domains: [{ domain: 'a.nl' }], policy: 'internetnl' });
    const huge = { ...report('a.nl'), evidence: [{ probe: 'x', data: 'é'.repeat(3_000) }] } as unknown as ScanReport;
    expect(() => store.saveReport(id, huge)).toThrow(/the report of a\.nl is \d+ bytes of JSON, over the store's limit of 4000/);
    expect(store.finishedDomains(id).size).toBe(0);

    expect(codeOf(() => store.startMeasurement({ domains: [{ domain: 'a.nl' }, { domain: 'a.nl' }], policy: 'internetnl' }))).toBe(
      'invalid-input',
    );
    expect(store.measurements()).toHaveLength(1);
    expect(codeOf(() => store.saveReport(id + 1, report('a.nl')))).toBe('unknown-measurement');
    expect(codeOf(() => store.saveFailure(id, 'x'.repeat(300), { code: 'internal', message: 'm' }))).toBe('invalid-input');
    expect(codeOf(() => store.saveReport(id, { target: {} } as unknown as ScanReport))).toBe('invalid-input');
    store.close();
  });
});
