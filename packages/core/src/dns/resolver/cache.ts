import type { TtlCache } from '../../util/ttl-cache.js';
import type { CachedAnswer, DnsMessage, DnsRecord, RecordType } from '../types.js';
import type { NormalizedQuestion } from '../wire/message.js';
import { followCnames } from './cnames.js';

export type { CachedAnswer } from '../types.js';

/** Bounds on how long answers are cached. */
export interface CacheTtlBounds {
  /** The longest a positive answer is kept, in seconds. */
  readonly maxTtlSeconds: number;
  /** The longest a negative answer (NXDOMAIN, NODATA) is kept, in seconds. */
  readonly maxNegativeTtlSeconds: number;
}

/** Default cache bounds: an hour for answers, fifteen minutes for negative answers. */
export const defaultCacheTtlBounds: CacheTtlBounds = { maxTtlSeconds: 3600, maxNegativeTtlSeconds: 900 };

/**
 * The cache key of a question. DO and CD are part of it because they change what comes back
 * (RRSIGs; bogus data through a validating upstream), and RD because an iterative query gets a
 * referral where a recursive one gets the answer.
 */
export function cacheKey(question: NormalizedQuestion): string {
  const bits = `${question.dnssecOk ? 'do' : '-'}${question.checkingDisabled ? 'cd' : '-'}${question.recursionDesired ? 'rd' : '-'}`;
  return `${question.name}|${question.type}|${bits}`;
}

function minTtl(records: readonly DnsRecord[]): number {
  let min = Number.POSITIVE_INFINITY;
  for (const record of records) min = Math.min(min, record.ttl);
  return min;
}

/**
 * How long a response may be cached, in whole seconds; 0 means not at all.
 * A positive answer lives as long as the shortest TTL in its answer section. A negative answer
 * (NXDOMAIN, or NOERROR without the asked type at the end of the CNAME chain) lives as long as
 * the SOA in its authority section allows: the lesser of the SOA's TTL and its MINIMUM field
 * (RFC 2308 §5), and no longer than any CNAME that led there; without an SOA it is not cached
 * (RFC 2308 §5). SERVFAIL, REFUSED and truncated answers are never cached: they are exactly
 * what a later try, or a DNSSEC test, must see afresh.
 */
export function cacheTtlSeconds(message: DnsMessage, type: RecordType, bounds: CacheTtlBounds = defaultCacheTtlBounds): number {
  if (message.flags.tc) return 0;
  const question = message.question[0];
  if (question === undefined) return 0;
  if (message.rcode === 'NOERROR' || message.rcode === 'NXDOMAIN') {
    const chain = followCnames(message, question.name, type);
    const positive = message.rcode === 'NOERROR' && chain.records.length > 0;
    if (positive) return clamp(minTtl(message.answers), bounds.maxTtlSeconds);
    const soa = message.authority.find((record) => record.data.type === 'SOA');
    if (soa === undefined || soa.data.type !== 'SOA') return 0;
    const negative = Math.min(soa.ttl, soa.data.minimum, minTtl(message.answers));
    return clamp(negative, bounds.maxNegativeTtlSeconds);
  }
  return 0;
}

function clamp(seconds: number, max: number): number {
  if (!Number.isFinite(seconds) || seconds <= 0) return 0;
  return Math.floor(Math.min(seconds, max));
}

/** Bytes charged for a string: a header and two bytes a character (one for Latin-1, to be safe). */
function stringBytes(text: string): number {
  return 24 + 2 * text.length;
}

/** Bytes charged for one record: its objects and every string it holds. */
function recordBytes(record: DnsRecord): number {
  let bytes = 160 + stringBytes(record.name) + (record.wire === undefined ? 0 : stringBytes(record.wire));
  for (const value of Object.values(record.data)) {
    if (typeof value === 'string') bytes += stringBytes(value);
    else if (Array.isArray(value)) for (const item of value) bytes += 8 + (typeof item === 'string' ? stringBytes(item) : 8);
    else bytes += 8;
  }
  return bytes;
}

/**
 * The memory a cached answer holds, as the DNS cache's byte budget counts it: an estimate on
 * the high side (every character at two bytes), so that the budget bounds the real heap.
 */
function cachedAnswerBytes(entry: CachedAnswer): number {
  const { message } = entry;
  let bytes = 400 + stringBytes(entry.server);
  for (const question of message.question) bytes += 60 + stringBytes(question.name);
  for (const section of [message.answers, message.authority, message.additional]) {
    for (const record of section) bytes += recordBytes(record);
  }
  for (const error of message.edns?.extendedErrors ?? []) bytes += 40 + (error.text === undefined ? 0 : stringBytes(error.text));
  return bytes;
}

function age(records: readonly DnsRecord[], elapsedSeconds: number): DnsRecord[] {
  return records.map((record) => ({ ...record, ttl: Math.max(0, record.ttl - elapsedSeconds) }));
}

/**
 * The cached message with every TTL lowered by the time it has spent in the cache, as a cache
 * must hand it on (RFC 1035 §7.1), so that a consumer computing expiry does not stretch it.
 */
function agedMessage(entry: CachedAnswer, remainingMs: number): DnsMessage {
  const elapsed = Math.max(0, entry.ttlSeconds - Math.ceil(remainingMs / 1000));
  if (elapsed === 0) return entry.message;
  const { message } = entry;
  return {
    ...message,
    answers: age(message.answers, elapsed),
    authority: age(message.authority, elapsed),
    additional: age(message.additional, elapsed),
  };
}

/** An answer as the resolver hands it on: the message and the server that gave it. */
export interface Answer {
  /** The response. */
  readonly message: DnsMessage;
  /** The server that gave it. */
  readonly server: string;
}

/**
 * Stores an answer under its question's key for as long as {@link cacheTtlSeconds} allows; one
 * that may not be cached (SERVFAIL, truncated, negative without an SOA) is left out.
 */
export function rememberAnswer(
  cache: TtlCache<string, CachedAnswer>,
  key: string,
  type: RecordType,
  answer: Answer,
  bounds: CacheTtlBounds,
): void {
  const ttlSeconds = cacheTtlSeconds(answer.message, type, bounds);
  if (ttlSeconds <= 0) return;
  const entry: CachedAnswer = { message: answer.message, server: answer.server, ttlSeconds };
  cache.set(key, entry, ttlSeconds * 1000, cachedAnswerBytes(entry));
}

/** The cached answer for a key with its TTLs aged ({@link agedMessage}), or `undefined`. */
export function recallAnswer(cache: TtlCache<string, CachedAnswer>, key: string): Answer | undefined {
  const hit = cache.get(key);
  return hit === undefined ? undefined : { message: agedMessage(hit, cache.remainingMs(key)), server: hit.server };
}
