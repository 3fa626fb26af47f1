/**
 * The RPKI subtests' verdicts from route origin evidence (spec §2.5), for the website and mail
 * checks alike: ROA existence and route validity over a set of addresses, with pastoe's own
 * failures kept apart from the domain's.
 */
import type { Evidence, EvidenceFailure } from '../model/evidence.js';
import type { Finding } from '../model/finding.js';
import type { JsonObject } from '../model/json.js';
import type { CheckResult } from '../model/verdict.js';
import type { NameServerRouteOriginEvidence } from '../probes/route-origin.declaration.js';
import { type AddressRpkiReport, type RouteOriginEvidence, roaExistenceReport, routeValidityReport } from './report.js';

/** The report facts of every address: its prefix, routes with their states, and whether a ROA covers it. */
function addressFacts(addresses: readonly AddressRpkiReport[]): JsonObject {
  return {
    addresses: addresses.map((report) => ({
      address: report.address,
      prefix: report.prefix,
      roaExists: report.roaExists,
      routing: report.routes.map((row) => ({ origin: row.origin, route: row.route, state: row.state })),
    })),
  };
}

/**
 * The verdict when some evidence failed: `not-tested` when the scan has no RPKI sources (the
 * probe's `unsupported`), otherwise `error` (`validator-error`): a source, the address lookup or
 * pastoe's own time limit failed, so the domain cannot be judged. `undefined` when nothing failed.
 */
export function rpkiEvidenceProblem(checkId: string, failures: readonly EvidenceFailure[]): CheckResult | undefined {
  const first = failures[0];
  if (first === undefined) return undefined;
  const unconfigured = failures.find((failure) => failure.error.code === 'unsupported');
  if (unconfigured !== undefined) {
    return {
      status: 'not-tested',
      outcome: 'not-tested',
      findings: [{ id: `${checkId}.no-source`, params: { reason: unconfigured.error.message } }],
    };
  }
  return {
    status: 'error',
    outcome: 'validator-error',
    forced: true,
    findings: failures.map(
      (failure): Finding => ({
        id: `${checkId}.source-error`,
        params: { code: failure.error.code, reason: failure.error.message },
        subject: failure.subject,
      }),
    ),
    error: { code: first.error.code, message: first.error.message },
  };
}

function split(evidence: readonly Evidence<RouteOriginEvidence>[]): {
  readonly data: RouteOriginEvidence[];
  readonly failures: EvidenceFailure[];
} {
  const data: RouteOriginEvidence[] = [];
  const failures: EvidenceFailure[] = [];
  for (const item of evidence) {
    if (item.ok) data.push(item.data);
    else failures.push(item);
  }
  return { data, failures };
}

/**
 * Internet.nl's `*_rpki_exists`: `good` when a ROA covers every address; `bad` (asked as
 * `warning`, 0 points, as Internet.nl's NOTICE) when one lacks it; `not-tested`/`no-addresses`
 * (full points) without addresses; see {@link rpkiEvidenceProblem} for failed evidence.
 */
export function judgeRoaExistence(checkId: string, evidence: readonly Evidence<RouteOriginEvidence>[]): CheckResult {
  const { data, failures } = split(evidence);
  const problem = rpkiEvidenceProblem(checkId, failures);
  if (problem !== undefined) return problem;
  const report = roaExistenceReport(data);
  const facts = addressFacts(report.addresses);
  if (report.outcome === 'no-addresses')
    return { status: 'not-tested', outcome: 'no-addresses', findings: [{ id: `${checkId}.no-addresses` }], facts };
  if (report.outcome === 'good') return { status: 'pass', outcome: 'good', findings: [{ id: `${checkId}.good` }], facts };
  return {
    status: 'warning',
    outcome: 'bad',
    findings: report.withoutRoa.map((address) => ({ id: `${checkId}.no-roa`, params: { address } })),
    facts,
  };
}

/**
 * Internet.nl's `*_rpki_valid`: `invalid` when any route to any address is invalid (wrong AS or
 * too long), else `bad` when any is not-found, else `not-tested`/`not-routed` (full points) when
 * no address has a route or there are none, else `good`; see {@link rpkiEvidenceProblem} for
 * failed evidence.
 */
export function judgeRouteValidity(checkId: string, evidence: readonly Evidence<RouteOriginEvidence>[]): CheckResult {
  const { data, failures } = split(evidence);
  const problem = rpkiEvidenceProblem(checkId, failures);
  if (problem !== undefined) return problem;
  const report = routeValidityReport(data);
  const facts = addressFacts(report.addresses);
  switch (report.outcome) {
    case 'good':
      return { status: 'pass', outcome: 'good', findings: [{ id: `${checkId}.good` }], facts };
    case 'not-routed':
      return { status: 'not-tested', outcome: 'not-routed', findings: [{ id: `${checkId}.not-routed` }], facts };
    case 'invalid': {
      const findings = report.addresses.flatMap((address) =>
        address.routes
          .filter((row) => row.state === 'invalid-as' || row.state === 'invalid-length')
          .map((row) => ({ id: `${checkId}.${row.state}`, params: { address: address.address, route: row.route, origin: row.origin } })),
      );
      return { status: 'fail', outcome: 'invalid', findings, facts };
    }
    case 'bad': {
      const findings = report.addresses.flatMap((address) =>
        address.routes
          .filter((row) => row.state === 'not-found')
          .map((row) => ({ id: `${checkId}.not-found`, params: { address: address.address, route: row.route, origin: row.origin } })),
      );
      return { status: 'fail', outcome: 'bad', findings, facts };
    }
  }
}

/**
 * The name-server route origin evidence as one piece of evidence per address (what
 * {@link judgeRoaExistence} and {@link judgeRouteValidity} take), each about its name server; a
 * failed probe stays one failure.
 */
export function nameServerAddressEvidence(evidence: Evidence<NameServerRouteOriginEvidence>): Evidence<RouteOriginEvidence>[] {
  if (!evidence.ok) return [evidence];
  const { nameServers, addresses } = evidence.data;
  return addresses.map((data) => {
    const server = nameServers.find((candidate) => candidate.ipv4.includes(data.address) || candidate.ipv6.includes(data.address));
    return {
      probe: evidence.probe,
      subject: { name: server?.name ?? evidence.subject.name, role: 'ns', ip: data.address },
      startedAt: evidence.startedAt,
      durationMs: evidence.durationMs,
      ok: true,
      data,
    };
  });
}
