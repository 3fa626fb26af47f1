import type { Network } from '../../transport/network.js';
import type { DnsQuestion } from '../types.js';
import { normalizeQuestion } from '../wire/message.js';
import { createTcpTransport } from './tcp.js';
import { type ExchangeResult, toExchangeError } from './transport.js';
import { createUdpTransport } from './udp.js';

/** Where and how {@link queryServer} asks. */
export interface QueryServerOptions {
  /** The server's address: one learned from DNS data, so the network's address policy applies. */
  readonly ip: string;
  /** The server's port. Default 53. */
  readonly port?: number;
  /** How to reach it. */
  readonly network: Network;
  /** Time limit for the exchange (UDP, then TCP after a truncated answer), in milliseconds. */
  readonly timeoutMs: number;
  /** Aborts the exchange. */
  readonly signal: AbortSignal;
}

/**
 * Asks one question of one given server, once: over UDP, and again over TCP when the answer comes
 * back truncated, within one time limit. No cache, no retry, no other server: the point is what
 * this server does (a name server's reachability, say). Never rejects; a response of any rcode is
 * `ok`, a timeout or socket error is not.
 */
export async function queryServer(question: DnsQuestion, options: QueryServerOptions): Promise<ExchangeResult> {
  const port = options.port ?? 53;
  const tcpFallback = createTcpTransport({ ip: options.ip, port, network: options.network });
  const udp = createUdpTransport({ ip: options.ip, port, network: options.network, tcpFallback });
  const normalized = normalizeQuestion(question);
  if (!normalized.ok) return { ok: false, error: normalized.error, server: udp.description };
  return udp
    .exchange(normalized.question, { signal: options.signal, timeoutMs: options.timeoutMs, onSend: () => {}, now: () => Date.now() })
    .catch((caught: unknown): ExchangeResult => ({ ok: false, error: toExchangeError(caught), server: udp.description }));
}
