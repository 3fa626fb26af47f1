import { caaLookupNames, type CaaLookup, selectCaaRRset } from '../caa/lookup.js';
import { ProbeFailure } from '../model/evidence.js';
import { implementProbe, type ProbeContext, type ProbeDefinition } from '../model/probe.js';
import { type CaaEvidence, caaDeclaration } from './caa.declaration.js';

/** At most this many CAA records are kept per answer: Internet.nl evaluates no more than 1000 in a set. */
const maxRecordsKept = 1000;

/**
 * Climbs the DNS tree for the relevant CAA record set of `domain` (RFC 8659 §3), one query per
 * name from the domain up to its top-level domain, stopping at the first CAA records or the
 * first failed answer (which {@link selectCaaRRset} reads as no CAA, as Internet.nl does). A
 * query that pastoe's own resolver could not make (timeout, network) fails the probe instead.
 */
export async function probeCaa(domain: string, context: ProbeContext): Promise<CaaEvidence> {
  const lookups: CaaLookup[] = [];
  // At most one query per label: a DNS name has at most 127.
  for (let step = 0; step < caaLookupNames(domain).length; step++) {
    const selection = selectCaaRRset(domain, lookups);
    if (selection.status !== 'lookup') break;
    const result = await context.transports.resolver.query({ name: selection.name, type: 'CAA' }, { signal: context.signal });
    if (!result.ok) {
      const code = result.error.code === 'timeout' || result.error.code === 'aborted' ? result.error.code : 'unreachable';
      throw new ProbeFailure(code, `CAA lookup of ${selection.name}: ${result.error.message}`);
    }
    const records = result.message.answers
      .filter((record) => record.data.type === 'CAA' || record.data.type === 'CNAME')
      .slice(0, maxRecordsKept);
    lookups.push({ name: selection.name, rcode: result.message.rcode, records });
  }
  return { domain, lookups };
}

/** Implements {@link caaDeclaration} with the scan's resolver. */
export const caaProbe: ProbeDefinition<CaaEvidence, 'target'> = implementProbe(caaDeclaration, {
  run: (subject, context) => probeCaa(subject.name, context),
});
