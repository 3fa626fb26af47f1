import type { DnsError } from '../dns/types.js';
import { type ProbeErrorCode, ProbeFailure } from '../model/evidence.js';
import { defineProbe, type ProbeContext, type ProbeDefinition } from '../model/probe.js';

/** The addresses a name has: its A and AAAA records, CNAMEs followed by the resolver. */
export interface AddressEvidence {
  /** The name looked up. */
  readonly name: string;
  /** IPv4 addresses, in the order the answer gave them. */
  readonly ipv4: readonly string[];
  /** IPv6 addresses, in the order the answer gave them. */
  readonly ipv6: readonly string[];
}

const dnsFailureCodes: Readonly<Partial<Record<DnsError['code'], ProbeErrorCode>>> = {
  timeout: 'timeout',
  aborted: 'aborted',
  malformed: 'malformed',
  'too-large': 'too-large',
  'forbidden-address': 'forbidden-address',
  unsupported: 'unsupported',
};

/**
 * Looks up the A and AAAA records of `name`. NXDOMAIN or NODATA is evidence (no addresses);
 * SERVFAIL and REFUSED answers and failed queries are typed failures.
 */
export async function probeAddresses(name: string, context: ProbeContext): Promise<AddressEvidence> {
  const lookup = async (type: 'A' | 'AAAA'): Promise<string[]> => {
    const result = await context.transports.resolver.query({ name, type }, { signal: context.signal });
    if (!result.ok) {
      throw new ProbeFailure(dnsFailureCodes[result.error.code] ?? 'unreachable', `${type} lookup of ${name}: ${result.error.message}`);
    }
    const { rcode, answers } = result.message;
    if (rcode === 'SERVFAIL') throw new ProbeFailure('servfail', `${type} lookup of ${name} answered SERVFAIL`);
    if (rcode === 'REFUSED') throw new ProbeFailure('dns-refused', `${type} lookup of ${name} answered REFUSED`);
    return answers.flatMap(({ data }) => ((data.type === 'A' || data.type === 'AAAA') && data.type === type ? [data.address] : []));
  };
  const [ipv4, ipv6] = await Promise.all([lookup('A'), lookup('AAAA')]);
  return { name, ipv4: [...new Set(ipv4)], ipv6: [...new Set(ipv6)] };
}

/** The addresses of the domain under test: where its website is served. */
export const webAddressesProbe: ProbeDefinition<AddressEvidence, 'target'> = defineProbe({
  id: 'web-addresses',
  description: 'Looks up the A and AAAA records of the domain (its web servers)',
  run: (subject, context) => probeAddresses(subject.name, context),
});
