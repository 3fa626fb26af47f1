import { ProbeFailure } from '../model/evidence.js';
import { implementProbe, type ProbeContext, type ProbeDefinition } from '../model/probe.js';
import { type DnssecEvidence, dnssecDeclaration } from './dnssec.declaration.js';

/**
 * Validates the SOA lookup of `name`, as Internet.nl does for the DNSSEC tests: a name below the
 * apex gets NODATA, whose proof decides the same way, and a CNAME is followed (an unsigned target
 * makes the name insecure). Shared by the domain probe and per-server probes.
 */
export async function probeDnssec(name: string, context: ProbeContext): Promise<DnssecEvidence> {
  const result = await context.transports.validator.validate(name, 'SOA', { signal: context.signal });
  if (result.status === 'indeterminate' && result.reason === 'aborted' && context.signal.aborted) {
    throw new ProbeFailure('aborted', `DNSSEC validation of ${name} was aborted`);
  }
  // Records are only the SOA; the chain and status are what the checks and reports read.
  return result;
}

/** Implements {@link dnssecDeclaration} with the scan's validator. */
export const dnssecProbe: ProbeDefinition<DnssecEvidence, 'target'> = implementProbe(dnssecDeclaration, {
  run: (subject, context) => probeDnssec(subject.name, context),
});
