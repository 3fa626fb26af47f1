import type { DnsErrorCode, DnsMessage, DnsResult, QueryOptions } from '../dns/types.js';
import type { ValidationContext } from './context.js';
import { displayName, isSubdomain, nameKey, queryName } from './names.js';
import type { IndeterminateReason } from './reasons.js';
import { typeName } from './rrtypes.js';
import type { Indeterminate } from './zone-state.js';

/** A response that can be validated, or why there is none. */
export type Asked = { readonly ok: true; readonly message: DnsMessage } | ({ readonly ok: false } & Indeterminate);

function notAnswered(reason: IndeterminateReason, detail: string): Asked {
  return { ok: false, status: 'indeterminate', reason, detail };
}

function abortedReason(ctx: ValidationContext): Indeterminate {
  return ctx.deadline?.aborted === true && ctx.signal?.aborted !== true
    ? { status: 'indeterminate', reason: 'timeout', detail: 'the validation ran out of time' }
    : { status: 'indeterminate', reason: 'aborted', detail: 'the validation was aborted' };
}

/** Why the validation may not send another query, or `undefined` when it may. */
function refusalBeforeAsking(ctx: ValidationContext): Asked | undefined {
  if (ctx.signal?.aborted === true || ctx.deadline?.aborted === true) return { ok: false, ...abortedReason(ctx) };
  if (ctx.queries >= ctx.settings.maxQueries)
    return notAnswered('work-limit-exceeded', `more than ${ctx.settings.maxQueries} queries needed`);
  return undefined;
}

/** The caller's signal and the validation's deadline as one, with the per-query time limit. */
function queryOptionsOf(ctx: ValidationContext): QueryOptions {
  const signal =
    ctx.signal !== undefined && ctx.deadline !== undefined ? AbortSignal.any([ctx.signal, ctx.deadline]) : (ctx.signal ?? ctx.deadline);
  return {
    ...(signal === undefined ? {} : { signal }),
    ...(ctx.queryTimeoutMs === undefined ? {} : { timeoutMs: ctx.queryTimeoutMs }),
  };
}

/** The indeterminate reason for a resolver error other than an abort. */
function reasonForDnsError(code: DnsErrorCode): IndeterminateReason {
  if (code === 'timeout') return 'timeout';
  if (code === 'malformed' || code === 'too-large' || code === 'id-mismatch') return 'malformed';
  return code === 'invalid-name' ? 'invalid-name' : 'network';
}

/** Charges a response's records to the budget; NOERROR and NXDOMAIN are answers, other rcodes not. */
function chargedAnswer(ctx: ValidationContext, message: DnsMessage, what: string): Asked {
  // The validation groups these sections into RRsets; a response full of records is work too.
  const records = message.answers.length + message.authority.length;
  if (records > ctx.budget.records) {
    return notAnswered(
      'work-limit-exceeded',
      `${what}: the response holds ${records} records, more than the validation's record budget has left`,
    );
  }
  ctx.budget.records -= records;
  if (message.rcode === 'NOERROR' || message.rcode === 'NXDOMAIN') return { ok: true, message };
  return notAnswered(message.rcode === 'SERVFAIL' ? 'servfail' : 'refused', `${what} answered ${message.rcode}`);
}

/**
 * Sends one query with DO and CD set, so that a validating upstream hands over bogus data too
 * and pastoe reaches its own verdict. Counts it against the budget. NOERROR and NXDOMAIN are
 * answers; every other outcome becomes an indeterminate reason. A query sent ahead for the same
 * name and type ({@link askAhead}) gives its answer instead of a new query.
 */
export async function ask(ctx: ValidationContext, name: string, type: number, purpose: string): Promise<Asked> {
  const key = aheadKey(name, type);
  const early = ctx.askedAhead.get(key);
  if (early === undefined) return send(ctx, name, type, purpose);
  ctx.askedAhead.delete(key);
  const asked = await early;
  // Joined from another validation that was aborted meanwhile: that says nothing about this one.
  if (!asked.ok && asked.reason === 'aborted' && ctx.signal?.aborted !== true) return send(ctx, name, type, purpose);
  return asked;
}

/**
 * Sends a query now that the chain walk is about to need, so that it runs beside others instead
 * of after them; {@link ask} for the same name and type then takes its answer.
 */
export function askAhead(ctx: ValidationContext, name: string, type: number, purpose: string): void {
  const key = aheadKey(name, type);
  if (ctx.askedAhead.has(key)) return;
  let asked = ctx.aheadInFlight.get(key);
  if (asked === undefined) {
    const sent = send(ctx, name, type, purpose);
    asked = sent;
    ctx.aheadInFlight.set(key, sent);
    void sent.then(() => {
      if (ctx.aheadInFlight.get(key) === sent) ctx.aheadInFlight.delete(key);
    });
  }
  ctx.askedAhead.set(key, asked);
}

function aheadKey(name: string, type: number): string {
  return `${name}|${type}`;
}

async function send(ctx: ValidationContext, name: string, type: number, purpose: string): Promise<Asked> {
  const refusal = refusalBeforeAsking(ctx);
  if (refusal !== undefined) return refusal;
  ctx.queries += 1;
  ctx.counters.queries += 1;
  const what = `${purpose} (${displayName(name)} ${typeName(type)})`;
  let result: DnsResult;
  const round = ctx.counters.queryRounds.start();
  try {
    result = await ctx.resolver.query(
      { name: queryName(name), type: typeName(type), dnssecOk: true, checkingDisabled: true, recursionDesired: true },
      queryOptionsOf(ctx),
    );
  } catch (error) {
    // The Resolver contract says query never rejects; a broken implementation must not break ours.
    return notAnswered('network', `${what}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    ctx.counters.queryRounds.end(round);
  }
  if (result.ok) return chargedAnswer(ctx, result.message, what);
  if (result.error.code === 'aborted') return { ok: false, ...abortedReason(ctx) };
  return notAnswered(reasonForDnsError(result.error.code), `${what}: ${result.error.message}`);
}

/**
 * The zone cut a response refers to, when it is a referral for `name` (RFC 4035 §3.1.4: no
 * answer, no SOA, an NS RRset at or above the name) rather than an answer. A recursive
 * resolver never gives one; the lab's server does for zones it delegates but does not host.
 */
export function referralCut(message: DnsMessage, name: string): string | undefined {
  if (message.rcode !== 'NOERROR' || message.answers.length > 0) return undefined;
  if (message.authority.some((r) => r.data.type === 'SOA')) return undefined;
  const ns = message.authority.find((r) => r.data.type === 'NS' && isSubdomain(name, nameKey(r.name)));
  return ns === undefined ? undefined : nameKey(ns.name);
}
