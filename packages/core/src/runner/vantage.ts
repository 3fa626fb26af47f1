import { defaultBootstrap } from '../dns/resolver/endpoints.js';
import type { AnyCheck } from '../model/check.js';
import type { ProbeError } from '../model/evidence.js';
import { ProbeFailure } from '../model/evidence.js';
import { type AnyProbeDeclaration, probeNeedsOf } from '../model/probe-declaration.js';
import type { Subject } from '../model/subject.js';
import type { Transports } from '../model/probe.js';

/** The transports the vantage check uses: it makes no HTTP request and validates no certificate. */
export type VantageTransports = Pick<Transports, 'network' | 'resolver' | 'validator'>;
import {
  type ProbeNeed,
  probeNeeds,
  type VantageReport,
  type VantageSettings,
  type VantageStep,
  type VantageStepResult,
  vantageStepNeed,
} from '../model/vantage.js';
import type { Endpoint } from '../transport/network.js';
import { abortPromise, linkSignal } from '../util/abort.js';
import { boundedNumber, runnerDefaults } from './options.js';

/** Options of {@link checkVantage}. */
export interface CheckVantageOptions extends VantageSettings {
  /** Aborts the check; it then rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** The needs to check. Default `['dns']`. */
  readonly needs?: readonly ProbeNeed[];
  /** The clock for `checkedAt`. Default `() => new Date()`. */
  readonly now?: () => Date;
}

/**
 * Thrown by `scanMany` (as the generator's error) when pastoe's own vantage point fails, before
 * any domain is scanned: judging a thousand domains from a broken vantage point would only mark
 * them all. The report says which step failed.
 */
export class VantageError extends Error {
  /** The vantage check that failed. */
  readonly report: VantageReport;

  /** @param report - the failed vantage check */
  constructor(report: VantageReport) {
    super(`pastoe cannot judge domains from here: ${describeVantageFailure(report)}`);
    this.name = 'VantageError';
    this.report = report;
  }
}

/**
 * Where the `tcp` step connects by default: the first IPv4 address of each default DoH resolver,
 * on port 443. Well-known, anycast and meant to be reached from anywhere.
 */
export const defaultVantageTcpEndpoints: readonly Endpoint[] = Object.freeze(
  Object.values(defaultBootstrap).flatMap((addresses) => {
    const ipv4 = addresses.find((ip) => !ip.includes(':'));
    return ipv4 === undefined ? [] : [Object.freeze({ ip: ipv4, port: 443 })];
  }),
);

/**
 * Where the `ipv6` step connects by default: the first IPv6 address of each default DoH resolver,
 * on port 443.
 */
export const defaultVantageTcp6Endpoints: readonly Endpoint[] = Object.freeze(
  Object.values(defaultBootstrap).flatMap((addresses) => {
    const ipv6 = addresses.find((ip) => ip.includes(':'));
    return ipv6 === undefined ? [] : [Object.freeze({ ip: ipv6, port: 443 })];
  }),
);

/**
 * The mail servers whose port 25 the `smtp` step tries when no `smtpEndpoints` are given: the
 * inbound MX hosts of two of the largest mail providers, which accept connections from anywhere.
 * Their IPv4 addresses are looked up at check time (such hosts' addresses change; names do not).
 */
export const defaultVantageSmtpHosts: readonly string[] = Object.freeze([
  'gmail-smtp-in.l.google.com',
  'hotmail-com.olc.protection.outlook.com',
]);

/** The SMTP port, which the `smtp` step tests. */
const smtpPort = 25;

/** The most TCP endpoints one check tries (per step); they are tried at once, so the list must stay short. */
export const maxVantageTcpEndpoints = 16;

/** The default time limit of a vantage check, in milliseconds. */
export const defaultVantageTimeoutMs = 10_000;

/**
 * Checks pastoe's own vantage point before it judges anyone's domain: that the resolver answers
 * (`. NS`), that the root DNSKEY set validates as `secure` against the trust anchors, when `tcp`
 * is needed that a TCP connection opens to a well-known endpoint, when `ipv6` is needed that
 * one opens to a well-known IPv6 endpoint (one connection per family), and when `smtp` is needed
 * that one opens to port 25 of a well-known mail server. Never rejects for a
 * failed step (the report says what failed and why); rejects with the signal's reason when
 * `options.signal` aborts, and with a RangeError for a bad `timeoutMs`, an unknown need, more
 * than {@link maxVantageTcpEndpoints} endpoints per step or a `tcp6Endpoints` entry that is not IPv6.
 *
 * The report is plain JSON, so a service can run this as its health check.
 *
 * @example
 * ```ts
 * const report = await checkVantage(transports, { needs: ['dns', 'tcp'], signal });
 * if (!report.ok) console.error(report.steps.filter((step) => !step.ok));
 * ```
 */
export async function checkVantage(transports: VantageTransports, options: CheckVantageOptions = {}): Promise<VantageReport> {
  const timeoutMs = boundedNumber('vantage timeoutMs', options.timeoutMs, defaultVantageTimeoutMs, runnerDefaults.maxTimeoutMs);
  const needs = orderedNeeds(options.needs ?? ['dns']);
  const endpoints = options.tcpEndpoints ?? defaultVantageTcpEndpoints;
  if (!Array.isArray(endpoints) || endpoints.length > maxVantageTcpEndpoints) {
    throw new RangeError(`tcpEndpoints must be a list of at most ${maxVantageTcpEndpoints} endpoints`);
  }
  const endpoints6 = options.tcp6Endpoints ?? defaultVantageTcp6Endpoints;
  if (!Array.isArray(endpoints6) || endpoints6.length > maxVantageTcpEndpoints) {
    throw new RangeError(`tcp6Endpoints must be a list of at most ${maxVantageTcpEndpoints} endpoints`);
  }
  if (endpoints6.some((endpoint) => typeof endpoint?.ip !== 'string' || !endpoint.ip.includes(':'))) {
    throw new RangeError('tcp6Endpoints must be IPv6 endpoints');
  }
  const smtpEndpoints = options.smtpEndpoints;
  if (smtpEndpoints !== undefined && (!Array.isArray(smtpEndpoints) || smtpEndpoints.length > maxVantageTcpEndpoints)) {
    throw new RangeError(`smtpEndpoints must be a list of at most ${maxVantageTcpEndpoints} endpoints`);
  }
  const now = options.now ?? (() => new Date());
  options.signal?.throwIfAborted();
  const checkedAt = now().toISOString();
  const started = performance.now();
  const linked = linkSignal(
    options.signal,
    timeoutMs,
    () => new ProbeFailure('timeout', `the vantage check took longer than ${timeoutMs} ms`),
  );
  // The caller's abort wins over everything, even a transport that ignores its signal.
  const callerAbort = options.signal === undefined ? undefined : abortPromise(options.signal);
  try {
    const deadline = performance.now() + timeoutMs;
    const work: Promise<readonly VantageStepResult[]>[] = [];
    if (needs.includes('dns')) work.push(dnsSteps(transports, linked.signal, deadline));
    if (needs.includes('tcp')) {
      work.push(tcpStep('tcp', transports, endpoints, linked.signal, deadline).then((step) => [step]));
    }
    if (needs.includes('ipv6')) {
      work.push(tcpStep('ipv6', transports, endpoints6, linked.signal, deadline).then((step) => [step]));
    }
    if (needs.includes('smtp')) work.push(smtpStep(transports, smtpEndpoints, linked.signal, deadline).then((step) => [step]));
    const all = Promise.all(work);
    const results = await (callerAbort === undefined ? all : Promise.race([all, callerAbort.promise]));
    const steps = results.flat();
    return {
      ok: steps.every((step) => step.ok),
      resolver: transports.resolver.description,
      needs,
      checkedAt,
      durationMs: elapsed(started),
      steps,
    };
  } finally {
    callerAbort?.dispose();
    linked.dispose();
  }
}

/**
 * The vantage report a scan or a bulk run rests on, from its `vantage` option: none when skipped
 * or when no declared probe needs one, the caller's report as given, or a fresh check of the
 * checks' needs with the caller's settings. Shared by `scan` and `scanMany`, so both decide alike.
 */
export function vantageForChecks(
  given: VantageSettings | VantageReport | 'skip' | undefined,
  checks: readonly AnyCheck[],
  transports: VantageTransports,
  run: { readonly signal: AbortSignal; readonly now?: () => Date },
): Promise<VantageReport | undefined> {
  if (given === 'skip') return Promise.resolve(undefined);
  if (given !== undefined && isVantageReport(given)) return Promise.resolve(given);
  const needs = needsOfChecks(checks);
  if (needs.length === 0) return Promise.resolve(undefined);
  return checkVantage(transports, { ...given, needs, ...run });
}

/** The needs of every probe the checks declare, in check order. */
function needsOfChecks(checks: readonly AnyCheck[]): readonly ProbeNeed[] {
  const needs = new Set<ProbeNeed>();
  for (const check of checks) for (const probe of Object.values(check.probes)) for (const need of probeNeedsOf(probe)) needs.add(need);
  return orderedNeeds([...needs]);
}

/** True when the value is a vantage report rather than settings for making one. */
function isVantageReport(value: VantageReport | VantageSettings): value is VantageReport {
  return Array.isArray((value as Partial<VantageReport>).steps) && typeof (value as Partial<VantageReport>).ok === 'boolean';
}

/**
 * The `vantage` probe error for a probe with these needs, or `undefined` when the report shows no
 * failure for any of them. A need the report did not check counts as met: a precomputed report
 * for `dns` says nothing about `tcp`.
 */
function vantageFailureFor(report: VantageReport | undefined, needs: readonly ProbeNeed[]): ProbeError | undefined {
  if (report === undefined || report.ok) return undefined;
  const failed = report.steps.find((step) => !step.ok && needs.includes(vantageStepNeed[step.step]));
  if (failed === undefined) return undefined;
  const what =
    failed.step === 'ipv6'
      ? "pastoe's own IPv6 is not working"
      : failed.step === 'smtp'
        ? "pastoe's own network does not reach port 25 (outgoing SMTP is blocked)"
        : "pastoe's own vantage point failed";
  return {
    code: 'vantage',
    message: `${what}, so this was not probed: ${failed.reason ?? failed.code ?? failed.step}`,
    detail: {
      step: failed.step,
      code: failed.code ?? 'unknown',
      resolver: report.resolver,
      reason: failed.reason ?? '',
    },
  };
}

/** The needs an each-scope probe meets per subject, after planning (see {@link subjectVantageFailure}). */
const perSubjectNeeds: ReadonlySet<ProbeNeed> = new Set<ProbeNeed>(['ipv6', 'smtp']);

/**
 * The `vantage` error that keeps a whole probe from running: any failed need of a target-scope
 * probe; for an each-scope probe, a failed need other than `ipv6` and `smtp`, which are judged per
 * subject (see {@link subjectVantageFailure}).
 */
export function probeVantageFailure(
  report: VantageReport | undefined,
  probe: Pick<AnyProbeDeclaration, 'scope' | 'needs'>,
): ProbeError | undefined {
  const needs = probeNeedsOf(probe);
  return vantageFailureFor(report, probe.scope === 'each' ? needs.filter((need) => !perSubjectNeeds.has(need)) : needs);
}

/**
 * The `vantage` error that keeps an each-scope probe from running on one subject: the probe needs
 * `smtp` and the report's `smtp` step failed (every subject), or the probe needs `ipv6`, the
 * subject's address is IPv6, and the report's `ipv6` step failed (its IPv4 subjects run).
 */
export function subjectVantageFailure(
  report: VantageReport | undefined,
  probe: Pick<AnyProbeDeclaration, 'needs'>,
  subject: Subject,
): ProbeError | undefined {
  const needs = probeNeedsOf(probe);
  const smtp = needs.includes('smtp') ? vantageFailureFor(report, ['smtp']) : undefined;
  if (smtp !== undefined) return smtp;
  if (subject.ip === undefined || !subject.ip.includes(':') || !needs.includes('ipv6')) return undefined;
  return vantageFailureFor(report, ['ipv6']);
}

/**
 * True when a failed step keeps pastoe from judging domains at all (any but `ipv6`, whose failure
 * leaves the IPv4 parts to judge, and `smtp`, whose failure leaves all but the port-25 tests):
 * `scanMany` then stops before the first domain.
 */
export function vantageBlocksScans(report: VantageReport): boolean {
  return report.steps.some((step) => !step.ok && step.step !== 'ipv6' && step.step !== 'smtp');
}

/** One line on the first failed step of a report. */
function describeVantageFailure(report: VantageReport): string {
  const failed = report.steps.find((step) => !step.ok);
  return failed === undefined ? 'no step failed' : `${failed.step} step failed: ${failed.reason ?? failed.code ?? 'no reason given'}`;
}

async function dnsSteps(transports: VantageTransports, signal: AbortSignal, deadline: number): Promise<readonly VantageStepResult[]> {
  const resolver = await resolverStep(transports, signal, deadline);
  if (!resolver.ok) {
    return [resolver, notRun('trust-anchors', 'not run: the resolver did not answer the root priming query (. NS)')];
  }
  return [resolver, await trustAnchorStep(transports, signal, deadline)];
}

/** The priming query for the root name servers (`. NS`, RFC 8109): a resolver that cannot answer it can answer nothing. */
async function resolverStep(transports: VantageTransports, signal: AbortSignal, deadline: number): Promise<VantageStepResult> {
  const started = performance.now();
  const resolver = transports.resolver;
  const who = `the resolver ${resolver.description}`;
  const result = await guarded(
    () => resolver.query({ name: '.', type: 'NS', dnssecOk: true, recursionDesired: true }, { signal, timeoutMs: remaining(deadline) }),
    signal,
  );
  if (result instanceof Error) {
    return failed('resolver', errorCode(result), `${who} failed on the root priming query (. NS): ${result.message}`, started);
  }
  if (!result.ok) {
    return failed(
      'resolver',
      result.error.code,
      `${who} gave no answer to the root priming query (. NS): ${result.error.message}`,
      started,
    );
  }
  const rcode = result.message.rcode;
  if (rcode === 'NXDOMAIN') {
    const why = 'the root cannot be absent, so the resolver lies or is broken';
    return failed('resolver', 'nxdomain', `${who} answered the root priming query (. NS) with NXDOMAIN: ${why}`, started);
  }
  const code = rcode === 'SERVFAIL' ? 'servfail' : rcode === 'REFUSED' ? 'dns-refused' : 'rcode';
  if (rcode !== 'NOERROR') return failed('resolver', code, `${who} answered the root priming query (. NS) with ${rcode}`, started);
  if (!result.message.answers.some((record) => record.data.type === 'NS')) {
    return failed('resolver', 'no-answer', `${who} answered the root priming query (. NS) without any NS record`, started);
  }
  return { step: 'resolver', ok: true, durationMs: elapsed(started) };
}

/** The root key set must validate: otherwise every DNSSEC verdict would be the resolver's or the clock's. */
async function trustAnchorStep(transports: VantageTransports, signal: AbortSignal, deadline: number): Promise<VantageStepResult> {
  const started = performance.now();
  const via = transports.resolver.description;
  const result = await guarded(() => transports.validator.validate('.', 'DNSKEY', { signal, timeoutMs: remaining(deadline) }), signal);
  if (result instanceof Error) {
    return failed('trust-anchors', errorCode(result), `validating the root DNSKEY set via ${via} failed: ${result.message}`, started);
  }
  if (result.status !== 'secure') {
    const detail = result.detail === undefined ? '' : `: ${result.detail}`;
    return failed(
      'trust-anchors',
      result.reason,
      `the root DNSKEY set from ${via} is ${result.status} against pastoe's trust anchors (${result.reason}${detail})`,
      started,
    );
  }
  return { step: 'trust-anchors', ok: true, durationMs: elapsed(started) };
}

/**
 * Port 25 of the given endpoints, or of the IPv4 addresses of {@link defaultVantageSmtpHosts}
 * looked up through the resolver (a failed lookup fails the step with the resolver's reason).
 */
async function smtpStep(
  transports: VantageTransports,
  given: readonly Endpoint[] | undefined,
  signal: AbortSignal,
  deadline: number,
): Promise<VantageStepResult> {
  if (given !== undefined) return tcpStep('smtp', transports, given, signal, deadline);
  const started = performance.now();
  const lookups = await Promise.all(
    defaultVantageSmtpHosts.map((host) =>
      guarded(
        () => transports.resolver.query({ name: host, type: 'A', recursionDesired: true }, { signal, timeoutMs: remaining(deadline) }),
        signal,
      ),
    ),
  );
  const endpoints: Endpoint[] = [];
  const problems: string[] = [];
  lookups.forEach((result, index) => {
    const host = defaultVantageSmtpHosts[index];
    if (result instanceof Error) problems.push(`${host}: ${result.message}`);
    else if (!result.ok) problems.push(`${host}: ${result.error.message}`);
    else {
      const ips = result.message.answers.flatMap((record) => (record.data.type === 'A' ? [record.data.address] : []));
      if (ips.length === 0) problems.push(`${host}: no A record (${result.message.rcode})`);
      endpoints.push(...ips.slice(0, 2).map((ip) => ({ ip, port: smtpPort })));
    }
  });
  if (endpoints.length === 0) {
    const reason = `no address to test outgoing SMTP with: ${problems.join('; ')}`;
    return failed('smtp', 'no-endpoints', reason, started);
  }
  const step = await tcpStep('smtp', transports, endpoints.slice(0, maxVantageTcpEndpoints), signal, deadline);
  return { ...step, durationMs: elapsed(started) };
}

/** One open TCP connection to any endpoint is enough; the others are then abandoned. */
async function tcpStep(
  step: 'tcp' | 'ipv6' | 'smtp',
  transports: VantageTransports,
  endpoints: readonly Endpoint[],
  signal: AbortSignal,
  deadline: number,
): Promise<VantageStepResult> {
  const started = performance.now();
  const shown = endpoints.map(formatEndpoint).join(', ');
  const egress = step === 'tcp' ? 'TCP egress' : step === 'ipv6' ? 'TCP egress over IPv6' : 'outgoing SMTP (port 25)';
  if (endpoints.length === 0) return failed(step, 'no-endpoints', `no endpoints were given to test ${egress} with`, started);
  // Aborted when one connection opened, when the check ends, or when the check's signal aborts.
  const stop = new AbortController();
  const onAbort = (): void => stop.abort(signal.reason);
  if (signal.aborted) stop.abort(signal.reason);
  else signal.addEventListener('abort', onAbort, { once: true });
  const connectOne = async (endpoint: Endpoint): Promise<void> => {
    const connection = await transports.network.connect({ ...endpoint, signal: stop.signal, timeoutMs: remaining(deadline) });
    // Only whether it opens matters; a connection that opens after the race is over is closed too.
    connection.close();
  };
  try {
    const outcome = await guarded(() => Promise.any(endpoints.map(connectOne)), signal);
    if (!(outcome instanceof Error)) return { step, ok: true, durationMs: elapsed(started) };
    const first: unknown = outcome instanceof AggregateError ? outcome.errors[0] : outcome;
    const over = step === 'tcp' ? '' : step === 'ipv6' ? ' over IPv6' : ' to port 25';
    return failed(
      step,
      errorCode(first),
      `no TCP connection${over} through pastoe's network to any of ${shown}: ${errorMessage(first)}`,
      started,
    );
  } finally {
    signal.removeEventListener('abort', onAbort);
    stop.abort();
  }
}

/**
 * Runs one step's transport call, bounded by the signal even when the transport ignores it, and
 * returns what it threw as an Error instead of rejecting.
 */
async function guarded<T>(work: () => Promise<T>, signal: AbortSignal): Promise<T | Error> {
  const abort = abortPromise(signal);
  try {
    return await Promise.race([work(), abort.promise]);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  } finally {
    abort.dispose();
  }
}

/** The code of a thrown failure: a `ProbeFailure`'s own (`timeout`, `refused`, …), else `internal`. */
function errorCode(error: unknown): string {
  return error instanceof ProbeFailure ? error.code : 'internal';
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function failed(step: VantageStep, code: string, reason: string, started: number): VantageStepResult {
  return { step, ok: false, code, reason, durationMs: elapsed(started) };
}

function notRun(step: VantageStep, reason: string): VantageStepResult {
  return { step, ok: false, code: 'not-run', reason, durationMs: 0 };
}

function orderedNeeds(needs: readonly ProbeNeed[]): readonly ProbeNeed[] {
  for (const need of needs) {
    if (!probeNeeds.includes(need)) throw new RangeError(`unknown vantage need ${JSON.stringify(need)}; expected ${probeNeeds.join(', ')}`);
  }
  return probeNeeds.filter((need) => needs.includes(need));
}

function remaining(deadline: number): number {
  return Math.max(1, Math.round(deadline - performance.now()));
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}

function formatEndpoint(endpoint: Endpoint): string {
  return endpoint.ip.includes(':') ? `[${endpoint.ip}]:${endpoint.port}` : `${endpoint.ip}:${endpoint.port}`;
}
