import type { DnsError } from '../dns/types.js';
import { type ProbeErrorCode, ProbeFailure } from '../model/evidence.js';
import { implementProbe, type ProbeContext, type ProbeDefinition } from '../model/probe.js';
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

/** Implements {@link webAddressesDeclaration} with the scan's resolver. */
export const webAddressesProbe: ProbeDefinition<AddressEvidence, 'target'> = implementProbe(webAddressesDeclaration, {
  run: (subject, context) => probeAddresses(subject.name, context),
});
