import {
  type AddressSelection,
  type CheckLevel,
  type CheckResult,
  type EvaluateContext,
  type EvidenceSuccess,
  type SubjectResult,
  type TlsEvaluator,
  type TlsEvidence,
  worstStatus,
} from '@pastoe/core/model';

/** How {@link judgePerWebAddress} treats a subtest beyond the worst-of merge. */
export interface PerAddressOptions {
  /**
   * Raises the check's level to `required` when some judged address meets it (Internet.nl's
   * `was_tested()`: the key-exchange hash once tested, Extended Master Secret once TLS 1.2 is seen).
   */
  readonly raiseWhen?: (result: SubjectResult) => boolean;
}

function isIpv6(server: EvidenceSuccess<unknown>): boolean {
  return (server.subject.ip ?? '').includes(':');
}

/**
 * The addresses judged of a web server. `first`: Internet.nl's, the first IPv6 and the first IPv4
 * address in the order the TLS probe planned them (the DNS answer's). `all`: every address, IPv6
 * first. The probe scans every address either way, so the others' evidence stays in the report.
 */
export function judgedAddresses<T extends EvidenceSuccess<unknown>>(servers: readonly T[], selection: AddressSelection = 'first'): T[] {
  if (selection === 'all') return [...servers.filter(isIpv6), ...servers.filter((server) => !isIpv6(server))];
  const firstIpv6 = servers.find(isIpv6);
  const firstIpv4 = servers.find((server) => !isIpv6(server));
  return [firstIpv6, firstIpv4].filter((server) => server !== undefined);
}

/**
 * Judges one TLS subtest of the website per judged address (see {@link judgedAddresses}) and
 * merges as Internet.nl does: the worst status over the addresses wins and its outcome is
 * reported. An address where TLS could not be tested (unreachable, no TLS version) does not count
 * against the others (the availability check reports it); when no address could be tested, or
 * the domain has none, the verdict is `not-tested`, never a failure.
 */
export function judgePerWebAddress(
  checkId: string,
  servers: readonly EvidenceSuccess<TlsEvidence>[],
  evaluator: TlsEvaluator,
  context: EvaluateContext,
  options: PerAddressOptions = {},
): CheckResult {
  const tested = judgedAddresses(servers, context.addresses);
  if (tested.length === 0) {
    return { status: 'not-tested', outcome: 'not-tested', findings: [{ id: `${checkId}.no-address` }], facts: { addresses: [] } };
  }
  let forced = false;
  const subjects: SubjectResult[] = tested.map(({ subject, data }) => {
    const judgement = evaluator(data, { checkId, service: 'web', now: context.now, subject });
    if (judgement.forced === true) forced = true;
    return { subject, status: judgement.status, outcome: judgement.outcome, findings: judgement.findings, facts: judgement.facts };
  });
  const judged = subjects.filter((result) => result.status !== 'not-tested');
  const status = judged.length === 0 ? 'not-tested' : worstStatus(judged.map((result) => result.status));
  const worst = (judged.length === 0 ? subjects : judged).find((result) => result.status === status);
  const raise = options.raiseWhen;
  const level: CheckLevel | undefined = raise !== undefined && subjects.some((result) => raise(result)) ? 'required' : undefined;
  return {
    status,
    outcome: worst?.outcome ?? 'not-tested',
    findings: subjects.flatMap((result) => result.findings ?? []),
    subjects,
    facts: { addresses: subjects.map((result) => result.subject.ip ?? result.subject.name) },
    ...(level === undefined ? {} : { level }),
    ...(forced ? { forced } : {}),
  };
}
