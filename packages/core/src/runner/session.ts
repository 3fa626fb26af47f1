import type { AddressSelection } from '../model/check.js';
import type { Evidence, ProbeError } from '../model/evidence.js';
import { ProbeFailure } from '../model/evidence.js';
import type { AnyProbeDeclaration, ProbeDeclaration } from '../model/probe-declaration.js';
import type { AnyProbe, PlanContext, ProbeContext, ProbeDefinition, ProbeSettings, Transports } from '../model/probe.js';
import type { Subject } from '../model/subject.js';
import { subjectKey, subjectLabel } from '../model/subject.js';
import type { ScanTarget } from '../model/target.js';
import type { VantageReport } from '../model/vantage.js';
import { abortPromise, linkSignal } from '../util/abort.js';
import { pausableDeadline } from '../util/pausable-deadline.js';
import type { Semaphore } from '../util/semaphore.js';
import type { ScanCaches } from './caches.js';
import type { ScanEventListener } from './events.js';
import { probeVantageFailure, subjectVantageFailure } from './vantage.js';

/** Everything a probe session needs from the scan that owns it. */
export interface ProbeSessionOptions {
  readonly target: ScanTarget;
  /** The implementation bound to each probe id. */
  readonly probes: ReadonlyMap<string, AnyProbe>;
  readonly transports: Transports;
  readonly caches: ScanCaches;
  readonly settings: ProbeSettings;
  readonly signal: AbortSignal;
  readonly probeTimeoutMs: number;
  readonly limiter: Semaphore;
  readonly emit: ScanEventListener;
  readonly now: () => Date;
  /** The vantage check the scan rests on; probes whose needs it failed do not run. */
  readonly vantage?: VantageReport;
  /** Which addresses the scan's per-address checks judge, for the plans; absent means `first`. */
  readonly addresses?: AddressSelection;
}

/**
 * Runs the probes of one scan, each once per subject, and keeps their evidence. Checks and plans
 * ask by declaration; the session runs the implementation bound to its id. Every probe is
 * memoised by id, so a probe that three checks (or other probes' plans) ask for runs once.
 */
export class ProbeSession {
  readonly #options: ProbeSessionOptions;
  readonly #targetRuns = new Map<string, Promise<Evidence<unknown>>>();
  readonly #eachRuns = new Map<string, Promise<readonly Evidence<unknown>[]>>();
  /** Probe ids in the order they were first asked for: the order of the evidence bundle. */
  readonly #order: string[] = [];
  readonly #evidence = new Map<string, Evidence<unknown>[]>();
  #runs = 0;
  #failures = 0;

  /** @param options - the scan's target, transports, limits and listeners */
  constructor(options: ProbeSessionOptions) {
    this.#options = options;
  }

  /** Probe runs started so far. */
  get runs(): number {
    return this.#runs;
  }

  /** Probe runs that failed so far. */
  get failures(): number {
    return this.#failures;
  }

  /** The ids of every probe asked for, in first-asked order. */
  get probeIds(): readonly string[] {
    return [...this.#order];
  }

  /** All evidence gathered, grouped by probe in first-asked order. */
  allEvidence(): Evidence<unknown>[] {
    return this.#order.flatMap((id) => this.#evidence.get(id) ?? []);
  }

  /** The evidence of a target-scope probe, running it on first request. */
  evidence<Data>(declaration: ProbeDeclaration<Data, 'target'>, ancestors: ReadonlySet<string> = new Set()): Promise<Evidence<Data>> {
    const probe = this.#register(declaration, ancestors);
    let run = this.#targetRuns.get(probe.id);
    if (run === undefined) {
      const subject = this.#domainSubject();
      const blocked = this.#blocked(probe);
      run =
        blocked === undefined
          ? this.#gatherAndRun(probe, subject, new Set([...ancestors, probe.id]))
          : Promise.resolve(this.#record(probe, subject, 0, blocked));
      this.#targetRuns.set(probe.id, run);
    }
    return run as Promise<Evidence<Data>>;
  }

  /** The evidence of an each-scope probe: its plan, then one run per planned subject. */
  evidenceList<Data>(
    declaration: ProbeDeclaration<Data, 'each'>,
    ancestors: ReadonlySet<string> = new Set(),
  ): Promise<readonly Evidence<Data>[]> {
    const probe = this.#register(declaration, ancestors) as ProbeDefinition<unknown, 'each'>;
    let runs = this.#eachRuns.get(probe.id);
    if (runs === undefined) {
      const blocked = this.#blocked(probe);
      runs =
        blocked === undefined
          ? this.#planAndRun(probe, new Set([...ancestors, probe.id]))
          : Promise.resolve([this.#record(probe, this.#domainSubject(), 0, blocked)]);
      this.#eachRuns.set(probe.id, runs);
    }
    return runs as Promise<readonly Evidence<Data>[]>;
  }

  /** The evidence of any probe, as a check's declaration (or a probe's `uses`) asks for it. */
  evidenceFor(
    declaration: AnyProbeDeclaration,
    ancestors: ReadonlySet<string> = new Set(),
  ): Promise<Evidence<unknown> | readonly Evidence<unknown>[]> {
    return declaration.scope === 'each'
      ? this.evidenceList(declaration as ProbeDeclaration<unknown, 'each'>, ancestors)
      : this.evidence(declaration as ProbeDeclaration<unknown, 'target'>, ancestors);
  }

  /**
   * Gathers the evidence a probe lists in `uses` before it plans or runs. Returns the failure to
   * record instead of planning or running: the first `vantage` failure among that evidence (what
   * the probe would read was never gathered, so neither is its own), or why a used probe could
   * not be asked for (unbound, another scope, a cycle). Other failures are the probe's to read.
   *
   * @param chain - the probes waiting on this one, itself included
   */
  async #gatherUses(probe: AnyProbe, chain: ReadonlySet<string>): Promise<ProbeError | undefined> {
    const uses = probe.uses ?? [];
    try {
      const gathered = await Promise.all(uses.map((declaration) => this.evidenceFor(declaration, chain)));
      for (const evidence of gathered.flat()) if (!evidence.ok && evidence.error.code === 'vantage') return evidence.error;
      return undefined;
    } catch (error) {
      return toProbeError(error, this.#options.signal, 'dependency', `gathering the evidence ${probe.id} uses failed`);
    }
  }

  /** A target-scope run: its `uses` first, then the run. */
  async #gatherAndRun(probe: AnyProbe, subject: Subject, chain: ReadonlySet<string>): Promise<Evidence<unknown>> {
    const startedAt = this.#options.now();
    const started = performance.now();
    const failure = await this.#gatherUses(probe, chain);
    if (failure !== undefined) return this.#record(probe, subject, elapsed(started), failure, startedAt);
    return this.#runOne(probe, subject, chain);
  }

  /** What a run may read: the evidence of the probes its implementation lists in `uses`. */
  #usedEvidence(probe: AnyProbe, chain: ReadonlySet<string>): Pick<ProbeContext, 'evidence' | 'evidenceList'> {
    const listed = new Set((probe.uses ?? []).map((declaration) => declaration.id));
    const ask = <T>(declaration: AnyProbeDeclaration, get: () => Promise<T>): Promise<T> => {
      if (listed.has(declaration.id)) return get();
      return Promise.reject(
        new ProbeFailure('internal', `probe ${probe.id} reads ${declaration.id} in its run without listing it in uses`),
      );
    };
    return {
      evidence: (declaration) => ask(declaration, () => this.evidence(declaration, chain)),
      evidenceList: (declaration) => ask(declaration, () => this.evidenceList(declaration, chain)),
    };
  }

  /** The implementation bound to a declaration, recorded in first-asked order. */
  #register(declaration: AnyProbeDeclaration, ancestors: ReadonlySet<string>): AnyProbe {
    const probe = this.#options.probes.get(declaration.id);
    if (probe === undefined) {
      throw new ProbeFailure('dependency', `no implementation is bound to probe ${declaration.id}; add it to the preset or options.probes`);
    }
    if (probe.scope !== declaration.scope) {
      throw new ProbeFailure(
        'internal',
        `probe ${declaration.id} is asked for as ${declaration.scope}-scope but implemented ${probe.scope}-scope`,
      );
    }
    if (ancestors.has(probe.id)) {
      throw new ProbeFailure('internal', `probe ${probe.id} depends on itself through its plan (${[...ancestors].join(' → ')})`);
    }
    if (!this.#evidence.has(probe.id)) {
      this.#order.push(probe.id);
      this.#evidence.set(probe.id, []);
    }
    return probe;
  }

  /** The `vantage` error when the scan's vantage check failed a need of this whole probe (`ipv6` is per subject). */
  #blocked(probe: AnyProbe): ProbeError | undefined {
    return probeVantageFailure(this.#options.vantage, probe);
  }

  #domainSubject(): Subject {
    return { name: this.#options.target.domain, role: 'domain' };
  }

  /** Keeps and returns the failed evidence of a probe that did not get to run (or plan). */
  #record(probe: AnyProbe, subject: Subject, durationMs: number, error: ProbeError, startedAt = this.#options.now()): Evidence<unknown> {
    const failure: Evidence<unknown> = { probe: probe.id, subject, startedAt: startedAt.toISOString(), durationMs, ok: false, error };
    this.#failures += 1;
    this.#evidence.get(probe.id)?.push(failure);
    return failure;
  }

  async #planAndRun(probe: ProbeDefinition<unknown, 'each'>, ancestors: ReadonlySet<string>): Promise<readonly Evidence<unknown>[]> {
    const startedAt = this.#options.now();
    const started = performance.now();
    const unusable = await this.#gatherUses(probe, ancestors);
    if (unusable !== undefined) return [this.#record(probe, this.#domainSubject(), elapsed(started), unusable, startedAt)];
    const timeoutMs = probe.timeoutMs ?? this.#options.probeTimeoutMs;
    // The plan's own time is limited like a run; waiting for other probes' evidence does not count.
    const deadline = pausableDeadline(
      this.#options.signal,
      timeoutMs,
      () => new ProbeFailure('timeout', `planning ${probe.id} took longer than ${timeoutMs} ms`),
    );
    const abort = abortPromise(deadline.signal);
    // A plan that chose its subjects from evidence pastoe could not gather chose from nothing.
    let vantage: ProbeError | undefined;
    const waitFor = async <T extends Evidence<unknown> | readonly Evidence<unknown>[]>(dependency: Promise<T>): Promise<T> => {
      const resume = deadline.pause();
      try {
        const evidence = await dependency;
        for (const item of Array.isArray(evidence) ? evidence : [evidence]) {
          if (!item.ok && item.error.code === 'vantage') vantage ??= item.error;
        }
        return evidence;
      } finally {
        resume();
      }
    };
    const context: PlanContext = {
      target: this.#options.target,
      signal: deadline.signal,
      evidence: (dependency) => waitFor(this.evidence(dependency, ancestors)),
      evidenceList: (dependency) => waitFor(this.evidenceList(dependency, ancestors)),
      ...(this.#options.addresses === undefined ? {} : { addresses: this.#options.addresses }),
    };
    let subjects: readonly Subject[];
    try {
      if (probe.plan === undefined) throw new ProbeFailure('internal', `each-scope probe ${probe.id} has no plan`);
      const plan = probe.plan.bind(probe);
      // The race bounds a plan that never settles; the plan itself may run on but is ignored.
      subjects = dedupeSubjects(await Promise.race([(async () => plan(context))(), abort.promise]));
    } catch (error) {
      const failure = vantage ?? toProbeError(error, this.#options.signal, 'dependency', `planning ${probe.id} failed`);
      return [this.#record(probe, this.#domainSubject(), elapsed(started), failure, startedAt)];
    } finally {
      abort.dispose();
      deadline.dispose();
    }
    if (vantage !== undefined) return [this.#record(probe, this.#domainSubject(), elapsed(started), vantage, startedAt)];
    return Promise.all(
      subjects.map((subject) => {
        // An IPv6 subject when pastoe's own IPv6 failed: not probed, so the check judges the IPv4 part alone.
        const blocked = subjectVantageFailure(this.#options.vantage, probe, subject);
        return blocked === undefined ? this.#runOne(probe, subject, ancestors) : Promise.resolve(this.#record(probe, subject, 0, blocked));
      }),
    );
  }

  /** One run on one subject; what the probe `uses` is gathered already. */
  async #runOne(probe: AnyProbe, subject: Subject, chain: ReadonlySet<string>): Promise<Evidence<unknown>> {
    const { emit, limiter, target } = this.#options;
    this.#runs += 1;
    let evidence: Evidence<unknown>;
    let release: (() => void) | undefined;
    const startedAt = this.#options.now();
    const started = performance.now();
    const timeoutMs = probe.timeoutMs ?? this.#options.probeTimeoutMs;
    try {
      release = await limiter.acquire(this.#options.signal);
      safeEmit(emit, { type: 'probe-started', domain: target.domain, probe: probe.id, subject });
      const linked = linkSignal(
        this.#options.signal,
        timeoutMs,
        () => new ProbeFailure('timeout', `${probe.id} on ${subjectLabel(subject)} took longer than ${timeoutMs} ms`),
      );
      const abort = abortPromise(linked.signal);
      try {
        const context: ProbeContext = {
          target,
          signal: linked.signal,
          transports: this.#options.transports,
          caches: this.#options.caches,
          settings: this.#options.settings,
          now: this.#options.now,
          ...this.#usedEvidence(probe, chain),
        };
        // The race enforces the time limit even when a probe ignores its signal.
        const data = await Promise.race([probe.run(subject, context), abort.promise]);
        evidence = { probe: probe.id, subject, startedAt: startedAt.toISOString(), durationMs: elapsed(started), ok: true, data };
      } finally {
        abort.dispose();
        linked.dispose();
      }
    } catch (error) {
      evidence = {
        probe: probe.id,
        subject,
        startedAt: startedAt.toISOString(),
        durationMs: elapsed(started),
        ok: false,
        error: toProbeError(error, this.#options.signal, 'internal', `${probe.id} failed`),
      };
      this.#failures += 1;
    } finally {
      release?.();
    }
    this.#evidence.get(probe.id)?.push(evidence);
    safeEmit(emit, {
      type: 'probe-finished',
      domain: target.domain,
      probe: probe.id,
      subject,
      ok: evidence.ok,
      durationMs: evidence.durationMs,
      ...(evidence.ok ? {} : { error: evidence.error.code }),
    });
    return evidence;
  }
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 1000) / 1000;
}

function dedupeSubjects(subjects: readonly Subject[]): Subject[] {
  const seen = new Set<string>();
  const unique: Subject[] = [];
  for (const subject of subjects) {
    const key = subjectKey(subject);
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(subject);
  }
  return unique;
}

/** Turns anything a probe threw into plain error data. */
function toProbeError(error: unknown, scanSignal: AbortSignal, fallback: 'internal' | 'dependency', context: string): ProbeError {
  if (error instanceof ProbeFailure) return error.toProbeError();
  if (scanSignal.aborted) {
    const reason = scanSignal.reason;
    if (reason instanceof ProbeFailure) return reason.toProbeError();
    return { code: 'aborted', message: 'the scan was aborted' };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: fallback, message: `${context}: ${message}` };
}

/** Calls a listener and ignores what it throws: progress reporting must never break a scan. */
export function safeEmit(emit: ScanEventListener, event: Parameters<ScanEventListener>[0]): void {
  try {
    emit(event);
  } catch {
    // A listener's bug is the listener's; the scan goes on.
  }
}
