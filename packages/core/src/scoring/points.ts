import { clampStatus, worstStatusForLevel } from '../model/status.js';
import type { CheckLevel, VerdictStatus } from '../model/status.js';
import type { Subject } from '../model/subject.js';
import type { Verdict } from '../model/verdict.js';
import { toInternetNlStatus } from './internetnl-status.js';
import { coverageOf, matchVerdicts } from './match.js';
import type { PointsCategoryPolicy, PointsPolicy, PointsSuitePolicy, PointsTestPolicy } from './policy.js';
import type { CategoryScore, CategoryStatus, PointsScoreResult, ServerScore, SuiteScore, TestScore } from './result.js';

/*
 * Internet.nl's scoring (spec §6), over verdicts. Names in comments refer to Internet.nl's code:
 * Q(C) is `Category._check_mandatory_subtests`, the status is `Probe._verdict`, the suite mean is
 * `ProbeSet.count_probe_reports_score`.
 */

/** One test of a category, with the verdict (if any) and what the policy makes of it. */
interface Evaluated {
  readonly test: PointsTestPolicy;
  readonly verdict: Verdict | undefined;
  readonly level: CheckLevel;
  readonly rawStatus: VerdictStatus;
  readonly status: VerdictStatus;
  readonly outcome: string;
  readonly overrideMandatory: boolean | undefined;
  /** In Q(C): required, has a score field, counts toward the maximum, and is applicable. */
  readonly scored: boolean;
}

/** What a points lookup needs of a verdict or of one server's result. */
interface Measured {
  readonly rawStatus: VerdictStatus;
  readonly outcome: string;
  readonly score?: number;
}

const IMPLICIT_SERVER = '*';

function evaluate(test: PointsTestPolicy, verdict: Verdict | undefined): Evaluated {
  // A test the report lacks is Internet.nl's initial state: not tested at the initial worst status.
  const level = test.level ?? verdict?.level ?? test.defaultLevel;
  const rawStatus: VerdictStatus = verdict?.rawStatus ?? 'not-tested';
  const status = clampStatus(rawStatus, level, verdict?.forced ?? false);
  const outcome = verdict?.outcome ?? 'not-tested';
  const overrideMandatory = test.outcomes?.[outcome]?.overrideMandatory ?? test.overrideMandatory;
  // Not applicable is Internet.nl's worst status NOT_TESTED: such a subtest leaves Q(C).
  const scored = test.scoreField !== undefined && test.countsTowardMax !== false && level === 'required' && status !== 'not-applicable';
  return { test, verdict, level, rawStatus, status, outcome, overrideMandatory, scored };
}

/** The points a test earns for one measurement. */
function pointsFor(test: PointsTestPolicy, measured: Measured): number {
  if (measured.score !== undefined && Number.isFinite(measured.score)) {
    const fraction = Math.min(1, Math.max(0, measured.score));
    // Internet.nl stores integer fields; the epsilon keeps 0.3 × 10 at 3 rather than 2.
    return Math.floor(fraction * test.fullPoints + 1e-9);
  }
  const rule = test.outcomes?.[measured.outcome]?.points;
  if (rule !== undefined) return rule;
  return measured.rawStatus === 'pass' ? test.fullPoints : 0;
}

/**
 * Servers are matched by name and address only: one server answers the redirect check on port 80
 * and the TLS checks on 443, and must still be one row of Internet.nl's per-server table.
 */
function serverKey(subject: Subject): string {
  return `${subject.name.toLowerCase()}@${subject.ip ?? ''}`;
}

function isTested(status: VerdictStatus): boolean {
  return status !== 'not-tested' && status !== 'not-applicable';
}

/** Each server's value of each score field: the lowest of the points of the tests that write it. */
function fieldValues(
  evaluated: readonly Evaluated[],
  perServer: boolean,
): { readonly servers: readonly { key: string; subject?: Subject }[]; readonly values: Map<string, Map<string, number>> } {
  const servers: { key: string; subject?: Subject }[] = [];
  if (perServer) {
    const seen = new Set<string>();
    for (const entry of evaluated) {
      // Only tests that feed the raw score name servers: an unscored check that names its subject
      // differently (CAA on the bare domain) must not add a server that every scored test misses.
      if (entry.test.scoreField === undefined || !(entry.scored || entry.test.countsTowardMax === false)) continue;
      for (const result of entry.verdict?.subjects ?? []) {
        const key = serverKey(result.subject);
        if (!seen.has(key)) {
          seen.add(key);
          servers.push({ key, subject: result.subject });
        }
      }
    }
  }
  if (servers.length === 0) servers.push({ key: IMPLICIT_SERVER });

  const values = new Map<string, Map<string, number>>();
  for (const server of servers) {
    const fields = new Map<string, number>();
    const write = (field: string, points: number): void => {
      const current = fields.get(field);
      fields.set(field, current === undefined ? points : Math.min(current, points));
    };
    for (const entry of evaluated) {
      const field = entry.test.scoreField;
      if (field === undefined) continue;
      const subjects = perServer ? (entry.verdict?.subjects ?? []) : [];
      if (subjects.length > 0) {
        const result = subjects.find((candidate) => serverKey(candidate.subject) === server.key);
        if (result !== undefined) {
          write(field, pointsFor(entry.test, { rawStatus: result.status, outcome: result.outcome, score: result.score }));
        } else if (entry.scored) {
          // A scored test that did not judge this server leaves its field empty: None, i.e. 0.
          write(field, 0);
        }
      } else if (entry.scored || isTested(entry.status)) {
        // A whole-target result holds for every server. An untested unscored test writes nothing,
        // so the MX DNSSEC record of a domain without MX does not drag the minimum to 0.
        write(field, pointsFor(entry.test, { rawStatus: entry.rawStatus, outcome: entry.outcome, score: entry.verdict?.score }));
      }
    }
    values.set(server.key, fields);
  }
  return { servers, values };
}

function categoryStatus(category: PointsCategoryPolicy, evaluated: readonly Evaluated[]): CategoryStatus {
  let errors = 0;
  let fails = 0;
  let warnings = 0;
  let infos = 0;
  let notTested = 0;
  let anyRequired = false;
  let hasOptional = false;
  let override: boolean | undefined;
  const count = (status: VerdictStatus): void => {
    if (status === 'error') errors++;
    else if (status === 'fail') fails++;
    else if (status === 'warning') warnings++;
    else if (status === 'info') infos++;
  };
  for (const entry of evaluated) {
    if (entry.status === 'not-applicable') {
      notTested++;
      continue;
    }
    if (entry.level === 'required') anyRequired = true;
    else if (entry.level === 'recommended') hasOptional = true;
    // The last override_mandatory in declared order decides (spec §6.2), so order is data.
    if (entry.overrideMandatory !== undefined) override = entry.overrideMandatory;
    if (entry.status === 'not-tested') {
      notTested++;
      // A not-tested subtest also counts under its worst status: a required one is a failure.
      if (entry.overrideMandatory !== false) count(worstStatusForLevel(entry.level));
    } else {
      count(entry.status);
    }
  }
  const mandatory = override ?? anyRequired;

  if (category.gate?.statusWhenAlone === true && evaluated.length - 1 <= notTested) {
    // Internet.nl's TLS special case: with at most one subtest tested, the gate speaks.
    const gate = evaluated.find((entry) => entry.test.name === category.gate?.test);
    const status = gate?.status ?? 'not-tested';
    return status === 'not-tested' || status === 'not-applicable' ? 'info' : status;
  }
  if (errors > 0) return 'error';
  if (fails > 0) return 'fail';
  if (warnings > 0 && !mandatory) return 'warning';
  if (infos > 0 && !mandatory && !hasOptional) return 'info';
  return 'pass';
}

function scoreCategory(
  category: PointsCategoryPolicy,
  byTest: ReadonlyMap<string, Verdict>,
  missingTests: PointsPolicy['missingTests'],
): CategoryScore | undefined {
  if (!category.tests.some((test) => byTest.has(test.name))) return undefined;
  const evaluated = category.tests
    .filter((test) => missingTests === 'not-tested' || byTest.has(test.name))
    .map((test) => evaluate(test, byTest.get(test.name)));

  const perServer = category.aggregation === 'min-per-server';
  const { servers, values } = fieldValues(evaluated, perServer);
  const serverRaw = servers.map((server) => {
    const fields = values.get(server.key);
    let raw = 0;
    // A field listed by two scored tests counts twice (mail DANE).
    for (const entry of evaluated) if (entry.scored) raw += fields?.get(entry.test.scoreField ?? '') ?? 0;
    return raw;
  });
  const raw = serverRaw.length === 0 ? 0 : Math.min(...serverRaw);
  const max = evaluated.reduce((sum, entry) => (entry.scored ? sum + entry.test.fullPoints : sum), 0);
  // Same operation order as Internet.nl's int(100.0 / max_score * total), so float rounding agrees.
  const percentage = max > 0 ? Math.trunc((100 / max) * raw) : 0;

  const tests: TestScore[] = evaluated.map((entry) => {
    const field = entry.test.scoreField;
    const points = field === undefined ? undefined : Math.min(...servers.map((server) => values.get(server.key)?.get(field) ?? 0));
    return {
      name: entry.test.name,
      ...(entry.verdict === undefined ? {} : { check: entry.verdict.check }),
      present: entry.verdict !== undefined,
      level: entry.level,
      status: entry.status,
      outcome: entry.outcome,
      scored: entry.scored,
      maxPoints: entry.scored ? entry.test.fullPoints : 0,
      ...(points === undefined ? {} : { points }),
    };
  });

  const status = categoryStatus(category, evaluated);
  const gate = category.gate === undefined ? undefined : byTest.get(category.gate.test);
  const textVerdict = gate === undefined ? undefined : category.gate?.textVerdicts[gate.outcome];
  const serverScores: ServerScore[] = [];
  servers.forEach((server, index) => {
    if (server.subject !== undefined) serverScores.push({ key: server.key, subject: server.subject, raw: serverRaw[index] ?? 0 });
  });

  return {
    id: category.id,
    status,
    verdict: textVerdict ?? toInternetNlStatus(status),
    max,
    raw,
    percentage,
    included: max > 0,
    tests,
    ...(serverScores.length === 0 ? {} : { servers: serverScores }),
    ...coverageOf(testNames(category), byTest),
  };
}

function testNames(category: PointsCategoryPolicy): string[] {
  return category.tests.map((test) => test.name);
}

function suiteTestNames(suite: PointsSuitePolicy): string[] {
  return suite.categories.flatMap(testNames);
}

/**
 * Scores verdicts with a points policy (spec §6).
 *
 * @internal Use {@link score}.
 */
export function scorePoints(verdicts: readonly Verdict[], policy: PointsPolicy): PointsScoreResult {
  const names = policy.suites.flatMap(suiteTestNames);
  const { byTest, unscored } = matchVerdicts(verdicts, new Set(names));
  const suites: SuiteScore[] = [];
  for (const suite of policy.suites) {
    const categories: CategoryScore[] = [];
    for (const category of suite.categories) {
      const scored = scoreCategory(category, byTest, policy.missingTests);
      if (scored !== undefined) categories.push(scored);
    }
    if (categories.length === 0) continue;
    const coverage = coverageOf(suiteTestNames(suite), byTest);
    const included = categories.filter((category) => category.included);
    if (included.length === 0) {
      // Internet.nl divides by zero here; pastoe reports 0 % and says why (spec §11.20).
      suites.push({
        id: suite.id,
        percentage: 0,
        categories,
        ...coverage,
        error: { code: 'no-scored-categories', message: 'No category has a required scored test, so there is no percentage.' },
      });
      continue;
    }
    const mean = included.reduce((sum, category) => sum + category.percentage, 0) / included.length;
    suites.push({ id: suite.id, percentage: Math.max(0, Math.min(100, Math.trunc(mean))), categories, ...coverage });
  }
  return { kind: 'points', policy: policy.id, suites, unscored, ...coverageOf(names, byTest) };
}
