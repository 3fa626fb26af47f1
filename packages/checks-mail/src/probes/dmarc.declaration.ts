import { declareProbe } from '@pastoe/core/model';
import type { DmarcEvidence } from '../dmarc/evidence.js';

/**
 * The DMARC record of the mail domain (at the domain, else where the ruleset's discovery finds
 * it), where it was found, and the authorization lookups of its external report destinations.
 */
export const dmarcDeclaration = declareProbe<DmarcEvidence>({
  id: 'mail-dmarc',
  description:
    'Looks up the DMARC record of the mail domain or its organizational domain, and who authorizes its external report destinations',
});
