import type { AnyCheck, EvaluateContext } from '../model/check.js';
import type { Evidence, EvidenceFailure } from '../model/evidence.js';
import type { Finding } from '../model/finding.js';
import type { JsonObject } from '../model/json.js';
import { clampStatus, isVerdictStatus, type VerdictStatus } from '../model/status.js';
import { subjectLabel } from '../model/subject.js';
import type { CheckResult, SubjectResult, Verdict, VerdictError } from '../model/verdict.js';
import { isIpv6VantageFailure } from '../model/vantage.js';

/** The evidence of one check's probes, by the names it declared; `undefined` where none exists. */
export type GatheredEvidence = Readonly<Record<string, Evidence<unknown> | readonly Evidence<unknown>[] | undefined>>;

/**
 * Turns a check and its gathered evidence into a verdict. Shared by the live scan and offline
 * re-evaluation so that both decide identically. Never throws.
 *
 * Evidence that pastoe's vantage point failed (`vantage`) makes the verdict `error` before
 * anything else, even for checks that accept probe errors: such a check would otherwise judge the
 * scanner's own failure as the domain's.
 */
export function judge(check: AnyCheck, gathered: GatheredEvidence, context: EvaluateContext): Verdict {
  const vantage = vantageFailureIn(check, gathered);
  if (vantage !== undefined) return vantageVerdict(check, vantage);
  const unprobedIpv6 = ipv6VantageFailuresIn(check, gathered);
  if (unprobedIpv6.length > 0) return judgeIpv4Part(check, gathered, context, unprobedIpv6);
  for (const name of Object.keys(check.probes)) {
    const evidence = gathered[name];
    const probeId = check.probes[name]?.id ?? name;
    if (evidence === undefined) {
      return errorVerdict(check, {
        source: 'runner',
        code: 'missing-evidence',
        message: `no evidence from probe ${probeId}`,
        probe: probeId,
      });
    }
    if (check.acceptsProbeErrors) continue;
    const failed = (Array.isArray(evidence) ? evidence : [evidence]).find((item: Evidence<unknown>) => !item.ok);
    if (failed !== undefined && !failed.ok) {
      return errorVerdict(check, {
        source: 'probe',
        code: failed.error.code,
        message: `${failed.probe} on ${subjectLabel(failed.subject)}: ${failed.error.message}`,
        probe: failed.probe,
        subject: failed.subject,
      });
    }
  }
  let result: CheckResult;
  try {
    result = check.evaluate(gathered as never, context);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return errorVerdict(check, { source: 'check', code: 'check-threw', message: `${check.id} threw: ${message}` });
  }
  const problem = resultProblem(result);
  if (problem !== undefined) {
    return errorVerdict(check, { source: 'check', code: 'invalid-result', message: `${check.id} returned ${problem}` });
  }
  const level = result.level ?? check.level;
  const forced = result.forced === true;
  const status = clampStatus(result.status, level, forced);
  // An `error` with a reason is pastoe's own failure to judge; without one it is Internet.nl's
  // error outcome about the domain (an unreachable mail server, a DNS error of its zone), which
  // scoring counts as Internet.nl does.
  const error: VerdictError | undefined =
    result.status !== 'error' || result.error === undefined
      ? undefined
      : { source: 'check', code: result.error.code, message: result.error.message };
  return {
    check: check.id,
    status,
    rawStatus: result.status,
    outcome: result.outcome,
    level,
    forced,
    standard: check.standard,
    ...(check.internetnl === undefined ? {} : { internetnl: check.internetnl }),
    title: fellShort(status, error) ? check.failureTitle : check.title,
    findings: result.findings ?? [],
    ...(result.facts === undefined ? {} : { facts: result.facts }),
    ...(result.score === undefined ? {} : { score: result.score }),
    ...(result.subjects === undefined ? {} : { subjects: result.subjects }),
    ...(error === undefined ? {} : { error }),
  };
}

/** The first evidence of the check's probes that says the vantage point failed, an IPv6 subject's own IPv6 failure aside. */
function vantageFailureIn(check: AnyCheck, gathered: GatheredEvidence): EvidenceFailure | undefined {
  for (const name of Object.keys(check.probes)) {
    const evidence = gathered[name];
    if (evidence === undefined) continue;
    for (const item of Array.isArray(evidence) ? evidence : [evidence]) {
      if (!item.ok && item.error.code === 'vantage' && !isIpv6VantageFailure(item)) return item;
    }
  }
  return undefined;
}

/** The evidence of IPv6 subjects not probed because pastoe's own IPv6 failed. */
function ipv6VantageFailuresIn(check: AnyCheck, gathered: GatheredEvidence): EvidenceFailure[] {
  return Object.keys(check.probes).flatMap((name) => {
    const evidence = gathered[name];
    return Array.isArray(evidence) ? evidence.filter(isIpv6VantageFailure) : [];
  });
}

/** A judgement that says something of the domain, beyond "could not tell". */
const judgedStatuses: ReadonlySet<string> = new Set(['pass', 'fail', 'warning', 'info']);

/**
 * Judges a check whose IPv6 subjects were not probed because pastoe's own IPv6 failed: on the
 * evidence without them. When the check judged an IPv4 address, its verdict stands, with each
 * unprobed IPv6 address added as an `error` row and a `vantage.ipv6` finding naming it (a distinct
 * state per address family); otherwise (an IPv6-only check, or a comparison of the families) the
 * verdict is `error` with outcome `vantage`, never a claim about the domain's IPv6.
 */
function judgeIpv4Part(
  check: AnyCheck,
  gathered: GatheredEvidence,
  context: EvaluateContext,
  unprobed: readonly EvidenceFailure[],
): Verdict {
  const without: Record<string, GatheredEvidence[string]> = {};
  for (const [name, evidence] of Object.entries(gathered)) {
    without[name] = Array.isArray(evidence) ? evidence.filter((item: Evidence<unknown>) => !isIpv6VantageFailure(item)) : evidence;
  }
  const verdict = judge(check, without, context);
  const ipv4Judged = (verdict.subjects ?? []).some(
    (row) => row.subject.ip !== undefined && !row.subject.ip.includes(':') && judgedStatuses.has(row.status),
  );
  const first = unprobed[0];
  // An error of its own (a timeout, a probe failure) says more than the missing IPv6 part.
  if (first === undefined || verdict.status === 'error') return verdict;
  if (!ipv4Judged) return vantageVerdict(check, first);
  const rows: SubjectResult[] = unprobed.map((failed) => {
    const finding: Finding = { ...vantageFinding(failed), subject: failed.subject };
    return { subject: failed.subject, status: 'error', outcome: 'vantage', findings: [finding] };
  });
  return {
    ...verdict,
    findings: [...verdict.findings, ...rows.flatMap((row) => row.findings ?? [])],
    subjects: [...(verdict.subjects ?? []), ...rows],
  };
}

/**
 * An `error` verdict with outcome `vantage`: pastoe could not judge because its own resolver,
 * trust anchors or TCP egress failed. The finding `vantage.<step>` names the resolver and why.
 */
function vantageVerdict(check: AnyCheck, failed: EvidenceFailure): Verdict {
  const finding = vantageFinding(failed);
  return errorVerdict(
    check,
    { source: 'runner', code: 'vantage', message: failed.error.message, probe: failed.probe, subject: failed.subject },
    { outcome: 'vantage', findings: [finding] },
  );
}

/** The finding `vantage.<step>` of a probe that did not run: which step failed, why, and the resolver. */
function vantageFinding(failed: EvidenceFailure): Finding {
  const raw = failed.error.detail;
  const detail: JsonObject = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as JsonObject) : {};
  const text = (key: string): string => {
    const value = detail[key];
    return typeof value === 'string' ? value : '';
  };
  const step = text('step') || 'unknown';
  return {
    id: `vantage.${step}`,
    params: { step, code: text('code'), resolver: text('resolver'), reason: text('reason') || failed.error.message },
  };
}

/** Says what is wrong with a result a check returned, or `undefined` when it is well-formed. */
function resultProblem(result: unknown): string | undefined {
  if (typeof result !== 'object' || result === null) return 'no result object';
  const candidate = result as Partial<CheckResult>;
  if (!isVerdictStatus(candidate.status)) return `an unknown status ${JSON.stringify(candidate.status)}`;
  if (typeof candidate.outcome !== 'string' || candidate.outcome === '') return 'no outcome code';
  if (candidate.score !== undefined && !(typeof candidate.score === 'number' && candidate.score >= 0 && candidate.score <= 1)) {
    return `a score outside 0..1 (${String(candidate.score)})`;
  }
  if (candidate.level !== undefined && !['required', 'recommended', 'optional'].includes(candidate.level)) {
    return `an unknown level ${JSON.stringify(candidate.level)}`;
  }
  for (const subject of candidate.subjects ?? []) {
    if (!isVerdictStatus(subject.status)) return `an unknown subject status ${JSON.stringify(subject.status)}`;
  }
  return undefined;
}

/** An `error` verdict for a check, with the reason; outcome `error` and a `runner.error` finding unless given. */
export function errorVerdict(
  check: AnyCheck,
  error: VerdictError,
  shown: { readonly outcome?: string; readonly findings?: readonly Finding[] } = {},
): Verdict {
  const findings = shown.findings ?? [{ id: 'runner.error', params: { reason: error.message } }];
  return {
    check: check.id,
    status: 'error',
    rawStatus: 'error',
    outcome: shown.outcome ?? 'error',
    level: check.level,
    forced: true,
    standard: check.standard,
    ...(check.internetnl === undefined ? {} : { internetnl: check.internetnl }),
    title: check.title,
    findings,
    error,
  };
}

/**
 * Whether a verdict says the domain fell short, so that its headline is the failure title. A
 * check that was not tested, or that pastoe itself could not judge, keeps its plain title (its
 * status says what happened): "DANE invalid" on an untested DANE would be a false claim.
 */
function fellShort(status: VerdictStatus, error: VerdictError | undefined): boolean {
  if (status === 'fail' || status === 'warning' || status === 'info') return true;
  return status === 'error' && error === undefined;
}
