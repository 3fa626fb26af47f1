import { promises as dnsPromises } from 'node:dns';
import type { DnsErrorCode, DnsMessage, DnsRecord, Rcode, RecordData, RecordType } from '../types.js';
import { DnsWireError } from '../wire/errors.js';
import type { NormalizedQuestion } from '../wire/message.js';
import { type ExchangeContext, type ExchangeResult, type Transport, withDeadline } from './transport.js';

/** Options for {@link createSystemTransport}. */
export interface SystemTransportOptions {
  /** Servers for node:dns (`ip` or `ip:port`); default: the operating system's configuration. */
  readonly servers?: readonly string[];
}

/** The record types node:dns can look up in Node 20. */
const systemResolverTypes: readonly RecordType[] = ['A', 'AAAA', 'MX', 'TXT', 'NS', 'CNAME', 'SOA', 'CAA', 'SRV', 'PTR'];

const IN = 'IN';

type NodeResolver = InstanceType<typeof dnsPromises.Resolver>;

async function lookup(resolver: NodeResolver, name: string, type: RecordType): Promise<{ data: RecordData; ttl: number }[]> {
  switch (type) {
    case 'A':
      return (await resolver.resolve4(name, { ttl: true })).map((r) => ({ data: { type: 'A', address: r.address }, ttl: r.ttl }));
    case 'AAAA':
      return (await resolver.resolve6(name, { ttl: true })).map((r) => ({ data: { type: 'AAAA', address: r.address }, ttl: r.ttl }));
    case 'MX':
      return (await resolver.resolveMx(name)).map((r) => ({
        data: { type: 'MX', preference: r.priority, exchange: r.exchange.toLowerCase() },
        ttl: 0,
      }));
    case 'TXT':
      return (await resolver.resolveTxt(name)).map((strings) => ({ data: { type: 'TXT', strings }, ttl: 0 }));
    case 'NS':
    case 'CNAME':
    case 'PTR': {
      const targets =
        type === 'NS'
          ? await resolver.resolveNs(name)
          : type === 'CNAME'
            ? await resolver.resolveCname(name)
            : await resolver.resolvePtr(name);
      return targets.map((target) => ({ data: { type, target: target.toLowerCase() }, ttl: 0 }));
    }
    case 'SOA': {
      const soa = await resolver.resolveSoa(name);
      return [
        {
          data: {
            type: 'SOA',
            mname: soa.nsname.toLowerCase(),
            rname: soa.hostmaster.toLowerCase(),
            serial: soa.serial,
            refresh: soa.refresh,
            retry: soa.retry,
            expire: soa.expire,
            minimum: soa.minttl,
          },
          ttl: 0,
        },
      ];
    }
    case 'CAA':
      return (await resolver.resolveCaa(name)).map((record) => {
        // node:dns gives `{ critical, <tag>: value }`; the tag is whichever other key is present.
        const entries = Object.entries(record).filter(([key]) => key !== 'critical');
        const [tag, value] = entries[0] ?? ['', ''];
        return { data: { type: 'CAA', flags: record.critical, tag, value: String(value) }, ttl: 0 };
      });
    case 'SRV':
      return (await resolver.resolveSrv(name)).map((r) => ({
        data: { type: 'SRV', priority: r.priority, weight: r.weight, port: r.port, target: r.name.toLowerCase() },
        ttl: 0,
      }));
    default:
      throw new Error(`unsupported type ${type}`);
  }
}

/** A response message built from what node:dns tells, for rcodes it reports as errors. */
function syntheticMessage(question: NormalizedQuestion, rcode: Rcode, answers: readonly DnsRecord[]): DnsMessage {
  return {
    id: 0,
    rcode,
    flags: { aa: false, tc: false, rd: true, ra: true, ad: false, cd: false },
    question: [{ name: question.name, type: question.type, class: IN }],
    answers,
    authority: [],
    additional: [],
  };
}

/** node:dns failures that are not answers, in pastoe's terms. */
const errorCodeBySystemCode: Readonly<Record<string, DnsErrorCode>> = {
  ETIMEOUT: 'timeout',
  ECANCELLED: 'aborted',
  EDESTRUCTION: 'aborted',
  EBADRESP: 'malformed',
  EBADNAME: 'invalid-name',
  EBADQUERY: 'invalid-name',
};

/** node:dns errors that stand for an answer with this rcode. */
const rcodeByError: Readonly<Record<string, Rcode>> = {
  ENOTFOUND: 'NXDOMAIN',
  ENODATA: 'NOERROR',
  ESERVFAIL: 'SERVFAIL',
  EREFUSED: 'REFUSED',
  ENOTIMP: 'NOTIMP',
  EFORMERR: 'FORMERR',
};

/**
 * The operating system's resolver through node:dns, for plain lookups of A, AAAA, MX, TXT, NS,
 * CNAME, SOA, CAA, SRV and PTR only. It cannot do DNSSEC: node:dns never sets DO or CD, never
 * shows AD and returns no RRSIG, so every answer has `ad: false`, and DNSSEC types are
 * `unsupported`. Other limits: TTLs are known only for A and AAAA (0 elsewhere, so nothing else
 * is cached), a CNAME chain is flattened onto the question name, there is no authority section
 * (so no negative caching), and `wire` is absent. The system resolver is not subject to the
 * `Network`'s address policy; it talks to whatever the operating system is configured with.
 */
export function createSystemTransport(options: SystemTransportOptions = {}): Transport {
  const description = options.servers === undefined ? 'system' : `system (${options.servers.join(', ')})`;
  return {
    description,
    async exchange(question: NormalizedQuestion, context: ExchangeContext): Promise<ExchangeResult> {
      if (!systemResolverTypes.includes(question.type)) {
        return {
          ok: false,
          error: {
            code: 'unsupported',
            message: `the system resolver (node:dns) cannot look up ${question.type}; use a DoH, UDP or TCP resolver`,
          },
          server: description,
        };
      }
      if (question.name === '' || question.name.includes('\\')) {
        return {
          ok: false,
          error: { code: 'unsupported', message: 'the system resolver cannot look up the root or names with escaped octets' },
          server: description,
        };
      }
      // One node:dns Resolver per query, so that cancelling it on abort or timeout cannot
      // cancel anyone else's lookups. c-ares gets the same time limit and a single try.
      const resolver = new dnsPromises.Resolver({ timeout: Math.max(1, Math.ceil(context.timeoutMs)), tries: 1 });
      if (options.servers !== undefined) resolver.setServers([...options.servers]);
      const outcome = await withDeadline(
        context.signal,
        context.timeoutMs,
        `system lookup of ${question.name} ${question.type}`,
        async (signal) => {
          signal.addEventListener('abort', () => resolver.cancel(), { once: true });
          context.onSend();
          try {
            const found = await lookup(resolver, question.name, question.type);
            const answers: DnsRecord[] = found.map(({ data, ttl }) => ({ name: question.name, type: question.type, class: IN, ttl, data }));
            return syntheticMessage(question, 'NOERROR', answers);
          } catch (caught) {
            const code = typeof caught === 'object' && caught !== null && 'code' in caught ? String(caught.code) : '';
            const rcode = rcodeByError[code];
            if (rcode !== undefined) return syntheticMessage(question, rcode, []);
            const reason = caught instanceof Error ? caught.message : String(caught);
            throw new DnsWireError(
              errorCodeBySystemCode[code] ?? 'network',
              `system lookup of ${question.name} ${question.type} failed: ${reason}`,
            );
          }
        },
      );
      if (outcome.ok) return { ok: true, message: outcome.value, server: description };
      return { ok: false, error: outcome.error, server: description };
    },
  };
}
