import type { ValidationResult } from '../dnssec/types.js';
import { declareProbe } from '../model/probe-declaration.js';

/** What pastoe learned about the DNSSEC of one name: the validator's result for its SOA lookup. */
export type DnssecEvidence = ValidationResult;

/** The DNSSEC of the domain under test (its SOA lookup), validated from the trust anchors down. */
export const dnssecDeclaration = declareProbe<DnssecEvidence>({
  id: 'dnssec-domain',
  description: 'Validates the DNSSEC chain of the domain (SOA lookup) from the trust anchors down',
});
