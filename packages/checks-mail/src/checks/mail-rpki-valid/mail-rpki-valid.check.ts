import { defineCheck, judgeRouteValidity, rpkiReferences } from '@pastoe/core/model';
import { mxRouteOriginDeclaration } from '../../probes/mx-route-origin.declaration.js';

/**
 * Every route to every address of every mail server is RPKI-valid (Internet.nl
 * `mail_rpki_valid`); without MX, not tested (`not-routed`) at full points.
 */
export const mailRpkiValid = defineCheck({
  id: 'mail-rpki-valid',
  standard: 'rpki',
  internetnl: 'mail_rpki_valid',
  references: rpkiReferences,
  probes: { origins: mxRouteOriginDeclaration },
  acceptsProbeErrors: true,
  evaluate: ({ origins }) => judgeRouteValidity('mail-rpki-valid', origins),
});
