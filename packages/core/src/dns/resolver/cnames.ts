import type { DnsMessage, DnsRecord, RecordType } from '../types.js';
import { canonicalName } from '../wire/names.js';

/** The most CNAMEs {@link followCnames} follows; resolvers stop at similar depths (BIND 16, Unbound 11). */
export const maxCnameChain = 16;

/** The CNAME chain for a name in one response, and the RRset it ends at. */
export interface CnameChain {
  /** The CNAME records followed, in order from the asked name. */
  readonly chain: readonly DnsRecord[];
  /** The name the chain ends at (the asked name when there is no CNAME). */
  readonly finalName: string;
  /** The records of the asked type at {@link CnameChain.finalName} (empty for NODATA, NXDOMAIN, or an incomplete chain). */
  readonly records: readonly DnsRecord[];
  /** Why the chain was cut short: it loops, or it is longer than {@link maxCnameChain}. */
  readonly error?: 'loop' | 'too-long';
}

/**
 * Follows CNAMEs in a response's answer section from `name` to the RRset of `type`. Resolvers
 * leave the chain in the answer; this reads it for the consumer. Asking for `CNAME` (or `ANY`)
 * itself returns the records at `name` without following. The answer section is the only
 * source: a chain that leaves it ends with no records, which the caller can query further.
 * @param message - the response
 * @param name - the asked name, in any case
 * @param type - the asked type
 */
export function followCnames(message: DnsMessage, name: string, type: RecordType): CnameChain {
  let current: string;
  try {
    current = canonicalName(name);
  } catch {
    current = name.toLowerCase();
  }
  const atName = (owner: string): DnsRecord[] => message.answers.filter((record) => record.name === owner);
  if (type === 'CNAME' || type === 'ANY') {
    const records = atName(current).filter((record) => type === 'ANY' || record.type === 'CNAME');
    return { chain: [], finalName: current, records };
  }
  const chain: DnsRecord[] = [];
  const seen = new Set<string>([current]);
  for (;;) {
    const here = atName(current);
    const records = here.filter((record) => record.type === type);
    if (records.length > 0) return { chain, finalName: current, records };
    const cname = here.find((record) => record.data.type === 'CNAME');
    if (cname === undefined || cname.data.type !== 'CNAME') return { chain, finalName: current, records: [] };
    if (chain.length >= maxCnameChain) return { chain, finalName: current, records: [], error: 'too-long' };
    chain.push(cname);
    current = cname.data.target;
    if (seen.has(current)) return { chain, finalName: current, records: [], error: 'loop' };
    seen.add(current);
  }
}
