import type { ValidationResult } from '../dnssec/validator.js';
import { ProbeFailure } from '../model/evidence.js';
import { defineProbe, type ProbeContext, type ProbeDefinition } from '../model/probe.js';

/** What pastoe learned about the DNSSEC of one name: the validator's result for its SOA lookup. */
export type DnssecEvidence = ValidationResult;

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

/** The DNSSEC of the domain under test (its SOA lookup), validated from the trust anchors down. */
export const dnssecProbe: ProbeDefinition<DnssecEvidence, 'target'> = defineProbe({
  id: 'dnssec-domain',
  description: 'Validates the DNSSEC chain of the domain (SOA lookup) from the trust anchors down',
  run: (subject, context) => probeDnssec(subject.name, context),
});
