import { followCnames } from '../dns/resolver/cnames.js';
import { ProbeFailure } from '../model/evidence.js';
import { implementProbe, type ProbeContext, type ProbeDefinition } from '../model/probe.js';
import { probeAddresses } from './addresses.probe.js';
import {
  maxNameServerAddresses,
  maxNameServers,
  type NameServerAddresses,
  type NameServerEvidence,
  nameServersDeclaration,
} from './name-servers.declaration.js';

/** The most names asked for NS: the domain and its parents, however deep the name. */
const maxNamesAsked = 10;

/** The NS targets at `name` (after CNAMEs), or none; SERVFAIL, REFUSED and failed queries are typed failures. */
async function nsTargets(name: string, context: ProbeContext): Promise<{ readonly owner: string; readonly targets: string[] }> {
  const result = await context.transports.resolver.query({ name, type: 'NS' }, { signal: context.signal });
  if (!result.ok) {
    const code = result.error.code === 'timeout' || result.error.code === 'aborted' ? result.error.code : 'unreachable';
    throw new ProbeFailure(code, `NS lookup of ${name}: ${result.error.message}`);
  }
  const { rcode } = result.message;
  if (rcode === 'SERVFAIL') throw new ProbeFailure('servfail', `NS lookup of ${name} answered SERVFAIL`);
  if (rcode === 'REFUSED') throw new ProbeFailure('dns-refused', `NS lookup of ${name} answered REFUSED`);
  const chain = followCnames(result.message, name, 'NS');
  const targets = chain.records.flatMap(({ data }) => (data.type === 'NS' ? [data.target.toLowerCase()] : []));
  return { owner: chain.finalName, targets: [...new Set(targets)] };
}

/** The parent of a name, or `undefined` when stripping a label would leave a top-level domain or less. */
function parentBelowTld(name: string): string | undefined {
  const dot = name.indexOf('.');
  if (dot < 0) return undefined;
  const parent = name.slice(dot + 1);
  return parent.includes('.') ? parent : undefined;
}

/** The addresses of one name server; a failed lookup leaves it without addresses and says why. */
async function nameServerAddresses(name: string, context: ProbeContext): Promise<NameServerAddresses> {
  try {
    const { ipv4, ipv6 } = await probeAddresses(name, context);
    const omitted = Math.max(0, ipv4.length - maxNameServerAddresses) + Math.max(0, ipv6.length - maxNameServerAddresses);
    return {
      name,
      ipv4: ipv4.slice(0, maxNameServerAddresses),
      ipv6: ipv6.slice(0, maxNameServerAddresses),
      ...(omitted > 0 ? { omittedAddresses: omitted } : {}),
    };
  } catch (caught) {
    if (context.signal.aborted || !(caught instanceof ProbeFailure)) throw caught;
    return { name, ipv4: [], ipv6: [], lookupError: caught.message };
  }
}

/**
 * Finds the name servers of `domain` as Internet.nl does: the NS RRset of the domain, or when it
 * has none, of its parent, and so on up to (not including) the top-level domain; then each name
 * server's A and AAAA records, IPv4-mapped IPv6 addresses left out. At most
 * {@link maxNameServers} name servers are looked at, and {@link maxNameServerAddresses}
 * addresses per family of each.
 */
export async function probeNameServers(domain: string, context: ProbeContext): Promise<NameServerEvidence> {
  const asked: string[] = [];
  let name: string | undefined = domain;
  while (name !== undefined && asked.length < maxNamesAsked) {
    asked.push(name);
    const { owner, targets } = await nsTargets(name, context);
    if (targets.length > 0) {
      const kept = targets.slice(0, maxNameServers);
      const nameServers = await Promise.all(kept.map((target) => nameServerAddresses(target, context)));
      const omitted = targets.length - kept.length;
      return { domain, asked, zone: owner, nameServers, ...(omitted > 0 ? { omitted } : {}) };
    }
    name = parentBelowTld(name);
  }
  return { domain, asked, zone: null, nameServers: [] };
}

/** Implements {@link nameServersDeclaration} with the scan's resolver. */
export const nameServersProbe: ProbeDefinition<NameServerEvidence, 'target'> = implementProbe(nameServersDeclaration, {
  run: (subject, context) => probeNameServers(subject.name, context),
});
