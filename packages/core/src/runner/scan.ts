import type { AnyCheck, EvaluateContext } from '../model/check.js';
import { ProbeFailure } from '../model/evidence.js';
import type { ScanReport } from '../model/report.js';
import { reportSchema } from '../model/report.js';
import type { ProbeSettings, Transports } from '../model/probe.js';
import { rulesetVersions, type ScanProvenance } from '../model/provenance.js';
import type { ScanTarget } from '../model/target.js';
import type { VantageReport } from '../model/vantage.js';
import type { Verdict } from '../model/verdict.js';
import { normalizeDomain } from '../input/domain.js';
import { linkSignal } from '../util/abort.js';
import { Semaphore } from '../util/semaphore.js';
import { pastoeVersion } from '../version.js';
import { createScanCaches } from './caches.js';
import { resolveTransports } from './default-transports.js';
import type { ScanEvent } from './events.js';
import { type GatheredEvidence, errorVerdict, judge } from './judge.js';
import { boundedNumber, defaultProbeSettings, runnerDefaults, type ScanOptions } from './options.js';
import { addressSelection, bindScan, ScanInputError } from './input.js';
import { ProbeSession, safeEmit } from './session.js';
import { vantageForChecks } from './vantage.js';

/**
 * Scans one domain: checks pastoe's own vantage point (see `checkVantage`), plans the probes the
 * checks need (each probe once per subject, with the implementation `options.preset` or
 * `options.probes` binds to its declaration), runs them with bounded concurrency and time limits,
 * and judges every check. Probe failures and checks that throw become `error` verdicts with
 * their reason; a failed vantage point makes the checks that depend on it `error` with outcome
 * `vantage`. The scan rejects only for unusable input (a {@link ScanInputError}) and, with the
 * signal's reason, when the caller's `signal` aborts.
 */
export async function scan(domain: string, options: ScanOptions): Promise<ScanReport> {
  const parsed = normalizeDomain(domain);
  if (!parsed.ok) throw new ScanInputError(`cannot scan ${JSON.stringify(domain)}: ${parsed.reason}`);
  const { checks, probes } = bindScan(options);
  validateVantageOption(options.vantage);
  const timeoutMs = boundedNumber('timeoutMs', options.timeoutMs, runnerDefaults.timeoutMs, runnerDefaults.maxTimeoutMs);
  const probeTimeoutMs = boundedNumber(
    'probeTimeoutMs',
    options.probeTimeoutMs,
    runnerDefaults.probeTimeoutMs,
    runnerDefaults.maxTimeoutMs,
  );
  const concurrency = boundedNumber('concurrency', options.concurrency, runnerDefaults.concurrency, runnerDefaults.maxConcurrency);
  const target: ScanTarget = { domain: parsed.domain, input: domain };
  const addresses = addressSelection(options.addresses);
  const now = options.now ?? (() => new Date());
  const emit = (event: ScanEvent): void => {
    if (options.onEvent !== undefined) safeEmit(options.onEvent, event);
  };

  const startedAt = now();
  const started = performance.now();
  const caches = options.caches ?? createScanCaches();
  options.signal?.throwIfAborted();
  const settings = { ...defaultProbeSettings, ...options.settings };
  if (settings.tlsSharing !== 'address' && settings.tlsSharing !== 'name') {
    throw new ScanInputError(`options.settings.tlsSharing must be 'address' or 'name', got ${JSON.stringify(settings.tlsSharing)}`);
  }
  const resolved = resolveTransports(options.transports, caches, settings);
  const linked = linkSignal(options.signal, timeoutMs, () => new ProbeFailure('timeout', `the scan took longer than ${timeoutMs} ms`));
  try {
    const vantage = await vantageFor(checks, options, resolved.transports, linked.signal, now);
    const session = new ProbeSession({
      target,
      probes,
      transports: resolved.transports,
      caches,
      settings,
      signal: linked.signal,
      probeTimeoutMs,
      limiter: new Semaphore(concurrency),
      emit,
      now,
      addresses,
      ...(vantage === undefined ? {} : { vantage }),
    });
    emit({ type: 'scan-started', domain: target.domain, checks: checks.length });

    const gathered = await Promise.all(checks.map((check) => gatherFor(check, session)));
    // Probes end at once when the caller aborts (their runs are raced); what they left is not a result.
    options.signal?.throwIfAborted();
    const context: EvaluateContext = { target, now: startedAt, addresses };
    const verdicts: Verdict[] = checks.map((check, index) => {
      const evidence = gathered[index];
      const verdict =
        evidence instanceof Error
          ? errorVerdict(check, { source: 'runner', code: 'internal', message: evidence.message })
          : judge(check, evidence ?? {}, context);
      emit({ type: 'check-evaluated', domain: target.domain, check: check.id, status: verdict.status });
      return verdict;
    });

    const durationMs = Math.round(performance.now() - started);
    emit({ type: 'scan-finished', domain: target.domain, durationMs });
    return {
      schema: reportSchema,
      tool: { name: 'pastoe', version: pastoeVersion },
      target,
      startedAt: startedAt.toISOString(),
      finishedAt: now().toISOString(),
      durationMs,
      probes: session.probeIds,
      evidence: session.allEvidence(),
      verdicts,
      stats: { probeRuns: session.runs, probeFailures: session.failures, checks: checks.length },
      ...(vantage === undefined ? {} : { vantage }),
      ...(addresses === 'first' ? {} : { addresses }),
      provenance: scanProvenance(resolved.transports, settings),
    };
  } finally {
    linked.dispose();
    await resolved.dispose();
  }
}

/**
 * The vantage report this scan rests on: the caller's, a fresh check, or none (skipped, or no
 * probe needs one). Rejects with the caller's reason when the caller aborts during the check;
 * when the scan's own time limit ends it, there is no report and the probes end as timeouts.
 */
async function vantageFor(
  checks: readonly AnyCheck[],
  options: ScanOptions,
  transports: Transports,
  signal: AbortSignal,
  now: () => Date,
): Promise<VantageReport | undefined> {
  try {
    return await vantageForChecks(options.vantage, checks, transports, { signal, now });
  } catch (error) {
    options.signal?.throwIfAborted();
    if (signal.aborted) return undefined;
    throw error;
  }
}

/** Gathers the evidence one check declared; an Error when the declaration itself is broken. */
async function gatherFor(check: AnyCheck, session: ProbeSession): Promise<GatheredEvidence | Error> {
  try {
    const entries = await Promise.all(
      Object.entries(check.probes).map(async ([name, probe]) => [name, await session.evidenceFor(probe)] as const),
    );
    return Object.fromEntries(entries);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** Checks the `vantage` option: `'skip'`, settings or a report. */
export function validateVantageOption(vantage: unknown): void {
  if (vantage === undefined || vantage === 'skip') return;
  if (typeof vantage !== 'object' || vantage === null || Array.isArray(vantage)) {
    throw new ScanInputError("options.vantage must be 'skip', vantage settings or a report from checkVantage");
  }
}

/** What the verdicts rest on besides the evidence: the release, rule sets, resolver and trust. */
function scanProvenance(transports: Transports, settings: ProbeSettings): ScanProvenance {
  const dnssec = transports.validator.describe?.();
  return {
    pastoeVersion,
    rulesets: rulesetVersions,
    resolver: transports.resolver.description,
    ...(dnssec === undefined ? {} : { dnssec }),
    certificateTrust: transports.trust.describe(),
    rpki: transports.rpki !== undefined,
    identity: { ehloName: settings.ehloName, userAgent: settings.userAgent },
    tlsSharing: settings.tlsSharing,
  };
}
