import { type ScanReport, type StandardId, type Verdict, type VerdictStatus, policies, reportSchema } from '@pastoe/core';

/** What a hand-built verdict needs: the check id and status; the rest has defaults. */
export interface VerdictSpec {
  readonly check: string;
  readonly status: VerdictStatus;
  readonly outcome?: string;
  readonly standard?: StandardId;
  /** Internet.nl test name; its category is the name's first two parts. */
  readonly internetnl?: string;
}

/** A verdict as a report holds it, from a short spec. */
export function verdict(spec: VerdictSpec): Verdict {
  const outcome = spec.outcome ?? (spec.status === 'pass' ? 'good' : 'bad');
  return {
    check: spec.check,
    status: spec.status,
    rawStatus: spec.status,
    outcome,
    level: 'required',
    forced: false,
    standard: spec.standard ?? 'tls',
    title: `${spec.check}.title`,
    findings: [],
    ...(spec.internetnl === undefined
      ? {}
      : { internetnl: { name: spec.internetnl, category: spec.internetnl.split('_').slice(0, 2).join('_') } }),
    ...(spec.status === 'error' ? { error: { source: 'probe', code: 'timeout', message: 'pastoe timed out' } } : {}),
  };
}

/** A scan report of a domain with the given verdicts and nothing else. */
export function report(domain: string, verdicts: readonly Verdict[]): ScanReport {
  return {
    schema: reportSchema,
    tool: { name: 'pastoe', version: '0.0.0-test' },
    target: { domain, input: domain },
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:00:01.000Z',
    durationMs: 1000,
    probes: [],
    evidence: [],
    verdicts,
    stats: { probeRuns: 0, probeFailures: 0, checks: verdicts.length },
  };
}

/**
 * A verdict for every test of a streefbeeld suite, all `pass` (so the suite is met) except the
 * tests named in `statuses`, which get the status given. Check ids are the test names.
 */
export function suiteVerdicts(suiteId: 'web' | 'mail', statuses: Readonly<Record<string, VerdictStatus>> = {}): Verdict[] {
  const suite = policies.streefbeeld.suites.find((candidate) => candidate.id === suiteId);
  const byName = new Map<string, Verdict>();
  for (const standard of suite?.standards ?? []) {
    for (const test of standard.tests) {
      byName.set(
        test.name,
        verdict({ check: test.name, internetnl: test.name, standard: standard.standard, status: statuses[test.name] ?? 'pass' }),
      );
    }
  }
  return [...byName.values()];
}
