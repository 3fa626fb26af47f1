/**
 * The TLS scanner as a probe: {@link probeTls} runs {@link scanTls} for one planned subject
 * (a web server or mail server address) with the probe context's network, trust store, signal and
 * EHLO name, memoised per endpoint in the scan caches; {@link defineTlsProbe} wraps that in a probe
 * definition whose subjects the caller plans, and {@link defineTlsEndpointProbe} plans them from
 * address evidence.
 */
import { ProbeFailure } from '../../model/evidence.js';
import type { JsonValue } from '../../model/json.js';
import { type PlanContext, type ProbeContext, type ProbeDefinition, defineProbe } from '../../model/probe.js';
import type { Subject, SubjectRole } from '../../model/subject.js';
import type { ProbeNeed } from '../../model/vantage.js';
import type { AddressEvidence } from '../../probes/addresses.probe.js';
import type { TlsEvidence } from '../types.js';
import { type ScanTlsOptions, scanTls } from './scan-tls.js';

/**
 * Scanner options a probe may set; the endpoint, network, signal and (unless given here) trust
 * store come from the subject and context.
 */
export type TlsProbeOptions = Omit<ScanTlsOptions, 'host' | 'ip' | 'port' | 'network' | 'signal'>;

/** How long a TLS scan of one endpoint serves other scans that share the caches. */
export const tlsCacheTtlMs = 10 * 60_000;

/** Problems that make evidence partial (pastoe gave up or was stopped): such evidence is not shared. */
const partialCodes: ReadonlySet<string> = new Set(['aborted']);

/** How much earlier than the probe's time limit the scan stops on its own, so that its partial evidence is kept. */
const SAFETY_MARGIN_MS = 2_000;

/**
 * Scans the subject's address and port. Mail servers (`role: 'mx'`) get SMTP STARTTLS unless
 * the options say otherwise. Throws a `ProbeFailure`: `dependency` when the subject has no
 * address or port, `forbidden-address` when the address policy refused the address, `malformed`
 * for bad options, `aborted` when the context's signal fires. Everything the server does is evidence.
 */
export async function probeTls(subject: Subject, context: ProbeContext, options: TlsProbeOptions = {}): Promise<TlsEvidence> {
  if (subject.ip === undefined || subject.port === undefined) {
    throw new ProbeFailure('dependency', `the TLS probe needs an address and a port for ${subject.name}`);
  }
  const { ip, port } = subject;
  const starttls = options.starttls ?? (subject.role === 'mx' ? 'smtp' : undefined);
  const usesOwnTrust = options.trust !== undefined || options.ca !== undefined || options.trustMozilla !== undefined;
  // Scans with other options observe other things: they neither serve nor build on each other.
  const variant = JSON.stringify([
    options.scope,
    options.groups,
    options.handshakes,
    options.zeroRtt,
    options.renegotiationAttempts,
    options.chunkSize,
  ]);
  const address = [ip, port, starttls ?? '', variant].join('|');
  const key = `${subject.name}|${address}`;
  const scanOnce = async (reference?: TlsEvidence): Promise<TlsEvidence> => {
    try {
      return await scanTls({
        ...options,
        ...(reference === undefined ? {} : { reference }),
        caches: context.caches,
        ...(usesOwnTrust ? {} : { trust: context.transports.trust }),
        host: subject.name,
        ip,
        port,
        ...(starttls === undefined ? {} : { starttls }),
        network: context.transports.network,
        signal: context.signal,
        ehloName: options.ehloName ?? context.settings.ehloName,
      });
    } catch (error) {
      if (error instanceof TypeError || error instanceof RangeError) throw new ProbeFailure('malformed', error.message);
      throw error;
    }
  };
  const remember = (cacheKey: string, scanned: TlsEvidence): void => {
    // Its JSON size stands for its memory, so the cache's byte bound holds in a long bulk run.
    context.caches.tls.set(cacheKey, scanned as unknown as JsonValue, tlsCacheTtlMs, JSON.stringify(scanned).length);
  };
  const cached = (cacheKey: string): TlsEvidence | undefined => context.caches.tls.get(cacheKey) as unknown as TlsEvidence | undefined;
  const complete = (scanned: TlsEvidence): boolean =>
    !scanned.problems.some((problem) => partialCodes.has(problem.code) || problem.step === 'scan');
  /**
   * The full scan other names on this address may build on: one per address, the first name's,
   * made under the address's lock and kept (once) under the address's key.
   */
  const referenceScan = async (): Promise<{ own?: TlsEvidence; reference?: TlsEvidence }> =>
    context.caches.locks.run(
      `tls-address|${address}`,
      async () => {
        const reference = cached(`address|${address}`);
        if (reference !== undefined) return { reference };
        const own = await scanOnce();
        // Kept under the address even without a fingerprint: later names then find a reference they
        // cannot build on and scan in full side by side, instead of one by one under this lock.
        if (complete(own)) remember(`address|${address}`, own);
        return { own };
      },
      context.signal,
    );
  const scanShared = async (): Promise<TlsEvidence> => {
    const known = cached(key);
    if (known !== undefined) return known;
    let reference: TlsEvidence | undefined;
    if (context.settings.tlsSharing === 'address') {
      const found = await referenceScan();
      if (found.own !== undefined) return found.own;
      reference = found.reference;
      // The reference is this name's own full scan.
      if (reference?.endpoint.host === subject.name) return reference;
    }
    const scanned = await scanOnce(reference);
    if (complete(scanned)) remember(key, scanned);
    return scanned;
  };
  // Serialised per endpoint across the scans sharing these caches: a second scan waits, then reads the first's result.
  // With sharing by address, the first name on an address is scanned in full under the address's lock; the names
  // after it (each under its own lock, side by side) confirm with a few hellos that the enumeration holds for them.
  // A probe with its own roots judges trust differently from the scan's: it neither reads nor fills the shared entry.
  const evidence = usesOwnTrust ? await scanOnce() : await context.caches.locks.run(`tls|${key}`, scanShared, context.signal);
  // The policy's refusal is the caller's setting, not the server's behaviour: an error, not evidence.
  const forbidden = evidence.problems.find((problem) => problem.code === 'forbidden-address');
  if (!evidence.reachable && forbidden !== undefined) throw new ProbeFailure('forbidden-address', forbidden.message);
  return evidence;
}

/** Input of {@link defineTlsProbe}. */
export interface TlsProbeInput {
  /** The probe id, kebab-case (e.g. `tls-web`, `tls-mail`). */
  readonly id: string;
  /** One line on what it observes. */
  readonly description: string;
  /** The probe's time limit in milliseconds; the scan stops a little earlier and keeps what it saw. Default 150 000. */
  readonly timeoutMs?: number;
  /** Chooses the subjects: each needs `ip` and `port`; `role: 'mx'` means SMTP STARTTLS. */
  plan(context: PlanContext): Promise<readonly Subject[]> | readonly Subject[];
  /** What it needs from pastoe's vantage point (its declaration's); default `['dns']`. */
  readonly needs?: readonly ProbeNeed[];
  /** Scanner options, fixed or per subject. */
  readonly options?: TlsProbeOptions | ((subject: Subject) => TlsProbeOptions);
}

/** Defines an each-scope probe that scans every planned subject with {@link probeTls}. */
export function defineTlsProbe(input: TlsProbeInput): ProbeDefinition<TlsEvidence, 'each'> {
  const timeoutMs = input.timeoutMs ?? 150_000;
  return defineProbe<TlsEvidence>({
    id: input.id,
    description: input.description,
    scope: 'each',
    timeoutMs,
    ...(input.needs === undefined ? {} : { needs: input.needs }),
    plan: (context) => input.plan(context),
    run: (subject, context) => {
      const options = typeof input.options === 'function' ? input.options(subject) : (input.options ?? {});
      return probeTls(subject, context, { timeoutMs: Math.max(1_000, timeoutMs - SAFETY_MARGIN_MS), ...options });
    },
  });
}

/** Input of {@link defineTlsEndpointProbe}. */
export interface TlsEndpointProbeInput {
  /** The probe id, kebab-case (e.g. `tls-web`). */
  readonly id: string;
  /** One line on what it observes. */
  readonly description: string;
  /** The probe whose evidence lists the addresses to scan (e.g. `webAddressesProbe`). */
  readonly addresses: ProbeDefinition<AddressEvidence, 'target'>;
  /** The port on every address. */
  readonly port: number;
  /** The subjects' role: `web`, or `mx` for SMTP STARTTLS. */
  readonly role: SubjectRole;
  /** The probe's time limit in milliseconds. Default 150 000. */
  readonly timeoutMs?: number;
  /** Scanner options, fixed or per subject. */
  readonly options?: TlsProbeOptions | ((subject: Subject) => TlsProbeOptions);
  /** What it needs from pastoe's vantage point (its declaration's); default `['dns']`. */
  readonly needs?: readonly ProbeNeed[];
}

/**
 * Defines a TLS probe with one subject per address in the address evidence (IPv6 first, as
 * Internet.nl lists them), all on one port: one endpoint is host, address, port and STARTTLS.
 * Each endpoint is scanned once across the scans that share caches (see {@link probeTls}). When
 * the address lookup failed, the plan fails as `dependency`; a name without addresses plans none.
 */
export function defineTlsEndpointProbe(input: TlsEndpointProbeInput): ProbeDefinition<TlsEvidence, 'each'> {
  if (!Number.isInteger(input.port) || input.port < 1 || input.port > 65_535) {
    throw new RangeError(`probe ${input.id}: port must be an integer from 1 to 65535`);
  }
  return defineTlsProbe({
    id: input.id,
    description: input.description,
    ...(input.timeoutMs === undefined ? {} : { timeoutMs: input.timeoutMs }),
    ...(input.options === undefined ? {} : { options: input.options }),
    ...(input.needs === undefined ? {} : { needs: input.needs }),
    plan: async (context) => {
      const evidence = await context.evidence(input.addresses);
      if (!evidence.ok) throw new ProbeFailure('dependency', `no addresses to scan: ${evidence.error.message}`);
      const { name, ipv4, ipv6 } = evidence.data;
      return [...ipv6, ...ipv4].map((ip): Subject => ({ name, role: input.role, ip, port: input.port }));
    },
  });
}
