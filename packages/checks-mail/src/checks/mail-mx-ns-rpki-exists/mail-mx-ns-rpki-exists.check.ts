import { defineCheck, judgeRoaExistence, rpkiReferences } from '@pastoe/core/model';
import { mxNameServerRouteOriginDeclaration } from '../../probes/mx-route-origin.declaration.js';
import { mxNameServerAddressEvidence } from '../mx-name-server-origins.js';

/**
 * A ROA covers every address of every name server of each mail server's zone (Internet.nl
 * `mail_mx_ns_rpki_exists`); without MX, not tested (`no-addresses`) at full points.
 */
export const mailMxNsRpkiExists = defineCheck({
  id: 'mail-mx-ns-rpki-exists',
  standard: 'rpki',
  internetnl: 'mail_mx_ns_rpki_exists',
  references: rpkiReferences,
  probes: { origins: mxNameServerRouteOriginDeclaration },
  acceptsProbeErrors: true,
  evaluate: ({ origins }) => judgeRoaExistence('mail-mx-ns-rpki-exists', mxNameServerAddressEvidence(origins)),
});
