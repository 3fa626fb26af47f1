import { followCnames } from '../dns/resolver/cnames.js';
import type { DnsError } from '../dns/types.js';
import { type ProbeErrorCode, ProbeFailure } from '../model/evidence.js';
import { implementProbe, type ProbeContext, type ProbeDefinition } from '../model/probe.js';
import { isIpv4MappedIpv6 } from '../transport/address-policy.js';
import { type AddressEvidence, webAddressesDeclaration } from './addresses.declaration.js';

export type { AddressEvidence } from './addresses.declaration.js';

const dnsFailureCodes: Readonly<Partial<Record<DnsError['code'], ProbeErrorCode>>> = {
  timeout: 'timeout',
  aborted: 'aborted',
  malformed: 'malformed',
  'too-large': 'too-large',
  'forbidden-address': 'forbidden-address',
  unsupported: 'unsupported',
};

/**
 * How many more queries a lookup makes when a CNAME chain leaves the answer section (a resolver
 * that returns the first CNAME only). Each asks from where the chain stopped.
 */
const maxChainRequeries = 8;

/**
 * The addresses of one type at `name`, after CNAMEs. Only records at the end of the chain count,
 * not any A or AAAA the answer section happens to hold for other owners. A CNAME loop or an
 * over-long chain gives no addresses, as a resolver would.
 */
async function lookupType(name: string, type: 'A' | 'AAAA', context: ProbeContext): Promise<string[]> {
  let current = name;
  for (let round = 0; round <= maxChainRequeries; round++) {
    const result = await context.transports.resolver.query({ name: current, type }, { signal: context.signal });
    if (!result.ok) {
      throw new ProbeFailure(dnsFailureCodes[result.error.code] ?? 'unreachable', `${type} lookup of ${current}: ${result.error.message}`);
    }
    const { rcode } = result.message;
    if (rcode === 'SERVFAIL') throw new ProbeFailure('servfail', `${type} lookup of ${current} answered SERVFAIL`);
    if (rcode === 'REFUSED') throw new ProbeFailure('dns-refused', `${type} lookup of ${current} answered REFUSED`);
    const chain = followCnames(result.message, current, type);
    if (chain.error !== undefined) return [];
    if (chain.records.length > 0) {
      return chain.records.flatMap(({ data }) => (data.type === type ? [data.address] : []));
    }
    // NODATA or NXDOMAIN at the end of the chain, or a chain that leaves the answer: ask again from there.
    if (chain.chain.length === 0 || rcode !== 'NOERROR') return [];
    current = chain.finalName;
  }
  return [];
}

/**
 * Looks up the A and AAAA records of `name`, following CNAMEs. NXDOMAIN or NODATA is evidence
 * (no addresses); SERVFAIL and REFUSED answers and failed queries are typed failures. IPv4-mapped
 * IPv6 addresses are set apart in `ipv4Mapped`: they are not IPv6 paths (Internet.nl drops them).
 */
export async function probeAddresses(name: string, context: ProbeContext): Promise<AddressEvidence> {
  const [ipv4, aaaa] = await Promise.all([lookupType(name, 'A', context), lookupType(name, 'AAAA', context)]);
  const ipv6 = [...new Set(aaaa)];
  const mapped = ipv6.filter(isIpv4MappedIpv6);
  return {
    name,
    ipv4: [...new Set(ipv4)],
    ipv6: ipv6.filter((ip) => !isIpv4MappedIpv6(ip)),
    ...(mapped.length === 0 ? {} : { ipv4Mapped: mapped }),
  };
}

/** Implements {@link webAddressesDeclaration} with the scan's resolver. */
export const webAddressesProbe: ProbeDefinition<AddressEvidence, 'target'> = implementProbe(webAddressesDeclaration, {
  run: (subject, context) => probeAddresses(subject.name, context),
});
