import type { Duplex } from 'node:stream';
import type { Network } from '../../transport/network.js';
import { type ReadFailure, StreamReader } from '../../transport/stream-reader.js';
import { maxMessageBytes } from '../wire/constants.js';
import { DnsWireError } from '../wire/errors.js';
import { checkResponse, decodeMessage, encodeQuery, type NormalizedQuestion } from '../wire/message.js';
import { type ExchangeContext, type ExchangeResult, type Transport, hostPort, withDeadline } from './transport.js';

/** Options for {@link createTcpTransport}. */
export interface TcpTransportOptions {
  /** The server address. */
  readonly ip: string;
  /** The server port. */
  readonly port: number;
  /** How to reach it; the network applies the address policy unless `configured`. */
  readonly network: Network;
  /** The operator named this server, so the network contacts it whatever the address policy says. */
  readonly configured?: boolean;
  /** The largest response accepted, in octets. Default 65535. */
  readonly maxResponseBytes?: number;
}

/**
 * Reads one length-prefixed DNS message (RFC 1035 §4.2.2) from a stream. The prefix is checked
 * against the limit before the body is buffered, so a hostile server cannot make pastoe hold
 * more than `maxBytes`; the wait is bounded by `timeoutMs` and the signal.
 */
async function readFramedMessage(socket: Duplex, maxBytes: number, timeoutMs: number, signal: AbortSignal): Promise<Uint8Array> {
  const reader = new StreamReader(socket, maxBytes + 2);
  const limits = { idleMs: timeoutMs, deadline: Date.now() + timeoutMs, signal };
  try {
    const prefixFailure = await reader.fill(2, limits);
    if (prefixFailure !== undefined) throw framingError(prefixFailure, reader.received);
    const prefix = reader.take(2);
    const expected = ((prefix[0] ?? 0) << 8) | (prefix[1] ?? 0);
    if (expected > maxBytes) throw new DnsWireError('too-large', `TCP response of ${expected} octets exceeds the limit of ${maxBytes}`);
    const bodyFailure = await reader.fill(expected, limits);
    if (bodyFailure !== undefined) throw framingError(bodyFailure, reader.received);
    return new Uint8Array(reader.take(expected));
  } finally {
    reader.detach();
  }
}

function framingError(failure: ReadFailure, received: number): DnsWireError {
  switch (failure.code) {
    case 'closed':
      return received === 0
        ? new DnsWireError('network', 'the server closed the TCP connection without answering')
        : new DnsWireError('malformed', `the server closed the TCP connection after ${received} octets of an incomplete response`);
    case 'timeout':
    case 'aborted':
    case 'too-large':
      return new DnsWireError(failure.code, failure.message);
    case 'reset':
      return new DnsWireError('network', failure.message);
  }
}

/** Prefixes a message with its 16-bit length, for DNS over TCP. */
export function frameMessage(bytes: Uint8Array): Uint8Array {
  const framed = new Uint8Array(bytes.length + 2);
  framed[0] = bytes.length >>> 8;
  framed[1] = bytes.length & 0xff;
  framed.set(bytes, 2);
  return framed;
}

/**
 * DNS over TCP, one query per connection. A response with another ID or question is an
 * `id-mismatch` error rather than something to wait past: on a connection pastoe opened for
 * one query, it can only mean a broken or hostile server.
 */
export function createTcpTransport(options: TcpTransportOptions): Transport {
  const maxBytes = Math.min(options.maxResponseBytes ?? maxMessageBytes, maxMessageBytes);
  const description = `tcp://${hostPort(options.ip, options.port)}`;
  return {
    description,
    async exchange(question: NormalizedQuestion, context: ExchangeContext): Promise<ExchangeResult> {
      const encoded = encodeQuery(question);
      if (!encoded.ok) return { ok: false, error: encoded.error, server: description };
      const query = encoded.query;
      const outcome = await withDeadline(context.signal, context.timeoutMs, 'TCP query', async (signal) => {
        const connection = await options.network.connect({
          ip: options.ip,
          port: options.port,
          ...(options.configured === true ? { configured: true } : {}),
          signal,
          timeoutMs: context.timeoutMs,
        });
        try {
          const reading = readFramedMessage(connection.socket, maxBytes, context.timeoutMs, signal);
          // If the write fails, the read sees the error or the close; no separate path needed.
          context.onSend();
          connection.socket.write(frameMessage(query.bytes));
          return await reading;
        } finally {
          connection.close();
        }
      });
      if (!outcome.ok) return { ok: false, error: outcome.error, server: description };
      const decoded = decodeMessage(outcome.value, { now: context.now() });
      if (!decoded.ok) return { ok: false, error: decoded.error, server: description };
      const mismatch = checkResponse(query, decoded.message);
      if (mismatch !== undefined) return { ok: false, error: mismatch, server: description };
      return { ok: true, message: decoded.message, server: description };
    },
  };
}
