import { defineCheck, judgeRoaExistence, rpkiReferences } from '@pastoe/core/model';
import { mxRouteOriginDeclaration } from '../../probes/mx-route-origin.declaration.js';

/**
 * A ROA covers every address of every mail server (Internet.nl `mail_rpki_exists`); without MX,
 * not tested (`no-addresses`) at full points.
 */
export const mailRpkiExists = defineCheck({
  id: 'mail-rpki-exists',
  standard: 'rpki',
  internetnl: 'mail_rpki_exists',
  references: rpkiReferences,
  probes: { origins: mxRouteOriginDeclaration },
  acceptsProbeErrors: true,
  evaluate: ({ origins }) => judgeRoaExistence('mail-rpki-exists', origins),
});
