import { defineCheck, judgeRouteValidity, rpkiReferences } from '@pastoe/core/model';
import { mxNameServerRouteOriginDeclaration } from '../../probes/mx-route-origin.declaration.js';
import { mxNameServerAddressEvidence } from '../mx-name-server-origins.js';

/**
 * Every route to every address of every name server of each mail server's zone is RPKI-valid
 * (Internet.nl `mail_mx_ns_rpki_valid`); without MX, not tested (`not-routed`) at full points.
 */
export const mailMxNsRpkiValid = defineCheck({
  id: 'mail-mx-ns-rpki-valid',
  standard: 'rpki',
  internetnl: 'mail_mx_ns_rpki_valid',
  references: rpkiReferences,
  probes: { origins: mxNameServerRouteOriginDeclaration },
  acceptsProbeErrors: true,
  evaluate: ({ origins }) => judgeRouteValidity('mail-mx-ns-rpki-valid', mxNameServerAddressEvidence(origins)),
});
