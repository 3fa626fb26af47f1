/**
 * The name servers of a domain and their addresses, for the RPKI name-server subtests. A stand-in
 * until a shared `name-servers` probe exists: its evidence would replace this lookup.
 */
import type { DnsResult } from '../dns/types.js';
import { ProbeFailure } from '../model/evidence.js';
import type { ProbeContext } from '../model/probe.js';
import { probeAddresses } from './addresses.probe.js';
import type { NameServerAddresses } from './name-servers.declaration.js';

/** The most name servers looked up (Internet.nl has no limit; real zones list a handful). */
const maxNameServers = 16;

function failed(result: Extract<DnsResult, { ok: false }>, what: string): ProbeFailure {
  const code = result.error.code === 'timeout' || result.error.code === 'aborted' ? result.error.code : 'unreachable';
  return new ProbeFailure(code, `${what}: ${result.error.message}`);
}

/**
 * Looks up the NS set of `domain`, or of its nearest parent that has one (Internet.nl strips
 * labels until it finds NS records, stopping above the top-level domain), and the A and AAAA
 * records of each name server, sorted by name. No NS set at all gives no name servers.
 *
 * @throws ProbeFailure when a lookup fails (SERVFAIL, REFUSED, timeout)
 */
export async function lookupNameServers(
  domain: string,
  context: ProbeContext,
): Promise<{ readonly zone: string; readonly nameServers: NameServerAddresses[] }> {
  const labels = domain.split('.');
  for (let start = 0; start < labels.length - 1; start++) {
    const zone = labels.slice(start).join('.');
    const result = await context.transports.resolver.query({ name: zone, type: 'NS' }, { signal: context.signal });
    if (!result.ok) throw failed(result, `NS lookup of ${zone}`);
    const { rcode, answers } = result.message;
    if (rcode === 'SERVFAIL') throw new ProbeFailure('servfail', `NS lookup of ${zone} answered SERVFAIL`);
    if (rcode === 'REFUSED') throw new ProbeFailure('dns-refused', `NS lookup of ${zone} answered REFUSED`);
    const hosts = [...new Set(answers.flatMap(({ data }) => (data.type === 'NS' ? [data.target.toLowerCase().replace(/\.$/, '')] : [])))];
    if (hosts.length === 0) continue;
    const chosen = hosts.sort().slice(0, maxNameServers);
    const nameServers = await Promise.all(
      chosen.map(async (name) => {
        const { ipv4, ipv6 } = await probeAddresses(name, context);
        return { name, ipv4, ipv6 };
      }),
    );
    return { zone, nameServers };
  }
  // No NS set anywhere below the top-level domain: no name server addresses to judge.
  return { zone: domain, nameServers: [] };
}
