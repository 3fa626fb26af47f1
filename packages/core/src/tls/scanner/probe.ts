/**
 * The TLS scanner as a probe: {@link probeTls} runs {@link scanTls} for one planned subject
 * (a web server or mail server address) with the probe context's network, signal and EHLO name,
 * and {@link defineTlsProbe} wraps that in a probe definition whose subjects the caller plans.
 */
import { ProbeFailure } from '../../model/evidence.js';
import { type PlanContext, type ProbeContext, type ProbeDefinition, defineProbe } from '../../model/probe.js';
import type { Subject } from '../../model/subject.js';
import type { TlsEvidence } from '../types.js';
import { type ScanTlsOptions, scanTls } from './scan-tls.js';

/** Scanner options a probe may set; the endpoint, network and signal come from the subject and context. */
export type TlsProbeOptions = Omit<ScanTlsOptions, 'host' | 'ip' | 'port' | 'network' | 'signal'>;

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
  const starttls = options.starttls ?? (subject.role === 'mx' ? 'smtp' : undefined);
  let evidence: TlsEvidence;
  try {
    evidence = await scanTls({
      ...options,
      host: subject.name,
      ip: subject.ip,
      port: subject.port,
      ...(starttls === undefined ? {} : { starttls }),
      network: context.transports.network,
      signal: context.signal,
      ehloName: options.ehloName ?? context.settings.ehloName,
    });
  } catch (error) {
    if (error instanceof TypeError || error instanceof RangeError) throw new ProbeFailure('malformed', error.message);
    throw error;
  }
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
    plan: (context) => input.plan(context),
    run: (subject, context) => {
      const options = typeof input.options === 'function' ? input.options(subject) : (input.options ?? {});
      return probeTls(subject, context, { timeoutMs: Math.max(1_000, timeoutMs - SAFETY_MARGIN_MS), ...options });
    },
  });
}
