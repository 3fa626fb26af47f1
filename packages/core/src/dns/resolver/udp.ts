import type { Network } from '../../transport/network.js';
import { maxMessageBytes } from '../wire/constants.js';
import { checkResponse, couldAnswer, decodeMessage, encodeQuery, type NormalizedQuestion } from '../wire/message.js';
import { type ExchangeContext, type ExchangeResult, type Transport, hostPort, toExchangeError } from './transport.js';

/** Options for {@link createUdpTransport}. */
export interface UdpTransportOptions {
  /** The server address. */
  readonly ip: string;
  /** The server port. */
  readonly port: number;
  /** How to reach it; the network applies the address policy unless `configured`. */
  readonly network: Network;
  /** The operator named this server, so the network contacts it whatever the address policy says. */
  readonly configured?: boolean;
  /** Where to ask again when an answer comes back truncated (TC): TCP to the same server. */
  readonly tcpFallback?: Transport;
}

/**
 * DNS over UDP. Datagrams with another ID or question are ignored (the wait goes on until the
 * time limit), since anyone on the path can send them; a truncated answer is asked again over
 * TCP within what is left of the time limit (RFC 7766 §5).
 */
export function createUdpTransport(options: UdpTransportOptions): Transport {
  const description = `udp://${hostPort(options.ip, options.port)}`;
  return {
    description,
    async exchange(question: NormalizedQuestion, context: ExchangeContext): Promise<ExchangeResult> {
      const started = context.now();
      const encoded = encodeQuery(question);
      if (!encoded.ok) return { ok: false, error: encoded.error, server: description };
      const query = encoded.query;
      if (context.signal.aborted) return { ok: false, error: { code: 'aborted', message: 'UDP query aborted' }, server: description };
      if (!(context.timeoutMs > 0))
        return { ok: false, error: { code: 'timeout', message: 'UDP query: no time left' }, server: description };
      let answer: Uint8Array;
      try {
        context.onSend();
        // No deadline wrapper of its own: the network ends the exchange at the time limit and on
        // the signal (its contract), and the flight above stops waiting at its own deadline even
        // for a network that does not. One controller and timer less on every query.
        answer = await options.network.udpExchange({
          ip: options.ip,
          port: options.port,
          ...(options.configured === true ? { configured: true } : {}),
          payload: query.bytes,
          signal: context.signal,
          timeoutMs: context.timeoutMs,
          maxBytes: maxMessageBytes,
          accept: (datagram) => couldAnswer(query, datagram),
        });
      } catch (caught) {
        const error = context.signal.aborted ? { code: 'aborted' as const, message: 'UDP query aborted' } : toExchangeError(caught);
        return { ok: false, error, server: description };
      }
      const decoded = decodeMessage(answer, { now: context.now() });
      if (!decoded.ok) return { ok: false, error: decoded.error, server: description };
      const mismatch = checkResponse(query, decoded.message);
      if (mismatch !== undefined) return { ok: false, error: mismatch, server: description };
      if (decoded.message.flags.tc && options.tcpFallback !== undefined) {
        const remaining = context.timeoutMs - (context.now() - started);
        return options.tcpFallback.exchange(question, { ...context, timeoutMs: remaining });
      }
      return { ok: true, message: decoded.message, server: description };
    },
  };
}
