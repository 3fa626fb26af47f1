import { type CaaEvidence, declareProbe } from '@pastoe/core/model';

/** The CAA record set relevant to every mail server's name, found by climbing the DNS tree (RFC 8659). */
export const mailCaaDeclaration = declareProbe<CaaEvidence>({
  id: 'caa-mail',
  description: 'Looks up the CAA records relevant to every MX host name, climbing the DNS tree',
  scope: 'each',
});
