import type { ScanReport, VerdictStatus } from '@pastoe/core';
import { describe, expect, it } from 'vitest';
import { summarize } from '../summary/summarize.js';
import { report, suiteVerdicts, verdict } from '../test-support/reports.js';
import { compare } from './compare.js';
import type { ComparableReport, ComparisonSource } from './types.js';

/** A source over hand-built measurements that counts how often each is read. */
function source(measurements: Record<number, readonly ComparableReport[]>) {
  const reads: number[] = [];
  const store: ComparisonSource = {
    measurement: (id) => (Object.hasOwn(measurements, id) ? { id, startedAt: `2026-0${id}-01T00:00:00.000Z`, label: `m${id}` } : undefined),
    *reports(id) {
      reads.push(id);
      yield* measurements[id] ?? [];
    },
  };
  return { store, reads };
}

const web = (domain: string, statuses: Readonly<Record<string, VerdictStatus>> = {}, group?: string): ComparableReport => ({
  report: report(domain, suiteVerdicts('web', statuses)),
  ...(group === undefined ? {} : { group }),
});

describe('compare', () => {
  const a = [
    web('fixed.nl', { web_https_http_hsts: 'fail' }, 'gemeenten'),
    web('broken.nl', {}, 'gemeenten'),
    web('judged.nl', { web_https_tls_version: 'error' }, 'rijk'),
    web('same.nl', { web_https_http_hsts: 'fail' }, 'rijk'),
    web('gone.nl', {}, 'rijk'),
  ];
  const b = [
    web('broken.nl', { web_https_http_hsts: 'warning' }, 'gemeenten'),
    web('fixed.nl', {}, 'gemeenten'),
    // error → fail and pass → error are neither an improvement nor a regression.
    web('judged.nl', { web_https_tls_version: 'fail', web_https_http_hsts: 'error' }, 'rijk'),
    web('same.nl', { web_https_http_hsts: 'fail' }, 'rijk'),
    web('new.nl', {}, 'provincies'),
  ];

  it('lists per domain what went from not meeting to meeting and back, and the domains only one has', () => {
    const { store, reads } = source({ 1: a, 2: b });
    const comparison = compare(store, 1, 2);
    // Each measurement is read once: a stream.
    expect(reads).toEqual([1, 2]);
    expect(comparison.domains).toEqual([
      {
        domain: 'broken.nl',
        group: 'gemeenten',
        improved: { checks: [], standards: [], streefbeeld: [] },
        regressed: { checks: ['web_https_http_hsts'], standards: ['web-hsts'], streefbeeld: ['web'] },
      },
      {
        domain: 'fixed.nl',
        group: 'gemeenten',
        improved: { checks: ['web_https_http_hsts'], standards: ['web-hsts'], streefbeeld: ['web'] },
        regressed: { checks: [], standards: [], streefbeeld: [] },
      },
    ]);
    // judged.nl's web went from unknown to no and its TLS standard from unknown to no: neither counts.
    expect(comparison.unchanged).toBe(2);
    expect(comparison.onlyInA).toEqual([{ domain: 'gone.nl', group: 'rijk' }]);
    expect(comparison.onlyInB).toEqual([{ domain: 'new.nl', group: 'provincies' }]);
    expect(comparison.measurements).toEqual({
      a: { id: 1, startedAt: '2026-01-01T00:00:00.000Z', label: 'm1', domains: 5 },
      b: { id: 2, startedAt: '2026-02-01T00:00:00.000Z', label: 'm2', domains: 5 },
    });
  });

  it("gives summarize's adoption in A and in B and the change, overall and per group", () => {
    const { store } = source({ 1: a, 2: b });
    const comparison = compare(store, 1, 2);
    const groupBy = (r: ScanReport) => [...a, ...b].find((entry) => entry.report === r)?.group;
    const summaryA = summarize(
      a.map((entry) => entry.report as ScanReport),
      { groupBy },
    );
    const summaryB = summarize(
      b.map((entry) => entry.report as ScanReport),
      { groupBy },
    );
    const hsts = comparison.overall.standards.find((entry) => entry.policyStandard === 'web-hsts');
    const hstsA = summaryA.overall.standards.find((entry) => entry.policyStandard === 'web-hsts');
    const hstsB = summaryB.overall.standards.find((entry) => entry.policyStandard === 'web-hsts');
    const counts = (entry: typeof hstsA) => {
      const { yes, no, undecided, notApplicable, absent, share } = entry ?? summaryA.overall.streefbeeld.mail;
      return { yes, no, undecided, notApplicable, absent, share };
    };
    expect(hsts?.a).toEqual(counts(hstsA));
    expect(hsts?.b).toEqual(counts(hstsB));
    // A: HSTS met by broken, judged, gone; not by fixed, same. B: met by fixed, new; not by broken, same; judged error.
    expect(hsts).toMatchObject({ a: { yes: 3, no: 2, share: 0.6 }, b: { yes: 2, no: 2, undecided: 1, share: 0.5 } });
    expect(hsts?.change).toBeCloseTo(-0.1);
    expect(comparison.overall.streefbeeld.web).toMatchObject({ a: { yes: 2, no: 2, undecided: 1 }, b: { yes: 2, no: 3 } });
    expect(comparison.overall.streefbeeld.mail).toMatchObject({ a: { share: null, absent: 5 }, b: { share: null }, change: null });
    expect(comparison.overall.domains).toEqual({ a: 5, b: 5 });
    // Groups of either measurement, sorted; a group one lacks has no domains there.
    expect(comparison.groups.map((group) => [group.group, group.domains.a, group.domains.b])).toEqual([
      ['gemeenten', 2, 2],
      ['provincies', 0, 1],
      ['rijk', 3, 2],
    ]);
    const provincies = comparison.groups[1];
    expect(provincies?.streefbeeld.web).toMatchObject({ a: { share: null }, b: { yes: 1, share: 1 }, change: null });
    expect(provincies?.checks.map((check) => check.check)).toEqual(summaryB.overall.checks.map((check) => check.check));
  });

  it('matches checks by id: one only B has counts every domain of A absent', () => {
    const custom = (domain: string, status: VerdictStatus) => ({ report: report(domain, [verdict({ check: 'acme', status })]) });
    const { store } = source({
      1: [custom('x.nl', 'fail')],
      2: [{ report: report('x.nl', [verdict({ check: 'newer', status: 'pass' })]) }],
    });
    const comparison = compare(store, 1, 2);
    expect(comparison.overall.checks.map((check) => [check.check, check.a.absent, check.b.absent, check.change])).toEqual([
      ['acme', 0, 1, null],
      ['newer', 1, 0, null],
    ]);
    // A check that went away is not a regression: the later report has no verdict for it.
    expect(comparison.domains).toEqual([]);
    expect(comparison.unchanged).toBe(1);
  });

  it('is plain data, and refuses an unknown measurement', () => {
    const { store } = source({ 1: a, 2: b });
    const comparison = compare(store, 1, 2);
    expect(JSON.parse(JSON.stringify(comparison))).toEqual(comparison);
    expect(comparison.schema).toBe('pastoe.comparison/1');
    expect(() => compare(store, 1, 3)).toThrow(RangeError);
    expect(compare(source({ 1: [], 2: [] }).store, 1, 2)).toMatchObject({ domains: [], unchanged: 0, onlyInA: [], onlyInB: [] });
  });
});
