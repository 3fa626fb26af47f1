/**
 * A resolver that lies: it answers every question with one error code (NXDOMAIN by default),
 * the root and `.test` included, like a captive portal, a filtering resolver or a broken
 * middlebox. pastoe must see that its vantage point is broken instead of blaming the domain.
 */
import { decodeQuery, encodeResponse, type WireOpt } from './packet.js';
import { type DnsResponder, headerFlags, labUdpPayloadSize, type RespondOptions, type TimedResponse } from './responder.js';
import { type DnsServerHandle, startDnsServer } from './server.js';

/** The answers a lying resolver can give to everything. */
export type LyingResolverAnswer = 'NXDOMAIN' | 'SERVFAIL' | 'REFUSED';

const rcodes: Readonly<Record<LyingResolverAnswer, number>> = { SERVFAIL: 2, NXDOMAIN: 3, REFUSED: 5 };

/** Options for {@link startLyingResolver}. */
export interface LyingResolverOptions {
  /** The error code given to every question. Default `NXDOMAIN`. */
  readonly answer?: LyingResolverAnswer;
  /** The loopback address to listen on. Default `127.0.0.1`. */
  readonly host?: string;
  /** Closes the server when aborted. */
  readonly signal?: AbortSignal;
}

/** A running lying resolver: the lab DNS server's sockets (UDP, TCP, DoH) with a responder that lies. */
export interface LyingResolver extends DnsServerHandle {
  /** Its UDP endpoint as a resolver spec (`udp://127.0.0.1:port`), for `createResolver`. */
  readonly resolverUrl: string;
  /** Its TCP endpoint as a resolver spec (`tcp://127.0.0.1:port`). */
  readonly tcpUrl: string;
  /** Queries answered so far, over every transport. */
  readonly queries: number;
}

/**
 * Starts a resolver on loopback that answers every question with `answer` (NXDOMAIN by default):
 * the lab's lying resolver, for testing that pastoe reports its own broken vantage point as an
 * `error` and never as the domain's failure.
 *
 * @example
 * ```ts
 * const liar = await startLyingResolver();
 * const resolver = createResolver(liar.resolverUrl, { network: lab.network });
 * const report = await checkVantage({ network: lab.network, resolver, validator: createValidator({ resolver }) });
 * // report.ok === false; the resolver step says the root was answered with NXDOMAIN
 * await liar.close();
 * ```
 */
export async function startLyingResolver(options: LyingResolverOptions = {}): Promise<LyingResolver> {
  let queries = 0;
  const responder = createLyingResponder(rcodes[options.answer ?? 'NXDOMAIN'], () => {
    queries += 1;
  });
  const server = await startDnsServer({
    responder,
    ...(options.host === undefined ? {} : { host: options.host }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  const authority = (ip: string): string => (ip.includes(':') ? `[${ip}]` : ip);
  return {
    ...server,
    resolverUrl: `udp://${authority(server.udp.ip)}:${server.udp.port}`,
    tcpUrl: `tcp://${authority(server.tcp.ip)}:${server.tcp.port}`,
    get queries() {
      return queries;
    },
  };
}

/** A responder that gives every well-formed query the same error code, question and EDNS echoed. */
function createLyingResponder(rcode: number, onQuery: () => void): DnsResponder {
  const respond = (input: Uint8Array, _options: RespondOptions): Buffer | undefined => {
    const query = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
    if (query.length < 12) return undefined;
    const flags = query.readUInt16BE(2);
    if (flags & 0x8000) return undefined;
    onQuery();
    const id = query.readUInt16BE(0);
    const opcode = (flags >> 11) & 0xf;
    const rd = (flags & 0x100) !== 0;
    const cd = (flags & 0x10) !== 0;
    const empty = { answers: [], authority: [], additional: [] };
    try {
      const decoded = decodeQuery(query);
      const clientOpt = decoded.opts[0];
      const opt: WireOpt | undefined =
        clientOpt === undefined
          ? undefined
          : { udpPayloadSize: labUdpPayloadSize, extendedRcode: 0, dnssecOk: clientOpt.dnssecOk, options: [] };
      return encodeResponse({
        id,
        flags: headerFlags(opcode, rd, cd, rcode),
        questions: decoded.questions.slice(0, 1),
        ...empty,
        ...(opt === undefined ? {} : { opt }),
      });
    } catch {
      return encodeResponse({ id, flags: headerFlags(opcode, rd, cd, 1), questions: [], ...empty });
    }
  };
  return {
    respond,
    answer: (input, options): TimedResponse => ({ response: respond(input, options), delayMs: 0 }),
    origins: [],
  };
}
