import { type DnssecEvidence, declareProbe } from '@pastoe/core/model';

/** The DNSSEC of each mail server's name (SOA lookup), one piece of evidence per MX host. */
export const mxDnssecDeclaration = declareProbe<DnssecEvidence>({
  id: 'mail-mx-dnssec',
  description: 'Validates the DNSSEC chain of every MX host name (SOA lookup)',
  scope: 'each',
});
